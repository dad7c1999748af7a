import { Checkboxes } from "@/components/forms/checkboxes";
import { DateInput } from "@/components/forms/date-input";
import type { FieldBinder } from "@/components/forms/bind-fields";
import { Radios } from "@/components/forms/radios";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import {
  datePartsOf,
  DESCRIPTION_MAX,
  NO_SAVINGS_REASON_MAX,
  TITLE_MAX,
  type ArrangementFormValues,
} from "@/lib/arrangements/schema";
import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";

const STAGE_OPTIONS = [
  { value: "planned", label: "Planned", hint: "Agreed or being set up, not yet running." },
  { value: "operational", label: "Operational", hint: "Running now." },
  { value: "ended", label: "Ended", hint: "No longer running. Give the end date." },
];

const CATEGORY_OPTIONS = SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name }));
const BENEFIT_OPTIONS = BENEFITS.map((b) => ({ value: b.slug, label: b.label }));

/** A date as GOV.UK's three parts, showing what was typed (or the stored date's parts). */
function DateField({
  field,
  values,
  name,
  legend,
  hint,
}: {
  field: FieldBinder;
  values: ArrangementFormValues;
  name: "startDate" | "endDate";
  legend: string;
  hint: string;
}) {
  const parts = datePartsOf(values, name);
  return (
    <DateInput
      name={name}
      legend={legend}
      hint={hint}
      error={field(name).error}
      values={parts}
      resetKey={JSON.stringify(parts)}
    />
  );
}

/** What the arrangement is: title, description, categories, stage and dates. */
export function DetailsFields({
  field,
  values,
}: {
  field: FieldBinder;
  values: ArrangementFormValues;
}) {
  return (
    <>
      <TextField
        {...field("title")}
        label="Title"
        hint={`What the arrangement is called, up to ${TITLE_MAX} characters. For example, “Shared trading standards service”.`}
        className="max-w-2xl"
      />
      <TextareaField
        {...field("description")}
        label="Description"
        hint={`What the partners do together and why. Plain text, up to ${DESCRIPTION_MAX.toLocaleString("en-GB")} characters.`}
        maxLength={DESCRIPTION_MAX}
      />
      <SelectField
        {...field("mainCategory")}
        label="Main service category"
        placeholder="Select a category"
        options={CATEGORY_OPTIONS}
      />
      <Checkboxes
        {...field.list("furtherCategories")}
        legend="Further service categories (optional)"
        hint="Any other services the arrangement covers. Do not tick the main category again."
        options={CATEGORY_OPTIONS}
      />
      <Radios {...field("stage")} legend="Stage" options={STAGE_OPTIONS} />
      <DateField
        field={field}
        values={values}
        name="startDate"
        legend="Start date"
        hint="When the arrangement started or will start. Required unless it is planned. For example, 1 4 2018"
      />
      <DateField
        field={field}
        values={values}
        name="endDate"
        legend="End date (ended arrangements only)"
        hint="For example, 31 3 2020"
      />
    </>
  );
}

/** Why there are no savings, when there are none. */
export function NoSavingsField({ field }: { field: FieldBinder }) {
  return (
    <TextareaField
      {...field("noSavingsReason")}
      label="If there are no savings, say why"
      hint={`For example, the arrangement was set up to improve services rather than to save money. Up to ${NO_SAVINGS_REASON_MAX.toLocaleString("en-GB")} characters.`}
      rows={3}
      maxLength={NO_SAVINGS_REASON_MAX}
    />
  );
}

/** Other benefits, and the public contact. */
export function BenefitsAndContactFields({ field }: { field: FieldBinder }) {
  return (
    <>
      <Checkboxes
        {...field.list("benefits")}
        legend="Other benefits (optional)"
        options={BENEFIT_OPTIONS}
      />
      <TextField
        {...field("contactName")}
        label="Public contact name (optional)"
        hint="Shown on the public page, for other councils who want to know more."
        autoComplete="off"
      />
      <TextField
        {...field("contactEmail")}
        label="Public contact email (optional)"
        hint="A team mailbox is better than a personal address."
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
    </>
  );
}
