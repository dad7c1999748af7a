import "server-only";

import { compareCouncils, selectCouncils } from "@/lib/councils/compare";
import { problemText } from "@/lib/councils/compare-messages";
import { parseCompareQuery } from "@/lib/councils/compare-query";
import { compareTable, isCompareTable } from "@/lib/councils/compare-tables";
import { CSV_CONTENT_TYPE } from "@/lib/csv/writer";
import { tableToCsv } from "@/lib/stats/tables";
import {
  attachment,
  contentEtag,
  etagMatches,
  notModified,
  OPEN_CORS,
  REVALIDATE_EVERY_TIME,
} from "./http";

/*
 * /compare.csv?councils=A,B,C&table=councils|share-by-year|services: exactly one of the compare
 * page's tables (lib/councils/compare-tables.ts writes both), the councils resolved as the page
 * resolves them, money to the penny. A question the page would not answer with a comparison
 * (an unknown code, too few or too many councils) is a plain-text 400 saying why.
 */

function problem(status: 400, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function compareCsvResponse(request: Request): Promise<Response> {
  const search = new URL(request.url).searchParams;
  const table = search.get("table") ?? "councils";
  if (!isCompareTable(table)) {
    return problem(400, "The table must be councils, share-by-year or services.");
  }
  const selection = await selectCouncils(parseCompareQuery(search), { strict: true });
  if (selection.problems.length > 0) {
    return problem(400, selection.problems.map(problemText).join(" "));
  }
  const csv = tableToCsv(compareTable(await compareCouncils(selection.councils), table));
  const headers = { "Cache-Control": REVALIDATE_EVERY_TIME, ETag: contentEtag(csv), ...OPEN_CORS };
  if (etagMatches(request, headers.ETag)) return notModified(headers);
  const codes = selection.councils.map((c) => c.code).join("-");
  return new Response(csv, {
    headers: {
      ...headers,
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": attachment(`compare-${table}-${codes}.csv`),
    },
  });
}
