"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Checkboxes } from "@/components/forms/checkboxes";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Radios } from "@/components/forms/radios";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import {
  DESCRIPTION_MAX,
  NO_SAVINGS_REASON_MAX,
  TITLE_MAX,
  pickFormValues,
  type ArrangementFormValues,
} from "@/lib/arrangements/schema";
import { BENEFITS, SERVICE_CATEGORIES, benefitLabel } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import { saveArrangementAction } from "./actions";
import type { ArrangementFormState } from "./form-state";
import { PartnerPicker, type PartnerChoice } from "./partner-picker";
import { SavingsRows } from "./savings-rows";

const STAGE_OPTIONS = [
  { value: "planned", label: "Planned", hint: "Agreed or being set up, not yet running." },
  { value: "operational", label: "Operational", hint: "Running now." },
  { value: "ended", label: "Ended", hint: "No longer running. Give the end date." },
];

const CATEGORY_NAME = new Map<string, string>(SERVICE_CATEGORIES.map((c) => [c.slug, c.name]));

function fieldOrder(values: ArrangementFormValues): string[] {
  const rows = Math.max(values.savingsYear.length, values.savingsAmount.length);
  return [
    "title",
    "description",
    "mainCategory",
    "furtherCategories",
    "stage",
    "startDate",
    "endDate",
    "partners",
    ...Array.from({ length: rows }, (_, i) =>
      ["year", "amount", "kind"].map((p) => `savings.${i}.${p}`),
    ).flat(),
    "noSavingsReason",
    "benefits",
    "contactName",
    "contactEmail",
  ];
}

/**
 * Creating and editing an arrangement: one form, a real POST to a server action, so it works
 * without JavaScript. Every typed value comes back on error, and a save from an out-of-date
 * form shows the stored version beside what was typed.
 */
export function ArrangementForm({
  arrangementId,
  baseVersion,
  idempotencyKey,
  lead,
  initial,
  partnerOptions,
  yearOptions,
  cancelHref,
}: {
  arrangementId: number | null;
  baseVersion: number | null;
  idempotencyKey: string;
  lead: { code: string; name: string };
  initial: ArrangementFormValues;
  partnerOptions: PartnerChoice[];
  yearOptions: number[];
  cancelHref: string;
}) {
  const [state, action, pending] = useActionState(
    saveArrangementAction as (
      state: ArrangementFormState,
      formData: FormData,
    ) => Promise<ArrangementFormState>,
    {} as ArrangementFormState,
  );
  const values = state.values ? pickFormValues(state.values) : initial;
  const errors = state.errors ?? {};
  const version = state.conflict?.baseVersion ?? baseVersion;
  // A new key after each answer from the server: the fields show what came back.
  const formKey = JSON.stringify([state.values ?? null, state.errors ?? null, version]);
  const partnerNames = new Map(partnerOptions.map((o) => [o.code, o.name]));

  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} fieldOrder={fieldOrder(values)} />
      {state.conflict ? (
        <ConflictView conflict={state.conflict} typed={values} partnerNames={partnerNames} />
      ) : null}
      <input type="hidden" name="arrangementId" value={arrangementId ?? ""} />
      <input type="hidden" name="baseVersion" value={version ?? ""} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      <div key={formKey}>
        <TextField
          name="title"
          label="Title"
          hint={`What the arrangement is called, up to ${TITLE_MAX} characters. For example, “Shared trading standards service”.`}
          defaultValue={values.title}
          error={errors.title}
          className="max-w-2xl"
        />
        <TextareaField
          name="description"
          label="Description"
          hint={`What the partners do together and why. Plain text, up to ${DESCRIPTION_MAX.toLocaleString("en-GB")} characters.`}
          defaultValue={values.description}
          error={errors.description}
          maxLength={DESCRIPTION_MAX}
        />
        <SelectField
          name="mainCategory"
          label="Main service category"
          placeholder="Select a category"
          options={SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name }))}
          defaultValue={values.mainCategory}
          error={errors.mainCategory}
        />
        <Checkboxes
          name="furtherCategories"
          legend="Further service categories (optional)"
          hint="Any other services the arrangement covers. Do not tick the main category again."
          options={SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name }))}
          defaultValues={values.furtherCategories}
          error={errors.furtherCategories}
        />
        <Radios
          name="stage"
          legend="Stage"
          options={STAGE_OPTIONS}
          defaultValue={values.stage}
          error={errors.stage}
        />
        <TextField
          name="startDate"
          label="Start date"
          hint="When the arrangement started or will start. Required unless it is planned."
          type="date"
          defaultValue={values.startDate}
          error={errors.startDate}
          className="w-48"
        />
        <TextField
          name="endDate"
          label="End date (ended arrangements only)"
          type="date"
          defaultValue={values.endDate}
          error={errors.endDate}
          className="w-48"
        />

        <h2 className="mt-8 mb-3 text-2xl font-bold">Organisations</h2>
        <div className="mb-6">
          <p className="font-semibold">Lead organisation</p>
          <p>
            {lead.name}
            <span className="block text-ink-muted">
              Your organisation leads every arrangement you add.
            </span>
          </p>
        </div>
        <PartnerPicker
          options={partnerOptions.filter((o) => o.code !== lead.code)}
          defaultSelected={values.partners}
          error={errors.partners}
        />

        <h2 className="mt-8 mb-3 text-2xl font-bold">Savings</h2>
        <p className="mb-4 max-w-2xl text-ink-muted">
          Savings for each financial year, in pounds as you would write them, like 1250000,
          1,250,000 or £1,250,000.50. Say whether each figure is actual or a forecast. Leave a row
          blank to ignore it.
        </p>
        <SavingsRows
          years={values.savingsYear}
          amounts={values.savingsAmount}
          kinds={values.savingsKind}
          errors={errors}
          yearOptions={yearOptions}
        />
        <TextareaField
          name="noSavingsReason"
          label="If there are no savings, say why"
          hint={`For example, the arrangement was set up to improve services rather than to save money. Up to ${NO_SAVINGS_REASON_MAX.toLocaleString("en-GB")} characters.`}
          defaultValue={values.noSavingsReason}
          error={errors.noSavingsReason}
          rows={3}
          maxLength={NO_SAVINGS_REASON_MAX}
        />

        <h2 className="mt-8 mb-3 text-2xl font-bold">Benefits and contact</h2>
        <Checkboxes
          name="benefits"
          legend="Other benefits (optional)"
          options={BENEFITS.map((b) => ({ value: b.slug, label: b.label }))}
          defaultValues={values.benefits}
          error={errors.benefits}
        />
        <TextField
          name="contactName"
          label="Public contact name (optional)"
          hint="Shown on the public page, for other councils who want to know more."
          autoComplete="off"
          defaultValue={values.contactName}
          error={errors.contactName}
        />
        <TextField
          name="contactEmail"
          label="Public contact email (optional)"
          hint="A team mailbox is better than a personal address."
          type="email"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.contactEmail}
          error={errors.contactEmail}
        />
      </div>

      <div className="mt-8 flex flex-wrap items-center gap-4">
        <button type="submit" className="button" disabled={pending}>
          {state.conflict ? "Save my version" : "Save draft"}
        </button>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}

