import "server-only";
import { and, eq, sql as raw } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import { arrangementRevisions, arrangements, organisations, users } from "@/db/schema";
import { raiseLockVersion } from "@/lib/arrangements/lock-version";
import type { ArrangementState } from "@/lib/arrangements/queries";
import { workspaceStatus, type WorkspaceStatus } from "@/lib/arrangements/state";
import type { CurrentUser } from "@/lib/auth/access";
import type { Success } from "@/lib/commands/result";
import type { CommandContext } from "@/lib/commands/transact";
import { readSnapshots, snapshotForAudit } from "./content";
import { notifyDecision, type DecisionNotice } from "./notifications";
import { databaseNow } from "./publication-lock";

/* What approving and rejecting write, once ./commands.ts has checked the decision may be made. */

export type Decided = {
  arrangementId: number;
  revisionId: number;
  /** The arrangement's workspace status after the decision. */
  status: WorkspaceStatus;
  publishedRevisionId: number | null;
  decidedAt: Date;
};

export type Submission = {
  id: number;
  arrangementId: number;
  version: number;
  title: string;
  state: "draft" | "submitted" | "approved" | "rejected" | "superseded";
  authorId: number | null;
  submittedById: number | null;
  reviewedAt: Date | null;
  reviewerName: string | null;
  organisationName: string;
  slug: string;
};

export async function readSubmission(tx: Tx, revisionId: number): Promise<Submission | undefined> {
  const reviewer = alias(users, "reviewer");
  const [row] = await tx
    .select({
      id: arrangementRevisions.id,
      arrangementId: arrangementRevisions.arrangementId,
      version: arrangementRevisions.version,
      title: arrangementRevisions.title,
      state: arrangementRevisions.state,
      authorId: arrangementRevisions.authorId,
      submittedById: arrangementRevisions.submittedById,
      reviewedAt: arrangementRevisions.reviewedAt,
      reviewerName: reviewer.name,
      organisationName: organisations.name,
      slug: arrangements.slug,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(organisations, eq(organisations.id, arrangements.leadOrganisationId))
    .leftJoin(reviewer, eq(reviewer.id, arrangementRevisions.reviewedById))
    .where(eq(arrangementRevisions.id, revisionId));
  return row;
}

/** The previous published revision superseded and this one approved, at the same instant. */
async function publish(
  tx: Tx,
  admin: CurrentUser,
  state: ArrangementState,
  submissionId: number,
  at: string,
): Promise<void> {
  const previousId = state.publishedRevisionId;
  if (previousId !== null) {
    await tx
      .update(arrangementRevisions)
      .set({ state: "superseded", supersededAt: raw`${at}::timestamptz` })
      .where(
        and(eq(arrangementRevisions.id, previousId), eq(arrangementRevisions.state, "approved")),
      );
  }
  await tx
    .update(arrangementRevisions)
    .set({
      state: "approved",
      reviewedAt: raw`${at}::timestamptz`,
      reviewedById: admin.id,
      reviewNote: null,
      updatedAt: raw`now()`,
      searchText: raw`revision_search_text(${arrangementRevisions.id})`,
    })
    .where(
      and(eq(arrangementRevisions.id, submissionId), eq(arrangementRevisions.state, "submitted")),
    );
  await tx
    .update(arrangements)
    .set({ publishedRevisionId: submissionId })
    .where(eq(arrangements.id, state.arrangementId));
}

/** Mails the revision's author and submitter what was decided. */
function tellAuthors(
  tx: Tx,
  submission: Submission,
  decision: Pick<DecisionNotice, "decision" | "reason" | "decidedAt" | "stillPublished">,
) {
  return notifyDecision(tx, {
    arrangementId: submission.arrangementId,
    slug: submission.slug,
    title: submission.title,
    version: submission.version,
    organisationName: submission.organisationName,
    ...decision,
    recipientIds: [submission.authorId, submission.submittedById],
  });
}

/** submitted → approved: the revision becomes the arrangement's published one. */
export async function approve(
  cx: CommandContext,
  admin: CurrentUser,
  state: ArrangementState,
  submission: Submission,
): Promise<Success<Decided>> {
  const at = await databaseNow(cx.tx);
  const previousId = state.publishedRevisionId;
  const snapshots = await readSnapshots(
    cx.tx,
    previousId ? [previousId, submission.id] : [submission.id],
  );
  await publish(cx.tx, admin, state, submission.id, at.text);
  await raiseLockVersion(cx.tx, state.arrangementId, admin);

  const status = workspaceStatus({
    published: true,
    latestState: "approved",
    latestDiscarded: false,
  });
  await cx.audit({
    actorUserId: admin.id,
    organisationId: state.leadOrganisationId,
    action: "arrangement.approved",
    entityType: "arrangement",
    entityId: state.arrangementId,
    before: {
      status: state.status,
      publishedRevisionId: previousId,
      content: snapshotForAudit(previousId ? snapshots.get(previousId) : null),
    },
    after: {
      status,
      publishedRevisionId: submission.id,
      version: submission.version,
      content: snapshotForAudit(snapshots.get(submission.id)),
    },
  });
  await cx.publicChanged();
  await tellAuthors(cx.tx, submission, {
    decision: "approved",
    decidedAt: at.date,
    stillPublished: false,
  });
  return {
    ok: true,
    message: `Approved and published: ${submission.title}`,
    arrangementId: state.arrangementId,
    revisionId: submission.id,
    status,
    publishedRevisionId: submission.id,
    decidedAt: at.date,
  };
}

/** submitted → rejected, with the reason the council will read; the published one stays. */
export async function reject(
  cx: CommandContext,
  admin: CurrentUser,
  state: ArrangementState,
  submission: Submission,
  reason: string,
): Promise<Success<Decided>> {
  const at = await databaseNow(cx.tx);
  await cx.tx
    .update(arrangementRevisions)
    .set({
      state: "rejected",
      reviewedAt: raw`${at.text}::timestamptz`,
      reviewedById: admin.id,
      reviewNote: reason,
      updatedAt: raw`now()`,
    })
    .where(
      and(eq(arrangementRevisions.id, submission.id), eq(arrangementRevisions.state, "submitted")),
    );
  await raiseLockVersion(cx.tx, state.arrangementId, admin);

  const published = state.publishedRevisionId !== null;
  const status = workspaceStatus({ published, latestState: "rejected", latestDiscarded: false });
  await cx.audit({
    actorUserId: admin.id,
    organisationId: state.leadOrganisationId,
    action: "arrangement.rejected",
    entityType: "arrangement",
    entityId: state.arrangementId,
    before: { status: state.status, revisionId: submission.id, version: submission.version },
    after: { status, reason },
  });
  // Nothing public changed, but the rule is one: every decision drops the cached public pages.
  await cx.publicChanged();
  await tellAuthors(cx.tx, submission, {
    decision: "rejected",
    reason,
    decidedAt: at.date,
    stillPublished: published,
  });
  return {
    ok: true,
    message: `Returned to ${submission.organisationName} with your reason: ${submission.title}`,
    arrangementId: state.arrangementId,
    revisionId: submission.id,
    status,
    publishedRevisionId: state.publishedRevisionId,
    decidedAt: at.date,
  };
}
