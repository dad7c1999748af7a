import { preflightResponse } from "@/lib/open-data/api";
import { compareResponse } from "@/lib/open-data/compare-response";

// The figures come through the public data cache; the response is built per request.
export const dynamic = "force-dynamic";

/** GET /api/v1/compare?councils=A,B,C: councils side by side (lib/open-data/compare-response.ts). */
export const GET = compareResponse;

export const HEAD = GET;

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
