import { index, integer, pgTable, timestamp } from "drizzle-orm/pg-core";
import { arrangementRevisions } from "./arrangements";
import { contributionKind } from "./enums";
import { users } from "./users";

/*
 * What review needs beyond the revisions themselves: every person who worked on a revision.
 * A save overwrites arrangement_revisions.author_id; this table keeps each contribution, so
 * four eyes can refuse anyone who created, saved or submitted any revision since the last
 * publication (lib/review/contributors.ts).
 */

export const revisionContributions = pgTable(
  "revision_contributions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    revisionId: integer()
      .notNull()
      .references(() => arrangementRevisions.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id),
    kind: contributionKind().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("revision_contributions_revision_idx").on(t.revisionId, t.userId),
    index("revision_contributions_user_idx").on(t.userId),
  ],
);

export type RevisionContribution = typeof revisionContributions.$inferSelect;
