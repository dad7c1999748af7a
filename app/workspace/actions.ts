"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { echoValues, userAction, type FormValues } from "@/lib/auth/access";
import {
  deleteDraft,
  discardChanges,
  saveDraft,
  submitForReview,
  withdrawSubmission,
  type ArrangementCommandInput,
  type ArrangementFailure,
  type StateChanged,
} from "@/lib/arrangements/commands";
import type { CurrentUser } from "@/lib/auth/access";
import type { CommandResult } from "@/lib/commands/result";
import { formatDateTime } from "@/lib/format/dates";
import type { RequestInfo } from "@/lib/request";
import type { ArrangementFormState, Notice } from "./form-state";

/*
 * The council workspace's form actions. The arrangement form's values are validated by the
 * domain schema inside saveDraft (lib/arrangements/schema.ts), so this schema only takes the
 * raw strings a form sends. Another organisation's arrangement answers 404, like a missing one.
 */

const rawValues = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** "" → null (create); anything else → a number, and a non-number is refused as not found. */
function optionalNumber(value: string | string[] | undefined): number | null {
  const text = one(value);
  return text === "" ? null : Number(text);
}

function failureState(result: ArrangementFailure, values: FormValues): ArrangementFormState {
  switch (result.reason) {
    case "not-found":
      return notFound();
    case "invalid": {
      const { _form: formMessage, ...errors } = result.errors;
      return { message: formMessage, errors, values: echoValues(values) };
    }
    case "not-allowed":
      return { message: result.message, values: echoValues(values) };
    case "conflict": {
      const changedAt = formatDateTime(result.conflict.changedAt);
      return {
        message: `This record was changed by ${result.conflict.changedByName} at ${changedAt} since you opened it. Check the saved version below, then save again to keep your changes.`,
        values: { ...echoValues(values), baseVersion: String(result.conflict.baseVersion) },
        conflict: {
          changedByName: result.conflict.changedByName,
          changedAt,
          stored: result.conflict.stored,
          baseVersion: result.conflict.baseVersion,
        },
      };
    }
  }
}

export const saveArrangementAction = userAction(
  rawValues,
  async (input, { user, request, values }): Promise<ArrangementFormState> => {
    const result = await saveDraft(
      user,
      {
        arrangementId: optionalNumber(input.arrangementId),
        baseVersion: optionalNumber(input.baseVersion),
        idempotencyKey: one(input.idempotencyKey),
        values: input,
      },
      request,
    );
    if (!result.ok) return failureState(result, values);
    redirect(`/workspace/${result.arrangementId}/preview?notice=saved`);
  },
);

const commandSchema = z.object({
  arrangementId: z.string(),
  baseVersion: z.string().optional(),
  /** "yes" when the submitter ticked the declaration (submit only). */
  declaration: z.string().optional(),
});

type Command = (
  user: CurrentUser,
  input: ArrangementCommandInput & { declared: boolean },
  request: RequestInfo,
) => Promise<CommandResult<StateChanged, ArrangementFailure>>;

function commandAction(command: Command, notice: Notice) {
  return async (
    input: z.output<typeof commandSchema>,
    { user, request, values }: { user: CurrentUser; request: RequestInfo; values: FormValues },
  ): Promise<ArrangementFormState> => {
    const result = await command(
      user,
      {
        arrangementId: Number(input.arrangementId),
        baseVersion: optionalNumber(input.baseVersion),
        declared: input.declaration === "yes",
      },
      request,
    );
    if (!result.ok) {
      if (result.reason === "conflict")
        return {
          message: `This record was changed by ${result.conflict.changedByName} at ${formatDateTime(result.conflict.changedAt)} since you opened it. Reload the page to see the changes.`,
        };
      // A button has no fields to mark: its summary lists each problem, linked to the field
      // on the edit page (submitting a draft that is not complete yet).
      if (result.reason === "invalid") {
        const { _form: formMessage, ...errors } = result.errors;
        return { message: formMessage ?? result.message, errors, values: echoValues(values) };
      }
      return failureState(result, values);
    }
    redirect(`/workspace?notice=${notice}`);
  };
}

export const submitForReviewAction = userAction(
  commandSchema,
  commandAction(submitForReview, "submitted"),
);
export const withdrawSubmissionAction = userAction(
  commandSchema,
  commandAction(withdrawSubmission, "withdrawn"),
);
export const deleteDraftAction = userAction(commandSchema, commandAction(deleteDraft, "deleted"));
export const discardChangesAction = userAction(
  commandSchema,
  commandAction(discardChanges, "discarded"),
);
