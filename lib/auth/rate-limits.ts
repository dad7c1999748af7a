import "server-only";
import type { Sql } from "@/db/client";

/*
 * Fixed-window counters in the `rate_limits` table, shared by every app instance through
 * PostgreSQL. A key's window opens with its first point and lasts `durationSeconds`; points
 * added while it is open count towards it, and the first point after it has ended opens a new
 * one. Adding never extends an open window, so every window ends.
 *
 * Why owned rather than rate-limiter-flexible (which this replaced): its PostgreSQL store needs
 * the `pg` driver and this app talks to the database through postgres.js only; its Drizzle store
 * decides expiry by each app server's clock and loads drizzle-orm by a computed module name that
 * bundlers cannot follow. What the sign-in throttle needs is the three statements below.
 *
 * Expiry is computed and compared with the database's clock, never the app server's, so
 * instances whose clocks drift still agree on when a window ends.
 */

export type WindowCount = {
  /** Points counted in the open window. */
  points: number;
  /** Milliseconds until the window ends (at least 0). */
  msLeft: number;
};

export type FixedWindowCounter = {
  /** The open window's count, or null when the key has none. Reads only. */
  get(key: string): Promise<WindowCount | null>;
  /** Adds points in one atomic statement, so concurrent additions from any instance all count. */
  add(key: string, points?: number): Promise<WindowCount>;
  /** Closes the key's window at once. */
  reset(key: string): Promise<void>;
  /** Deletes the rows of this counter's finished windows (dead weight: `add` restarts them). */
  prune(): Promise<void>;
};

type Row = { points: number; ms_left: number };

const toCount = (row: Row): WindowCount => ({
  points: row.points,
  msLeft: Math.max(Math.ceil(row.ms_left), 0),
});

/** Counters whose keys are stored as `prefix:key` (the prefix must not hold `%` or `_`). */
export function fixedWindowCounter(
  sql: Sql,
  options: { prefix: string; durationSeconds: number },
): FixedWindowCounter {
  const { prefix, durationSeconds } = options;
  if (!(durationSeconds > 0)) throw new Error("A rate-limit window must last more than 0 s");
  if (/[%_\\]/.test(prefix)) throw new Error(`Rate-limit prefix "${prefix}" holds a LIKE wildcard`);
  const stored = (key: string) => `${prefix}:${key}`;
  const window = sql`${durationSeconds}::float8 * interval '1 second'`;

  return {
    async get(key) {
      const [row] = await sql<Row[]>`
        select points, (extract(epoch from (expires_at - now())) * 1000)::float8 as ms_left
        from rate_limits where key = ${stored(key)} and expires_at > now()`;
      return row ? toCount(row) : null;
    },

    async add(key, points = 1) {
      // An ended window (or a row without an end, which nothing writes) restarts in place.
      const [row] = await sql<Row[]>`
        insert into rate_limits as r (key, points, expires_at)
        values (${stored(key)}, ${points}, now() + ${window})
        on conflict (key) do update set
          points = case when r.expires_at > now() then r.points + excluded.points
                        else excluded.points end,
          expires_at = case when r.expires_at > now() then r.expires_at
                            else excluded.expires_at end
        returning points, (extract(epoch from (expires_at - now())) * 1000)::float8 as ms_left`;
      return toCount(row!);
    },

    async reset(key) {
      await sql`delete from rate_limits where key = ${stored(key)}`;
    },

    async prune() {
      await sql`delete from rate_limits where key like ${`${prefix}:%`} and expires_at < now()`;
    },
  };
}
