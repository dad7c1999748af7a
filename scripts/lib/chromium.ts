import { existsSync } from "node:fs";

/*
 * The browser the end-to-end tests and the Lighthouse benchmark drive: Debian's Chromium where it
 * is installed (this project's machines cannot download browsers), otherwise the caller's default
 * (Playwright's own browser, or chrome-launcher's search). The flags keep it from reaching the
 * network on its own and let it run as root in a container.
 */

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Debian's Chromium when present, else undefined (the tool's own browser). */
export function chromiumPath(): string | undefined {
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}
