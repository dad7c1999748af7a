import {
  apiHandler,
  errorResponse,
  jsonResponse,
  preflightResponse,
  queryParameters,
} from "@/lib/open-data/api";
import { arrangementDetailJson } from "@/lib/open-data/json";
import { getPublishedArrangement } from "@/lib/public/arrangements";

type Context = { params: Promise<{ slug: string }> };

/** GET /api/v1/arrangements/{slug}: one published arrangement, or a JSON 404. */
export const GET = apiHandler(async (request: Request, context: Context) => {
  const params = queryParameters(request, []);
  if (!params.ok) return params.response;
  const { slug } = await context.params;
  const arrangement = await getPublishedArrangement(slug);
  if (!arrangement) {
    return errorResponse(404, `No published arrangement has the slug "${slug.slice(0, 200)}".`);
  }
  return jsonResponse(request, arrangementDetailJson(arrangement));
});

export const HEAD = GET;

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
