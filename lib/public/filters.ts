import { z } from "zod";
import { serviceCategoryBySlug } from "@/lib/categories";
import { parsePounds } from "@/lib/money";
import {
  DEFAULT_PAGE_SIZE,
  failure,
  limitParam,
  one,
  pageParam,
  regionParam,
  toRecord,
  type ParseResult,
} from "./query-params";

/*
 * The public filters, parsed once for every reader: the dashboard, the explorer, the map, the
 * open-data API and the downloads. Input is a URL's query string; anything malformed is refused
 * with a message naming the parameter (pages show it, the API answers 400), never a 500.
 * Pure module.
 */

// The modules the filters are built from, re-exported: callers import the register's query
// parameters from here.
export {
  ORGANISATION_KINDS,
  ORGANISATION_QUERY_PARAMS,
  parseOrganisationQuery,
  type OrganisationKind,
  type OrganisationQuery,
} from "./organisation-query";
export { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, type ParseResult } from "./query-params";

export const PARTNER_TYPES = ["councils-only", "fire", "police", "health", "other"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  "councils-only": "Councils only",
  fire: "With fire and rescue",
  police: "With police",
  health: "With health bodies",
  other: "With other public bodies",
};

export const STAGES = ["planned", "operational", "ended"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  planned: "Planned",
  operational: "Operational",
  ended: "Ended",
};

export const SORTS = ["relevance", "savings", "newest", "name"] as const;
export type Sort = (typeof SORTS)[number];

export const SORT_LABELS: Record<Sort, string> = {
  relevance: "Best match",
  savings: "Largest savings",
  newest: "Newest first",
  name: "Name (A to Z)",
};

export const MAX_SEARCH_LENGTH = 200;

/** What the published set may be narrowed by (lib/public/published.ts applies them). */
export type PublishedFilters = {
  /** Region slug: the lead organisation's region. */
  region?: string;
  /** Category slug: the main category or a further one. */
  category?: string;
  /** Organisation code: lead or partner. */
  organisation?: string;
  partner?: PartnerType;
  stage?: Stage;
  /** Calendar years the arrangement started in, inclusive. */
  fromYear?: number;
  toYear?: number;
  /** Total savings, inclusive, in pence. */
  minPence?: bigint;
  maxPence?: bigint;
  /** Full-text search (websearch syntax: words, "quoted phrases", -excluded). */
  q?: string;
};

// Tabs and newlines are whitespace (collapsed to spaces); everything else below U+0020 and DEL
// is refused.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const year = (name: string) =>
  one(`Give one ${name} year`).pipe(
    z
      .string()
      .regex(/^\d{4}$/, { message: `The ${name} year must be a year like 2016` })
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1990)
          .max(2100, { message: `The ${name} year is out of range` }),
      )
      .optional(),
  );

const pounds = (name: string) =>
  one(`Give one ${name} amount`).pipe(
    z
      .string()
      .transform((text, ctx) => {
        const parsed = parsePounds(text);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: `${name}: ${parsed.message}` });
          return z.NEVER;
        }
        return parsed.pence;
      })
      .optional(),
  );

const filterShape = {
  q: one("Give one search").pipe(
    z
      .string()
      .max(MAX_SEARCH_LENGTH, {
        message: `Search text must be ${MAX_SEARCH_LENGTH} characters or fewer`,
      })
      // NUL and other control characters cannot be stored in PostgreSQL text and mean nothing
      // in a search; refusing them here keeps them from ever reaching the database.
      .refine((s) => !CONTROL_CHARACTERS.test(s), {
        message: "Search text must not contain control characters",
      })
      .optional(),
  ),
  region: regionParam,
  category: one("Choose one service category").pipe(
    z
      .string()
      .refine((s) => !!serviceCategoryBySlug(s), {
        message: "Choose a service category from the list",
      })
      .optional(),
  ),
  organisation: one("Choose one organisation").pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,40}$/, { message: "That is not an organisation code" })
      .optional(),
  ),
  partner: one("Choose one partner type").pipe(
    z.enum(PARTNER_TYPES, { message: "Choose a partner type from the list" }).optional(),
  ),
  stage: one("Choose one stage").pipe(
    z.enum(STAGES, { message: "Choose planned, operational or ended" }).optional(),
  ),
  from: year("first start"),
  to: year("last start"),
  min: pounds("Minimum savings"),
  max: pounds("Maximum savings"),
};

