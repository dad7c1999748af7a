import { requireUser } from "@/lib/auth/access";
import { importTemplateCsv } from "@/lib/arrangements/import";
import { CSV_CONTENT_TYPE } from "@/lib/csv/writer";

/** The CSV template for bulk import: headings and one example row (UTF-8 with a BOM, for Excel). */
export async function GET(): Promise<Response> {
  await requireUser();
  return new Response(importTemplateCsv(), {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": 'attachment; filename="arrangements-import-template.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
