import ExcelJS from "exceljs";
import { IMPORT_MAX_BYTES, looksLike, megabytes } from "./file";
import { readZipEntry, zipEntries, type ZipEntry } from "./zip";

/*
 * Reading an .xlsx upload into the same rows of text a CSV gives (ExcelJS; the registry's
 * `xlsx` package is an old SheetJS release with unfixed advisories). Before ExcelJS sees the
 * file it is checked as a zip: a workbook at all (not a renamed PDF or .xls), no macros
 * (xl/vbaProject.bin, the .xlsm content type), and no more than UNPACKED_MAX_BYTES unpacked.
 * Date cells become ISO dates. A formula's saved result is used only when it can be trusted;
 * otherwise the cell is refused, by row and column, so the officer types the value.
 */

export const IMPORT_MAX_SHEET_ROWS = 10_000;
/** A 5 MB workbook of text unpacks to 30–60 MB; more than this is not a register. */
export const UNPACKED_MAX_BYTES = 80 * 1024 * 1024;

export type CellProblem = { row: number; col: number; message: string };
export type XlsxRead =
  { ok: true; records: string[][]; problems: CellProblem[] } | { ok: false; message: string };

const SAVE_AS_XLSX =
  "Open it in Excel and save it as “Excel Workbook (.xlsx)”, or upload a CSV file.";
