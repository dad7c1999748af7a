import "server-only";
import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";
import { today } from "@/lib/clock";
import { financialYearOf } from "@/lib/financial-year";
import { EMPTY_FORM_VALUES, parseArrangementForm, type ArrangementFormValues } from "../schema";
import { FIELD_COLUMN, IMPORT_COLUMNS, SAVINGS_CELL } from "./columns";
import { IMPORT_DATE_EXAMPLES, readImportDate } from "./dates";
import { leadLifetimeProblem, resolvePartners, type Directory } from "./directory";

/*
 * One row of an upload → the same raw values the create/edit form sends, validated by the one
 * schema (../schema.ts), with what only the database knows (partners exist and were operating,
 * the lead is not a partner) checked too. Each error names its column as headed in the file.
 */

export type ImportError = {
  column: string;
  message: string;
  /** A partner entry no organisation answers to: the preview offers suggestions for it. */
  unmatched?: string;
};

export type ImportRow = {
  /** The row as a spreadsheet numbers it: the headings are row 1. */
  rowNumber: number;
  /** Raw form values (partners already resolved to organisation codes where known). */
  values: ArrangementFormValues;
  errors: ImportError[];
};

export type SavingsColumn = { index: number; year: number; heading: string };
/** Which column holds what, from the headings. */
export type Layout = {
  headingCount: number;
  headings: string[];
  simple: Map<number, (typeof IMPORT_COLUMNS)[number]>;
  savings: SavingsColumn[];
};

/** What the whole file brings to each row. */
export type RowContext = {
  layout: Layout;
  directory: Directory;
  leadOrganisationId: number;
  /** Partner entry (as normalised by the directory) → the organisation code the officer chose. */
  matches: Map<string, string>;
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
const DATE_FIELDS = ["startDate", "endDate"] as const;

function splitList(cell: string): string[] {
  return cell
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}

export function validateRow(
  cells: string[],
  rowNumber: number,
  context: RowContext,
  cellProblems: { col: number; message: string }[] = [],
): ImportRow {
  const { layout, directory, leadOrganisationId } = context;
  const errors: ImportError[] = [];
  const { headingCount } = layout;
  if (cells.length > headingCount && cells.slice(headingCount).some((c) => c.trim() !== ""))
    errors.push({
      column: "",
      message: `The row has ${cells.length} cells but there are only ${headingCount} column headings`,
    });
  // A cell that could not be read (an untrusted formula) is reported once, as itself.
  const refusedColumns = new Set<string>();
  for (const p of cellProblems) {
    const column = layout.headings[p.col] || `column ${p.col + 1}`;
    refusedColumns.add(column);
    errors.push({ column, message: p.message });
  }
  const { values, badDates } = rowValues(cells, layout);
  const savings = readSavings(cells, layout.savings, values);
  // A start date refused or unreadable is reported once; lifetimes are not checked against it.
  const startDate = refusedColumns.has(FIELD_COLUMN.get("startDate")!)
    ? "(refused)"
    : values.startDate.trim();
  // Partners by code or name (or as the officer matched them); the schema then sees codes.
  const partners = resolvePartners(
    values.partners,
    startDate,
    directory,
    leadOrganisationId,
    context.matches,
  );
  values.partners = partners.codes;
  const parsed = parseArrangementForm(values);
  const partnerColumn = FIELD_COLUMN.get("partners")!;
  for (const e of partners.errors) errors.push({ column: partnerColumn, ...e });
  const leadProblem = leadLifetimeProblem(directory, leadOrganisationId, startDate);
  if (leadProblem) errors.push({ column: FIELD_COLUMN.get("startDate")!, message: leadProblem });
  for (const e of schemaErrors(parsed.ok ? {} : parsed.errors, partners.errors.length > 0, savings))
    if (!refusedColumns.has(e.column)) {
      const field = DATE_FIELDS.find((f) => FIELD_COLUMN.get(f) === e.column);
      errors.push(
        field && badDates.has(field)
          ? { column: e.column, message: `Enter a real date, like ${IMPORT_DATE_EXAMPLES}` }
          : e,
      );
    }
  return { rowNumber, values: { ...values }, errors };
}

/** The row's cells as the form's raw values: names of categories and benefits as slugs, dates ISO. */
function rowValues(
  cells: string[],
  layout: Layout,
): { values: ArrangementFormValues; badDates: Set<string> } {
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
  const badDates = new Set<string>();
  for (const field of DATE_FIELDS) {
    const typed = values[field].trim();
    if (!typed) continue;
    const iso = readImportDate(typed);
    if (iso) values[field] = iso;
    else badDates.add(field);
  }
  return { values, badDates };
}

type SavingsRead = { headingOf: string[] };

/**
 * Savings: one column per year, an amount in pounds. "actual:" or "forecast:" before it says
 * which; a bare amount is an actual for a year that has ended, a forecast otherwise.
 */
function readSavings(
  cells: string[],
  columns: SavingsColumn[],
  values: ArrangementFormValues,
): SavingsRead {
  const read: SavingsRead = { headingOf: [] };
  const currentYear = financialYearOf(today());
  for (const { index, year, heading } of columns) {
    const cell = (cells[index] ?? "").trim();
    if (!cell) continue;
    const match = SAVINGS_CELL.exec(cell);
    const i = values.savingsYear.length;
    read.headingOf[i] = heading;
    values.savingsYear.push(String(year));
    values.savingsAmount.push(match ? match[2]!.trim() : cell);
    values.savingsKind.push(
      match ? match[1]!.toLowerCase() : year < currentYear ? "actual" : "forecast",
    );
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
      out.push({ column: savings.headingOf[Number(match[1])] ?? "savings", message });
      continue;
    }
    // An unresolved partner is already reported by name; the schema's "add a partner" is noise.
    if (key === "partners" && partnersReported) continue;
    out.push({ column: FIELD_COLUMN.get(key) ?? "", message });
  }
  return out;
}
