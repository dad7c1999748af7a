import "server-only";
import { isIPv4, isIPv6 } from "node:net";
import type {
  RateLimiterRes as RateLimiterResClass,
  RateLimiterStoreAbstract as StoreAbstractClass,
} from "rate-limiter-flexible";
// The package's entry point does not export the store base class (its types declare it), and
// loading the entry point would pull in every limiter it ships, one of which imports modules by
// computed name. So the two classes needed come from their own files, typed as declared.
// @ts-expect-error -- no declaration file for the deep path; typed by the cast below.
import StoreAbstractJs from "rate-limiter-flexible/lib/RateLimiterStoreAbstract.js";
// @ts-expect-error -- as above.
import RateLimiterResJs from "rate-limiter-flexible/lib/RateLimiterRes.js";
import { sql as appSql, type Sql } from "@/db/client";

const RateLimiterStoreAbstract = StoreAbstractJs as typeof StoreAbstractClass;
const RateLimiterRes = RateLimiterResJs as typeof RateLimiterResClass;
type RateLimiterRes = RateLimiterResClass;

/**
 * Sign-in throttling: failed attempts are counted per account and per client IP in the
 * `rate_limits` table, so every app instance sees the same counts.
 *
 * Fixed windows without a separate block period: once a key has used its points it is refused
 * until its window ends, then starts afresh. An attacker can therefore hold an account back for
 * at most one window at a time and can never lock it out for good.
 */

type StoreRow = { points: number; ms_before_next: number | null };

/**
 * rate-limiter-flexible's store contract (`_upsert`, `_get`, `_delete`, `_getRateLimiterRes`;
 * see RateLimiterPostgres.js) over postgres.js. Its own Postgres store needs the `pg` driver,
 * and this app talks to the database through one driver only.
 *
 * Expiry times are computed and compared with the database's clock, never the app server's, so
 * instances whose clocks drift still agree on when a window ends.
 */
export class RateLimiterPostgresJs extends RateLimiterStoreAbstract {
  readonly #sql: Sql;

  constructor(opts: { sql: Sql; keyPrefix: string; points: number; duration: number }) {
    super({
      storeClient: opts.sql,
      keyPrefix: opts.keyPrefix,
      points: opts.points,
      duration: opts.duration,
    });
    this.#sql = opts.sql;
  }

