import type { NextRequest } from "next/server";
import { auditCsvStream } from "@/lib/audit-log/export";
import { parseAuditFilters } from "@/lib/audit-log/schemas";
import { requireAdmin } from "@/lib/auth/access";
import { CSV_CONTENT_TYPE } from "@/lib/csv/writer";
import { requestContext } from "@/lib/request";

/** The audit log's filtered set as CSV (the same filters as /admin/audit), streamed. */
export async function GET(request: NextRequest): Promise<Response> {
  const admin = await requireAdmin();
  const { filters } = parseAuditFilters(request.nextUrl.searchParams);
  const stream = await auditCsvStream(admin, filters, await requestContext());
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
