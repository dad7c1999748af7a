import { describe, expect, it } from "vitest";
import {
  cachedPageFor,
  canonicalQuery,
  EMPTY_QUERY,
  internalPath,
  MAX_PARAM_LENGTH,
  queryFromSegment,
} from "@/lib/public-routes";

const explorer = cachedPageFor("/arrangements")!;

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
});
