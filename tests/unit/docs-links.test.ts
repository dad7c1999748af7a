import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The README and docs/ travel with every clone, so their links must stay inside the repository
 * and lead somewhere: no `../` out of it, nothing under /work/ (this machine's layout), no file
 * that does not exist. Web addresses and in-page anchors are not checked.
 */

const root = path.resolve(import.meta.dirname, "..", "..");
const DOCUMENTS = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** Inline links `[text](target)` and reference definitions `[label]: target`, with their line. */
function linkTargets(markdown: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  markdown.split("\n").forEach((text, i) => {
    for (const match of text.matchAll(/\]\(\s*(?:<([^>]+)>|([^)\s]+))/g))
      found.push({ target: (match[1] ?? match[2])!, line: i + 1 });
    const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/.exec(text);
    if (definition) found.push({ target: definition[1]!, line: i + 1 });
  });
  return found;
}

/** Why a link from `document` is not allowed, or null when it is fine. */
function problem(document: string, target: string): string | null {
  if (/^(https?:|mailto:|#)/i.test(target)) return null;
  if (target.includes("/work/")) return "points into this machine's /work/ folder";
  if (target.startsWith("/")) return "is an absolute path, which a clone does not have";
  const file = decodeURIComponent(target.split("#")[0]!);
  const resolved = path.resolve(root, path.dirname(document), file);
  if (path.relative(root, resolved).startsWith("..")) return "leaves the repository";
  if (!existsSync(resolved)) return "leads to a file that does not exist";
  return null;
}

describe("documentation links stay inside the repository", () => {
  it.each(DOCUMENTS)("%s", (document) => {
    const text = readFileSync(path.join(root, document), "utf8");
    const bad = linkTargets(text)
      .map(({ target, line }) => ({ line, target, why: problem(document, target) }))
      .filter((link) => link.why !== null);
    expect(bad).toEqual([]);
    // Not even as plain text: a path on this machine means nothing in a clone.
    expect(text).not.toMatch(/\/work\//);
  });

  it("covers the docs folder and finds links the way a reader would", () => {
    expect(DOCUMENTS).toEqual(expect.arrayContaining(["docs/architecture.md", "docs/product.md"]));
    const sample = [
      "See [the brief](../shared/docs/PRODUCT.md) and [x](<docs/a b.md>).",
      '[ok](https://example.org "title") [anchor](#caching)',
      "[ref]: ../outside.md",
    ].join("\n");
    const targets = linkTargets(sample).map((l) => l.target);
    expect(targets).toEqual([
      "../shared/docs/PRODUCT.md",
      "docs/a b.md",
      "https://example.org",
      "#caching",
      "../outside.md",
    ]);
    expect(problem("README.md", "../shared/docs/PRODUCT.md")).toBe("leaves the repository");
    expect(problem("docs/architecture.md", "../README.md")).toBeNull();
    expect(problem("docs/architecture.md", "../../README.md")).toBe("leaves the repository");
    expect(problem("README.md", "/work/shared/docs/STYLE.md")).toMatch(/\/work\//);
    expect(problem("README.md", "docs/missing.md")).toMatch(/does not exist/);
  });
});
