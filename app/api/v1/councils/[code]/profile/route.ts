import { preflightResponse } from "@/lib/open-data/api";
import { profileResponse } from "@/lib/open-data/profile-response";

// The figures come through the public data cache; the response is built per request.
export const dynamic = "force-dynamic";

/** GET /api/v1/councils/{code}/profile: a council beside its similar councils. */
export const GET = profileResponse;

export const HEAD = GET;

/** CORS preflight: any origin may read the open data API. */
export const OPTIONS = preflightResponse;
