"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Radios } from "@/components/forms/radios";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { BODY_KINDS, KIND_LABELS } from "@/lib/organisations/schemas";
import { createOrganisationAction, markReplacedAction, updateOrganisationAction } from "./actions";

const initial = {} as FormState;
const BODY_FIELDS = ["code", "kind", "name", "shortName", "region", "startDate", "endDate"];

export type BodyValues = {
  code?: string;
  kind: string;
  name: string;
  shortName: string;
  region: string;
  startDate: string;
  endDate: string;
};

function useValues(state: FormState, fallback: Record<string, string>) {
  return (name: string) => {
    if (state.ok) return fallback[name] ?? "";
    const v = state.values?.[name];
    return typeof v === "string" ? v : (fallback[name] ?? "");
  };
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
  const [state, action, pending] = useActionState(
    organisationId ? updateOrganisationAction : createOrganisationAction,
    initial,
  );
  const value = useValues(state, current);
  const key = (name: string) => `${name}-${value(name)}-${state.ok ? "saved" : ""}`;
  return (
    <form action={action} noValidate>
      {state.ok ? <SuccessPanel title={state.message ?? "Saved"} /> : null}
      <ErrorSummary errors={state.errors} message={state.message} fieldOrder={BODY_FIELDS} />
      {organisationId ? (
        <>
          <input type="hidden" name="organisationId" value={organisationId} />
          <input type="hidden" name="version" value={version ?? ""} />
        </>
      ) : (
        <TextField
          name="code"
          label="Code (optional)"
          hint="A stable identifier used in imports and downloads: its GSS code if it has one (like E54000012), or leave blank to have one made from the kind and short name (like fire:devon-and-somerset). It cannot be changed later."
          spellCheck={false}
          autoComplete="off"
          defaultValue={value("code")}
          key={key("code")}
          error={state.errors?.code}
        />
      )}
      <Radios
        name="kind"
        legend="What kind of body is it?"
        defaultValue={value("kind")}
        key={key("kind")}
        error={state.errors?.kind}
        options={BODY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
      />
      <TextField
        name="name"
        label="Name"
        hint="Its full name, like Devon and Somerset Fire and Rescue Service."
        autoComplete="off"
        defaultValue={value("name")}
        key={key("name")}
        error={state.errors?.name}
      />
      <TextField
        name="shortName"
        label="Short name (optional)"
        hint="Used where space is short, like Devon and Somerset Fire. Leave blank to use the name."
        autoComplete="off"
        defaultValue={value("shortName")}
        key={key("shortName")}
        error={state.errors?.shortName}
      />
      <SelectField
        name="region"
        label="Region (optional)"
        placeholder="No region"
        options={regions}
        defaultValue={value("region")}
        key={key("region")}
        error={state.errors?.region}
      />
      <TextField
        name="startDate"
        label="First day (optional)"
        hint="For example, 2019-04-01"
        type="date"
        defaultValue={value("startDate")}
        key={key("startDate")}
        error={state.errors?.startDate}
      />
      <TextField
        name="endDate"
        label="Last day (optional)"
        hint="Only if it no longer exists. Its arrangements stay."
        type="date"
        defaultValue={value("endDate")}
        key={key("endDate")}
        error={state.errors?.endDate}
      />
      <button type="submit" className="button" disabled={pending}>
        {organisationId ? "Save changes" : "Add organisation"}
      </button>
    </form>
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
  const [state, action, pending] = useActionState(markReplacedAction, initial);
  const value = useValues(state, { endDate, replacedById });
  const key = (name: string) => `${name}-${value(name)}-${state.ok ? "saved" : ""}`;
  return (
    <form action={action} noValidate>
      {state.ok ? <SuccessPanel title={state.message ?? "Saved"} /> : null}
      <ErrorSummary
        errors={state.errors}
        message={state.message}
        fieldOrder={["endDate", "replacedById"]}
      />
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="version" value={version} />
      <TextField
        name="endDate"
        label="Its last day"
        hint="For example, 2023-03-31 (councils usually end on 31 March)."
        type="date"
        defaultValue={value("endDate")}
        key={key("endDate")}
        error={state.errors?.endDate}
      />
      <SelectField
        name="replacedById"
        label="Replaced by"
        hint="The council that took over its area and services from the next day."
        placeholder="Choose a council"
        options={councils}
        defaultValue={value("replacedById")}
        key={key("replacedById")}
        error={state.errors?.replacedById}
      />
      <button type="submit" className="button" disabled={pending}>
        Record replacement
      </button>
    </form>
  );
}
