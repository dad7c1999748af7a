import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/*
 * Feedback sent from the contact page by anyone, signed in or not (issue 14, item 4). Nothing
 * ties a message to an account or an address: the sender gives a name and email only if they
 * want an answer. Administrators read them at /admin/feedback and mark each handled. Kept for
 * 12 months (the privacy notice says so; lib/feedback/commands.ts deletes older ones).
 */
export const feedbackMessages = pgTable(
  "feedback_messages",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text(),
    email: text(),
    message: text().notNull(),
    /** The page the message is about, as the sender typed it (an address or a title). */
    page: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp({ withTimezone: true }),
    handledById: integer().references(() => users.id),
  },
  (t) => [
    index("feedback_messages_received_idx").on(t.receivedAt.desc(), t.id.desc()),
    check("feedback_messages_message_check", sql`length(${t.message}) between 1 and 5000`),
    check(
      "feedback_messages_handled_check",
      sql`(${t.handledAt} IS NULL) = (${t.handledById} IS NULL)`,
    ),
  ],
);

export type FeedbackMessage = typeof feedbackMessages.$inferSelect;
