import { preflightResponse } from "@/lib/open-data/api";
import { serviceResponse } from "@/lib/open-data/service-response";

// The figures come through the public data cache; the response is built per request.
export const dynamic = "force-dynamic";

/** GET /api/v1/services/{slug}: a service page's figures (lib/open-data/service-response.ts). */
export const GET = serviceResponse;

export const HEAD = GET;

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
