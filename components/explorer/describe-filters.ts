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

/** A filter in words: its key, label, value in words (if set) and the filters it stands for. */
type FilterWords = {
  key: string;
  label: string;
  value: (
    filters: PublishedFilters,
    organisationName: (code: string) => string | undefined,
  ) => string | null | undefined;
  drops: (keyof PublishedFilters)[];
};

const FILTER_WORDS: FilterWords[] = [
  { key: "q", label: "Search", value: (f) => f.q && `“${f.q}”`, drops: ["q"] },
  {
    key: "region",
    label: "Region",
    value: (f) => f.region && (regionBySlug(f.region)?.name ?? f.region),
    drops: ["region"],
  },
  {
    key: "category",
    label: "Service",
    value: (f) => f.category && (serviceCategoryBySlug(f.category)?.name ?? f.category),
    drops: ["category"],
  },
  {
    key: "organisation",
    label: "Organisation",
    value: (f, name) => f.organisation && (name(f.organisation) ?? f.organisation),
    drops: ["organisation"],
  },
  {
    key: "partner",
    label: "Partners",
    value: (f) => f.partner && PARTNER_TYPE_LABELS[f.partner],
    drops: ["partner"],
  },
  {
    key: "stage",
    label: "Stage",
    value: (f) => f.stage && STAGE_LABELS[f.stage],
    drops: ["stage"],
  },
  { key: "from", label: "Started", value: years, drops: ["fromYear", "toYear"] },
  { key: "min", label: "Savings", value: savings, drops: ["minPence", "maxPence"] },
];

export function describeFilters(
  query: ListQuery,
  organisationName: (code: string) => string | undefined,
): AppliedFilter[] {
  const { filters, sort } = query;
  const without = (keys: (keyof PublishedFilters)[]) => {
    const rest = { ...filters };
    for (const key of keys) delete rest[key];
    return explorerHref({ filters: rest, sort });
  };
  return FILTER_WORDS.flatMap(({ key, label, value, drops }) => {
    const words = value(filters, organisationName);
    return words ? [{ key, label, value: words, removeHref: without(drops) }] : [];
  });
}
