import { downloadResponse } from "@/lib/open-data/download";

// Streamed from the database on every request; see lib/open-data/download.ts for its caching.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return downloadResponse(request, "arrangements", "csv");
}
