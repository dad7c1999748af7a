import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/* What the app's machinery keeps: unsent mail, sign-in throttling, cache invalidations. */

/** Mail that was not sent through SMTP (none configured) is kept here for admins and tests. */
export const outbox = pgTable(
  "outbox",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_to_idx").on(sql`lower(${t.toAddress})`, t.createdAt)],
);

/** Sign-in throttling counters (lib/auth/rate-limits.ts), shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  expiresAt: timestamp({ withTimezone: true }),
});

/**
 * Cache invalidations shared by every app instance: a change to what the public sees inserts the
 * cache tags it makes stale, in the transaction that makes the change. Each instance's cache
 * handler (lib/cache/shared-cache-handler.mjs) reads new rows every few hundred milliseconds and
 * drops the cached pages carrying those tags. Ids, not clocks, order them, so clock skew between
 * servers cannot hide an invalidation.
 */
export const cacheInvalidations = pgTable("cache_invalidations", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  tag: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
