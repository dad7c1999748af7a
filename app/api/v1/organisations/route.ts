import {
  apiHandler,
  errorResponse,
  jsonResponse,
  preflightResponse,
  queryParameters,
} from "@/lib/open-data/api";
import { organisationListJson } from "@/lib/open-data/json";
import { ORGANISATION_QUERY_PARAMS, parseOrganisationQuery } from "@/lib/public/filters";
import { listPublicOrganisations } from "@/lib/public/organisations";

/** GET /api/v1/organisations: councils and partner bodies, by name, a page at a time. */
export const GET = apiHandler(async (request: Request) => {
  const params = queryParameters(request, ORGANISATION_QUERY_PARAMS);
  if (!params.ok) return params.response;
  const parsed = parseOrganisationQuery(params.search);
  if (!parsed.ok) return errorResponse(400, parsed.message, parsed.errors);
  const list = await listPublicOrganisations(parsed.value);
  return jsonResponse(request, organisationListJson(list, parsed.value));
});

export const HEAD = GET;

export function OPTIONS() {
  return preflightResponse();
}
