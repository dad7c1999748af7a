"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextareaField } from "@/components/forms/textarea-field";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { DESCRIPTION_MAX } from "@/lib/editions/schemas";
import { createEditionAction } from "./actions";

const FIELDS = ["name", "asOfDate", "asOfTime", "description"];

export function EditionForm() {
  const form = useActionState(createEditionAction, {} as FormState);
  const [state] = form;
  // After an edition is published the form is empty again, for the next one.
  const field = bindFields(state, {}, { clearOnSuccess: true });
  return (
    <ActionForm
      form={form}
      submitLabel="Publish edition"
      fieldOrder={FIELDS}
      success={<SuccessPanel title={state.message ?? "Edition published"} />}
    >
      <TextField
        {...field("name")}
        label="Name"
        hint="How the public will know it, like 2019 edition."
        autoComplete="off"
      />
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          {...field("asOfDate")}
          label="As of: date"
          hint="The register as it stood on this day (UK time). For example, 2019-03-31."
          type="date"
        />
        <TextField
          {...field("asOfTime")}
          label="As of: time (optional)"
          hint="24-hour clock. Leave blank for 23:59, the end of the day."
          type="time"
        />
      </div>
      <TextareaField
        {...field("description")}
        label="Description (optional)"
        hint={`Shown with the edition on the public editions page. Up to ${DESCRIPTION_MAX.toLocaleString("en-GB")} characters.`}
        rows={3}
      />
    </ActionForm>
  );
}
