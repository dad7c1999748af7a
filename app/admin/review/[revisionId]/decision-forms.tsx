"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextareaField } from "@/components/forms/textarea-field";
import type { FormState } from "@/lib/auth/access";
import { REASON_MAX, REASON_MIN } from "@/lib/review/schemas";
import { approveAction, rejectAction } from "./actions";

const initial = {} as FormState;

type Decision = { revisionId: number; baseVersion: number };

function Hidden({ revisionId, baseVersion }: Decision) {
  return (
    <>
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
    </>
  );
}

/** Approve and publish: one button, and the reason if it could not be done. */
export function ApproveForm(decision: Decision) {
  const [state, action, pending] = useActionState(approveAction, initial);
  return (
    <form action={action}>
      <ErrorSummary message={state.message} errors={state.errors} />
      <Hidden {...decision} />
      <p className="mb-4 max-w-xl">
        It replaces what the public sees for this arrangement at once. The council is told by email.
      </p>
      <button type="submit" className="button" disabled={pending}>
        Approve and publish
      </button>
    </form>
  );
}

/** Return to the council with a reason they will read; what was typed survives an error. */
export function RejectForm(decision: Decision) {
  const [state, action, pending] = useActionState(rejectAction, initial);
  const field = bindFields(state);
  return (
    <form action={action} noValidate>
      <ErrorSummary message={state.message} errors={state.errors} fieldOrder={["reason"]} />
      <Hidden {...decision} />
      <TextareaField
        {...field("reason")}
        label="Reason for returning it"
        hint={`The council will see this in their workspace and by email. Say what to change. ${REASON_MIN} to ${REASON_MAX.toLocaleString("en-GB")} characters.`}
        maxLength={REASON_MAX + 500}
        rows={5}
      />
      <button type="submit" className="button button-warning" disabled={pending}>
        Return to the council
      </button>
    </form>
  );
}
