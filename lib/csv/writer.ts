import { stringify } from "csv-stringify/sync";

/*
 * The one CSV writer. Every CSV the site hands out is written here: the open data files
 * (lib/open-data/download.ts), the dashboard's chart tables (lib/stats/tables.ts, served by
 * lib/open-data/dashboard-csv.ts), the audit trail export (lib/audit-log/export.ts) and the
 * bulk-import template (lib/arrangements/import.ts).
 *
 * Format: UTF-8 with a byte order mark (Excel otherwise reads accented names as Windows-1252),
 * a header row, CRLF line ends (RFC 4180), fields quoted only when they hold a comma, a quote or
 * a line break of any kind (csv-stringify).
 *
 * Formula guard (OWASP "CSV injection"). Spreadsheet programs run a cell that begins with =, +,
 * -, @, a tab or a carriage return as a formula: a user named `=HYPERLINK(…)` would otherwise
 * become a live link in an administrator's copy of the audit trail. Such a text cell gets a
 * leading apostrophe. Spreadsheets show the text as typed (the apostrophe marks it as text and
 * is hidden); a program reading the file sees the apostrophe, a visible and harmless change.
 *
 * Numbers are never prefixed, so a numeric column stays numeric for every reader:
 * - number and bigint values are written as digits (pence, counts, years, ids);
 * - text that is exactly a decimal number (`-12`, `-1250.50`, `+3`) is left as it is. It can
 *   call no function, and spreadsheets read it as the number it is. Pounds are text (so that the
 *   two decimals stay exact), and this keeps a negative amount parseable.
 * Money is never negative today (revision_savings_amount_check: amount_pence >= 0), but the
 * writer does not rely on that. Anything else beginning with + or - (`-5 + cmd|…`, `+44 20…`)
 * is text and gets the apostrophe.
 *
 * JSON downloads carry text unchanged; the guard is for spreadsheets only. Pure module.
 */

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** The byte order mark that opens every CSV file. */
export const BOM = "\uFEFF";

export type CsvValue = string | number | bigint | boolean | null | undefined;
export type CsvRow = readonly CsvValue[];

const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A text cell made safe to open in a spreadsheet (see above). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !DECIMAL_NUMBER.test(text) ? `'${text}` : text;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseFormula(value);
  return String(value);
}

/** Rows as CSV text (no BOM): each row ends with CRLF. */
export function csvRows(rows: readonly CsvRow[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => row.map(cell)),
    // csv-stringify quotes a field holding the record delimiter (CRLF), not a lone LF or CR;
    // every reader must see those as part of the field too.
    { record_delimiter: "windows", eof: true, quoted_match: /[\r\n]/ },
  );
}

/** A whole CSV file in memory: BOM, header, rows. */
export function csvDocument(header: readonly string[], rows: readonly CsvRow[]): string {
  return BOM + csvRows([header, ...rows]);
}

/**
 * A CSV file streamed batch by batch as the client reads it (BOM and header first), so memory
 * stays flat however many rows there are. Cancelling the stream ends the batches' generator,
 * which releases whatever it holds.
 */
export function csvStream<T>(
  header: readonly string[],
  batches: AsyncGenerator<readonly T[], unknown, undefined>,
  toRow: (item: T) => CsvRow,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvRows([header])));
    },
    async pull(controller) {
      // Enqueue something (or close) on every pull: a pull that adds nothing is not repeated.
      for (;;) {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length === 0) continue;
        controller.enqueue(encoder.encode(csvRows(next.value.map(toRow))));
        return;
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
