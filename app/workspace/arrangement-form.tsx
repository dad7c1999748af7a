"use client";

import Link from "next/link";
import { useActionState } from "react";
import { bindFields, type FieldBinder } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { pickFormValues, type ArrangementFormValues } from "@/lib/arrangements/schema";
import { saveArrangementAction } from "./actions";
import { BenefitsAndContactFields, DetailsFields, NoSavingsField } from "./arrangement-fields";
import { ConflictView } from "./conflict-view";
import { fieldOrder } from "./field-order";
import type { ArrangementFormState } from "./form-state";
import { PartnerPicker, type PartnerChoice } from "./partner-picker";
import { SavingsGrid } from "./savings-grid";

function SectionHeading({ children }: { children: string }) {
  return <h2 className="mt-8 mb-3 text-2xl font-bold">{children}</h2>;
}

/** The lead (always the editor's own organisation) and the partners they choose. */
function OrganisationFields({
  lead,
  partnerOptions,
  partners,
  error,
}: {
  lead: { code: string; name: string };
  partnerOptions: PartnerChoice[];
  partners: string[];
  error?: string;
}) {
  return (
    <>
      <SectionHeading>Organisations</SectionHeading>
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
        defaultSelected={partners}
        error={error}
      />
    </>
  );
}

/** Savings year by year, or why there are none. */
function SavingsFields({
  values,
  errors,
  field,
  currentYear,
}: {
  values: ArrangementFormValues;
  errors: Record<string, string>;
  field: FieldBinder;
  currentYear: number;
}) {
  return (
    <>
      <SectionHeading>Savings</SectionHeading>
      <p className="mb-4 max-w-2xl text-ink-muted">
        The cashable saving for each financial year (1 April to 31 March), in pounds as you would
        write it, like 1250000, 1,250,000 or £1,250,000.50. Leave a year blank when there is no
        figure for it. A year that has ended is an actual saving; this year and later ones are
        forecasts until they have ended.
      </p>
      <SavingsGrid values={values} errors={errors} currentYear={currentYear} />
      <NoSavingsField field={field} />
    </>
  );
}

function FormButtons({
  label,
  pending,
  cancelHref,
}: {
  label: string;
  pending: boolean;
  cancelHref: string;
}) {
  return (
    <>
      <p className="mt-8 max-w-2xl text-ink-muted" id="save-draft-hint">
        You can save a draft that is not finished: what you have typed is kept. Everything the
        register needs is checked when you submit it for review.
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="button" disabled={pending}>
          {label}
        </button>
        <Link href={cancelHref}>Cancel</Link>
      </div>
    </>
  );
}

type ArrangementFormProps = {
  arrangementId: number | null;
  baseVersion: number | null;
  idempotencyKey: string;
  lead: { code: string; name: string };
  initial: ArrangementFormValues;
  partnerOptions: PartnerChoice[];
  currentYear: number;
  cancelHref: string;
};

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
  currentYear,
  cancelHref,
}: ArrangementFormProps) {
  const [state, action, pending] = useActionState(
    saveArrangementAction as (
      state: ArrangementFormState,
      formData: FormData,
    ) => Promise<ArrangementFormState>,
    {} as ArrangementFormState,
  );
  const values = state.values ? pickFormValues(state.values) : initial;
  const errors = state.errors ?? {};
  const field = bindFields({ values, errors });
  const version = state.conflict?.baseVersion ?? baseVersion;
  // A new key after each answer from the server: the fields (and the partner and savings
  // widgets, which keep their own state) show what came back.
  const formKey = JSON.stringify([state.values ?? null, state.errors ?? null, version]);

  return (
    <form action={action} noValidate>
      <ErrorSummary errors={errors} message={state.message} fieldOrder={fieldOrder(values)} />
      {state.conflict ? (
        <ConflictView
          conflict={state.conflict}
          typed={values}
          partnerNames={new Map(partnerOptions.map((o) => [o.code, o.name]))}
        />
      ) : null}
      <input type="hidden" name="arrangementId" value={arrangementId ?? ""} />
      <input type="hidden" name="baseVersion" value={version ?? ""} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      <div key={formKey}>
        <DetailsFields field={field} values={values} />
        <OrganisationFields
          lead={lead}
          partnerOptions={partnerOptions}
          partners={values.partners}
          error={errors.partners}
        />
        <SavingsFields values={values} errors={errors} field={field} currentYear={currentYear} />
        <SectionHeading>Benefits and contact</SectionHeading>
        <BenefitsAndContactFields field={field} />
      </div>

      <FormButtons
        label={state.conflict ? "Save my version" : "Save draft"}
        pending={pending}
        cancelHref={cancelHref}
      />
    </form>
  );
}
