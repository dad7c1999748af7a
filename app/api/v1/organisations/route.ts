import { listEndpoint, preflightResponse } from "@/lib/open-data/api";
import { organisationListJson } from "@/lib/open-data/json";
import { ORGANISATION_QUERY_PARAMS, parseOrganisationQuery } from "@/lib/public/filters";
import { listPublicOrganisations } from "@/lib/public/organisations";

/** GET /api/v1/organisations: councils and partner bodies, by name, a page at a time. */
export const GET = listEndpoint({
  params: ORGANISATION_QUERY_PARAMS,
  parse: parseOrganisationQuery,
  read: listPublicOrganisations,
  json: organisationListJson,
});

export const HEAD = GET;

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