const listShape = {
  sort: one("Choose one sort order").pipe(
    z.enum(SORTS, { message: "Sort by relevance, savings, newest or name" }).optional(),
  ),
  page: pageParam,
  limit: limitParam,
};

/**
 * Organisation codes in any case: GSS codes are upper case ("E09000005"), the register's own
 * codes for bodies without one are lower case ("fire:011", "police:devon-and-cornwall").
 */
export function normaliseOrganisationCode(code: string): string {
  return /^[A-Za-z]\d{8}$/.test(code) ? code.toUpperCase() : code.toLowerCase();
}

function toFilters(v: {
  q?: string;
  region?: string;
  category?: string;
  organisation?: string;
  partner?: PartnerType;
  stage?: Stage;
  from?: number;
  to?: number;
  min?: bigint;
  max?: bigint;
}): PublishedFilters {
  const filters: PublishedFilters = {};
  const q = v.q?.replace(/\s+/g, " ").trim();
  if (q) filters.q = q;
  if (v.region) filters.region = v.region;
  if (v.category) filters.category = v.category;
  if (v.organisation) filters.organisation = normaliseOrganisationCode(v.organisation);
  if (v.partner) filters.partner = v.partner;
  if (v.stage) filters.stage = v.stage;
  if (v.from !== undefined) filters.fromYear = v.from;
  if (v.to !== undefined) filters.toYear = v.to;
  if (v.min !== undefined) filters.minPence = v.min;
  if (v.max !== undefined) filters.maxPence = v.max;
  return filters;
}

const filtersSchema = z
  .object(filterShape)
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: "The first start year must not be after the last",
    path: ["from"],
  })
  .refine((v) => v.min === undefined || v.max === undefined || v.min <= v.max, {
    message: "The minimum savings must not be more than the maximum",
    path: ["min"],
  });

/** All the filters (explorer, API): q, region, category, organisation, partner, stage, from, to, min, max. */
export function parseFilters(search: URLSearchParams): ParseResult<PublishedFilters> {
  const parsed = filtersSchema.safeParse(toRecord(search, Object.keys(filterShape)));
  return parsed.success ? { ok: true, value: toFilters(parsed.data) } : failure(parsed.error);
}

/** The dashboard's filters: region and category only. */
export function parseDashboardFilters(
  search: URLSearchParams,
): ParseResult<Pick<PublishedFilters, "region" | "category">> {
  const parsed = z
    .object({ region: filterShape.region, category: filterShape.category })
    .safeParse(toRecord(search, ["region", "category"]));
  if (!parsed.success) return failure(parsed.error);
  return { ok: true, value: toFilters(parsed.data) };
}

export type ListQuery = {
  filters: PublishedFilters;
  sort: Sort;
  /** From 1. */
  page: number;
  /** Results per page: DEFAULT_PAGE_SIZE unless `limit` is given (the API; pages never pass it). */
  limit: number;
};

/** The names parseListQuery reads: every filter, then sort, page and limit. */
export const LIST_QUERY_PARAMS: readonly string[] = [
  ...Object.keys(filterShape),
  ...Object.keys(listShape),
];

/**
 * Filters plus sort order, page and page size, for the explorer and the API. Relevance needs
 * search text: without it the order is newest first. With search text the default is relevance.
 */
export function parseListQuery(search: URLSearchParams): ParseResult<ListQuery> {
  const filters = parseFilters(search);
  const list = z.object(listShape).safeParse(toRecord(search, Object.keys(listShape)));
  if (!filters.ok || !list.success) {
    const errors = {
      ...(filters.ok ? {} : filters.errors),
      ...(list.success ? {} : failure(list.error).errors),
    };
    return { ok: false, errors, message: Object.values(errors).join(". ") };
  }
  const requested = list.data.sort;
  const sort: Sort =
    requested === undefined || (requested === "relevance" && !filters.value.q)
      ? defaultSort(filters.value)
      : requested;
  return {
    ok: true,
    value: {
      filters: filters.value,
      sort,
      page: list.data.page ?? 1,
      limit: list.data.limit ?? DEFAULT_PAGE_SIZE,
    },
  };
}

