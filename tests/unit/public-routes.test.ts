import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CACHED_PAGES,
  cachedPageFor,
  canonicalQuery,
  EMPTY_QUERY,
  internalPath,
  MAX_PARAM_LENGTH,
  queryFromSegment,
} from "@/lib/public-routes";

const explorer = cachedPageFor("/arrangements")!;
const PUBLIC_APP = path.join(process.cwd(), "app", "(public)");
const CACHED_APP = path.join(PUBLIC_APP, "cached");
/** The folder under app/(public)/cached/ a rewritten page lives in. */
const folderOf = (page: { internal: string }) => page.internal.replace(/^\/cached\//, "");

describe("public routes: the query string as a cacheable path segment", () => {
  it("keeps only the page's own parameters, in a fixed order, so equal searches share a copy", () => {
    const a = canonicalQuery(explorer, new URLSearchParams("region=london&q=legal&utm_source=x"));
    const b = canonicalQuery(explorer, new URLSearchParams("q=legal&region=london"));
    expect(a).toBe(b);
    expect(a).toBe("q=legal&region=london");
  });

  it("drops empty values and trims, and says so with one marker when nothing is left", () => {
    expect(canonicalQuery(explorer, new URLSearchParams("q=&region=%20"))).toBe(EMPTY_QUERY);
    expect(canonicalQuery(explorer, new URLSearchParams("q=%20legal%20"))).toBe("q=legal");
  });

  it("cuts over-long values, so a 10 kB search cannot become a 10 kB cache key", () => {
    const key = canonicalQuery(explorer, new URLSearchParams({ q: "x".repeat(10_000) }));
    expect(key).toBe(`q=${"x".repeat(MAX_PARAM_LENGTH)}`);
  });

  it("round-trips through the path segment, whether or not Next.js decoded it", () => {
    const search = new URLSearchParams({ q: 'procurement "Brent & Harrow" 50%', region: "london" });
    const path = internalPath(explorer, search);
    expect(path.startsWith("/cached/arrangements/")).toBe(true);
    const segment = path.slice("/cached/arrangements/".length);
    const expected = [...new URLSearchParams(canonicalQuery(explorer, search))];
    expect([...queryFromSegment(segment)]).toEqual(expected);
    expect([...queryFromSegment(decodeURIComponent(segment))]).toEqual(expected);
    expect([...queryFromSegment(EMPTY_QUERY)]).toEqual([]);
  });

  it("knows which public paths are rewritten", () => {
    expect(cachedPageFor("/")?.internal).toBe("/cached/home");
    expect(cachedPageFor("/login")).toBeUndefined();
    expect(cachedPageFor("/arrangements/some-slug")).toBeUndefined();
  });

  it("leaves pages that take no query as ordinary routes", () => {
    for (const pathname of ["/editions", "/data"]) {
      expect(cachedPageFor(pathname)).toBeUndefined();
      expect(existsSync(path.join(PUBLIC_APP, pathname.slice(1), "page.tsx"))).toBe(true);
    }
  });

  it("rewrites to a folder that exists, for every folder there is, and the README names each", () => {
    const folders = readdirSync(CACHED_APP, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(CACHED_PAGES.map(folderOf).sort());
    const readme = readFileSync(path.join(CACHED_APP, "README.md"), "utf8");
    for (const page of CACHED_PAGES) {
      const route = `${folderOf(page)}/[query]/page.tsx`;
      expect(existsSync(path.join(CACHED_APP, route)), route).toBe(true);
      expect(readme).toContain(`\`${page.path}\``);
      expect(readme).toContain(route);
    }
  });
});
