import {
  apiHandler,
  errorResponse,
  jsonResponse,
  preflightResponse,
  queryParameters,
} from "@/lib/open-data/api";
import { arrangementListJson } from "@/lib/open-data/json";
import { listPublishedArrangements } from "@/lib/public/arrangements";
import { LIST_QUERY_PARAMS, parseListQuery } from "@/lib/public/filters";

/** GET /api/v1/arrangements: the explorer's search, filters, sort and pages (openapi.json). */
export const GET = apiHandler(async (request: Request) => {
  const params = queryParameters(request, LIST_QUERY_PARAMS);
  if (!params.ok) return params.response;
  const parsed = parseListQuery(params.search);
  if (!parsed.ok) return errorResponse(400, parsed.message, parsed.errors);
  const list = await listPublishedArrangements(parsed.value);
  return jsonResponse(request, arrangementListJson(list, parsed.value));
});

export const HEAD = GET;

export function OPTIONS() {
  return preflightResponse();
}
