"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { TextareaField } from "@/components/forms/textarea-field";
import type { FormState } from "@/lib/auth/access";
import { REASON_MAX, REASON_MIN } from "@/lib/review/schemas";
import { approveAction, rejectAction } from "./actions";

const initial = {} as FormState;

type Decision = { revisionId: number; baseVersion: number };

/** Approve and publish: one button, and the reason if it could not be done. */
export function ApproveForm(decision: Decision) {
  const form = useActionState(approveAction, initial);
  return (
    <ActionForm form={form} submitLabel="Approve and publish" hidden={decision}>
      <p className="mb-4 max-w-xl">
        It replaces what the public sees for this arrangement at once. The council is told by email.
      </p>
    </ActionForm>
  );
}

/** Return to the council with a reason they will read; what was typed survives an error. */
export function RejectForm(decision: Decision) {
  const form = useActionState(rejectAction, initial);
  const [state] = form;
  const field = bindFields(state);
  return (
    <ActionForm
      form={form}
      submitLabel="Return to the council"
      submitClassName="button button-warning"
      fieldOrder={["reason"]}
      hidden={decision}
    >
      <TextareaField
        {...field("reason")}
        label="Reason for returning it"
        hint={`The council will see this in their workspace and by email. Say what to change. ${REASON_MIN} to ${REASON_MAX.toLocaleString("en-GB")} characters.`}
        maxLength={REASON_MAX + 500}
        rows={5}
      />
    </ActionForm>
  );
}
