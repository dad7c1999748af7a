import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

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
});
