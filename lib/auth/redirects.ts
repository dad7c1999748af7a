/** Only same-site paths ("/workspace"), never "//evil.example" or "https://…": no open redirect. */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\"))
    return null;
  if (next.startsWith("/login") || next.startsWith("/api/")) return null;
  return next;
}
