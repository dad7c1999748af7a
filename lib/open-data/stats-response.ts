import "server-only";

import { parseDashboardFilters } from "@/lib/public/filters";
import { statsBody } from "@/lib/stats/api";
import { loadDashboard } from "@/lib/stats/dashboard";
import { toJson } from "./encode";
import { contentEtag, etagMatches, notModified, OPEN_CORS, REVALIDATE_EVERY_TIME } from "./http";

/*
 * GET /api/v1/stats?region=&category=: the dashboard's figures as JSON, read through the public
 * data cache (dropped whenever the register changes). Malformed parameters answer
 * 400 { status, message }; unknown parameter names are ignored. Open to every origin.
 */

const JSON_TYPE = "application/json; charset=utf-8";

export const STATS_CORS = {
  ...OPEN_CORS,
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, If-None-Match",
  "Access-Control-Max-Age": "86400",
} as const;

export async function statsResponse(request: Request): Promise<Response> {
  const parsed = parseDashboardFilters(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return new Response(toJson({ status: 400, message: parsed.message }), {
      status: 400,
      headers: { ...STATS_CORS, "Content-Type": JSON_TYPE, "Cache-Control": "no-store" },
    });
  }
  const text = toJson(statsBody(await loadDashboard(parsed.value)));
  const headers = {
    ...STATS_CORS,
    "Cache-Control": REVALIDATE_EVERY_TIME,
    ETag: contentEtag(text),
  };
  if (etagMatches(request, headers.ETag)) return notModified(headers);
  return new Response(text, { headers: { ...headers, "Content-Type": JSON_TYPE } });
}

/** The CORS preflight answer. */
export function statsPreflight(): Response {
  return new Response(null, { status: 204, headers: STATS_CORS });
}
