import { financialYearLabel } from "@/lib/financial-year";
import { LICENCE } from "@/lib/open-data/licence";
import { regionByName } from "@/lib/public/regions";
import type { Dashboard } from "./dashboard";
import type { GroupFigure } from "./queries";

/*
 * The dashboard's figures as /api/v1/stats returns them: snake_case names, money as integer
 * pence in a decimal string (as every /api/v1 answer: exact at any size), financial years as
 * "2016/17" with the year they start. The OpenAPI description is
 * lib/open-data/openapi-stats.ts. Pure module.
 */

/** A group as `{ <keyName>: key, name, arrangements, total_pence }`. */
function group<K extends string>(keyName: K, g: GroupFigure) {
  return {
    [keyName]: g.key,
    name: g.name,
    arrangements: g.arrangements,
    total_pence: g.totalPence.toString(),
  } as Record<K, string | null> & { name: string; arrangements: number; total_pence: string };
}

export function statsBody(d: Dashboard) {
  return {
    filters: { region: d.filters.region ?? null, category: d.filters.category ?? null },
    headline: {
      arrangements: d.headline.arrangements,
      internal_arrangements: d.headline.internal,
      councils_involved: d.headline.councilsInvolved,
      councils_existing: d.headline.councilsExisting,
      councils_reference_date: d.headline.referenceDate,
      total_pence: d.headline.totalPence.toString(),
      actual_pence: d.headline.actualPence.toString(),
      forecast_pence: d.headline.forecastPence.toString(),
      unconfirmed_forecast_pence: d.unconfirmed.pence.toString(),
      unconfirmed_forecast_arrangements: d.unconfirmed.arrangements,
      illustrative_arrangements: d.headline.illustrativeCount,
    },
    savings_by_year: d.years.map((y) => ({
      financial_year: financialYearLabel(y.financialYear),
      financial_year_start: y.financialYear,
      actual_pence: y.actualPence.toString(),
      forecast_pence: y.forecastPence.toString(),
      total_pence: y.totalPence.toString(),
      cumulative_pence: y.cumulativePence.toString(),
    })),
    by_category: d.categories.map((g) => group("category", g)),
    by_region: d.regions.map((g) => group("region", g)),
    by_partner_type: d.partnerTypes.map((g) => group("partner_type", g)),
    top_arrangements: d.top.map((t) => ({
      rank: t.rank,
      slug: t.slug,
      title: t.title,
      lead_organisation_code: t.leadCode,
      lead_organisation_name: t.leadName,
      region: regionByName(t.region)?.slug ?? null,
      main_category: t.categorySlug,
      main_category_name: t.categoryName,
      total_pence: t.totalPence.toString(),
    })),
    licence: LICENCE.name,
    licence_url: LICENCE.url,
  };
}
