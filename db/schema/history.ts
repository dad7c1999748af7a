import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organisations } from "./reference";
import { users } from "./users";

/* The register's history: the append-only audit log and the named editions. */

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer().references(() => users.id),
    organisationId: integer().references(() => organisations.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_organisation_idx").on(t.organisationId, t.at),
    index("audit_events_actor_idx").on(t.actorUserId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
  ],
);

export const editions = pgTable("editions", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  description: text().notNull().default(""),
  /** The register as it stood at this moment is the edition's content. */
  asOf: timestamp({ withTimezone: true }).notNull(),
  createdById: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type Edition = typeof editions.$inferSelect;
