import "server-only";

import { parseDashboardFilters } from "@/lib/public/filters";
import { statsBody } from "@/lib/stats/api";
import { loadDashboard } from "@/lib/stats/dashboard";
import { apiHandler, errorResponse, jsonResponse, queryParameters } from "./api";

/*
 * GET /api/v1/stats?region=&category=: the dashboard's figures as JSON, read through the public
 * data cache (dropped whenever the register changes), with the conventions of every /api/v1
 * answer (lib/open-data/api.ts): CORS open, ETag and a minute's caching, JSON errors, unknown
 * or malformed parameters answered 400.
 */

export const statsResponse = apiHandler(async (request: Request) => {
  const params = queryParameters(request, ["region", "category"]);
  if (!params.ok) return params.response;
  const parsed = parseDashboardFilters(params.search);
  if (!parsed.ok) return errorResponse(400, parsed.message, parsed.errors);
  return jsonResponse(request, statsBody(await loadDashboard(parsed.value)));
});
