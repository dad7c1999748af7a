/**
 * The Content-Security-Policy of every page (issue 13, item 7), set by proxy.ts.
 *
 * Pages rendered for each request — sign-in, password and invitation pages, the account, the
 * workspace and administration — get a fresh nonce: `script-src 'self' 'nonce-…'
 * 'strict-dynamic'`, and Next.js puts the nonce on its own scripts (it reads it from the request's
 * CSP header, node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md). An
 * injected inline script or event handler does not run there.
 *
 * The public pages keep `'unsafe-inline'`: they are cached whole (ISR) and served to everyone,
 * and Next.js streams each with inline scripts whose content differs per page and per version of
 * the data, so neither a per-request nonce nor a hash fixed in advance fits them. A nonce would
 * mean rendering every public page for every visitor (README, "Content Security Policy", has the
 * figures). Their protection is React's escaping, tested with an XSS corpus (security.spec.ts).
 *
 * Styles keep 'unsafe-inline' everywhere: charts and the map set style attributes, which a nonce
 * cannot cover. Pure module.
 */

/** Where pages are rendered per request, so a nonce costs nothing in caching. */
export const NONCE_AREAS = [
  "/account",
  "/admin",
  "/workspace",
  "/login",
  "/forgot-password",
  "/reset-password",
  "/invite",
];

export function usesNonce(pathname: string): boolean {
  return NONCE_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

/** 128 random bits, base64: unguessable, fresh for every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: { nonce?: string | null; dev?: boolean } = {}) {
  const scripts = options.nonce
    ? `'self' 'nonce-${options.nonce}' 'strict-dynamic'`
    : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}
