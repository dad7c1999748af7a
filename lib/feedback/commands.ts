import "server-only";
import { and, eq, isNull, lt, sql as raw } from "drizzle-orm";
import { feedbackMessages, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import {
  conflict,
  notFound,
  type CommandResult,
  type CommonFailure,
  type Failure,
} from "@/lib/commands/result";
import { transact, type CommandContext, type CommandOptions } from "@/lib/commands/transact";
import { formatDateTime } from "@/lib/format/dates";
import type { RequestInfo } from "@/lib/request";
import { RETENTION_MONTHS } from "./limits";
import { notifyAdminsOfFeedback } from "./mail";
import { feedbackIdSchema, feedbackSchema, HONEYPOT, type FeedbackInput } from "./schemas";
import { feedbackThrottle, type FeedbackThrottle } from "./throttle";

/*
 * Feedback from the contact page: stored, audited and mailed to every active administrator
 * in one transaction (with SMTP a refused mail rolls the message back, so the sender is told
 * it failed rather than thanked for a message nobody will hear of), and marked handled by an
 * administrator. The sender has no account, so the audit event has no actor, as a password
 * reset request has none; it names the message, not what it says or who sent it, because the
 * audit log is kept for ever and the message only for RETENTION_MONTHS.
 */

export const THANKS = "Thank you. Your message has been sent to the register's administrators.";

export type Throttled = Failure<"throttled", { retryAfterSeconds: number }>;

function throttled(retryAfterSeconds: number): Throttled {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = minutes === 1 ? "1 minute" : `${minutes} minutes`;
  return {
    ok: false,
    reason: "throttled",
    retryAfterSeconds,
    message: `You have sent several messages in a short time, so this one was not sent. Try again in ${wait}, or email the address at the top of this page.`,
  };
}

/**
 * Deletes messages past their retention, in the caller's transaction, with one audit event
 * saying how many; run whenever feedback is written, so no scheduler is needed.
 */
async function deleteExpired({ tx, audit }: CommandContext): Promise<void> {
  const gone = await tx
    .delete(feedbackMessages)
    .where(
      lt(feedbackMessages.receivedAt, raw`now() - make_interval(months => ${RETENTION_MONTHS})`),
    )
    .returning({ id: feedbackMessages.id });
  if (gone.length === 0) return;
  await audit({
    actorUserId: null,
    action: "feedback.expired",
    entityType: "feedback",
    after: { count: gone.length, retentionMonths: RETENTION_MONTHS },
  });
}

/** Stores a message from the feedback form and mails it to the administrators. */
export async function submitFeedback(
  request: RequestInfo,
  /** The form's values as sent (strings), parsed here by feedbackSchema. */
  input: FeedbackInput | Record<string, unknown>,
  options: CommandOptions & { throttle?: FeedbackThrottle } = {},
): Promise<CommandResult<{ id: number | null }, CommonFailure | Throttled>> {
  const parsed = parseInput(feedbackSchema, input);
  if (!parsed.ok) return parsed;
  const { [HONEYPOT]: isBot, ...feedback } = parsed.data;

  // Before the honeypot, so a bot that fills it in is limited too.
  const decision = await (options.throttle ?? feedbackThrottle()).take(request.ip);
  if (!decision.allowed) return throttled(decision.retryAfterSeconds);
  // A bot is thanked like anyone else, so it learns nothing; nothing is kept or sent.
  if (isBot) return { ok: true, id: null, message: THANKS };

  return transact({ db: options.db, request }, async (cx) => {
    await deleteExpired(cx);
    const [row] = await cx.tx
      .insert(feedbackMessages)
      .values(feedback)
      .returning({ id: feedbackMessages.id, receivedAt: feedbackMessages.receivedAt });
    await cx.audit({
      actorUserId: null,
      action: "feedback.received",
      entityType: "feedback",
      entityId: row!.id,
      after: {
        page: feedback.page,
        length: feedback.message.length,
        gaveName: feedback.name !== null,
        gaveEmail: feedback.email !== null,
      },
    });
    await notifyAdminsOfFeedback(cx.tx, { ...feedback, ...row! });
    return { ok: true, id: row!.id, message: THANKS };
  });
}

/** Marks a message handled: once, by one administrator; a second try is told who did it. */
export async function markFeedbackHandled(
  actor: CurrentUser,
  request: RequestInfo,
  input: { id: number | string },
  options: CommandOptions = {},
): Promise<CommandResult> {
  const parsed = parseInput(feedbackIdSchema, input);
  if (!parsed.ok) return parsed;
  if (actor.role !== "admin") return notFound();
  const { id } = parsed.data;

  return transact({ db: options.db, request }, async (cx) => {
    const [message] = await cx.tx
      .select({
        id: feedbackMessages.id,
        handledAt: feedbackMessages.handledAt,
        handledBy: users.name,
      })
      .from(feedbackMessages)
      .leftJoin(users, eq(users.id, feedbackMessages.handledById))
      .where(eq(feedbackMessages.id, id))
      .for("update", { of: feedbackMessages });
    if (!message) refuse(notFound("That message no longer exists."));
    if (message.handledAt) {
      refuse(
        conflict(
          `Message ${id} was already marked handled by ${message.handledBy ?? "an administrator"} on ${formatDateTime(message.handledAt)}.`,
        ),
      );
    }
    const [done] = await cx.tx
      .update(feedbackMessages)
      .set({ handledAt: raw`now()`, handledById: actor.id })
      .where(and(eq(feedbackMessages.id, id), isNull(feedbackMessages.handledAt)))
      .returning({ handledAt: feedbackMessages.handledAt });
    await cx.audit({
      actorUserId: actor.id,
      action: "feedback.handled",
      entityType: "feedback",
      entityId: id,
      before: { handledAt: null },
      after: { handledAt: done!.handledAt!.toISOString() },
    });
    await deleteExpired(cx);
    return { ok: true, message: `Message ${id} marked as handled.` };
  });
}
