import "server-only";

import { getServicePage, SAVINGS_BANDS, type ServicePage } from "@/lib/services/service-page";
import { statsBody } from "@/lib/stats/api";
import { apiHandler, errorResponse, jsonResponse, queryParameters } from "./api";

/*
 * GET /api/v1/services/{slug}: a service page's figures as JSON (lib/services/service-page.ts):
 * the dashboard's figures for the service (as /api/v1/stats?category= gives them: headline,
 * savings by year, by partner type, the largest arrangements), how savings per arrangement are
 * spread (quartiles and bands), and the newest arrangements. 404 for a slug that is no service.
 * The OpenAPI description is lib/open-data/openapi-services.ts.
 */

const penceOrNull = (pence: bigint | null) => (pence === null ? null : pence.toString());

export function serviceBody(page: ServicePage) {
  const stats = statsBody(page.dashboard);
  const { spread } = page;
  return {
    category: {
      slug: page.category.slug,
      name: page.category.name,
      description: page.category.description,
    },
    day: page.day,
    url: `/services/${page.category.slug}`,
    headline: stats.headline,
    savings_by_year: stats.savings_by_year,
    by_partner_type: stats.by_partner_type,
    top_arrangements: stats.top_arrangements,
    savings_spread: {
      arrangements: spread.arrangements,
      with_savings: spread.withSavings,
      lower_quartile_pence: penceOrNull(spread.lowerQuartilePence),
      median_pence: penceOrNull(spread.medianPence),
      upper_quartile_pence: penceOrNull(spread.upperQuartilePence),
      bands: spread.bands.map((band, i) => ({
        label: band.label,
        from_pence: SAVINGS_BANDS[i]![1].toString(),
        below_pence: penceOrNull(SAVINGS_BANDS[i]![2]),
        arrangements: band.arrangements,
      })),
    },
    newest_arrangements: page.newest.map((a) => ({
      slug: a.slug,
      title: a.title,
      lead_organisation_code: a.leadCode,
      lead_organisation_name: a.leadName,
      first_published: a.firstPublished,
    })),
    licence: stats.licence,
    licence_url: stats.licence_url,
  };
}

export const serviceResponse = apiHandler(
  async (request: Request, context: { params: Promise<{ slug: string }> }) => {
    const params = queryParameters(request, []);
    if (!params.ok) return params.response;
    const { slug } = await context.params;
    const page = await getServicePage(slug);
    if (!page) {
      return errorResponse(404, `No service has the slug "${slug.slice(0, 200)}".`);
    }
    return jsonResponse(request, serviceBody(page));
  },
);
