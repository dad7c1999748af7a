/**
 * The one place that decides where a user goes after signing in (the `next` parameter, the
 * single sign-on callback). Only a path on this site is accepted; anything else gives null and
 * the caller uses its default page.
 *
 * Why not a prefix check: browsers drop TAB, CR and LF inside URLs and treat `\` as `/`, so
 * `/%09/evil.example/` and `/\evil.example` pass a "starts with / but not //" test and still
 * land on another site; a control character in a Location header also makes Node refuse the
 * response (a 500 after the session cookie is set). So the value is refused outright if it
 * holds a control character, a space, a backslash or anything outside ASCII (unicode full stops
 * such as 。 become dots in some parsers), or if any percent-decoding of it holds a control
 * character, a backslash, a bidi control or a full stop, or begins with `//`; only then is it
 * parsed with the WHATWG URL parser against a fixed origin standing for the site's own: the
 * result must keep that origin and must not begin with `//` (which `/.//evil.example` normalises to).
 */
const SITE = "https://site.invalid";
const MAX_LENGTH = 2048;
// As sent: control characters, space, backslash, DEL and everything beyond ASCII.

const UNSAFE_RAW = /[\u0000-\u0020\\\u007f-\uffff]/;
// Once decoded (where an encoded space or letter is fine): control characters, backslash,
// line separators, bidi controls and the unicode full stops.

const UNSAFE_DECODED =
  /[\u0000-\u001f\\\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u3002\uff0e\uff61]/;
// Pages that must not be the destination: the sign-in page itself (a loop) and the API.
const REFUSED_PREFIXES = ["/login", "/api/"];

/** Every percent-decoding of `value` (up to three rounds), or null when one is malformed. */
function decodings(value: string): string[] | null {
  const forms = [value];
  let current = value;
  for (let round = 0; round < 3 && current.includes("%"); round++) {
    try {
      current = decodeURIComponent(current);
    } catch {
      return null;
    }
    forms.push(current);
  }
  return forms;
}

function unsafeForm(form: string, index: number): boolean {
  const pattern = index === 0 ? UNSAFE_RAW : UNSAFE_DECODED;
  return pattern.test(form) || !form.startsWith("/") || form.startsWith("//");
}

/** A same-site path (with its query and fragment) to go to, or null to use the default. */
export function safeRedirectPath(next: string | null | undefined): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return null;
  const forms = decodings(next);
  if (!forms || forms.some(unsafeForm)) return null;
  let url: URL;
  try {
    url = new URL(next, SITE);
  } catch {
    return null;
  }
  if (url.origin !== SITE || url.username || url.password) return null;
  if (url.pathname.startsWith("//")) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (REFUSED_PREFIXES.some((p) => url.pathname === p || url.pathname.startsWith(p))) return null;
  return path;
}

/**
 * Where someone works, and so where they land after signing in when they asked for no page:
 * administrators at the review queue, council editors in their council's workspace.
 */
export function landingPage(role: "admin" | "council_editor"): string {
  return role === "admin" ? "/admin/review" : "/workspace";
}

/** The destination after signing in: `next` when it is safe, otherwise the given default. */
export function redirectTarget(next: string | null | undefined, fallback: string): string {
  return safeRedirectPath(next) ?? fallback;
}
