/*
 * Public pages whose query string selects what they show (filters, search, year…). Next.js caches
 * a page whole (ISR) per path, never per query string: a page that reads `searchParams` is
 * rendered afresh on every request. So proxy.ts rewrites each of these URLs to an internal route
 * that carries the canonical query as a path segment:
 *
 *   /arrangements?q=legal&region=london  →  /cached/arrangements/q=legal&region=london
 *
 * and the page there (app/(public)/cached/<page>/[query]/page.tsx) reads it from `params`, which
 * Next.js caches per value. Only the parameter names a page declares are kept, in a fixed order,
 * so `?utm_source=x` or a different parameter order share one cached copy. Pages that take no
 * query (/editions, /data) are ordinary routes and are not listed. app/(public)/cached/README.md
 * says which URL maps to which folder. Pure module: the proxy and the pages both use it.
 */

export type CachedPage = {
  /** The public path. */
  path: string;
  /** The internal route prefix under app/(public)/cached/. */
  internal: string;
  /** Query parameters the page reads; anything else is dropped. */
  params: readonly string[];
};

export const CACHED_PAGES: readonly CachedPage[] = [
  { path: "/", internal: "/cached/home", params: ["region", "category"] },
  {
    path: "/map",
    internal: "/cached/map",
    params: ["year", "tier", "view", "measure", "category", "region", "council"],
  },
  {
    path: "/arrangements",
    internal: "/cached/arrangements",
    params: [
      "q",
      "region",
      "category",
      "organisation",
      "partner",
      "stage",
      "from",
      "to",
      "min",
      "max",
      "sort",
      "page",
    ],
  },
  { path: "/partners", internal: "/cached/partners", params: ["council", "category", "page"] },
  { path: "/compare", internal: "/cached/compare", params: ["councils", "add", "remove"] },
];

/**
 * The internal prefix. Reaching it directly is harmless (it is the same public page), so it is
 * not blocked; links always use the public paths.
 */
export const INTERNAL_PREFIX = "/cached/";

/** The value used as the path segment when no parameter is given. */
export const EMPTY_QUERY = "-";

/** The longest value kept for one parameter; longer values are cut (search text, codes). */
export const MAX_PARAM_LENGTH = 500;

export function cachedPageFor(pathname: string): CachedPage | undefined {
  return CACHED_PAGES.find((p) => p.path === pathname);
}

/**
 * The canonical query for a page: its own parameters only, in declared order, each value
 * trimmed, empty ones dropped, repeated ones kept in the order given.
 */
export function canonicalQuery(page: CachedPage, search: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const name of page.params) {
    for (const raw of search.getAll(name)) {
      const value = raw.trim().slice(0, MAX_PARAM_LENGTH);
      if (value !== "") out.append(name, value);
    }
  }
  const text = out.toString();
  return text === "" ? EMPTY_QUERY : text;
}

/** The internal path the proxy rewrites a public URL to. */
export function internalPath(page: CachedPage, search: URLSearchParams): string {
  return `${page.internal}/${encodeURIComponent(canonicalQuery(page, search))}`;
}

/** What a cached page's `[query]` segment holds, back as search parameters. */
export function queryFromSegment(segment: string): URLSearchParams {
  let text = segment;
  // Next.js hands params over decoded; decode again only if it still looks encoded.
  if (/%[0-9A-Fa-f]{2}/.test(text) && !text.includes("=")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return new URLSearchParams();
    }
  }
  return text === EMPTY_QUERY ? new URLSearchParams() : new URLSearchParams(text);
}

/** The public URL for a page with some parameters (links, canonical URLs). */
export function publicHref(path: string, query: URLSearchParams | Record<string, string>): string {
  const search = query instanceof URLSearchParams ? query : new URLSearchParams(query);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
