/*
 * The compare page's question, from its URL: /compare?councils=E10000008,E07000040,E09000005.
 * Codes come comma-separated in one `councils` (the shareable form) or repeated (what the
 * picker's GET form sends without JavaScript: councils=A&councils=B), with the picker's `add`
 * (a council chosen to add) and `remove` (the council whose Remove button was pressed). The
 * list is the councils in the order given, less those removed, then the one added (unless one
 * is removed), each once.
 * Pure module: whether a code is a council, and which councils replaced a former one, is for
 * lib/councils/compare.ts (it needs the register).
 */

/** The fewest and most councils compared at once. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

/** The query parameters the page reads (and lib/public-routes.ts keeps). */
export const COMPARE_PARAMS = ["councils", "add", "remove"] as const;

/** A council's ONS GSS code: a letter and eight digits. */
const CODE = /^[A-Z]\d{8}$/;

/** More codes than this are not looked at (the page says how many were given). */
const MAX_READ = 50;

export type CompareQuery = {
  /** Well-formed codes, upper case, in order, each once. */
  codes: string[];
  /** What was given that is not a council code, as given (cut to 40 characters). */
  malformed: string[];
  /** True when the address asks anything (so an empty list is a mistake, not a first visit). */
  asked: boolean;
};

function values(search: URLSearchParams, name: string): string[] {
  return search
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, MAX_READ);
}

export function parseCompareQuery(search: URLSearchParams): CompareQuery {
  const removed = new Set(values(search, "remove").map((v) => v.toUpperCase()));
  // A Remove button sends the add field too: pressing it removes, and adds nothing.
  const added = removed.size > 0 ? [] : values(search, "add");
  const given = [...values(search, "councils"), ...added];
  const codes: string[] = [];
  const malformed: string[] = [];
  for (const raw of given) {
    const code = raw.toUpperCase();
    if (!CODE.test(code)) {
      const shown = raw.slice(0, 40);
      if (!malformed.includes(shown)) malformed.push(shown);
    } else if (!removed.has(code) && !codes.includes(code)) codes.push(code);
  }
  return { codes, malformed, asked: COMPARE_PARAMS.some((name) => search.has(name)) };
}

/** The shareable address of a comparison: /compare?councils=A,B,C (commas left readable). */
export function compareHref(codes: readonly string[]): string {
  return codes.length === 0 ? "/compare" : `/compare?councils=${codes.join(",")}`;
}

/** "2 to 6 councils": the limits said once, for messages and the API's description. */
export const COMPARE_LIMITS_TEXT = `${MIN_COMPARED} to ${MAX_COMPARED} councils`;
