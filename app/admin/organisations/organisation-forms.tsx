"use client";

import { useActionState } from "react";
import { bindFields, type FieldBinder } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { Radios } from "@/components/forms/radios";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { BODY_KINDS, KIND_LABELS } from "@/lib/organisations/schemas";
import { createOrganisationAction, markReplacedAction, updateOrganisationAction } from "./actions";

const initial = {} as FormState;
const BODY_FIELDS = ["code", "kind", "name", "shortName", "region", "startDate", "endDate"];
const KIND_OPTIONS = BODY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

export type BodyValues = {
  code?: string;
  kind: string;
  name: string;
  shortName: string;
  region: string;
  startDate: string;
  endDate: string;
};

function BodyFields({ field, regions }: { field: FieldBinder; regions: SelectOption[] }) {
  return (
    <>
      <Radios {...field("kind")} legend="What kind of body is it?" options={KIND_OPTIONS} />
      <TextField
        {...field("name")}
        label="Name"
        hint="Its full name, like Devon and Somerset Fire and Rescue Service."
        autoComplete="off"
      />
      <TextField
        {...field("shortName")}
        label="Short name (optional)"
        hint="Used where space is short, like Devon and Somerset Fire. Leave blank to use the name."
        autoComplete="off"
      />
      <SelectField
        {...field("region")}
        label="Region (optional)"
        placeholder="No region"
        options={regions}
      />
      <TextField
        {...field("startDate")}
        label="First day (optional)"
        hint="For example, 2019-04-01"
        type="date"
      />
      <TextField
        {...field("endDate")}
        label="Last day (optional)"
        hint="Only if it no longer exists. Its arrangements stay."
        type="date"
      />
    </>
  );
}

/** Add a body (no organisationId) or edit one: the same fields, GOV.UK pattern. */
export function BodyForm({
  organisationId,
  version,
  current,
  regions,
}: {
  organisationId?: number;
  version?: string;
  current: BodyValues;
  regions: SelectOption[];
}) {
  const form = useActionState(
    organisationId ? updateOrganisationAction : createOrganisationAction,
    initial,
  );
  const [state] = form;
  const field = bindFields(state, current, { clearOnSuccess: true });
  return (
    <ActionForm
      form={form}
      submitLabel={organisationId ? "Save changes" : "Add organisation"}
      fieldOrder={BODY_FIELDS}
      hidden={{ organisationId, version }}
      success={<SuccessPanel title={state.message ?? "Saved"} />}
    >
      {organisationId ? null : (
        <TextField
          {...field("code")}
          label="Code (optional)"
          hint="A stable identifier used in imports and downloads: its GSS code if it has one (like E54000012), or leave blank to have one made from the kind and short name (like fire:devon-and-somerset). It cannot be changed later."
          spellCheck={false}
          autoComplete="off"
        />
      )}
      <BodyFields field={field} regions={regions} />
    </ActionForm>
  );
}

/** Record that a council ended and which council replaced it. */
export function ReplacedForm({
  organisationId,
  version,
  endDate,
  replacedById,
  councils,
}: {
  organisationId: number;
  version: string;
  endDate: string;
  replacedById: string;
  councils: SelectOption[];
}) {
  const form = useActionState(markReplacedAction, initial);
  const [state] = form;
  const field = bindFields(state, { endDate, replacedById }, { clearOnSuccess: true });
  return (
    <ActionForm
      form={form}
      submitLabel="Record replacement"
      fieldOrder={["endDate", "replacedById"]}
      hidden={{ organisationId, version }}
      success={<SuccessPanel title={state.message ?? "Saved"} />}
    >
      <TextField
        {...field("endDate")}
        label="Its last day"
        hint="For example, 2023-03-31 (councils usually end on 31 March)."
        type="date"
      />
      <SelectField
        {...field("replacedById")}
        label="Replaced by"
        hint="The council that took over its area and services from the next day."
        placeholder="Choose a council"
        options={councils}
      />
    </ActionForm>
  );
}
