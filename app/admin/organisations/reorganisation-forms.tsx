"use client";

import { useActionState } from "react";
import { bindFields, type FieldBinder } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { SelectField, type SelectOption } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextareaField } from "@/components/forms/textarea-field";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import {
  NEW_COUNCIL_TYPE_OPTIONS,
  ROWS,
  rowFields,
} from "@/lib/organisations/reorganisation-schema";
import { changeSharesAction, moveEditorsAction, recordReorganisationAction } from "./actions";

const initial = {} as FormState;
const FIELD_ORDER = ["vestingDate", ...ROWS.flatMap((row) => Object.values(rowFields(row)))];
/** Rows shown open; the rest are behind "More new councils" unless they hold something. */
const OPEN_ROWS = 2;

function NewCouncilFields({
  row,
  field,
  regions,
}: {
  row: number;
  field: FieldBinder;
  regions: SelectOption[];
}) {
  const f = rowFields(row);
  return (
    <fieldset className="mb-8 border-l-4 border-rule-strong pl-4">
      <legend className="mb-3 text-xl font-bold">
        New council {row}
        {row > 1 ? " (if more than one)" : ""}
      </legend>
      <TextField {...field(f.name)} label="Name" hint="Like West Northamptonshire Council." />
      <TextField
        {...field(f.code)}
        label="ONS code"
        hint="Its GSS code, like E06000062."
        spellCheck={false}
        autoComplete="off"
        className="max-w-48 font-mono"
      />
      <SelectField {...field(f.type)} label="Type" options={NEW_COUNCIL_TYPE_OPTIONS} />
      <SelectField
        {...field(f.region)}
        label="Region (optional)"
        placeholder="No region"
        options={regions}
      />
      <TextField
        {...field(f.population)}
        label="Population (optional)"
        hint="Used to share a divided council between its new councils."
        inputMode="numeric"
        className="max-w-48"
      />
      <TextareaField
        {...field(f.from)}
        label="Formed from"
        hint="The councils that end and become part of it, one per line: an ONS code or a name. For a divided council, its percentage after it, like “E10000021 52.4%”."
        rows={4}
        spellCheck={false}
      />
    </fieldset>
  );
}

/** Several councils end, one or more new councils are formed on the vesting day. */
export function ReorganisationForm({ regions }: { regions: SelectOption[] }) {
  const form = useActionState(recordReorganisationAction, initial);
  const [state] = form;
  const field = bindFields(state, Object.fromEntries(ROWS.map((r) => [rowFields(r).type, "UA"])));
  const used = (row: number) =>
    Object.values(rowFields(row)).some(
      (name) =>
        state.errors?.[name] || (name.startsWith("type") ? false : field(name).defaultValue),
    );
  const more = ROWS.slice(OPEN_ROWS);
  return (
    <ActionForm form={form} submitLabel="Record reorganisation" fieldOrder={FIELD_ORDER}>
      <TextField
        {...field("vestingDate")}
        label="Vesting day"
        hint="The new councils’ first day, like 2028-04-01. The councils that end have their last day the day before. It may be in the future: they carry on until then."
        type="date"
        className="max-w-48"
      />
      {ROWS.slice(0, OPEN_ROWS).map((row) => (
        <NewCouncilFields key={row} row={row} field={field} regions={regions} />
      ))}
      <details className="mb-8" open={more.some(used)}>
        <summary className="mb-4 cursor-pointer font-semibold text-link underline">
          More new councils (up to {ROWS.length})
        </summary>
        {more.map((row) => (
          <NewCouncilFields key={row} row={row} field={field} regions={regions} />
        ))}
      </details>
    </ActionForm>
  );
}

/** The shares of a council divided between several successors, as percentages. */
export function SharesForm({
  predecessorId,
  version,
  successors,
}: {
  predecessorId: number;
  version: string;
  successors: { id: number; name: string; percent: string }[];
}) {
  const form = useActionState(changeSharesAction, initial);
  const [state] = form;
  const field = bindFields(
    state,
    Object.fromEntries(successors.map((s) => [`share${s.id}`, s.percent])),
    { clearOnSuccess: true },
  );
  return (
    <ActionForm
      form={form}
      submitLabel="Save shares"
      fieldOrder={successors.map((s) => `share${s.id}`)}
      hidden={{ predecessorId, version }}
      success={<SuccessPanel title={state.message ?? "Saved"} />}
    >
      {successors.map((s) => (
        <TextField
          key={s.id}
          {...field(`share${s.id}`)}
          label={`Share taken by ${s.name} (%)`}
          inputMode="decimal"
          className="max-w-32"
        />
      ))}
    </ActionForm>
  );
}

/** Every editor of the council moves to one of its successors. */
export function MoveEditorsForm({
  predecessorId,
  successors,
}: {
  predecessorId: number;
  successors: SelectOption[];
}) {
  const form = useActionState(moveEditorsAction, initial);
  const [state] = form;
  const field = bindFields(state, {
    successorId: successors.length === 1 ? successors[0]!.value : "",
  });
  return (
    <ActionForm
      form={form}
      submitLabel="Move its editors"
      fieldOrder={["successorId"]}
      hidden={{ predecessorId }}
      success={<SuccessPanel title={state.message ?? "Moved"} />}
    >
      <SelectField
        {...field("successorId")}
        label="Move them to"
        placeholder={successors.length === 1 ? undefined : "Choose a council"}
        options={successors}
      />
    </ActionForm>
  );
}