/** Functions whose saved result changes whenever the workbook is opened or recalculated. */
const VOLATILE = /\b(NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY|OFFSET|INDIRECT|INFO|CELL)\s*\(/i;

function refuse(message: string): XlsxRead {
  return { ok: false, message };
}

/** Why the bytes are not a macro-free workbook of acceptable size, or the zip's entries. */
function checkPackage(bytes: Uint8Array): string | ZipEntry[] {
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    return `The file must be 5 MB or smaller. This one is ${megabytes(bytes.byteLength)}: split it into smaller files.`;
  if (bytes.byteLength === 0) return "The selected file is empty";
  const entries = zipEntries(bytes);
  if (!entries) {
    const what = looksLike(bytes);
    if (what?.startsWith("an old-style Excel"))
      return `The selected file is not an .xlsx workbook: it looks like an old-style Excel (.xls) file or a workbook protected by a password. Remove any password, then ${SAVE_AS_XLSX.charAt(0).toLowerCase()}${SAVE_AS_XLSX.slice(1)}`;
    return `The selected file is not an Excel workbook, although its name ends .xlsx: ${what ? `it looks like ${what}` : "it is not a zip package as .xlsx files are"}. ${SAVE_AS_XLSX}`;
  }
  const names = entries.map((e) => e.name.toLowerCase());
  if (!names.includes("xl/workbook.xml") && !names.includes("[content_types].xml"))
    return `The selected file is a zip file but not an Excel workbook. ${SAVE_AS_XLSX}`;
  if (!names.includes("xl/workbook.xml"))
    return `The selected file is not an Excel workbook (it may be a Word or PowerPoint file renamed). ${SAVE_AS_XLSX}`;
  if (names.some((n) => n.endsWith("vbaproject.bin") || (n.endsWith(".bin") && n.includes("vba"))))
    return "The workbook contains macros, which are not accepted. In Excel choose File, Save As, and “Excel Workbook (.xlsx)” (not “Excel Macro-Enabled Workbook”), then upload that copy.";
  let budget = UNPACKED_MAX_BYTES;
  for (const entry of entries) {
    try {
      budget -= readZipEntry(bytes, entry, budget + 1).byteLength;
    } catch (error) {
      if (error instanceof RangeError || budget <= 0) budget = -1;
      else return `The workbook is damaged and could not be read. ${SAVE_AS_XLSX}`;
    }
    if (budget < 0)
      return `The workbook is too large once unpacked (more than ${megabytes(UNPACKED_MAX_BYTES)}): import at most ${IMPORT_MAX_SHEET_ROWS.toLocaleString("en-GB")} rows at a time, without pictures or other sheets.`;
  }
  return entries;
}

/** Whether the workbook asks Excel to recalculate on opening: then its saved results are stale. */
function recalculatesOnLoad(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  const workbook = entries.find((e) => e.name.toLowerCase() === "xl/workbook.xml")!;
  const xml = readZipEntry(bytes, workbook, UNPACKED_MAX_BYTES).toString("utf8");
  return /<(?:\w+:)?calcPr\b[^>]*\bfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(xml);
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A plain value as text; an error value as a problem. */
function valueText(value: unknown): { text: string } | { problem: string } {
  if (value === null || value === undefined) return { text: "" };
  if (value instanceof Date) return { text: isoDate(value) };
  if (typeof value === "number") return { text: Number.isFinite(value) ? String(value) : "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.error) return { problem: `holds the error ${v.error}` };
    if (v.richText) return { text: v.richText.map((t) => t.text).join("") };
    if (v.text !== undefined) return valueText(v.text);
  }
  return { text: String(value) };
}

/** Why a formula's saved result cannot be trusted, or null. */
function untrustedFormula(cell: ExcelJS.Cell, staleWorkbook: boolean): string | null {
  const formula = cell.formula ?? "";
  const result = (cell.value as { result?: unknown }).result;
  if (staleWorkbook)
    return "holds a formula, and the workbook asks Excel to recalculate every formula when it is opened, so the saved result may be out of date";
  if (result === undefined || result === null)
    return "holds a formula with no saved result (the workbook was not saved by a program that calculates formulas)";
  if (/\[\d+\]|'?[A-Za-z]:\\|https?:/.test(formula))
    return "holds a formula that refers to another workbook, whose values may have changed";
  if (VOLATILE.test(formula))
    return "holds a formula whose result changes each time the workbook is opened (such as TODAY or INDIRECT)";
  return null;
}

function cellText(
  cell: ExcelJS.Cell,
  staleWorkbook: boolean,
): { text: string } | { problem: string } {
  const read =
    cell.type !== ExcelJS.ValueType.Formula
      ? valueText(cell.value)
      : (() => {
          const why = untrustedFormula(cell, staleWorkbook);
          return why ? { problem: why } : valueText((cell.value as { result?: unknown }).result);
        })();
  return "problem" in read ? { problem: `${read.problem}: type the value instead` } : read;
}

/** The sheet to read: the template's "Arrangements", else the first sheet. */
function dataSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return workbook.getWorksheet("Arrangements") ?? workbook.worksheets[0];
}

/** An .xlsx upload as rows of cell text (row 1 the headings), or why it cannot be read. */
export async function readXlsxRecords(bytes: Uint8Array): Promise<XlsxRead> {
  const checked = checkPackage(bytes);
  if (typeof checked === "string") return refuse(checked);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch {
    return refuse(`The workbook could not be read: it may be damaged. ${SAVE_AS_XLSX}`);
  }
  const sheet = dataSheet(workbook);
  if (!sheet || sheet.actualRowCount === 0) return refuse("The workbook has no rows");
  const dataRows = sheet.actualRowCount - 1;
  if (dataRows > IMPORT_MAX_SHEET_ROWS)
    return refuse(
      `The sheet “${sheet.name}” has ${dataRows.toLocaleString("en-GB")} rows below the headings: import at most ${IMPORT_MAX_SHEET_ROWS.toLocaleString("en-GB")} at a time`,
    );
  const stale = recalculatesOnLoad(bytes, checked);
  const records: string[][] = [];
  const problems: CellProblem[] = [];
  // Only rows with values: a sheet formatted down to row 1,048,576 is not read row by row.
  sheet.eachRow((row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const read = cellText(cell, stale);
      if ("problem" in read) {
        problems.push({ row: r, col: c - 1, message: `Cell ${cell.address} ${read.problem}` });
        cells[c - 1] = "";
      } else cells[c - 1] = read.text;
    });
    while (records.length < r - 1) records.push([]);
    records[r - 1] = Array.from(cells, (c) => c ?? "");
  });
  return { ok: true, records, problems };
}
