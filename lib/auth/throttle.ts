import "server-only";
import { isIPv4, isIPv6 } from "node:net";
import { sql as appSql, type Sql } from "@/db/client";
import { fixedWindowCounter } from "./rate-limits";

/**
 * Sign-in throttling: failed attempts are counted per account and per client IP in the
 * `rate_limits` table (lib/auth/rate-limits.ts), so every app instance sees the same counts.
 *
 * Fixed windows without a separate block period: once a key has used its points it is refused
 * until its window ends, then starts afresh. Failures while refused still count but never
 * extend the window, so an attacker can hold an account back for at most one window at a time
 * and can never lock it out for good.
 */

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

  const accounts = fixedWindowCounter(sql, { prefix: ACCOUNT_PREFIX, durationSeconds: duration });
  const ips = fixedWindowCounter(sql, { prefix: IP_PREFIX, durationSeconds: duration });

  let lastPrune = Date.now();
  async function pruneIfDue() {
    if (Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    await accounts.prune();
    await ips.prune();
  }

  return {
    async check(email, ip) {
      const ipKey = ipBucket(ip);
      const account = await accounts.get(accountKey(email));
      const client = ipKey === null ? null : await ips.get(ipKey);
      const waits = [
        account && account.points >= accountPoints ? account.msLeft : null,
        client && client.points >= ipPoints ? client.msLeft : null,
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
      // Failing beyond the limit is normal here and is still counted. Sequential for the
      // reason given in check().
      await accounts.add(accountKey(email));
      if (ipKey !== null) await ips.add(ipKey);
      await pruneIfDue();
    },

    async recordSuccess(email) {
      await accounts.reset(accountKey(email));
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
