import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connect } from "@/db/client";
import { fixedWindowCounter } from "@/lib/auth/rate-limits";
import { createSignInThrottle, ipBucket } from "@/lib/auth/throttle";

// Two pools stand in for two app servers sharing one database.
const serverA = connect(process.env.DATABASE_URL!, { max: 4 });
const serverB = connect(process.env.DATABASE_URL!, { max: 4 });
const run = randomUUID().slice(0, 8);

afterAll(async () => {
  await serverA.sql`delete from rate_limits where key like ${`signin:%${run}%`}`;
  await Promise.all([serverA.sql.end(), serverB.sql.end()]);
});

let n = 0;
/** A fresh account and IP per test, tagged with this run so cleanup finds them. */
function fresh() {
  n += 1;
  return { email: `person${n}.${run}@devon.example.org`, ip: `192.0.2.${n}-${run}` };
}

async function rowsFor(...keys: string[]) {
  return serverA.sql<{ key: string; points: number; seconds_left: number }[]>`
    select key, points, extract(epoch from (expires_at - now()))::float8 as seconds_left
    from rate_limits where key in ${serverA.sql(keys)} order by key`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sign-in throttle", () => {
  it("refuses an account after N failures and says how long to wait", async () => {
    const throttle = createSignInThrottle({ sql: serverA.sql, accountPoints: 3 });
    const { email, ip } = fresh();

    for (let i = 0; i < 2; i++) await throttle.recordFailure(email, ip);
    expect(await throttle.check(email, ip)).toEqual({ allowed: true });

    await throttle.recordFailure(email, ip);
    const decision = await throttle.check(email, ip);
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    // Default window is 15 minutes; the first failure opened it a moment ago.
    expect(decision.retryAfterSeconds).toBeGreaterThan(15 * 60 - 10);
    expect(decision.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("treats differently-cased emails as one account", async () => {
    const throttle = createSignInThrottle({ sql: serverA.sql, accountPoints: 2 });
    const { email, ip } = fresh();
    await throttle.recordFailure(email.toUpperCase(), ip);
    await throttle.recordFailure(` ${email} `, ip);
    expect((await throttle.check(email, ip)).allowed).toBe(false);
  });

  it("does not consume anything when checking", async () => {
    const throttle = createSignInThrottle({ sql: serverA.sql, accountPoints: 1 });
    const { email, ip } = fresh();
    for (let i = 0; i < 5; i++) expect(await throttle.check(email, ip)).toEqual({ allowed: true });
    expect(await rowsFor(`signin:account:${email}`, `signin:ip:${ip}`)).toEqual([]);
  });

  it("releases a blocked account when the window ends, then counts afresh", async () => {
    const throttle = createSignInThrottle({
      sql: serverA.sql,
      accountPoints: 2,
      durationSeconds: 1,
    });
    const { email, ip } = fresh();
    await throttle.recordFailure(email, ip);
    await throttle.recordFailure(email, ip);
    const blocked = await throttle.check(email, ip);
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: 1 });

    await sleep(1_200);
    expect(await throttle.check(email, ip)).toEqual({ allowed: true });

    // The next failure restarts the window in the same row at one point, with a new expiry.
    await throttle.recordFailure(email, ip);
    const [row] = await rowsFor(`signin:account:${email}`);
    expect(row!.points).toBe(1);
    expect(row!.seconds_left).toBeGreaterThan(0.5);
    expect((await throttle.check(email, ip)).allowed).toBe(true);
  });

  it("never extends a window: failures while refused count, but the window still ends", async () => {
    const throttle = createSignInThrottle({
      sql: serverA.sql,
      accountPoints: 2,
      durationSeconds: 2,
    });
    const { email, ip } = fresh();
    await throttle.recordFailure(email, ip);
    await throttle.recordFailure(email, ip);
    const [opened] = await serverA.sql<{ expires_at: string }[]>`
      select expires_at::text from rate_limits where key = ${`signin:account:${email}`}`;

    await sleep(700);
    for (let i = 0; i < 3; i++) await throttle.recordFailure(email, ip);
    expect((await throttle.check(email, ip)).allowed).toBe(false);
    const [later] = await serverA.sql<{ expires_at: string; points: number }[]>`
      select expires_at::text, points from rate_limits where key = ${`signin:account:${email}`}`;
    expect(later!.points).toBe(5);
    expect(later!.expires_at).toBe(opened!.expires_at);

    await sleep(1_500);
    expect(await throttle.check(email, ip)).toEqual({ allowed: true });
  });

  it("limits one IP across many accounts, without touching other IPs", async () => {
    const throttle = createSignInThrottle({ sql: serverA.sql, accountPoints: 5, ipPoints: 4 });
    const { ip } = fresh();
    const emails = Array.from({ length: 4 }, () => fresh().email);
    for (const email of emails) await throttle.recordFailure(email, ip);

    const stranger = fresh();
    // A new account from the spraying IP is refused; each sprayed account is still under its own
    // limit, and the same new account from another IP is fine.
    expect((await throttle.check(stranger.email, ip)).allowed).toBe(false);
    expect((await throttle.check(emails[0]!, stranger.ip)).allowed).toBe(true);
    expect(await throttle.check(stranger.email, stranger.ip)).toEqual({ allowed: true });
  });

  it("clears the account count on success but keeps the IP count", async () => {
    const throttle = createSignInThrottle({ sql: serverA.sql, accountPoints: 3, ipPoints: 10 });
    const { email, ip } = fresh();
    await throttle.recordFailure(email, ip);
    await throttle.recordFailure(email, ip);
    await throttle.recordSuccess(email, ip);

    const rows = await rowsFor(`signin:account:${email}`, `signin:ip:${ip}`);
    expect(rows.map((r) => [r.key, r.points])).toEqual([[`signin:ip:${ip}`, 2]]);

    // Three fresh failures are needed again to block the account.
    await throttle.recordFailure(email, ip);
    await throttle.recordFailure(email, ip);
    expect((await throttle.check(email, ip)).allowed).toBe(true);
  });

  it("shares counts between two app servers", async () => {
    const a = createSignInThrottle({ sql: serverA.sql, accountPoints: 4 });
    const b = createSignInThrottle({ sql: serverB.sql, accountPoints: 4 });
    const { email, ip } = fresh();
    await a.recordFailure(email, ip);
    await b.recordFailure(email, ip);
    await a.recordFailure(email, ip);
    expect((await b.check(email, ip)).allowed).toBe(true);
    await b.recordFailure(email, ip);
    expect((await a.check(email, ip)).allowed).toBe(false);
    expect((await b.check(email, ip)).allowed).toBe(false);

    // A success seen by one server frees the account on the other.
    await a.recordSuccess(email, ip);
    expect((await b.check(email, ip)).allowed).toBe(true);
  });

  it("counts every one of many concurrent failures (one atomic upsert)", async () => {
    const a = createSignInThrottle({ sql: serverA.sql });
    const b = createSignInThrottle({ sql: serverB.sql });
    const { email, ip } = fresh();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).recordFailure(email, ip)),
    );
    const rows = await rowsFor(`signin:account:${email}`, `signin:ip:${ip}`);
    expect(rows.map((r) => r.points)).toEqual([40, 40]);
  });

  it("keeps its counters in the rate_limits table under distinct prefixes", async () => {
    const throttle = createSignInThrottle({ sql: serverA.sql, durationSeconds: 120 });
    const { email, ip } = fresh();
    await throttle.recordFailure(email, ip);
    await throttle.recordFailure(email, ip);

    const rows = await rowsFor(`signin:account:${email}`, `signin:ip:${ip}`);
    expect(rows.map((r) => [r.key, r.points])).toEqual([
      [`signin:account:${email}`, 2],
      [`signin:ip:${ip}`, 2],
    ]);
    for (const row of rows) {
      expect(row.seconds_left).toBeGreaterThan(110);
      expect(row.seconds_left).toBeLessThanOrEqual(120);
    }
  });
});