/* Conflict ----------------------------------------------------------------------------------- */

const FIELD_LABELS: [keyof ArrangementFormValues, string][] = [
  ["title", "Title"],
  ["description", "Description"],
  ["mainCategory", "Main service category"],
  ["furtherCategories", "Further service categories"],
  ["stage", "Stage"],
  ["startDate", "Start date"],
  ["endDate", "End date"],
  ["partners", "Partner organisations"],
  ["noSavingsReason", "Reason for no savings"],
  ["benefits", "Other benefits"],
  ["contactName", "Public contact name"],
  ["contactEmail", "Public contact email"],
];

function describe(
  field: keyof ArrangementFormValues,
  values: ArrangementFormValues,
  partnerNames: Map<string, string>,
): string {
  const v = values[field];
  const list = Array.isArray(v) ? v.filter(Boolean) : null;
  if (field === "mainCategory") return CATEGORY_NAME.get(v as string) ?? (v as string);
  if (field === "furtherCategories") return list!.map((s) => CATEGORY_NAME.get(s) ?? s).join(", ");
  if (field === "partners") return list!.map((c) => partnerNames.get(c) ?? c).join(", ");
  if (field === "benefits") return list!.map((b) => benefitLabel(b) ?? b).join(", ");
  return list ? list.join(", ") : (v as string);
}

function savingsText(values: ArrangementFormValues): string {
  const rows: string[] = [];
  const length = Math.max(values.savingsYear.length, values.savingsAmount.length);
  for (let i = 0; i < length; i++) {
    const year = values.savingsYear[i]?.trim() ?? "";
    const amount = values.savingsAmount[i]?.trim() ?? "";
    if (!year && !amount) continue;
    const label = /^\d{4}$/.test(year) ? financialYearLabel(Number(year)) : year;
    rows.push(`${label}: ${amount} (${values.savingsKind[i] || "not said"})`);
  }
  return rows.join("; ");
}

function ConflictView({
  conflict,
  typed,
  partnerNames,
}: {
  conflict: NonNullable<ArrangementFormState["conflict"]>;
  typed: ArrangementFormValues;
  partnerNames: Map<string, string>;
}) {
  const stored = pickFormValues(conflict.stored);
  const rows = FIELD_LABELS.map(([field, label]) => ({
    label,
    stored: describe(field, stored, partnerNames),
    typed: describe(field, typed, partnerNames),
  }));
  rows.splice(8, 0, { label: "Savings", stored: savingsText(stored), typed: savingsText(typed) });
  return (
    <section
      aria-labelledby="conflict-heading"
      className="mb-8 border-l-8 border-error bg-surface p-4"
    >
      <h2 id="conflict-heading" className="text-xl font-bold">
        This record was changed by {conflict.changedByName} at {conflict.changedAt} since you opened
        it
      </h2>
      <p className="mt-2 max-w-2xl">
        Your changes have not been saved. Compare the saved version with yours. The form below still
        holds everything you typed: change anything you need to, then choose “Save my version” to
        save it on top of the saved version.
      </p>
      <table className="mt-4 w-full border-collapse text-left">
        <caption className="sr-only">The saved version and your version, field by field</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-4">
              Field
            </th>
            <th scope="col" className="py-2 pr-4">
              Saved version
            </th>
            <th scope="col" className="py-2">
              Your version
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-b border-rule align-top">
              <th scope="row" className="py-2 pr-4 font-semibold">
                {row.label}
                {row.stored !== row.typed ? (
                  <span className="block text-error">Differs</span>
                ) : null}
              </th>
              <td className="py-2 pr-4 whitespace-pre-line">{row.stored || "—"}</td>
              <td className="py-2 whitespace-pre-line">{row.typed || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
