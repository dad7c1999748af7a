import { describe, expect, it } from "vitest";
import { redirectTarget, safeRedirectPath } from "@/lib/auth/redirects";

/*
 * Known open-redirect payloads (OWASP, PortSwigger and PayloadsAllTheThings lists, plus the
 * ones the security review used): every one must be refused, so sign-in goes to the default
 * page. A browser that received any of them as a Location would leave the site, or Node would
 * refuse to send the header.
 */
const REFUSED: string[] = [
  "/%09/evil.example/", // the review's finding: TAB survives the // check, browsers drop it
  "/\t/evil.example/",
  "/\r/evil.example/",
  "/\n/evil.example/",
  "/%0d/evil.example/",
  "/%0a/evil.example/",
  "/%0D%0ASet-Cookie:x=1",
  "/workspace\nLocation: https://evil.example",
  "//evil.example",
  "///evil.example",
  "////evil.example/",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/%2F/evil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "/%252F%252Fevil.example", // double-encoded //
  "/%255Cevil.example", // double-encoded \
  "/.//evil.example",
  "/./\\evil.example",
  "/%2e%2e//evil.example",
  "/..//evil.example",
  "/%2e//evil.example",
  "/evil。example", // ideographic full stop
  "//evil。example",
  "//evil．example", // fullwidth full stop
  "//evil｡example", // halfwidth ideographic full stop
  "/\u3002/evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "javascript://%0aalert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://evil.example",
  "http://evil.example/workspace",
  "https:evil.example",
  "http:/evil.example",
  "//user@evil.example",
  "/@evil.example/..//evil.example",
  "https://site.invalid@evil.example",
  "//site.invalid@evil.example/",
  "evil.example",
  "workspace",
  " /workspace",
  "/ /evil.example",
  "/\u0000/evil.example",
  "/%00/evil.example",
  "/\u007f/evil.example",
  "/\u2028/evil.example",
  "/\u202e/evil.example", // right-to-left override
  "/%E2%80%AE/evil.example",
  "/%ff", // malformed percent-encoding
  "/%",
  "/login",
  "/login?next=//evil.example",
  "/api/v1/arrangements",
  "",
  `/${"a".repeat(3000)}`,
];

const ACCEPTED: [string, string][] = [
  ["/workspace", "/workspace"],
  ["/workspace/12/edit", "/workspace/12/edit"],
  ["/admin/review?state=submitted", "/admin/review?state=submitted"],
  ["/arrangements?category=waste&page=2", "/arrangements?category=waste&page=2"],
  ["/account#password", "/account#password"],
  ["/councils/devon%20county", "/councils/devon%20county"],
  ["/workspace/./12", "/workspace/12"],
  ["/", "/"],
];

describe("safeRedirectPath: the one rule for post-sign-in destinations", () => {
  it("has a table of at least 30 known open-redirect payloads", () => {
    expect(REFUSED.length).toBeGreaterThanOrEqual(30);
  });

  it.each(REFUSED.map((p) => [JSON.stringify(p), p]))("refuses %s", (_label, payload) => {
    expect(safeRedirectPath(payload)).toBeNull();
    expect(redirectTarget(payload, "/account")).toBe("/account");
  });

  it.each(ACCEPTED)("keeps the same-site path %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(null)).toBeNull();
    expect(safeRedirectPath(undefined)).toBeNull();
    expect(redirectTarget(undefined, "/admin/review")).toBe("/admin/review");
  });

  it("never returns a value a browser could read as another origin", () => {
    for (const payload of [...REFUSED, ...ACCEPTED.map(([p]) => p)]) {
      const result = safeRedirectPath(payload);
      if (result === null) continue;
      const base = "https://site.example";
      expect(new URL(result, base).origin).toBe(base);
      expect(result).toMatch(/^\/(?![/\\])/);

      expect(result).not.toMatch(/[\u0000-\u0020\\]/);
    }
  });
});
