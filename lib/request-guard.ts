import { plainResponse } from "@/lib/plain-page";

/**
 * Requests no page or action can read, answered by the proxy before Next.js tries to and fails
 * with a 500 (issue 13, item 4):
 *
 * - a path whose percent-encoding does not decode (`/arrangements/%ff`), or decodes to a
 *   control character: 400;
 * - a server action's body over the limit (next.config.js, serverActions.bodySizeLimit): 413;
 * - a POST to a page from another site (its Origin names another host than Host, or
 *   X-Forwarded-Host, as Next.js compares them for server actions, where a mismatch is a 500): 403;
 * - a POST to a page whose body cannot be what a form of this site sends: multipart that does
 *   not parse, or a server action (Next-Action header) whose arguments are not the two every
 *   action here takes (lib/auth/access.ts: the form's previous state and its FormData), in
 *   React's reply encoding: 400.
 *
 * Methods other than GET, HEAD, POST and OPTIONS never get this far (lib/request-line-guard.ts).
 * Pure module: takes a Request, returns the refusal or null.
 */

/** next.config.js serverActions.bodySizeLimit ("8mb"): the CSV import's 5 MB with headroom. */
export const ACTION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const FORM_UNREADABLE = {
  status: 400,
  title: "Sorry, the form could not be read",
  paragraphs: [
    "Nothing was saved. Go back to the form, reload the page and try again.",
    "If it happens again, the page may be out of date: open it afresh from the site's menu.",
  ],
};

const TOO_LARGE = {
  status: 413,
  title: "The file is too large",
  paragraphs: [
    "Nothing was saved. The file must be 5 MB or smaller: split it into smaller files and import each one.",
  ],
};

const OTHER_SITE = {
  status: 403,
  title: "Sorry, this form cannot be sent from another site",
  paragraphs: ["Nothing was saved. Open the form on this site and send it from there."],
};

const BAD_ADDRESS = {
  status: 400,
  title: "Sorry, that address is not valid",
  paragraphs: [
    "If you typed the web address, check it is correct.",
    "If you pasted the web address, check you copied the entire address.",
  ],
};

/** Whether every percent-escape in the path decodes to UTF-8 without control characters. */
export function decodablePath(pathname: string): boolean {
  try {
    return !/[\u0000-\u001f\u007f]/.test(decodeURIComponent(pathname));
  } catch {
    return false;
  }
}

export async function guardRequest(request: Request): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (!decodablePath(pathname)) return plainResponse(pathname, BAD_ADDRESS);
  if (request.method !== "POST" || pathname.startsWith("/api/")) return null;
  const problem = await formPostProblem(request);
  return problem ? plainResponse(pathname, problem) : null;
}

type Problem = typeof FORM_UNREADABLE | typeof TOO_LARGE | typeof OTHER_SITE;

/**
 * Whether the Origin, when there is one, is this site: its host against the first
 * X-Forwarded-Host, else Host (Next.js's own rule; without an Origin it lets an action through).
 */
export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return host !== "" && host === (forwarded || headers.get("host"));
}

/** What is wrong with a POST to a page, or null when a form of this site could have sent it. */
async function formPostProblem(request: Request): Promise<Problem | null> {
  if (!sameOrigin(request.headers)) return OTHER_SITE;
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  // Lower case only to compare: a multipart boundary is case-sensitive.
  const contentType = request.headers.get("content-type") ?? "";
  const type = contentType.toLowerCase();
  const isAction = request.headers.has("next-action");
  const multipart = type.startsWith("multipart/form-data");
  if (!isAction && !multipart) return null; // a plain POST renders the page; nothing to read
  if (isAction && !multipart && !type.startsWith("text/plain")) return FORM_UNREADABLE;

  const body = await request.clone().arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return TOO_LARGE;
  let root: string | null;
  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch {
      return FORM_UNREADABLE;
    }
    if (!isAction) return null; // a no-JavaScript form: Next.js reads its $ACTION fields itself
    const field = form.get("0");
    root = typeof field === "string" ? field : null;
  } else {
    root = new TextDecoder().decode(body);
  }
  return root !== null && actionArguments(root) ? null : FORM_UNREADABLE;
}

/**
 * Whether `text` is what React's encodeReply makes of (previous state, FormData): a JSON array
 * of two, the second a FormData reference ("$K<id>"), and no other reference ("$@1", "$F2", …)
 * that would send the decoder after a part that is not there. Plain values React escapes
 * ("$$…", "$undefined", numbers, dates, bigints) are allowed anywhere in the state.
 */
export function actionArguments(text: string): boolean {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return false;
  }
  if (!Array.isArray(root) || root.length !== 2) return false;
  if (typeof root[1] !== "string" || !/^\$K[0-9a-f]+$/.test(root[1])) return false;
  return plainState(root[0], 0);
}

const PLAIN_ESCAPE = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d+$)/;

function plainState(value: unknown, depth: number): boolean {
  if (depth > 32) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_ESCAPE.test(value);
  if (value === null || typeof value !== "object") return true;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.every((item) => plainState(item, depth + 1));
}
