import { listEndpoint, preflightResponse } from "@/lib/open-data/api";
import { arrangementListJson } from "@/lib/open-data/json";
import { listPublishedArrangements } from "@/lib/public/arrangements";
import { LIST_QUERY_PARAMS, parseListQuery } from "@/lib/public/filters";

/** GET /api/v1/arrangements: the explorer's search, filters, sort and pages (openapi.json). */
export const GET = listEndpoint({
  params: LIST_QUERY_PARAMS,
  parse: parseListQuery,
  read: listPublishedArrangements,
  json: arrangementListJson,
});

export const HEAD = GET;

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
