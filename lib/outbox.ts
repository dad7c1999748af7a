import "server-only";
import type { Db } from "@/db/client";
import type { Env } from "@/lib/env";
import { listOutbox, type OutboxMessage } from "@/lib/mail";

/**
 * Who may read what in the outbox. Mail kept there carries live invitation and reset links, so
 * an administrator who could read it could take over any account, another admin's included.
 * The token belongs to the recipient alone:
 *
 * - with SMTP configured, mail is sent and the outbox holds only what was kept before: it is
 *   listed with every link removed ("redacted");
 * - without SMTP, it is listed whole only in development or with MAIL_OUTBOX_VISIBLE=true (a test
 *   site: the test suite sets it) ("shown");
 * - otherwise (production without SMTP) it is not listed at all ("hidden"), and start-up says so.
 */
export type OutboxMode = "shown" | "redacted" | "hidden";

type MailSettings = Pick<Env, "NODE_ENV" | "SMTP_URL" | "MAIL_OUTBOX_VISIBLE">;

export function outboxMode(settings: MailSettings): OutboxMode {
  if (settings.SMTP_URL?.trim()) return "redacted";
  if (settings.NODE_ENV === "development" || settings.MAIL_OUTBOX_VISIBLE) return "shown";
  return "hidden";
}

export const LINK_REMOVED = "[link removed: only its recipient may use it]";

/** Every web address in a message, whatever it carries, replaced by LINK_REMOVED. */
export function redactLinks(text: string): string {
  return text.replace(/\b(?:https?:\/\/|www\.)[^\s<>"']+/gi, LINK_REMOVED);
}

export type OutboxView =
  { mode: "hidden" } | { mode: "shown" | "redacted"; messages: OutboxMessage[]; total: number };

/** The admin page's read: nothing in hidden mode, bodies without links in redacted mode. */
export async function readOutbox(
  settings: MailSettings,
  query: Parameters<typeof listOutbox>[0],
  options: { db?: Db } = {},
): Promise<OutboxView> {
  const mode = outboxMode(settings);
  if (mode === "hidden") return { mode };
  const { messages, total } = await listOutbox(query, options);
  if (mode === "shown") return { mode, messages, total };
  return {
    mode,
    total,
    messages: messages.map((message) => ({ ...message, body: redactLinks(message.body) })),
  };
}

/**
 * The sentence a production server without SMTP prints at start-up (instrumentation.ts), or
 * null when there is nothing to say.
 */
export function mailStartupWarning(settings: MailSettings): string | null {
  if (settings.NODE_ENV !== "production" || settings.SMTP_URL?.trim()) return null;
  const outbox = settings.MAIL_OUTBOX_VISIBLE
    ? "MAIL_OUTBOX_VISIBLE=true shows them, links and all, to every administrator at /admin/outbox: use it only on a test site."
    : "/admin/outbox does not show them (MAIL_OUTBOX_VISIBLE=true would, on a test site).";
  return (
    "Warning: SMTP_URL is not set, so no mail is sent: invitations, password resets and review " +
    `notices are kept in the outbox table. ${outbox} Set SMTP_URL (smtp://user:password@host:587) to send mail.`
  );
}
