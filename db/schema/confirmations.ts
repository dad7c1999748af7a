import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { arrangementRevisions, arrangements } from "./arrangements";
import { confirmationState } from "./enums";
import { organisations } from "./reference";
import { users } from "./users";

/*
 * Partners confirm (issue 13, item 6): an organisation named as a partner is asked, when the
 * arrangement is submitted, to confirm that it takes part or to dispute it with a reason. One
 * row per arrangement and partner organisation: the answer is about taking part in the
 * arrangement, so it outlives a draft being deleted. A new submission asks again (a
 * confirmation goes back to pending), but a dispute stands until the disputing organisation
 * itself confirms: the lead cannot clear it by submitting again (lib/confirmations/).
 */

export const partnerConfirmations = pgTable(
  "partner_confirmations",
  {
    arrangementId: integer()
      .notNull()
      .references(() => arrangements.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    /** The revision the partner was last asked about or answered on (null once it is deleted). */
    revisionId: integer().references(() => arrangementRevisions.id, { onDelete: "set null" }),
    state: confirmationState().notNull().default("pending"),
    /** Why the partner disputes it; only for a dispute. */
    reason: text(),
    answeredById: integer().references(() => users.id),
    answeredAt: timestamp({ withTimezone: true }),
    askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.arrangementId, t.organisationId] }),
    index("partner_confirmations_organisation_idx").on(t.organisationId, t.state),
    check(
      "partner_confirmations_reason_check",
      sql`(${t.state} = 'disputed') = (${t.reason} IS NOT NULL AND length(${t.reason}) > 0)`,
    ),
    check(
      "partner_confirmations_answered_check",
      sql`(${t.state} = 'pending') = (${t.answeredAt} IS NULL)`,
    ),
  ],
);

export type PartnerConfirmation = typeof partnerConfirmations.$inferSelect;
