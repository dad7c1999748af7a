import { createHash } from "node:crypto";

/*
 * HTTP helpers the public data responses share (downloads, dashboard CSVs, /api/v1/stats):
 * conditional GET and the headers every one of them carries.
 */

/** Readable from any origin: this is open data, and no response depends on who asks. */
export const OPEN_CORS = { "Access-Control-Allow-Origin": "*" } as const;

/** Kept by browsers and proxies, but asked about again every time (ETag → 304). */
export const REVALIDATE_EVERY_TIME = "public, no-cache";

/** A strong ETag for a body already in memory. */
export function contentEtag(text: string): string {
  return `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

/** If-None-Match holds `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

/** 304 Not Modified with the headers the full response would have had. */
export function notModified(headers: Record<string, string>): Response {
  return new Response(null, { status: 304, headers });
}

/** `attachment; filename="…"` for a download, with only safe characters in the name. */
export function attachment(filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `attachment; filename="${safe}"`;
}
