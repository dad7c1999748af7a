import { compareCsvResponse } from "@/lib/open-data/compare-csv";

// Figures read through the public data cache (the same entries the compare page renders from).
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return compareCsvResponse(request);
}
