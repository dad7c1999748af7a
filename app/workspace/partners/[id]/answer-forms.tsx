"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { TextareaField } from "@/components/forms/textarea-field";
import type { FormState } from "@/lib/auth/access";
import { DISPUTE_REASON_MAX, DISPUTE_REASON_MIN } from "@/lib/confirmations/schemas";
import { confirmPartnershipAction, disputePartnershipAction } from "./actions";

const initial = {} as FormState;

type Props = { arrangementId: number; organisationName: string };

/** Confirm: one button. */
export function ConfirmForm({ arrangementId, organisationName }: Props) {
  const form = useActionState(confirmPartnershipAction, initial);
  return (
    <ActionForm form={form} submitLabel="Confirm" hidden={{ arrangementId }}>
      <p className="mb-4 max-w-xl">
        {organisationName} takes part in this arrangement as it is described here.
      </p>
    </ActionForm>
  );
}

/** Dispute, with the reason administrators will read; what was typed survives an error. */
export function DisputeForm({ arrangementId }: Props) {
  const form = useActionState(disputePartnershipAction, initial);
  const [state] = form;
  const field = bindFields(state);
  return (
    <ActionForm
      form={form}
      submitLabel="Dispute"
      submitClassName="button button-warning"
      fieldOrder={["reason"]}
      hidden={{ arrangementId }}
    >
      <TextareaField
        {...field("reason")}
        label="Why does your organisation dispute it?"
        hint={`Administrators read this before they decide whether to publish it. ${DISPUTE_REASON_MIN} to ${DISPUTE_REASON_MAX.toLocaleString("en-GB")} characters.`}
        maxLength={DISPUTE_REASON_MAX + 500}
        rows={5}
      />
    </ActionForm>
  );
}
