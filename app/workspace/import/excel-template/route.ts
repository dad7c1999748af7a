import { requireUser } from "@/lib/auth/access";
import { importTemplateXlsx } from "@/lib/arrangements/import";

const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The Excel template for bulk import: the import's headings with a savings column per year from
 * 2012/13, one example row, and a sheet of organisations and categories for its drop-downs.
 */
export async function GET(): Promise<Response> {
  await requireUser();
  const bytes = await importTemplateXlsx();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": XLSX_CONTENT_TYPE,
      "Content-Disposition": 'attachment; filename="arrangements-import-template.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
