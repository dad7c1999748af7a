import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { authTokenPurpose, userRole, userStatus } from "./enums";
import { organisations } from "./reference";

/* People: accounts, their server-side sessions and single-use tokens. */

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    organisationId: integer().references(() => organisations.id),
    status: userStatus().notNull().default("active"),
    passwordHash: text(),
    /** Raised whenever a change must end the user's existing sessions. */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check(
      "users_editor_has_organisation_check",
      sql`${t.role} <> 'council_editor' OR ${t.organisationId} IS NOT NULL`,
    ),
  ],
);

/**
 * Server-side sessions. The signed, encrypted session cookie carries only a random secret;
 * its SHA-256 is the id here, so the database alone decides whether a session is still good
 * (idle and absolute timeouts, logout, the user's session version).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The user's session version when this session began; a raise on the user ends it. */
    sessionVersion: integer().notNull(),
    provider: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    endReason: text(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use tokens for password reset and invitations; only their SHA-256 is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: authTokenPurpose().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_tokens_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type AuthToken = typeof authTokens.$inferSelect;
