import "server-only";
import type { DbOrTx } from "@/db/client";
import type { Conflict, Failure, Invalid, NotFound } from "@/lib/commands/result";
import { lastChangedBy } from "../lock-version";
import { readRevisionContent, type ArrangementState } from "../queries";
import { EMPTY_FORM_VALUES, revisionToFormValues, type ArrangementFormValues } from "../schema";
import { refusalMessage, type EditorCommand, type WorkspaceStatus } from "../state";

/** What the editor's commands answer when they do nothing. */
export type ArrangementFailure =
  | NotFound
  | Invalid
  | Failure<"not-allowed", { status: WorkspaceStatus }>
  | Conflict<{ conflict: ConflictDetails }>;

export type ConflictDetails = {
  changedByName: string;
  changedAt: Date;
  /** What is stored now, as form values, to show beside what the user typed. */
  stored: ArrangementFormValues;
  /** The version to send with a new attempt, once the user has reviewed the differences. */
  baseVersion: number;
};

/** The command may not start from the arrangement's status (./state.ts). */
export function notAllowedIn(command: EditorCommand, status: WorkspaceStatus): ArrangementFailure {
  return { ok: false, reason: "not-allowed", message: refusalMessage(command), status };
}

/** The arrangement changed since the form was loaded: who, when, and what is stored now. */
export async function conflictWith(
  reader: DbOrTx,
  state: ArrangementState,
): Promise<ArrangementFailure> {
  const changedByName = await lastChangedBy(reader, state.updatedById);
  const content = await readRevisionContent(reader, state.editableRevisionId);
  return {
    ok: false,
    reason: "conflict",
    message: `This record was changed by ${changedByName} at ${state.updatedAt.toISOString()} since you opened it.`,
    conflict: {
      changedByName,
      changedAt: state.updatedAt,
      stored: content ? revisionToFormValues(content) : { ...EMPTY_FORM_VALUES },
      baseVersion: state.lockVersion,
    },
  };
}
