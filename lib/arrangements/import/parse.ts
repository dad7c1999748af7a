import "server-only";
import { parse } from "csv-parse/sync";
import { db } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { editorOrganisation } from "../queries";
import { IMPORT_COLUMNS, normaliseHeading, SAVINGS_HEADING } from "./columns";
import { loadDirectory, nameKey } from "./directory";
import { readCsvText } from "./file";
import { validateRow, type ImportRow, type Layout } from "./rows";
import { unmatchedNames, type UnmatchedName } from "./suggestions";
import { readXlsxRecords, type CellProblem } from "./xlsx";

/*
 * Reading an upload (CSV, or an .xlsx workbook: ./xlsx.ts) into rows of cell text, its headings
 * into a layout, and each row through ./rows.ts. Nothing is written.
 */

export const IMPORT_MAX_ROWS = 10_000;

export type { ImportError, ImportRow } from "./rows";

export type ImportParseResult = {
  /** A problem with the whole file (size, type, headings): then there are no rows. */
  fileError: string | null;
  rows: ImportRow[];
  validCount: number;
  errorCount: number;
  /** Partner names not found that have suggestions: the preview offers a choice for each. */
  unmatched: UnmatchedName[];
  /** Rows whose only problems are such names: a choice for each makes them importable. */
  matchableRows: number[];
};

export type ImportOptions = {
  /** The uploaded file's name: one ending .xlsx is read as a workbook, anything else as CSV. */
  fileName?: string;
  /** Partner entries the officer matched in the preview: entry → organisation code. */
  matches?: Map<string, string>;
};

function fileFailure(message: string): ImportParseResult {
  return {
    fileError: message,
    rows: [],
    validCount: 0,
    errorCount: 0,
    unmatched: [],
    matchableRows: [],
  };
}

export function isXlsxName(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName.trim());
}

/** The upload's rows of cell text and any cells refused, or why it cannot be read. */
async function readUpload(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ records: string[][]; problems: CellProblem[] } | string> {
  if (isXlsxName(fileName)) {
    const read = await readXlsxRecords(bytes);
    return read.ok ? read : read.message;
  }
  const read = readCsvText(bytes);
  if (!read.ok) return read.message;
  const records = readRecords(read.text);
  return typeof records === "string" ? records : { records, problems: [] };
}

/**
 * Reads and validates an upload for the user's organisation. Nothing is written.
 * File-level problems (size, type, headings) come back as `fileError`; row problems as
 * `errors` on each row, one per column (the column as headed in the file).
 */
export async function parseImportFile(
  input: Uint8Array | ArrayBuffer,
  user: CurrentUser,
  options: ImportOptions = {},
): Promise<ImportParseResult> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return fileFailure("Only council editors can import arrangements");
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const read = await readUpload(bytes, options.fileName ?? "upload.csv");
  if (typeof read === "string") return fileFailure(read);

  const [headerRow, ...dataRows] = read.records;
  const layout = readHeadings(
    (headerRow ?? []).map((h) => h.trim()),
    dataRows,
  );
  if (typeof layout === "string") return fileFailure(layout);
  const problemsByRow = new Map<number, CellProblem[]>();
  for (const p of read.problems) problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p]);
  const numbered = dataRows
    .map((cells, i) => ({ cells, rowNumber: i + 2 }))
    .filter(
      ({ cells, rowNumber }) => cells.some((c) => c.trim() !== "") || problemsByRow.has(rowNumber),
    );
  if (numbered.length === 0) return fileFailure("The file has no rows below the headings");
  if (numbered.length > IMPORT_MAX_ROWS)
    return fileFailure(
      `The file has ${numbered.length} rows: import at most ${IMPORT_MAX_ROWS} at a time`,
    );

  const context = {
    layout,
    directory: await loadDirectory(db()),
    leadOrganisationId: organisationId,
    matches: options.matches ?? new Map<string, string>(),
  };
  const rows = numbered.map(({ cells, rowNumber }) =>
    validateRow(cells, rowNumber, context, problemsByRow.get(rowNumber)),
  );
  const validCount = rows.filter((r) => r.errors.length === 0).length;
  const unmatched = await unmatchedNames(db(), rows, organisationId);
  const offered = new Set(unmatched.map((u) => u.key));
  const matchableRows = rows
    .filter(
      (r) =>
        r.errors.length > 0 &&
        r.errors.every((e) => e.unmatched !== undefined && offered.has(nameKey(e.unmatched))),
    )
    .map((r) => r.rowNumber);
  return {
    fileError: null,
    rows,
    validCount,
    errorCount: rows.length - validCount,
    unmatched,
    matchableRows,
  };
}

/** A CSV upload: parseImportFile for a file named .csv. */
export function parseImportCsv(
  input: Uint8Array | ArrayBuffer,
  user: CurrentUser,
): Promise<ImportParseResult> {
  return parseImportFile(input, user);
}

/** The file's cells, or why it is not CSV. */
function readRecords(text: string): string[][] | string {
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `The file could not be read as CSV: ${detail}`;
  }
}

/** Which column is which, or what is wrong with the headings. */
function readHeadings(headings: string[], dataRows: string[][]): Layout | string {
  const normalised = headings.map(normaliseHeading);
  if (!normalised.includes("title"))
    return "The first row must be the column headings from the template, starting with “title”";
  const unknown: string[] = [];
  const layout: Layout = {
    headingCount: headings.length,
    headings,
    simple: new Map(),
    savings: [],
  };
  for (const [index, name] of normalised.entries()) {
    if (!name) {
      if (dataRows.some((r) => (r[index] ?? "").trim() !== ""))
        unknown.push(`(column ${index + 1} has no heading)`);
      continue;
    }
    const savings = SAVINGS_HEADING.exec(name);
    if (savings) {
      const year = Number(savings[1]);
      if (savings[2] && Number(savings[2]) !== (year + 1) % 100) unknown.push(headings[index]!);
      else layout.savings.push({ index, year, heading: headings[index]! });
      continue;
    }
    const column = IMPORT_COLUMNS.find((c) => c.column === name);
    if (!column) unknown.push(headings[index]!);
    else if ([...layout.simple.values()].includes(column))
      return `The column “${headings[index]}” appears twice: keep only one`;
    else layout.simple.set(index, column);
  }
  if (unknown.length)
    return `Unknown column heading${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Use the headings from the template.`;
  return layout;
}
