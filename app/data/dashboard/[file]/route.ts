import { dashboardCsvResponse } from "@/lib/open-data/dashboard-csv";

// Figures read through the public data cache (the same entries the dashboard renders from).
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ file: string }> }) {
  return dashboardCsvResponse(request, (await context.params).file);
}
