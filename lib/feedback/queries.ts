import "server-only";
import { count, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { feedbackMessages, users } from "@/db/schema";

export type FeedbackRow = {
  id: number;
  name: string | null;
  email: string | null;
  page: string | null;
  message: string;
  receivedAt: Date;
  handledAt: Date | null;
  handledBy: { id: number; name: string } | null;
};

/** One page of feedback, newest first, with how many there are and how many are not handled. */
export async function listFeedback(query: { limit: number; offset: number }): Promise<{
  rows: FeedbackRow[];
  total: number;
  unhandled: number;
}> {
  const [rows, [totals], [open]] = await Promise.all([
    db()
      .select({
        id: feedbackMessages.id,
        name: feedbackMessages.name,
        email: feedbackMessages.email,
        page: feedbackMessages.page,
        message: feedbackMessages.message,
        receivedAt: feedbackMessages.receivedAt,
        handledAt: feedbackMessages.handledAt,
        handledById: users.id,
        handledByName: users.name,
      })
      .from(feedbackMessages)
      .leftJoin(users, eq(users.id, feedbackMessages.handledById))
      .orderBy(desc(feedbackMessages.receivedAt), desc(feedbackMessages.id))
      .limit(query.limit)
      .offset(query.offset),
    db().select({ n: count() }).from(feedbackMessages),
    db().select({ n: count() }).from(feedbackMessages).where(isNull(feedbackMessages.handledAt)),
  ]);
  return {
    rows: rows.map(({ handledById, handledByName, ...row }) => ({
      ...row,
      handledBy:
        handledById !== null && handledByName !== null
          ? { id: handledById, name: handledByName }
          : null,
    })),
    total: totals?.n ?? 0,
    unhandled: open?.n ?? 0,
  };
}