  /**
   * One atomic statement: concurrent failures from many requests or instances all count, and an
   * expired window is restarted in the same row rather than read, deleted and re-inserted.
   */
  async _upsert(
    rlKey: string,
    points: number,
    msDuration: number,
    forceExpire = false,
  ): Promise<StoreRow> {
    const [row] = await this.#sql<StoreRow[]>`
      insert into rate_limits as r (key, points, expires_at)
      values (
        ${rlKey},
        ${points},
        case when ${msDuration}::float8 > 0 then now() + ${msDuration}::float8 * interval '1 millisecond' end
      )
      on conflict (key) do update set
        points = case
          when ${forceExpire}::boolean or r.expires_at <= now() then excluded.points
          else r.points + excluded.points
        end,
        expires_at = case
          when ${forceExpire}::boolean or r.expires_at <= now() then excluded.expires_at
          else r.expires_at
        end
      returning points,
        (extract(epoch from (expires_at - now())) * 1000)::float8 as ms_before_next`;
    return row!;
  }

  async _get(rlKey: string): Promise<StoreRow | null> {
    const [row] = await this.#sql<StoreRow[]>`
      select points, (extract(epoch from (expires_at - now())) * 1000)::float8 as ms_before_next
      from rate_limits
      where key = ${rlKey} and (expires_at > now() or expires_at is null)`;
    return row ?? null;
  }

  async _delete(rlKey: string): Promise<boolean> {
    const result = await this.#sql`delete from rate_limits where key = ${rlKey}`;
    return result.count > 0;
  }

  _getRateLimiterRes(_rlKey: string, changedPoints: number, row: StoreRow): RateLimiterRes {
    return new RateLimiterRes(
      Math.max(this.points - row.points, 0),
      row.ms_before_next === null ? -1 : Math.max(Math.ceil(row.ms_before_next), 0),
      row.points,
      changedPoints === row.points,
    );
  }
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type SignInThrottle = {
  /** Whether a sign-in attempt may go ahead. Reads only: consumes nothing. */
  check(email: string, ip: string | null | undefined): Promise<ThrottleDecision>;
  recordFailure(email: string, ip: string | null | undefined): Promise<void>;
  /** Clears the account's count; the IP's stays, so one good password does not reset a spray. */
  recordSuccess(email: string, ip: string | null | undefined): Promise<void>;
};

export type SignInThrottleOptions = {
  /** Defaults to the app pool. */
  sql?: Sql;
  /** Failures allowed per account in one window (default 5). */
  accountPoints?: number;
  /** Failures allowed per client IP (IPv6: per /64) in one window (default 50). */
  ipPoints?: number;
  /** Window length in seconds (default 15 minutes). */
  durationSeconds?: number;
};

const ACCOUNT_PREFIX = "signin:account";
const IP_PREFIX = "signin:ip";
// Rows of finished windows are dead weight (a new failure restarts the row anyway); each
// instance sweeps them at most this often, on the failure path only.
const PRUNE_EVERY_MS = 5 * 60 * 1000;

export function createSignInThrottle(options: SignInThrottleOptions = {}): SignInThrottle {
  const sql = options.sql ?? appSql();
  const accountPoints = options.accountPoints ?? 5;
  const ipPoints = options.ipPoints ?? 50;
  const duration = options.durationSeconds ?? 15 * 60;

  const accounts = new RateLimiterPostgresJs({
    sql,
    keyPrefix: ACCOUNT_PREFIX,
    points: accountPoints,
    duration,
  });
  const ips = new RateLimiterPostgresJs({ sql, keyPrefix: IP_PREFIX, points: ipPoints, duration });

  let lastPrune = Date.now();
  async function pruneIfDue() {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    await sql`delete from rate_limits where expires_at < now() and (key like ${ACCOUNT_PREFIX + ":%"} or key like ${IP_PREFIX + ":%"})`;
  }

  return {
    async check(email, ip) {
      const ipKey = ipBucket(ip);
      const account = await accounts.get(accountKey(email));
      const client = ipKey === null ? null : await ips.get(ipKey);
      const waits = [
        account && account.consumedPoints >= accountPoints ? account.msBeforeNext : null,
        client && client.consumedPoints >= ipPoints ? client.msBeforeNext : null,
      ].filter((ms): ms is number => ms !== null);
      if (waits.length === 0) return { allowed: true };
      // Never 0: a client told to retry after 0 seconds would be refused again at once.
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)),
      };
    },

    async recordFailure(email, ip) {
      const ipKey = ipBucket(ip);
      // penalty() adds a point without the reject-on-exceed semantics of consume(): failing
      // beyond the limit is normal here and must still be counted, not thrown. Sequential for
      // the reason given in check().
      await accounts.penalty(accountKey(email));
      if (ipKey !== null) await ips.penalty(ipKey);
      await pruneIfDue();
    },

    async recordSuccess(email) {
      await accounts.delete(accountKey(email));
    },
  };
}

let defaultThrottle: SignInThrottle | undefined;

/** The app's throttle on the app pool, made on first use so importing this opens no pool. */
export function signInThrottle(): SignInThrottle {
  defaultThrottle ??= createSignInThrottle();
  return defaultThrottle;
}

/** Emails are case-insensitive in this app (see users_email_lower_key), so counts must be too. */
function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The key an IP address is counted under, or null when it is unknown (then only the account
 * limit applies rather than every unknown client sharing, and exhausting, one bucket).
 *
 * IPv6 is counted per /64: one host usually holds a whole /64 and could otherwise rotate
 * through addresses to dodge the limit. IPv4-mapped IPv6 (::ffff:a.b.c.d) is counted as IPv4.
 */
export function ipBucket(ip: string | null | undefined): string | null {
  let value = ip?.trim().toLowerCase();
  if (!value) return null;
  const zone = value.indexOf("%");
  if (zone !== -1) value = value.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1]!;
  if (isIPv4(value)) return value;
  if (isIPv6(value)) return `${ipv6Prefix64(value)}::/64`;
  // Not an address (a misconfigured proxy header, say): count it as given, bounded in size.
  return value.slice(0, 100);
}

/** The first four hextets of a valid IPv6 address, expanded and without leading zeros. */
function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.split("::");
  const groups = (part: string) =>
    part === "" ? [] : part.split(":").flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return full
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":");
}
