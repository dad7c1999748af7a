// The app's modules read the environment; the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, describe, expect, it } from "vitest";
import { sql as appPool } from "@/db/client";
import { env } from "@/lib/env";
import { checkDatabase } from "@/lib/health";

/*
 * The proxy turns every request away with a 503 while the health check fails, so the check must
 * tell a database that is down from one whose connections are all busy serving pages. (A database
 * that is down — connections refused — is tests/e2e/reliability.spec.ts, through the fault proxy.)
 */

afterAll(async () => {
  await appPool().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

describe("the database check", () => {
  it("answers yes while every connection of the application pool is busy", async () => {
    const busy = Array.from({ length: env().DB_POOL_MAX }, () =>
      appPool()`select pg_sleep(2.5)`.execute(),
    );
    // Every pooled connection is now held for 2.5 s; a check queued behind them would take
    // longer than its 2 s limit.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    expect(await checkDatabase(2000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    await Promise.all(busy);
  });
});
