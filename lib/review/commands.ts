import "server-only";
import { and, eq, sql as raw } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import { db, type Tx } from "@/db/client";
import { arrangementRevisions, arrangements, organisations, users } from "@/db/schema";
import { touch, type RequestInfo } from "@/lib/arrangements/commands";
import { readArrangementState, type ArrangementState } from "@/lib/arrangements/queries";
import { workspaceStatus, type WorkspaceStatus } from "@/lib/arrangements/state";
import { recordAudit } from "@/lib/audit";
import { fieldErrors, type CurrentUser } from "@/lib/auth/access";
import { recordPublicChange, revalidatePublicPages } from "@/lib/cache/public-cache";
import { formatDateTime } from "@/lib/users/labels";
import { readSnapshots, snapshotForAudit } from "./content";
import { notifyDecision } from "./notifications";
import { databaseNow, holdPublicationLock } from "./publication-lock";
import { approveSchema, rejectSchema, type ApproveInput, type RejectInput } from "./schemas";

/*
 * The administrators' decisions on submitted revisions. Each one, in ONE transaction:
 *   1. locks the arrangement row (FOR UPDATE), so two decisions on the same arrangement run
 *      one after the other: the second finds the revision no longer 'submitted' and is told
 *      who decided it and when — of N approvals at once exactly one succeeds;
 *   2. re-reads the revision under the lock: it must still be 'submitted' and belong to the
 *      arrangement (ids from the browser are only hints);
 *   3. refuses an administrator who wrote or submitted the revision (four eyes);
 *   4. refuses when the arrangement changed since the page was loaded (baseVersion), so an
 *      administrator never approves content they have not seen;
 *   5. approve: the previous published revision becomes 'superseded' (superseded_at) and this
 *      one 'approved' (reviewed_at) at the same instant, and becomes the arrangement's published
 *      revision; reject: 'rejected' with the reason in review_note, the published one untouched;
 *   6. raises lock_version (open edit forms notice), writes the audit event, records the public
 *      change (every instance drops its cached pages) and mails the author — all in the
 *      transaction. After the commit this instance's cached public pages are dropped.
 * Anyone but an administrator gets `not-found`, as if the revision did not exist.
 */

export type Failure =
  | { ok: false; reason: "not-found"; message: string }
  | { ok: false; reason: "invalid"; message: string; errors: Record<string, string> }
  | {
      ok: false;
      reason: "already-decided";
      message: string;
      state: string;
      decidedByName: string | null;
      decidedAt: Date | null;
    }
  | { ok: false; reason: "own-submission"; message: string }
  | { ok: false; reason: "conflict"; message: string; changedByName: string; changedAt: Date };

export type Decided = {
  ok: true;
  message: string;
  arrangementId: number;
  revisionId: number;
  /** The arrangement's workspace status after the decision. */
  status: WorkspaceStatus;
  publishedRevisionId: number | null;
  decidedAt: Date;
};

export type DecisionResult = Decided | Failure;

const NOT_FOUND: Failure = { ok: false, reason: "not-found", message: "Page not found" };

class Refusal extends Error {
  constructor(readonly result: Failure) {
    super(result.message);
  }
}

function refuse(result: Failure): never {
  throw new Refusal(result);
}

function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | Failure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  // A bad id is a revision that does not exist; anything else is a field to correct.
  const errors = fieldErrors(parsed.error);
  return errors.revisionId
    ? NOT_FOUND
    : { ok: false, reason: "invalid", message: "There is a problem", errors };
}

type Submission = {
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

async function readSubmission(tx: Tx, revisionId: number): Promise<Submission | undefined> {
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

/** What a late decision is told: who decided first, and when. Nothing is changed. */
export function alreadyDecided(
  submission: Pick<Submission, "state" | "reviewerName" | "reviewedAt">,
): Failure {
  const who = submission.reviewerName ?? "another administrator";
  const when = submission.reviewedAt ? ` on ${formatDateTime(submission.reviewedAt)}` : "";
  const message =
    submission.state === "approved" || submission.state === "superseded"
      ? `This submission was already approved by ${who}${when}. Nothing was changed.`
      : submission.state === "rejected"
        ? `This submission was already returned to the council by ${who}${when}. Nothing was changed.`
        : "The council withdrew this submission from review, so there is nothing to decide. Nothing was changed.";
  return {
    ok: false,
    reason: "already-decided",
    message,
    state: submission.state,
    decidedByName: submission.reviewerName,
    decidedAt: submission.reviewedAt,
  };
}

const OWN_SUBMISSION: Failure = {
  ok: false,
  reason: "own-submission",
  message:
    "You wrote or submitted this revision, so another administrator must review it (four eyes).",
};

async function changedSinceLoaded(tx: Tx, state: ArrangementState): Promise<Failure> {
  const [editor] = state.updatedById
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, state.updatedById))
    : [];
  const changedByName = editor?.name ?? "another user";
  return {
    ok: false,
    reason: "conflict",
    message: `This arrangement was changed by ${changedByName} at ${formatDateTime(state.updatedAt)} since you opened it. Nothing was changed: review the submission again.`,
    changedByName,
    changedAt: state.updatedAt,
  };
}

type Decision =
  | { kind: "approve"; revisionId: number; baseVersion?: number | null }
  | { kind: "reject"; revisionId: number; baseVersion?: number | null; reason: string };

