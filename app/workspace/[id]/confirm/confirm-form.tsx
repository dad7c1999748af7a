"use client";

import { useActionState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { bindFields } from "@/components/forms/bind-fields";
import { Radios } from "@/components/forms/radios";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { confirmForecastAction } from "../../confirm-actions";
import { DeclarationField } from "../../declaration-field";

const FIELDS = ["outcome", "amount", "declaration"];

/** What was saved in the year: an actual amount, or not achieved. Works without JavaScript. */
export function ConfirmForm({
  arrangementId,
  baseVersion,
  financialYear,
  idempotencyKey,
  yearLabel,
  submitLabel,
}: {
  arrangementId: number;
  baseVersion: number;
  financialYear: number;
  idempotencyKey: string;
  yearLabel: string;
  submitLabel: string;
}) {
  const form = useActionState(confirmForecastAction, {} as FormState);
  const field = bindFields(form[0]);
  return (
    <ActionForm
      form={form}
      submitLabel={submitLabel}
      fieldOrder={FIELDS}
      hidden={{ arrangementId, baseVersion, financialYear, idempotencyKey }}
    >
      <Radios
        {...field("outcome")}
        legend={`Was the saving achieved in ${yearLabel}?`}
        options={[
          {
            value: "actual",
            label: "Yes, this much was saved",
            hint: "Enter the actual amount below, even if it differs from the forecast.",
          },
          {
            value: "not-achieved",
            label: "No, the saving was not achieved",
            hint: "Recorded as an actual saving of £0 for the year.",
          },
        ]}
      />
      <TextField
        {...field("amount")}
        label={`Actual saving in ${yearLabel}, in pounds`}
        hint="Only if the saving was achieved. For example, £240,000 or 240000.50."
        inputMode="decimal"
        autoComplete="off"
      />
      <DeclarationField
        error={field("declaration").error}
        checked={field("declaration").defaultValue === "yes"}
      />
    </ActionForm>
  );
}
