import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { arrangementRevisions } from "@/db/schema";
import { readArrangementState } from "@/lib/arrangements/queries";
import type { CurrentUser } from "@/lib/auth/access";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { notFound, type CommandResult, type Invalid } from "@/lib/commands/result";
import { transact } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import {
  alreadyDecided,
  changedSinceLoaded,
  ownWork,
  type DecisionFailure,
} from "./decision-failures";
import { contributorsSincePublication, fourEyesReason } from "./contributors";
import { approve, readSubmission, reject, type Decided } from "./decisions";
import { holdPublicationLock } from "./publication-lock";
import { approveSchema, rejectSchema, type ApproveInput, type RejectInput } from "./schemas";

/*
 * The administrators' decisions on submitted revisions. Each one, in ONE transaction:
 *   1. locks the arrangement row (FOR UPDATE), so two decisions on the same arrangement run
 *      one after the other: the second finds the revision no longer 'submitted' and is told
 *      who decided it and when — of N approvals at once exactly one succeeds;
 *   2. re-reads the revision under the lock: it must still be 'submitted' and belong to the
 *      arrangement (ids from the browser are only hints);
 *   3. refuses an administrator who created, saved or submitted any revision of the
 *      arrangement since its last publication (four eyes, ./contributors.ts);
 *   4. refuses when the arrangement changed since the page was loaded (baseVersion), so an
 *      administrator never approves content they have not seen;
 *   5. approve: the previous published revision becomes 'superseded' (superseded_at) and this
 *      one 'approved' (reviewed_at) at the same instant, and becomes the arrangement's published
 *      revision; reject: 'rejected' with the reason in review_note, the published one untouched
 *      (./decisions.ts);
 *   6. raises lock_version (open edit forms notice), writes the audit event, records the public
 *      change (every instance drops its cached pages) and mails the author — all in the
 *      transaction. After the commit this instance's cached public pages are dropped.
 * Anyone but an administrator gets `not-found`, as if the revision did not exist.
 */

export type { Decided } from "./decisions";
export type { DecisionFailure } from "./decision-failures";
export type DecisionResult = CommandResult<Decided, DecisionFailure>;

type Decision =
  | { kind: "approve"; revisionId: number; baseVersion?: number | null }
  | { kind: "reject"; revisionId: number; baseVersion?: number | null; reason: string };

async function decide(
  admin: CurrentUser,
  decision: Decision,
  request: RequestInfo,
): Promise<DecisionResult> {
  const [peek] = await db()
    .select({ arrangementId: arrangementRevisions.arrangementId })
    .from(arrangementRevisions)
    .where(eq(arrangementRevisions.id, decision.revisionId));
  if (!peek) return notFound();

  return transact<Decided, DecisionFailure>({ request }, async (cx) => {
    await holdPublicationLock(cx.tx, "shared");
    const state = await readArrangementState(cx.tx, peek.arrangementId, { lock: true });
    if (!state) refuse(notFound());
    const submission = await readSubmission(cx.tx, decision.revisionId);
    if (!submission || submission.arrangementId !== state.arrangementId) refuse(notFound());
    if (submission.state !== "submitted") refuse(alreadyDecided(submission));
    const ownPart = fourEyesReason(
      await contributorsSincePublication(cx.tx, state.arrangementId),
      admin.id,
    );
    if (ownPart) refuse(ownWork(ownPart));
    if (decision.baseVersion != null && decision.baseVersion !== state.lockVersion)
      refuse(await changedSinceLoaded(cx.tx, state));
    return decision.kind === "approve"
      ? approve(cx, admin, state, submission)
      : reject(cx, admin, state, submission, decision.reason);
  });
}

/** Input the schema refused: a bad id is a revision that does not exist. */
function refusedInput(failure: Invalid): DecisionFailure {
  return failure.errors.revisionId ? notFound() : failure;
}

/** submitted → approved: the revision becomes the arrangement's published one. */
export async function approveRevision(
  admin: CurrentUser | null | undefined,
  input: ApproveInput,
  request: RequestInfo,
): Promise<DecisionResult> {
  if (admin?.role !== "admin") return notFound();
  const parsed = parseInput(approveSchema, input);
  if (!parsed.ok) return refusedInput(parsed);
  return decide(admin, { kind: "approve", ...parsed.data }, request);
}

/** submitted → rejected, with the reason the council will read; the published one stays. */
export async function rejectRevision(
  admin: CurrentUser | null | undefined,
  input: RejectInput,
  request: RequestInfo,
): Promise<DecisionResult> {
  if (admin?.role !== "admin") return notFound();
  const parsed = parseInput(rejectSchema, input);
  if (!parsed.ok) return refusedInput(parsed);
  return decide(admin, { kind: "reject", ...parsed.data }, request);
}
