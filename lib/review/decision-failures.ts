import "server-only";
import type { DbOrTx } from "@/db/client";
import { lastChangedBy } from "@/lib/arrangements/lock-version";
import type { ArrangementState } from "@/lib/arrangements/queries";
import type { Conflict, Failure, Invalid, NotFound } from "@/lib/commands/result";
import { formatDateTime } from "@/lib/format/dates";

/** Why a decision was not made; nothing was changed. */
export type DecisionFailure =
  | NotFound
  | Invalid
  | Failure<
      "already-decided",
      { state: string; decidedByName: string | null; decidedAt: Date | null }
    >
  | Failure<"own-submission">
  | Conflict<{ changedByName: string; changedAt: Date }>;

/** What a late decision is told: who decided first, and when. */
export function alreadyDecided(submission: {
  state: string;
  reviewerName: string | null;
  reviewedAt: Date | null;
}): DecisionFailure {
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

/** Four eyes: the administrator worked on the arrangement since its last publication. */
export function ownWork(message: string): DecisionFailure {
  return { ok: false, reason: "own-submission", message };
}

/** The arrangement changed since the review page was loaded: review it again. */
export async function changedSinceLoaded(
  reader: DbOrTx,
  state: ArrangementState,
): Promise<DecisionFailure> {
  const changedByName = await lastChangedBy(reader, state.updatedById);
  return {
    ok: false,
    reason: "conflict",
    message: `This arrangement was changed by ${changedByName} at ${formatDateTime(state.updatedAt)} since you opened it. Nothing was changed: review the submission again.`,
    changedByName,
    changedAt: state.updatedAt,
  };
}
