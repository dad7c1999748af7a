import { preflightResponse } from "@/lib/open-data/api";
import { statsResponse } from "@/lib/open-data/stats-response";

// The figures come through the public data cache; the response is built per request.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return statsResponse(request, undefined);
}

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
