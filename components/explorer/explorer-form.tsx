import type { ReactNode } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { normaliseOrganisationCode, SORT_LABELS, SORTS, type Sort } from "@/lib/public/filters";
import { cachedPageFor } from "@/lib/public-routes";
import { EXPLORER_PATH } from "./describe-filters";
import { ExplorerFilters } from "./explorer-filters";
import styles from "./explorer.module.css";
import { TidyQuery } from "./tidy-query";

export const EXPLORER_FORM_ID = "explorer-form";

/**
 * The order of the fields on the page, for the error summary: the search, the order, then the
 * filters in the order the explorer's address declares them (lib/public-routes.ts).
 */
export const EXPLORER_FIELDS = [
  "q",
  "sort",
  ...cachedPageFor(EXPLORER_PATH)!.params.filter((p) => !["q", "sort", "page"].includes(p)),
];

type ExplorerFormProps = {
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
};

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
}: ExplorerFormProps) {
  const organisation = normaliseOrganisationCode(values.organisation ?? "");
  const field = bindFields({ values: { ...values, organisation }, errors });
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
              {...field("q")}
              label="Search arrangements"
              hint="Words from the title or description, a council's name or a service, like “procurement Brent”."
              type="search"
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

      <ExplorerFilters
        field={field}
        organisationGroups={organisationGroups}
        open={filtersOpen}
        appliedCount={appliedCount}
      />

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