export type DownloadQuery = {
  filters: PublishedFilters;
  /** The explorer's order; without it a download is in the register's order (by id). */
  sort?: Sort;
};

/**
 * A download's query (/data/arrangements.csv|json): the filters, and optionally the explorer's
 * sort, so that "these results as CSV" lists them as the explorer does. Relevance without
 * search text is the explorer's default order, as in parseListQuery.
 */
export function parseDownloadQuery(search: URLSearchParams): ParseResult<DownloadQuery> {
  const filters = parseFilters(search);
  const sort = z.object({ sort: listShape.sort }).safeParse(toRecord(search, ["sort"]));
  if (!filters.ok || !sort.success) {
    const errors = {
      ...(filters.ok ? {} : filters.errors),
      ...(sort.success ? {} : failure(sort.error).errors),
    };
    return { ok: false, errors, message: Object.values(errors).join(". ") };
  }
  const requested = sort.data.sort;
  if (requested === undefined) return { ok: true, value: { filters: filters.value } };
  const effective =
    requested === "relevance" && !filters.value.q ? defaultSort(filters.value) : requested;
  return { ok: true, value: { filters: filters.value, sort: effective } };
}

/**
 * The address of the explorer's results as a download: its filters and its order written out
 * (the default order too, since a download without a sort is in the register's order).
 */
export function downloadQueryToParams(query: DownloadQuery): URLSearchParams {
  const out = filtersToParams(query.filters);
  if (query.sort) out.set("sort", query.sort);
  return out;
}

/** The sort a list falls back to when none is asked for. */
export function defaultSort(filters: PublishedFilters): Sort {
  return filters.q ? "relevance" : "newest";
}

/** Filters back into URL parameters (links, "clear this filter", CSV and API links). */
export function filtersToParams(filters: PublishedFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.q) out.set("q", filters.q);
  if (filters.region) out.set("region", filters.region);
  if (filters.category) out.set("category", filters.category);
  if (filters.organisation) out.set("organisation", filters.organisation);
  if (filters.partner) out.set("partner", filters.partner);
  if (filters.stage) out.set("stage", filters.stage);
  if (filters.fromYear !== undefined) out.set("from", String(filters.fromYear));
  if (filters.toYear !== undefined) out.set("to", String(filters.toYear));
  if (filters.minPence !== undefined) out.set("min", penceToPlainPounds(filters.minPence));
  if (filters.maxPence !== undefined) out.set("max", penceToPlainPounds(filters.maxPence));
  return out;
}

/**
 * A list query back into URL parameters, leaving out defaults (sort for the search, page 1,
 * the default limit), so equal queries give equal text: links, cache keys, the API's `links`.
 * parseListQuery(listQueryToParams(q)) gives q back.
 */
export function listQueryToParams(query: {
  filters: PublishedFilters;
  sort?: Sort;
  page?: number;
  limit?: number;
}): URLSearchParams {
  const out = filtersToParams(query.filters);
  // Relevance without search words means the default order, so it is left out too.
  const meaningful = query.sort !== "relevance" || Boolean(query.filters.q);
  if (query.sort && meaningful && query.sort !== defaultSort(query.filters)) {
    out.set("sort", query.sort);
  }
  if (query.page && query.page > 1) out.set("page", String(query.page));
  if (query.limit && query.limit !== DEFAULT_PAGE_SIZE) out.set("limit", String(query.limit));
  return out;
}

function penceToPlainPounds(pence: bigint): string {
  const pounds = pence / 100n;
  const rest = pence % 100n;
  return rest === 0n ? pounds.toString() : `${pounds}.${rest.toString().padStart(2, "0")}`;
}
