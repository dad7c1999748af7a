import "server-only";
import { and, eq, sql as raw } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { arrangementRevisions, arrangements, organisations } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-log/actions";
import type { CurrentUser } from "@/lib/auth/access";
import type { CommandResult, Success } from "@/lib/commands/result";
import type { CommandContext } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import { askPartners } from "@/lib/confirmations/ask";
import { notifyAdminsOfSubmission, type SubmissionNotice } from "@/lib/review/notifications";
import { recordContributions } from "../contributions";
import { raiseLockVersion } from "../lock-version";
import { readRevisionContent, type ArrangementState } from "../queries";
import type { WorkspaceStatus } from "../state";
import { onOwnArrangement, type ArrangementCommandInput } from "./access";
import { DECLARATION, DECLARATION_REQUIRED } from "../declaration";
import type { ArrangementFailure } from "./failures";
import { refuseInvalidContent, refuseOutsideLifetime } from "./references";

/* The editor's state changes: submit, withdraw, delete a draft, discard pending changes. */

export type StateChanged = {
  arrangementId: number;
  status: WorkspaceStatus | "deleted";
  baseVersion: number | null;
};

type StateChangeResult = Promise<CommandResult<StateChanged, ArrangementFailure>>;

/**
 * The tail every state change on an existing arrangement shares: raise lock_version (so open
 * forms notice) and write the audit event, in the command's transaction; then the answer,
 * with the new version for the form.
 */
async function stateChanged(
  cx: CommandContext,
  user: CurrentUser,
  organisationId: number,
  state: ArrangementState,
  change: { action: AuditAction; before?: Record<string, unknown>; after?: unknown },
  outcome: { message: string; status: StateChanged["status"] },
): Promise<Success<StateChanged>> {
  const baseVersion = await raiseLockVersion(cx.tx, state.arrangementId, user);
  await cx.audit({
    actorUserId: user.id,
    organisationId,
    action: change.action,
    entityType: "arrangement",
    entityId: state.arrangementId,
    before: {
      status: state.status,
      revisionId: state.newest.id,
      version: state.newest.version,
      ...change.before,
    },
    after: change.after,
  });
  return { ok: true, ...outcome, arrangementId: state.arrangementId, baseVersion };
}

/** Deletes the newest revision while it is still a draft. */
async function deleteOpenDraft(tx: Tx, state: ArrangementState): Promise<void> {
  await tx
    .delete(arrangementRevisions)
    .where(
      and(eq(arrangementRevisions.id, state.newest.id), eq(arrangementRevisions.state, "draft")),
    );
}

