import "server-only";

import { parseDashboardFilters } from "@/lib/public/filters";
import { loadChartTable } from "@/lib/stats/dashboard";
import { isDashboardChart, tableToCsv } from "@/lib/stats/tables";
import { CSV_CONTENT_TYPE } from "@/lib/csv/writer";
import {
  attachment,
  contentEtag,
  etagMatches,
  notModified,
  OPEN_CORS,
  REVALIDATE_EVERY_TIME,
} from "./http";

/*
 * /data/dashboard/<chart>.csv?region=&category=: exactly the figures of one dashboard table
 * (lib/stats/tables.ts writes both), for the same filters. The figures come through the public
 * data cache, the same entries the page was rendered from, so the file and the table agree; that
 * cache is dropped whenever the register changes. The response itself may be kept by browsers
 * but is revalidated every time (ETag of the content).
 */

function problem(status: 400 | 404, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function dashboardCsvResponse(request: Request, file: string): Promise<Response> {
  const chart = file.endsWith(".csv") ? file.slice(0, -4) : "";
  if (!isDashboardChart(chart)) return problem(404, "There is no such dashboard table.");
  const parsed = parseDashboardFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return problem(400, parsed.message);

  const csv = tableToCsv(await loadChartTable(chart, parsed.value));
  const headers = { "Cache-Control": REVALIDATE_EVERY_TIME, ETag: contentEtag(csv), ...OPEN_CORS };
  if (etagMatches(request, headers.ETag)) return notModified(headers);
  const suffix = [parsed.value.region, parsed.value.category].filter(Boolean).join("-");
  return new Response(csv, {
    headers: {
      ...headers,
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": attachment(`${chart}${suffix ? `-${suffix}` : ""}.csv`),
    },
  });
}
