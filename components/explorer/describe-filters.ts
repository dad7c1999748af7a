import { serviceCategoryBySlug } from "@/lib/categories";
import {
  listQueryToParams,
  PARTNER_TYPE_LABELS,
  STAGE_LABELS,
  type ListQuery,
  type PublishedFilters,
} from "@/lib/public/filters";
import { regionBySlug } from "@/lib/public/regions";
import { formatPence } from "@/lib/money";
import { publicHref } from "@/lib/public-routes";

/*
 * The explorer's filters in words, each with the address that drops it: the "applied filters"
 * list, the empty state's suggestions and the page title all read them. Pure module.
 */

export type AppliedFilter = {
  /** The URL parameter(s) it came from. */
  key: string;
  label: string;
  value: string;
  /** The same search without this filter (and back on page 1). */
  removeHref: string;
};

export const EXPLORER_PATH = "/arrangements";

/** The explorer's address for a query (defaults left out, so equal searches share one URL). */
export function explorerHref(query: Pick<ListQuery, "filters"> & Partial<ListQuery>): string {
  return publicHref(EXPLORER_PATH, listQueryToParams(query));
}

function years(filters: PublishedFilters): string | null {
  const { fromYear: from, toYear: to } = filters;
  if (from !== undefined && to !== undefined) {
    return from === to ? `in ${from}` : `between ${from} and ${to}`;
  }
  if (from !== undefined) return `in ${from} or later`;
  if (to !== undefined) return `in ${to} or earlier`;
  return null;
}

function savings(filters: PublishedFilters): string | null {
  const { minPence: min, maxPence: max } = filters;
  if (min !== undefined && max !== undefined) return `${formatPence(min)} to ${formatPence(max)}`;
  if (min !== undefined) return `${formatPence(min)} or more`;
  if (max !== undefined) return `${formatPence(max)} or less`;
  return null;
}

export function describeFilters(
  query: ListQuery,
  organisationName: (code: string) => string | undefined,
): AppliedFilter[] {
  const { filters, sort } = query;
  const without = (...keys: (keyof PublishedFilters)[]) => {
    const rest = { ...filters };
    for (const key of keys) delete rest[key];
    return explorerHref({ filters: rest, sort });
  };
  const out: AppliedFilter[] = [];
  if (filters.q) {
    out.push({ key: "q", label: "Search", value: `“${filters.q}”`, removeHref: without("q") });
  }
  if (filters.region) {
    out.push({
      key: "region",
      label: "Region",
      value: regionBySlug(filters.region)?.name ?? filters.region,
      removeHref: without("region"),
    });
  }
  if (filters.category) {
    out.push({
      key: "category",
      label: "Service",
      value: serviceCategoryBySlug(filters.category)?.name ?? filters.category,
      removeHref: without("category"),
    });
  }
  if (filters.organisation) {
    out.push({
      key: "organisation",
      label: "Organisation",
      value: organisationName(filters.organisation) ?? filters.organisation,
      removeHref: without("organisation"),
    });
  }
  if (filters.partner) {
    out.push({
      key: "partner",
      label: "Partners",
      value: PARTNER_TYPE_LABELS[filters.partner],
      removeHref: without("partner"),
    });
  }
  if (filters.stage) {
    out.push({
      key: "stage",
      label: "Stage",
      value: STAGE_LABELS[filters.stage],
      removeHref: without("stage"),
    });
  }
  const started = years(filters);
  if (started) {
    out.push({
      key: "from",
      label: "Started",
      value: started,
      removeHref: without("fromYear", "toYear"),
    });
  }
  const saved = savings(filters);
  if (saved) {
    out.push({
      key: "min",
      label: "Savings",
      value: saved,
      removeHref: without("minPence", "maxPence"),
    });
  }
  return out;
}