async function decide(
  admin: CurrentUser | null | undefined,
  decision: Decision,
  request: RequestInfo,
): Promise<DecisionResult> {
  if (admin?.role !== "admin") return NOT_FOUND;
  const [peek] = await db()
    .select({ arrangementId: arrangementRevisions.arrangementId })
    .from(arrangementRevisions)
    .where(eq(arrangementRevisions.id, decision.revisionId));
  if (!peek) return NOT_FOUND;

  let result: Decided;
  try {
    result = await db().transaction(async (tx) => {
      await holdPublicationLock(tx, "shared");
      const state = await readArrangementState(tx, peek.arrangementId, { lock: true });
      if (!state) refuse(NOT_FOUND);
      const submission = await readSubmission(tx, decision.revisionId);
      if (!submission || submission.arrangementId !== state.arrangementId) refuse(NOT_FOUND);
      if (submission.state !== "submitted") refuse(alreadyDecided(submission));
      if (submission.authorId === admin.id || submission.submittedById === admin.id)
        refuse(OWN_SUBMISSION);
      if (decision.baseVersion != null && decision.baseVersion !== state.lockVersion)
        refuse(await changedSinceLoaded(tx, state));
      return decision.kind === "approve"
        ? approveIn(tx, admin, state, submission, request)
        : rejectIn(tx, admin, state, submission, decision.reason, request);
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
  revalidatePublicPages();
  return result;
}

async function approveIn(
  tx: Tx,
  admin: CurrentUser,
  state: ArrangementState,
  submission: Submission,
  request: RequestInfo,
): Promise<Decided> {
  const at = await databaseNow(tx);
  const previousId = state.publishedRevisionId;
  const snapshots = await readSnapshots(
    tx,
    previousId ? [previousId, submission.id] : [submission.id],
  );

  if (previousId !== null) {
    await tx
      .update(arrangementRevisions)
      .set({ state: "superseded", supersededAt: raw`${at.text}::timestamptz` })
      .where(
        and(eq(arrangementRevisions.id, previousId), eq(arrangementRevisions.state, "approved")),
      );
  }
  await tx
    .update(arrangementRevisions)
    .set({
      state: "approved",
      reviewedAt: raw`${at.text}::timestamptz`,
      reviewedById: admin.id,
      reviewNote: null,
      updatedAt: raw`now()`,
      searchText: raw`revision_search_text(${arrangementRevisions.id})`,
    })
    .where(
      and(eq(arrangementRevisions.id, submission.id), eq(arrangementRevisions.state, "submitted")),
    );
  await tx
    .update(arrangements)
    .set({ publishedRevisionId: submission.id })
    .where(eq(arrangements.id, state.arrangementId));
  await touch(tx, state.arrangementId, admin);

  const status = workspaceStatus({
    published: true,
    latestState: "approved",
    latestDiscarded: false,
  });
  await recordAudit(tx, {
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
    requestId: request.requestId,
  });
  await recordPublicChange(tx);
  await notifyDecision(tx, {
    arrangementId: state.arrangementId,
    slug: submission.slug,
    title: submission.title,
    version: submission.version,
    organisationName: submission.organisationName,
    decision: "approved",
    decidedAt: at.date,
    stillPublished: false,
    recipientIds: [submission.authorId, submission.submittedById],
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

async function rejectIn(
  tx: Tx,
  admin: CurrentUser,
  state: ArrangementState,
  submission: Submission,
  reason: string,
  request: RequestInfo,
): Promise<Decided> {
  const at = await databaseNow(tx);
  await tx
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
  await touch(tx, state.arrangementId, admin);

  const published = state.publishedRevisionId !== null;
  const status = workspaceStatus({ published, latestState: "rejected", latestDiscarded: false });
  await recordAudit(tx, {
    actorUserId: admin.id,
    organisationId: state.leadOrganisationId,
    action: "arrangement.rejected",
    entityType: "arrangement",
    entityId: state.arrangementId,
    before: { status: state.status, revisionId: submission.id, version: submission.version },
    after: { status, reason },
    requestId: request.requestId,
  });
  // Nothing public changed, but the rule is one: every decision drops the cached public pages.
  await recordPublicChange(tx);
  await notifyDecision(tx, {
    arrangementId: state.arrangementId,
    slug: submission.slug,
    title: submission.title,
    version: submission.version,
    organisationName: submission.organisationName,
    decision: "rejected",
    reason,
    decidedAt: at.date,
    stillPublished: published,
    recipientIds: [submission.authorId, submission.submittedById],
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

/** submitted → approved: the revision becomes the arrangement's published one. */
export async function approveRevision(
  admin: CurrentUser | null | undefined,
  input: ApproveInput,
  request: RequestInfo,
): Promise<DecisionResult> {
  if (admin?.role !== "admin") return NOT_FOUND;
  const parsed = parse(approveSchema, input);
  return parsed.ok ? decide(admin, { kind: "approve", ...parsed.data }, request) : parsed;
}

/** submitted → rejected, with the reason the council will read; the published one stays. */
export async function rejectRevision(
  admin: CurrentUser | null | undefined,
  input: RejectInput,
  request: RequestInfo,
): Promise<DecisionResult> {
  if (admin?.role !== "admin") return NOT_FOUND;
  const parsed = parse(rejectSchema, input);
  return parsed.ok ? decide(admin, { kind: "reject", ...parsed.data }, request) : parsed;
}
