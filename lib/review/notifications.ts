import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import { formatDateTime } from "@/lib/format/dates";

/*
 * Mail about the review workflow, written in the transaction that makes the change (the outbox
 * row exists only if the change commits; with SMTP a refused message rolls the change back):
 * administrators hear of each new submission, and the author of a revision hears of the
 * decision on it, with the reviewer's reason when it was returned.
 */

/** An absolute link into the site (NEXTAUTH_URL; `npm run dev` sets it). */
export function siteLink(path: string): string {
  return new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000").toString();
}

/** Subjects are one line of at most 200 characters; titles may be up to 200 on their own. */
export function subjectWith(prefix: string, title: string): string {
  const room = 200 - prefix.length;
  const short = title.length > room ? `${title.slice(0, room - 1).trimEnd()}…` : title;
  return `${prefix}${short}`;
}

export type SubmissionNotice = {
  arrangementId: number;
  revisionId: number;
  title: string;
  organisationName: string;
  /** True when the arrangement is already published: this is a change to it. */
  isEdit: boolean;
  submittedAt: Date;
};

/** Mails every active administrator `lines` under a greeting; returns how many were mailed. */
export async function mailAdmins(tx: Tx, subject: string, lines: string[]): Promise<number> {
  const admins = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(users.id);
  for (const admin of admins) {
    const text = [`Hello ${admin.name},`, "", ...lines].join("\n");
    await sendMail({ to: admin.email, subject, text }, { tx });
  }
  return admins.length;
}

/** Tells every active administrator that a submission is waiting in the review queue. */
export function notifyAdminsOfSubmission(tx: Tx, notice: SubmissionNotice): Promise<number> {
  const what = notice.isEdit
    ? "a change to a published arrangement"
    : "a new arrangement, not yet published";
  return mailAdmins(tx, subjectWith("New submission to review: ", notice.title), [
    `${notice.organisationName} submitted ${what} for review on ${formatDateTime(notice.submittedAt)}:`,
    "",
    `  ${notice.title}`,
    "",
    "Review it here:",
    siteLink(`/admin/review/${notice.revisionId}`),
    "",
    "The review queue lists every submission waiting, oldest first:",
    siteLink("/admin/review"),
  ]);
}

export type DisputeNotice = {
  title: string;
  /** The partner that disputes it, and the council that leads it. */
  partnerName: string;
  leadName: string;
  reason: string;
  /** Where an administrator reads it: the submission's review page, or the public page. */
  path: string;
  published: boolean;
};

/**
 * Tells every active administrator that a named partner disputes taking part in an
 * arrangement: a published record may be wrong in public, and a waiting one should not be
 * approved without a word with both councils.
 */
export function notifyAdminsOfDispute(tx: Tx, notice: DisputeNotice): Promise<number> {
  return mailAdmins(tx, subjectWith("Partner disputes an arrangement: ", notice.title), [
    `${notice.partnerName} says it does not take part in this arrangement led by ${notice.leadName}:`,
    "",
    `  ${notice.title}`,
    "",
    "Their reason:",
    "",
    ...notice.reason.split("\n").map((line) => `  ${line}`),
    "",
    notice.published
      ? "It is published: the public page now marks this partner as not confirmed."
      : "It is waiting for review; its review page shows the dispute.",
    siteLink(notice.path),
  ]);
}

export type DecisionNotice = {
  arrangementId: number;
  slug: string;
  title: string;
  version: number;
  organisationName: string;
  decision: "approved" | "rejected";
  reason?: string;
  decidedAt: Date;
  /** True when an earlier revision stays published (a rejected change). */
  stillPublished: boolean;
  /** Users to tell: the revision's author and whoever submitted it (duplicates dropped). */
  recipientIds: (number | null)[];
};

/** Tells the author (and the submitter, if someone else) what was decided, and why. */
export async function notifyDecision(tx: Tx, notice: DecisionNotice): Promise<number> {
  const ids = [...new Set(notice.recipientIds.filter((id): id is number => id !== null))];
  if (ids.length === 0) return 0;
  const recipients = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(inArray(users.id, ids), inArray(users.status, ["active", "invited"])))
    .orderBy(users.id);
  const when = formatDateTime(notice.decidedAt);
  const body =
    notice.decision === "approved"
      ? [
          `Your submission "${notice.title}" (version ${notice.version}) for ${notice.organisationName} was approved on ${when}.`,
          "",
          "It is now published on the Council Shared Services Map:",
          siteLink(`/arrangements/${notice.slug}`),
        ]
      : [
          `Your submission "${notice.title}" (version ${notice.version}) for ${notice.organisationName} was returned with comments on ${when}. It has not been published.` +
            (notice.stillPublished ? " The version already published stays as it was." : ""),
          "",
          "The reviewer's reason:",
          "",
          ...(notice.reason ?? "").split("\n").map((line) => `  ${line}`),
          "",
          "You can change it and submit it again from your workspace:",
          siteLink(`/workspace/${notice.arrangementId}/preview`),
        ];
  for (const recipient of recipients) {
    await sendMail(
      {
        to: recipient.email,
        subject: subjectWith(
          notice.decision === "approved" ? "Approved and published: " : "Returned with comments: ",
          notice.title,
        ),
        text: [`Hello ${recipient.name},`, "", ...body].join("\n"),
      },
      { tx },
    );
  }
  return recipients.length;
}