describe("fixed-window counters (lib/auth/rate-limits.ts)", () => {
  const prefix = `test-${run}`;

  it("ends a window that a stray row left open-ended, and restarts it at the new points", async () => {
    const counter = fixedWindowCounter(serverA.sql, { prefix, durationSeconds: 60 });
    await serverA.sql`insert into rate_limits (key, points, expires_at)
                      values (${`${prefix}:stray`}, 99, null)`;
    expect(await counter.get("stray")).toBeNull();
    const after = await counter.add("stray");
    expect(after.points).toBe(1);
    expect(after.msLeft).toBeGreaterThan(55_000);
    expect(after.msLeft).toBeLessThanOrEqual(60_000);
  });

  it("prunes only its own finished windows", async () => {
    const counter = fixedWindowCounter(serverA.sql, { prefix, durationSeconds: 60 });
    const other = `other-${run}`;
    await serverA.sql`insert into rate_limits (key, points, expires_at) values
      (${`${prefix}:done`}, 3, now() - interval '1 second'),
      (${`${prefix}:open`}, 1, now() + interval '1 minute'),
      (${`${other}:done`}, 3, now() - interval '1 second')`;
    await counter.prune();
    const keys = await serverA.sql<{ key: string }[]>`
      select key from rate_limits where key like ${`%${run}:%`} and key not like 'signin:%'
      order by key`;
    expect(keys.map((k) => k.key)).toEqual(
      [`${other}:done`, `${prefix}:open`, `${prefix}:stray`].sort(),
    );
    await serverA.sql`delete from rate_limits where key like ${`%-${run}:%`}`;
  });

  it("refuses a window of no length and a prefix that LIKE would misread", () => {
    expect(() => fixedWindowCounter(serverA.sql, { prefix, durationSeconds: 0 })).toThrow();
    expect(() => fixedWindowCounter(serverA.sql, { prefix: "a_b", durationSeconds: 1 })).toThrow();
  });
});

describe("ipBucket", () => {
  it("counts IPv4 as given, IPv4-mapped IPv6 as IPv4, and IPv6 per /64", () => {
    expect(ipBucket("203.0.113.9")).toBe("203.0.113.9");
    expect(ipBucket("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(ipBucket("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:0DB8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipBucket("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(ipBucket("::1")).toBe("0:0:0:0::/64");
    expect(ipBucket("")).toBeNull();
    expect(ipBucket(null)).toBeNull();
    expect(ipBucket("not-an-ip")).toBe("not-an-ip");
  });
});
