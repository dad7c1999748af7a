import { statsPreflight, statsResponse } from "@/lib/open-data/stats-response";

// The figures come through the public data cache; the response is built per request.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return statsResponse(request);
}

export function OPTIONS() {
  return statsPreflight();
}
