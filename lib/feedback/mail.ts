import "server-only";
import type { Tx } from "@/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { mailAdmins, siteLink } from "@/lib/review/notifications";

export type FeedbackNotice = {
  id: number;
  name: string | null;
  email: string | null;
  page: string | null;
  message: string;
  receivedAt: Date;
};

/**
 * Tells every active administrator what was sent from the feedback form, written in the
 * transaction that stores it. The subject is fixed (the sender's words stay in the body, where
 * nothing they type can look like a header); an administrator replies to the address given.
 */
export function notifyAdminsOfFeedback(tx: Tx, notice: FeedbackNotice): Promise<number> {
  const from = [notice.name, notice.email ? `<${notice.email}>` : null].filter(Boolean).join(" ");
  return mailAdmins(tx, `New feedback from the contact page (message ${notice.id})`, [
    `Someone sent feedback from the contact page on ${formatDateTime(notice.receivedAt)}.`,
    "",
    `From: ${from || "not given"}`,
    `About the page: ${notice.page ?? "not given"}`,
    "",
    "Their message:",
    "",
    ...notice.message.split("\n").map((line) => `  ${line}`),
    "",
    notice.email
      ? "Reply to the address they gave if it needs an answer. Mark it handled here:"
      : "They gave no address, so it cannot be answered. Mark it handled here:",
    siteLink("/admin/feedback"),
  ]);
}
