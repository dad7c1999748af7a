import Link from "next/link";
import type { ReactNode } from "react";
import { fieldId } from "@/components/forms/field-id";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import {
  normaliseOrganisationCode,
  PARTNER_TYPE_LABELS,
  PARTNER_TYPES,
  SORT_LABELS,
  SORTS,
  STAGE_LABELS,
  STAGES,
  type Sort,
} from "@/lib/public/filters";
import { REGIONS } from "@/lib/public/regions";
import { EXPLORER_PATH } from "./describe-filters";
import styles from "./explorer.module.css";
import { TidyQuery } from "./tidy-query";

export const EXPLORER_FORM_ID = "explorer-form";

/** The order of the fields on the page, for the error summary. */
export const EXPLORER_FIELDS = [
  "q",
  "sort",
  "region",
  "category",
  "organisation",
  "partner",
  "stage",
  "from",
  "to",
  "min",
  "max",
];

const CATEGORY_OPTIONS = [...SERVICE_CATEGORIES]
  .sort((a, b) => a.name.localeCompare(b.name, "en-GB"))
  .map((c) => ({ value: c.slug, label: c.name }));

/** A pair of inputs under one question ("Year it started: from … to …"). */
function RangeGroup({
  legend,
  hint,
  fields,
  inputMode,
  values,
  errors,
}: {
  legend: string;
  hint: string;
  /** The lower and upper bound: parameter name and label. */
  fields: [{ name: string; label: string }, { name: string; label: string }];
  inputMode: "numeric" | "decimal";
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const hintId = `${fieldId(fields[0].name)}-range-hint`;
  // Stacked when either has an error, so the message beside the field has room to be read.
  const stacked = fields.some((f) => errors[f.name]);
  return (
    <fieldset className="mb-2" aria-describedby={hintId}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <p id={hintId} className="mb-2 text-sm text-ink-muted">
        {hint}
      </p>
      <div className={`grid gap-x-3 ${stacked ? "grid-cols-1" : "grid-cols-2"}`}>
        {fields.map((f) => (
          <TextField
            key={f.name}
            name={f.name}
            label={f.label}
            inputMode={inputMode}
            maxLength={inputMode === "numeric" ? 4 : 20}
            defaultValue={values[f.name] ?? ""}
            error={errors[f.name]}
            autoComplete="off"
          />
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The explorer's search and filters: a plain GET form, so it works without JavaScript and every
 * search has its own address. The fields show what the address says, even when it is wrong (the
 * error beside the field says why), so nothing typed is lost.
 *
 * `results` is rendered inside the form's layout: on a wide screen the filters sit to its left.
 */
export function ExplorerForm({
  values,
  errors,
  sort,
  organisationGroups,
  filtersOpen,
  appliedCount,
  results,
}: {
  /** The address's raw values, by parameter name. */
  values: Record<string, string>;
  errors: Record<string, string>;
  /** The order the results on the page are in. */
  sort: Sort;
  organisationGroups: SelectGroup[];
  /** Whether the filter panel starts open on a narrow screen. */
  filtersOpen: boolean;
  appliedCount: number;
  results: ReactNode;
}) {
  const value = (name: string) => values[name] ?? "";
  return (
    <form
      id={EXPLORER_FORM_ID}
      method="get"
      action={EXPLORER_PATH}
      role="search"
      aria-label="Arrangements"
      className="grid gap-x-8 gap-y-6 lg:grid-cols-[18rem_minmax(0,1fr)] lg:grid-rows-[auto_1fr]"
    >
      <TidyQuery formId={EXPLORER_FORM_ID} renderedSort={sort} renderedSearch={values.q ?? ""} />

      <div className={`${styles.searchRow} lg:col-start-2`}>
        <div className="flex flex-wrap items-end gap-x-3">
          <div className="min-w-0 flex-1 basis-64 [&>div]:mb-0">
            <TextField
              name="q"
              label="Search arrangements"
              hint="Words from the title or description, a council's name or a service, like “procurement Brent”."
              type="search"
              defaultValue={value("q")}
              error={errors.q}
              className="max-w-none"
              spellCheck={false}
              autoComplete="off"
            />
          </div>
          <button type="submit" className="button mt-3">
            Search
          </button>
        </div>
      </div>

      <details
        className={`${styles.filters} border-t-4 border-brand bg-surface p-4 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:self-start`}
        open={filtersOpen}
      >
        <summary className="cursor-pointer text-lg font-bold">
          Filters{appliedCount ? ` (${appliedCount} applied)` : ""}
        </summary>
        <div className="mt-4 [&_input]:max-w-none [&_select]:max-w-none">
          <h2 className="mb-4 hidden text-xl font-bold lg:block">Filter the results</h2>
          <SelectField
            name="region"
            label="Region"
            hint="Where the lead council is."
            placeholder="Any region"
            options={REGIONS.map((r) => ({ value: r.slug, label: r.name }))}
            defaultValue={value("region")}
            error={errors.region}
          />
          <SelectField
            name="category"
            label="Service"
            placeholder="Any service"
            options={CATEGORY_OPTIONS}
            defaultValue={value("category")}
            error={errors.category}
          />
          <SelectField
            name="organisation"
            label="Organisation taking part"
            placeholder="Any organisation"
            groups={organisationGroups}
            defaultValue={normaliseOrganisationCode(value("organisation"))}
            error={errors.organisation}
          />
          <SelectField
            name="partner"
            label="Partners"
            placeholder="Any partners"
            options={PARTNER_TYPES.map((p) => ({ value: p, label: PARTNER_TYPE_LABELS[p] }))}
            defaultValue={value("partner")}
            error={errors.partner}
          />
          <SelectField
            name="stage"
            label="Stage"
            placeholder="Any stage"
            options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
            defaultValue={value("stage")}
            error={errors.stage}
          />
          <RangeGroup
            legend="Year it started"
            hint="For example, 2016."
            fields={[
              { name: "from", label: "From" },
              { name: "to", label: "To" },
            ]}
            inputMode="numeric"
            values={values}
            errors={errors}
          />
          <RangeGroup
            legend="Total savings in pounds"
            hint="For example, 250,000."
            fields={[
              { name: "min", label: "At least" },
              { name: "max", label: "At most" },
            ]}
            inputMode="decimal"
            values={values}
            errors={errors}
          />
          <div className="flex flex-wrap items-center gap-4">
            <button type="submit" className="button">
              Apply filters
            </button>
            <Link href={EXPLORER_PATH}>Clear filters</Link>
          </div>
        </div>
      </details>

      <div className="min-w-0 lg:col-start-2">{results}</div>
    </form>
  );
}

/**
 * The order of the results, beside their count. It belongs to the explorer's form (it is
 * rendered inside `results`), so a new order keeps the search and filters; a button applies it,
 * because changing a select must not, by itself, reload the page.
 */
export function SortControl({ sort, error }: { sort: Sort; error?: string }) {
  return (
    <div className={`${styles.searchRow} flex flex-wrap items-end gap-x-3 [&>div]:mb-0`}>
      <SelectField
        name="sort"
        label="Sort by"
        options={SORTS.map((s) => ({
          value: s,
          label: s === "relevance" ? `${SORT_LABELS[s]} (when searching)` : SORT_LABELS[s],
        }))}
        defaultValue={sort}
        error={error}
        className="w-auto"
      />
      <button type="submit" className="button button-secondary mt-2">
        Sort
      </button>
    </div>
  );
}
