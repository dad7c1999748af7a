import "server-only";
import { parse } from "csv-parse/sync";
import { db } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";
import { editorOrganisation } from "../queries";
import { EMPTY_FORM_VALUES, parseArrangementForm, type ArrangementFormValues } from "../schema";
import {
  FIELD_COLUMN,
  IMPORT_COLUMNS,
  normaliseHeading,
  SAVINGS_CELL,
  SAVINGS_HEADING,
} from "./columns";
import { leadLifetimeProblem, loadDirectory, resolvePartners, type Directory } from "./directory";
import { readCsvText } from "./file";

/*
 * Reading an upload into rows. Each row is turned into the same raw values the create/edit
 * form sends and validated by the one schema (../schema.ts); what only the database knows
 * (partners exist and were operating, the lead is not a partner) is checked here too.
 */

export const IMPORT_MAX_ROWS = 10_000;

export type ImportError = { column: string; message: string };

export type ImportRow = {
  /** The row as a spreadsheet numbers it: the headings are row 1. */
  rowNumber: number;
  /** Raw form values (partners already resolved to organisation codes where known). */
  values: ArrangementFormValues;
  errors: ImportError[];
};

export type ImportParseResult = {
  /** A problem with the whole file (size, type, headings): then there are no rows. */
  fileError: string | null;
  rows: ImportRow[];
  validCount: number;
  errorCount: number;
};

type SavingsColumn = { index: number; year: number; heading: string };
/** Which column holds what, from the headings. */
type Layout = {
  headingCount: number;
  simple: Map<number, (typeof IMPORT_COLUMNS)[number]>;
  savings: SavingsColumn[];
};

const BENEFIT_BY_LABEL = new Map<string, string>(
  BENEFITS.flatMap((b) => [
    [b.slug, b.slug],
    [b.label.toLowerCase(), b.slug],
  ]),
);
const CATEGORY_BY_NAME = new Map<string, string>(
  SERVICE_CATEGORIES.flatMap((c) => [
    [c.slug, c.slug],
    [c.name.toLowerCase(), c.slug],
  ]),
);

