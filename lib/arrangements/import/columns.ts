import { csvDocument } from "@/lib/csv/writer";
import { financialYearOf } from "@/lib/financial-year";
import type { ArrangementFormValues } from "../schema";

/* The CSV's columns, and the template that shows them. Pure module. */

export type SimpleColumn = Exclude<
  keyof ArrangementFormValues,
  "savingsYear" | "savingsAmount" | "savingsKind"
>;

/** CSV heading → form field. Lists are separated by ";" inside the cell. */
export const IMPORT_COLUMNS: { column: string; field: SimpleColumn; list?: true }[] = [
  { column: "title", field: "title" },
  { column: "description", field: "description" },
  { column: "main_category", field: "mainCategory" },
  { column: "further_categories", field: "furtherCategories", list: true },
  { column: "stage", field: "stage" },
  { column: "start_date", field: "startDate" },
  { column: "end_date", field: "endDate" },
  { column: "partners", field: "partners", list: true },
  { column: "no_savings_reason", field: "noSavingsReason" },
  { column: "benefits", field: "benefits", list: true },
  { column: "contact_name", field: "contactName" },
  { column: "contact_email", field: "contactEmail" },
];

export const FIELD_COLUMN = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.field, c.column]));
export const SAVINGS_HEADING = /^savings_(\d{4})(?:[_/-](\d{2}))?$/;
export const SAVINGS_CELL = /^(actual|forecast)\b\s*:?\s*(.*)$/is;

/** "savings_2016_17": the savings column for the financial year starting April 2016. */
export function savingsColumn(year: number): string {
  return `savings_${year}_${String((year + 1) % 100).padStart(2, "0")}`;
}

export function normaliseHeading(heading: string): string {
  return heading.trim().toLowerCase().replace(/\s+/g, "_");
}

/* Template ------------------------------------------------------------------------------------ */

/** The first financial year the templates offer a savings column for (2012/13). */
export const TEMPLATE_FIRST_YEAR = 2012;
/** How many years of forecasts past the current one. */
export const TEMPLATE_FORECAST_YEARS = 3;

/** The savings years the templates offer: 2012/13 to three years past the current one. */
export function templateSavingsYears(today: Date = new Date()): number[] {
  const last = financialYearOf(today) + TEMPLATE_FORECAST_YEARS;
  return Array.from({ length: last - TEMPLATE_FIRST_YEAR + 1 }, (_, i) => TEMPLATE_FIRST_YEAR + i);
}

/** The template's headings in order: the savings years between partners and the reason. */
export function templateHeadings(today: Date = new Date()): string[] {
  return [
    ...IMPORT_COLUMNS.slice(0, 8).map((c) => c.column),
    ...templateSavingsYears(today).map(savingsColumn),
    ...IMPORT_COLUMNS.slice(8).map((c) => c.column),
  ];
}

/** The example row both templates carry, by heading. */
export const TEMPLATE_EXAMPLE: Record<string, string> = {
  title: "Shared legal services with Somerset",
  description:
    "One legal team serving both councils.\nCases are shared by specialism, so each council keeps access to expert advice.",
  main_category: "legal",
  further_categories: "procurement-and-commissioning",
  stage: "operational",
  start_date: "01/04/2017",
  end_date: "",
  partners: "E10000027; Torbay Council",
  [savingsColumn(2017)]: "actual: 250,000",
  [savingsColumn(2018)]: "actual: £1,250,000.50",
  [savingsColumn(2019)]: "forecast: 300000",
  no_savings_reason: "",
  benefits: "resilience; shared-knowledge",
  contact_name: "Jo Bloggs",
  contact_email: "shared.legal@example.gov.uk",
};

/** The downloadable template: headings and one example row, with a BOM so Excel reads UTF-8. */
export function importTemplateCsv(today: Date = new Date()): string {
  const headings = templateHeadings(today);
  return csvDocument(headings, [headings.map((h) => TEMPLATE_EXAMPLE[h] ?? "")]);
}
