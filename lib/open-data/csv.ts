import { stringify } from "csv-stringify/sync";

/*
 * CSV as the site writes it, for every download (open data files and the dashboard's chart
 * tables): UTF-8 with a byte order mark so Excel reads accented names correctly, a header row,
 * CRLF line ends (RFC 4180), fields quoted when they hold a comma, quote or line break.
 *
 * Text that begins with =, +, -, @, a tab or a carriage return would be run as a formula by
 * spreadsheet programs (OWASP "CSV injection"): such text cells get a leading apostrophe, which
 * spreadsheets show as nothing. Numbers are written as digits and never prefixed. JSON downloads
 * carry text unchanged. Pure module.
 */

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** The byte order mark that opens every CSV download. */
export const BOM = "\uFEFF";

export type CsvValue = string | number | bigint | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet (see above). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseFormula(value);
  return String(value);
}

/** Rows as CSV text (no BOM, no header): each row ends with CRLF. */
export function csvRows(rows: readonly (readonly CsvValue[])[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) => row.map(cell)),
    { record_delimiter: "windows", eof: true },
  );
}

/** A whole CSV document: BOM, header, rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]) {
  return BOM + csvRows([header, ...rows]);
}

/** `attachment; filename="…"` for a download, with only safe characters in the name. */
export function attachment(filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `attachment; filename="${safe}"`;
}
