import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, usesNonce } from "@/lib/csp";

/* Which pages get a nonce, and the two policies (issue 13, item 7). */

describe("usesNonce", () => {
  it.each(["/login", "/forgot-password", "/reset-password", "/invite/accept", "/account"])(
    "%s: rendered per request",
    (path) => expect(usesNonce(path)).toBe(true),
  );
  it.each(["/workspace", "/workspace/12/edit", "/admin", "/admin/review/3"])(
    "%s: signed in, rendered per request",
    (path) => expect(usesNonce(path)).toBe(true),
  );
  it.each([
    "/",
    "/map",
    "/arrangements/x",
    "/councils/E10000008",
    "/api/v1/stats",
    "/loginx",
    "/administration",
    "/data",
  ])("%s: cached or not a page, no nonce", (path) => expect(usesNonce(path)).toBe(false));
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, trusting what they load, when given one", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy({ nonce });
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("keeps 'unsafe-inline' scripts without one, and the rest locked down either way", () => {
    for (const policy of [contentSecurityPolicy(), contentSecurityPolicy({ nonce: newNonce() })]) {
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("form-action 'self'");
    }
    expect(contentSecurityPolicy()).toContain("script-src 'self' 'unsafe-inline';");
    expect(contentSecurityPolicy({ dev: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
