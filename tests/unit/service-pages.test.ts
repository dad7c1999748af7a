import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVICE_PAGES } from "@/lib/service-pages";

/*
 * The footer's service pages (about, privacy, cookies…) must each lead to a page: a static page
 * under app/(public)/ at that path. tests/e2e/accessibility.spec.ts visits each (200, axe clean).
 */

const PUBLIC_APP = path.join(process.cwd(), "app", "(public)");
const pageFile = (href: string) =>
  path.join(PUBLIC_APP, ...href.split("/").filter(Boolean), "page.tsx");

describe("the footer's service pages", () => {
  it.each(SERVICE_PAGES.map((p) => [p.href, p.label]))("%s (%s) is a page", (href) => {
    expect(existsSync(pageFile(href)), pageFile(href)).toBe(true);
  });

  it("links every one from the footer, and names each once", () => {
    const footer = readFileSync(path.join(process.cwd(), "components", "site-footer.tsx"), "utf8");
    expect(footer).toContain("SERVICE_PAGES.map");
    const hrefs = SERVICE_PAGES.map((p) => p.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs).toEqual(
      expect.arrayContaining(["/about", "/privacy", "/cookies", "/contact", "/accessibility"]),
    );
  });

  it("finds a page that is missing", () => {
    expect(existsSync(pageFile("/no-such-service-page"))).toBe(false);
  });
});
