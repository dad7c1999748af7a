import { serviceCategoryBySlug } from "@/lib/categories";
import { parseDashboardFilters, type PublishedFilters } from "@/lib/public/filters";
import { regionBySlug } from "@/lib/public/regions";

/*
 * The dashboard's filters as the page, its CSV downloads and /api/v1/stats read them. Parsing
 * itself is lib/public/filters.ts (parseDashboardFilters); this adds what a page needs on top:
 * keep the valid choices when one is not, and say in words what is shown. Pure module.
 */

export type DashboardFilters = Pick<PublishedFilters, "region" | "category">;

export const DASHBOARD_PARAMS = ["region", "category"] as const;

export type DashboardQuery = {
  /** The valid filters (an invalid parameter is left out, the others still apply). */
  filters: DashboardFilters;
  /** Messages for the parameters that were left out, by parameter name. */
  errors: Record<string, string>;
};

/**
 * Reads the dashboard's filters for a page, which must always render: a bad parameter is
 * reported and ignored, the rest still apply. (The API and downloads refuse instead.)
 */
export function readDashboardQuery(search: URLSearchParams): DashboardQuery {
  const parsed = parseDashboardFilters(search);
  if (parsed.ok) return { filters: parsed.value, errors: {} };
  const valid = new URLSearchParams();
  for (const name of DASHBOARD_PARAMS) {
    if (parsed.errors[name]) continue;
    for (const value of search.getAll(name)) valid.append(name, value);
  }
  const retry = parseDashboardFilters(valid);
  return { filters: retry.ok ? retry.value : {}, errors: parsed.errors };
}

/** "London" / "all regions". */
export function regionPhrase(filters: DashboardFilters): string {
  return filters.region ? (regionBySlug(filters.region)?.name ?? filters.region) : "all regions";
}

/** "Legal" / "all service categories". */
export function categoryPhrase(filters: DashboardFilters): string {
  return filters.category
    ? (serviceCategoryBySlug(filters.category)?.name ?? filters.category)
    : "all service categories";
}

/** "London, Legal" / "all regions, all service categories": what the figures cover. */
export function describeDashboardFilters(filters: DashboardFilters): string {
  return `${regionPhrase(filters)}, ${categoryPhrase(filters)}`;
}

export function hasDashboardFilters(filters: DashboardFilters): boolean {
  return Boolean(filters.region || filters.category);
}