/** What the administrators' notice of a new submission says. */
async function submissionNotice(tx: Tx, state: ArrangementState): Promise<SubmissionNotice> {
  const [row] = await tx
    .select({
      title: arrangementRevisions.title,
      submittedAt: arrangementRevisions.submittedAt,
      organisationName: organisations.name,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(organisations, eq(organisations.id, arrangements.leadOrganisationId))
    .where(eq(arrangementRevisions.id, state.newest.id));
  return {
    arrangementId: state.arrangementId,
    revisionId: state.newest.id,
    title: row!.title,
    organisationName: row!.organisationName,
    isEdit: state.publishedRevisionId !== null,
    submittedAt: row!.submittedAt ?? new Date(),
  };
}

export { DECLARATION, DECLARATION_REQUIRED };

export type SubmitInput = ArrangementCommandInput & {
  /** The submitter ticked the declaration (DECLARATION): required, recorded with the submission. */
  declared: boolean;
};

/**
 * draft → submitted: the draft goes to the administrators' review queue, with the submitter's
 * declaration recorded on the revision (declared_at, declared_by_id).
 */
export async function submitForReview(
  user: CurrentUser,
  input: SubmitInput,
  request: RequestInfo,
): StateChangeResult {
  return onOwnArrangement(user, "submit", input, request, async (cx, state, organisationId) => {
    // Every problem at once: the content's and a missing declaration.
    await refuseInvalidContent(
      cx.tx,
      state.newest.id,
      input.declared === true ? {} : { declaration: DECLARATION_REQUIRED },
    );
    await refuseOutsideLifetime(cx.tx, state.newest.id);
    await cx.tx
      .update(arrangementRevisions)
      .set({
        state: "submitted",
        submittedById: user.id,
        submittedAt: raw`now()`,
        declaredById: user.id,
        declaredAt: raw`now()`,
        updatedAt: raw`now()`,
      })
      .where(
        and(eq(arrangementRevisions.id, state.newest.id), eq(arrangementRevisions.state, "draft")),
      );
    await recordContributions(cx.tx, user.id, "submitted", [state.newest.id]);
    const submitted = await stateChanged(
      cx,
      user,
      organisationId,
      state,
      { action: "arrangement.submitted", after: { state: "submitted", declared: DECLARATION } },
      {
        message: "Submitted for review. An administrator will check it before it is published.",
        status: state.publishedRevisionId ? "published-submitted" : "submitted",
      },
    );
    // Administrators and partners hear of it in the same transaction: no mail for a submit
    // that failed. Each partner organisation is asked to confirm it (lib/confirmations).
    const notice = await submissionNotice(cx.tx, state);
    await notifyAdminsOfSubmission(cx.tx, notice);
    await askPartners(cx.tx, {
      arrangementId: state.arrangementId,
      revisionId: state.newest.id,
      title: notice.title,
      leadName: notice.organisationName,
    });
    return submitted;
  });
}

/** submitted → draft: taken back from the review queue, editable again. */
export async function withdrawSubmission(
  user: CurrentUser,
  input: ArrangementCommandInput,
  request: RequestInfo,
): StateChangeResult {
  return onOwnArrangement(user, "withdraw", input, request, async (cx, state, organisationId) => {
    await cx.tx
      .update(arrangementRevisions)
      .set({
        state: "draft",
        submittedById: null,
        submittedAt: null,
        declaredById: null,
        declaredAt: null,
        updatedAt: raw`now()`,
      })
      .where(
        and(
          eq(arrangementRevisions.id, state.newest.id),
          eq(arrangementRevisions.state, "submitted"),
        ),
      );
    return stateChanged(
      cx,
      user,
      organisationId,
      state,
      { action: "arrangement.withdrawn", after: { state: "draft" } },
      {
        message: "Withdrawn from review. It is a draft again.",
        status: state.publishedRevisionId ? "published-draft" : "draft",
      },
    );
  });
}

/**
 * Deletes a draft. Never published: the whole arrangement goes (its audit events keep what it
 * held). Published: only the open draft goes; the published revision is untouched.
 */
export async function deleteDraft(
  user: CurrentUser,
  input: ArrangementCommandInput,
  request: RequestInfo,
): StateChangeResult {
  return onOwnArrangement(user, "delete-draft", input, request, async (cx, state, org) => {
    const content = await readRevisionContent(cx.tx, state.newest.id);
    const snapshot = content && {
      ...content,
      savings: content.savings.map((s) => ({ ...s, amountPence: s.amountPence.toString() })),
    };
    if (state.publishedRevisionId === null) {
      // Revisions, partners, categories and savings go with it (ON DELETE CASCADE).
      await cx.tx.delete(arrangements).where(eq(arrangements.id, state.arrangementId));
      await cx.audit({
        actorUserId: user.id,
        organisationId: org,
        action: "arrangement.deleted",
        entityType: "arrangement",
        entityId: state.arrangementId,
        before: {
          slug: state.slug,
          status: state.status,
          version: state.newest.version,
          content: snapshot,
        },
      });
      return {
        ok: true,
        message: "The draft has been deleted",
        arrangementId: state.arrangementId,
        status: "deleted",
        baseVersion: null,
      };
    }
    await deleteOpenDraft(cx.tx, state);
    return stateChanged(
      cx,
      user,
      org,
      state,
      { action: "arrangement.draft_deleted", before: { content: snapshot } },
      {
        message: "The draft has been deleted. The published version is unchanged.",
        status: "published",
      },
    );
  });
}

/**
 * Drops pending changes to a published arrangement: the open draft is deleted; a rejected
 * revision is kept (every reviewed revision is) but marked discarded, so it no longer shows
 * as pending.
 */
export async function discardChanges(
  user: CurrentUser,
  input: ArrangementCommandInput,
  request: RequestInfo,
): StateChangeResult {
  return onOwnArrangement(user, "discard-changes", input, request, async (cx, state, org) => {
    if (state.newest.state === "draft") await deleteOpenDraft(cx.tx, state);
    else
      await cx.tx
        .update(arrangementRevisions)
        .set({ discardedAt: raw`now()` })
        .where(eq(arrangementRevisions.id, state.newest.id));
    return stateChanged(
      cx,
      user,
      org,
      state,
      { action: "arrangement.changes_discarded", after: { status: "published" } },
      {
        message: "The changes have been discarded. The published version is unchanged.",
        status: "published",
      },
    );
  });
}