function splitList(cell: string): string[] {
  return cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

function fileFailure(message: string): ImportParseResult {
  return { fileError: message, rows: [], validCount: 0, errorCount: 0 };
}

/**
 * Reads and validates an uploaded CSV for the user's organisation. Nothing is written.
 * File-level problems (size, type, headings) come back as `fileError`; row problems as
 * `errors` on each row, one per column (the column as headed in the file).
 */
export async function parseImportCsv(
  input: Uint8Array | ArrayBuffer,
  user: CurrentUser,
): Promise<ImportParseResult> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return fileFailure("Only council editors can import arrangements");
  const read = readCsvText(input instanceof Uint8Array ? input : new Uint8Array(input));
  if (!read.ok) return fileFailure(read.message);
  const records = readRecords(read.text);
  if (typeof records === "string") return fileFailure(records);

  const [headerRow, ...dataRows] = records;
  const layout = readHeadings(
    (headerRow ?? []).map((h) => h.trim()),
    dataRows,
  );
  if (typeof layout === "string") return fileFailure(layout);
  const numbered = dataRows
    .map((cells, i) => ({ cells, rowNumber: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (numbered.length === 0) return fileFailure("The file has no rows below the headings");
  if (numbered.length > IMPORT_MAX_ROWS)
    return fileFailure(
      `The file has ${numbered.length} rows: import at most ${IMPORT_MAX_ROWS} at a time`,
    );

  const directory = await loadDirectory(db());
  const rows = numbered.map(({ cells, rowNumber }) =>
    validateRow(cells, rowNumber, layout, directory, organisationId),
  );
  const validCount = rows.filter((r) => r.errors.length === 0).length;
  return { fileError: null, rows, validCount, errorCount: rows.length - validCount };
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
  const layout: Layout = { headingCount: headings.length, simple: new Map(), savings: [] };
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

function validateRow(
  cells: string[],
  rowNumber: number,
  layout: Layout,
  directory: Directory,
  leadOrganisationId: number,
): ImportRow {
  const errors: ImportError[] = [];
  const { headingCount } = layout;
  if (cells.length > headingCount && cells.slice(headingCount).some((c) => c.trim() !== ""))
    errors.push({
      column: "",
      message: `The row has ${cells.length} cells but there are only ${headingCount} column headings`,
    });
  const values = rowValues(cells, layout);
  const savings = readSavings(cells, layout.savings, values);
  // Partners by GSS code or exact name; the schema then sees codes.
  const partners = resolvePartners(
    values.partners,
    values.startDate.trim(),
    directory,
    leadOrganisationId,
  );
  values.partners = partners.codes;
  const parsed = parseArrangementForm(values);
  const partnerColumn = FIELD_COLUMN.get("partners")!;
  for (const message of partners.errors) errors.push({ column: partnerColumn, message });
  const leadProblem = leadLifetimeProblem(directory, leadOrganisationId, values.startDate.trim());
  if (leadProblem) errors.push({ column: FIELD_COLUMN.get("startDate")!, message: leadProblem });
  errors.push(...schemaErrors(parsed.ok ? {} : parsed.errors, partners.errors.length > 0, savings));
  return { rowNumber, values: { ...values }, errors };
}

/** The row's cells as the form's raw values, names of categories and benefits as slugs. */
function rowValues(cells: string[], layout: Layout): ArrangementFormValues {
  const values: ArrangementFormValues = {
    ...EMPTY_FORM_VALUES,
    furtherCategories: [],
    partners: [],
    benefits: [],
    savingsYear: [],
    savingsAmount: [],
    savingsKind: [],
  };
  for (const [index, column] of layout.simple) {
    const cell = cells[index] ?? "";
    if (column.list) (values[column.field] as string[]) = splitList(cell);
    else (values[column.field] as string) = cell;
  }
  values.mainCategory =
    CATEGORY_BY_NAME.get(values.mainCategory.trim().toLowerCase()) ?? values.mainCategory;
  values.furtherCategories = values.furtherCategories.map(
    (s) => CATEGORY_BY_NAME.get(s.toLowerCase()) ?? s,
  );
  values.benefits = values.benefits.map((s) => BENEFIT_BY_LABEL.get(s.toLowerCase()) ?? s);
  values.stage = values.stage.trim().toLowerCase();
  return values;
}

type SavingsRead = { headingOf: string[]; kindErrors: Set<number> };

/** Savings: one column per year, "actual: 1,250,000" or "forecast: £300,000". */
function readSavings(
  cells: string[],
  columns: SavingsColumn[],
  values: ArrangementFormValues,
): SavingsRead {
  const read: SavingsRead = { headingOf: [], kindErrors: new Set() };
  for (const { index, year, heading } of columns) {
    const cell = (cells[index] ?? "").trim();
    if (!cell) continue;
    const match = SAVINGS_CELL.exec(cell);
    const i = values.savingsYear.length;
    read.headingOf[i] = heading;
    values.savingsYear.push(String(year));
    values.savingsAmount.push(match ? match[2]!.trim() : cell);
    values.savingsKind.push(match ? match[1]!.toLowerCase() : "");
    if (!match) read.kindErrors.add(i);
  }
  return read;
}

/** The schema's field errors under the file's column headings. */
function schemaErrors(
  errors: Record<string, string>,
  partnersReported: boolean,
  savings: SavingsRead,
): ImportError[] {
  const out: ImportError[] = [];
  for (const [key, message] of Object.entries(errors)) {
    const match = /^savings\.(\d+)\.(year|amount|kind)$/.exec(key);
    if (match) {
      const i = Number(match[1]);
      const column = savings.headingOf[i] ?? "savings";
      const unmarked = match[2] === "kind" && savings.kindErrors.has(i);
      out.push({
        column,
        message: unmarked
          ? "Start the amount with actual: or forecast:, like actual: 1,250,000"
          : message,
      });
      continue;
    }
    // An unresolved partner is already reported by name; the schema's "add a partner" is noise.
    if (key === "partners" && partnersReported) continue;
    out.push({ column: FIELD_COLUMN.get(key) ?? "", message });
  }
  return out;
}
