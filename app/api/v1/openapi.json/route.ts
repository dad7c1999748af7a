import { apiHandler, jsonResponse, preflightResponse } from "@/lib/open-data/api";
import { buildOpenApiDocument } from "@/lib/open-data/openapi";

const document = buildOpenApiDocument();

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document. Query parameters are ignored. */
export const GET = apiHandler(async (request: Request) => jsonResponse(request, document));

export const HEAD = GET;

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
