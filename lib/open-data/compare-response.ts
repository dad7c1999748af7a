import "server-only";

import {
  compareCouncils,
  selectCouncils,
  type Comparison,
  type Replacement,
} from "@/lib/councils/compare";
import { problemText } from "@/lib/councils/compare-messages";
import { parseCompareQuery } from "@/lib/councils/compare-query";
import { financialYearLabel } from "@/lib/financial-year";
import { regionByName } from "@/lib/public/regions";
import { apiHandler, errorResponse, jsonResponse, queryParameters } from "./api";
import { LICENCE } from "./licence";

/*
 * GET /api/v1/compare?councils=A,B,C: the compare page's figures as JSON (lib/councils/
 * compare.ts), for 2 to 6 councils existing today; a former council's code stands for the
 * councils it is part of today (said in `replaced`). Any code that is not a council, or too few
 * or too many councils, is a 400 saying why. Money is integer pence as a decimal string, as in
 * /api/v1/stats. The OpenAPI description is lib/open-data/openapi-compare.ts.
 */

export function compareBody(comparison: Comparison, replaced: Replacement[]) {
  return {
    day: comparison.day,
    councils: comparison.councils.map((c) => {
      const region = regionByName(c.council.region);
      return {
        code: c.council.code,
        name: c.council.name,
        short_name: c.council.shortName,
        type: c.council.councilType,
        region: region ? { slug: region.slug, name: region.name } : null,
        population: c.council.population,
        url: `/councils/${c.council.code}`,
        arrangements: c.arrangements,
        share_pence: c.sharePence.toString(),
        share_per_resident_pence: c.sharePerResidentPence?.toString() ?? null,
        whole_partnership_savings_pence: c.totalPence.toString(),
        share_by_year: c.shareYears.map((y) => ({
          financial_year: financialYearLabel(y.financialYear),
          financial_year_start: y.financialYear,
          share_pence: y.sharePence.toString(),
        })),
        services: c.services.map((s) => ({
          category: s.slug,
          name: s.name,
          arrangements: s.arrangements,
        })),
      };
    }),
    replaced: replaced.map((r) => ({
      code: r.code,
      name: r.name,
      successors: r.successors.map((s) => ({ code: s.code, name: s.name, since: s.since })),
    })),
    arrangements: comparison.arrangements,
    illustrative_arrangements: comparison.illustrative,
    licence: LICENCE.name,
    licence_url: LICENCE.url,
  };
}

export const compareResponse = apiHandler(async (request: Request) => {
  const params = queryParameters(request, ["councils"]);
  if (!params.ok) return params.response;
  const selection = await selectCouncils(parseCompareQuery(params.search), { strict: true });
  if (selection.problems.length > 0) {
    const message = selection.problems.map(problemText).join(" ");
    return errorResponse(400, message, { councils: message });
  }
  const comparison = await compareCouncils(selection.councils);
  return jsonResponse(request, compareBody(comparison, selection.replaced));
});
