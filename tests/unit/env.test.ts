import { describe, expect, it } from "vitest";
import { parseEnv as parse } from "@/lib/env";

const SECRET = "x".repeat(32);
/** Parses with a valid secret unless the test sets its own. */
const parseEnv = (vars: Record<string, string | undefined>) =>
  parse({ NEXTAUTH_SECRET: SECRET, ...vars });

describe("environment", () => {
  it("accepts a PostgreSQL URL and applies defaults", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u:p@db.internal:5432/register" });
    expect(env.DATABASE_URL).toBe("postgres://u:p@db.internal:5432/register");
    expect(env.DB_POOL_MAX).toBe(10);
  });

  it("names DATABASE_URL when it is missing", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL/);
  });

  it.each(["mysql://localhost/db", "not a url", "postgres://host-without-database"])(
    "names DATABASE_URL when it is malformed: %s",
    (value) => {
      expect(() => parseEnv({ DATABASE_URL: value })).toThrow(
        /DATABASE_URL must look like postgres:/,
      );
    },
  );

  it("names DB_POOL_MAX when it is not a sane number", () => {
    expect(() => parseEnv({ DATABASE_URL: "postgres://h/d", DB_POOL_MAX: "lots" })).toThrow(
      /DB_POOL_MAX/,
    );
  });

  it("names NEXTAUTH_SECRET when it is missing or short", () => {
    expect(() => parse({ DATABASE_URL: "postgres://h/d" })).toThrow(/NEXTAUTH_SECRET is not set/);
    expect(() => parse({ DATABASE_URL: "postgres://h/d", NEXTAUTH_SECRET: "short" })).toThrow(
      /NEXTAUTH_SECRET must be at least 32/,
    );
  });

  it("wants all three OIDC settings or none", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "postgres://h/d", OIDC_ISSUER: "https://login.example.org" }),
    ).toThrow(/OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    const env = parseEnv({
      DATABASE_URL: "postgres://h/d",
      OIDC_ISSUER: "https://login.example.org/tenant/v2.0",
      OIDC_CLIENT_ID: "id",
      OIDC_CLIENT_SECRET: "secret",
    });
    expect(env.OIDC_CLIENT_ID).toBe("id");
  });
});
