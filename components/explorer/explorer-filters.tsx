import Link from "next/link";
import type { FieldBinder } from "@/components/forms/bind-fields";
import { fieldId } from "@/components/forms/field-id";
import { FieldList, type FieldSpec } from "@/components/forms/field-list";
import type { SelectGroup } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { PARTNER_TYPE_LABELS, PARTNER_TYPES, STAGE_LABELS, STAGES } from "@/lib/public/filters";
import { REGIONS } from "@/lib/public/regions";
import { EXPLORER_PATH } from "./describe-filters";
import styles from "./explorer.module.css";

const CATEGORY_OPTIONS = [...SERVICE_CATEGORIES]
  .sort((a, b) => a.name.localeCompare(b.name, "en-GB"))
  .map((c) => ({ value: c.slug, label: c.name }));

/** The filters chosen from a list, in page order. */
function choiceFields(organisationGroups: SelectGroup[]): FieldSpec[] {
  return [
    {
      name: "region",
      label: "Region",
      hint: "Where the lead council is.",
      placeholder: "Any region",
      options: REGIONS.map((r) => ({ value: r.slug, label: r.name })),
    },
    { name: "category", label: "Service", placeholder: "Any service", options: CATEGORY_OPTIONS },
    {
      name: "organisation",
      label: "Organisation taking part",
      placeholder: "Any organisation",
      groups: organisationGroups,
    },
    {
      name: "partner",
      label: "Partners",
      placeholder: "Any partners",
      options: PARTNER_TYPES.map((p) => ({ value: p, label: PARTNER_TYPE_LABELS[p] })),
    },
    {
      name: "stage",
      label: "Stage",
      placeholder: "Any stage",
      options: STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] })),
    },
  ];
}

const RANGES = [
  {
    legend: "Year it started",
    hint: "For example, 2016.",
    inputMode: "numeric",
    fields: [
      { name: "from", label: "From" },
      { name: "to", label: "To" },
    ],
  },
  {
    legend: "Total savings in pounds",
    hint: "For example, 250,000.",
    inputMode: "decimal",
    fields: [
      { name: "min", label: "At least" },
      { name: "max", label: "At most" },
    ],
  },
] as const;

/** A pair of inputs under one question ("Year it started: from … to …"). */
function RangeGroup({ range, field }: { range: (typeof RANGES)[number]; field: FieldBinder }) {
  const hintId = `${fieldId(range.fields[0].name)}-range-hint`;
  // Stacked when either has an error, so the message beside the field has room to be read.
  const stacked = range.fields.some((f) => field(f.name).error);
  return (
    <fieldset className="mb-2" aria-describedby={hintId}>
      <legend className="mb-1 font-semibold">{range.legend}</legend>
      <p id={hintId} className="mb-2 text-sm text-ink-muted">
        {range.hint}
      </p>
      <div className={`grid gap-x-3 ${stacked ? "grid-cols-1" : "grid-cols-2"}`}>
        {range.fields.map((f) => (
          <TextField
            key={f.name}
            {...field(f.name)}
            label={f.label}
            inputMode={range.inputMode}
            maxLength={range.inputMode === "numeric" ? 4 : 20}
            autoComplete="off"
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The explorer's filter panel: a <details>, open beside the results on a wide screen and
 * folded above them on a narrow one (explorer.module.css).
 */
export function ExplorerFilters({
  field,
  organisationGroups,
  open,
  appliedCount,
}: {
  field: FieldBinder;
  organisationGroups: SelectGroup[];
  open: boolean;
  appliedCount: number;
}) {
  return (
    <details
      className={`${styles.filters} border-t-4 border-brand bg-surface p-4 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:self-start`}
      open={open}
    >
      <summary className="cursor-pointer text-lg font-bold">
        Filters{appliedCount ? ` (${appliedCount} applied)` : ""}
      </summary>
      <div className="mt-4 [&_input]:max-w-none [&_select]:max-w-none">
        <h2 className="mb-4 hidden text-xl font-bold lg:block">Filter the results</h2>
        <FieldList fields={choiceFields(organisationGroups)} field={field} />
        {RANGES.map((range) => (
          <RangeGroup key={range.legend} range={range} field={field} />
        ))}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="button">
            Apply filters
          </button>
          <Link href={EXPLORER_PATH}>Clear filters</Link>
        </div>
      </div>
    </details>
  );
}
