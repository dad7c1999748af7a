import "server-only";
import { asc } from "drizzle-orm";
import ExcelJS from "exceljs";
import { db, type DbOrTx } from "@/db/client";
import { organisations } from "@/db/schema";
import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";
import { formatLongDate } from "@/lib/format/dates";
import { savingsColumn, TEMPLATE_EXAMPLE, templateHeadings } from "./columns";
import { IMPORT_MAX_SHEET_ROWS } from "./xlsx";

/*
 * The Excel template: an "Arrangements" sheet with the import's headings (a savings column for
 * every financial year from 2012/13 to three years ahead) and one example row, and a "Lists"
 * sheet of the valid organisation names and categories that the data sheet's drop-downs use.
 * The partners drop-down offers names but accepts anything, since a cell may list several.
 */

const LISTS = "Lists";
const LIST_HEADINGS = [
  "Category",
  "Category code",
  "Benefit",
  "Organisation",
  "GSS or register code",
  "Short name",
  "Existed until",
];

type Validation = ExcelJS.DataValidation;

function column(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

async function listsSheet(workbook: ExcelJS.Workbook, reader: DbOrTx): Promise<number> {
  const orgs = await reader
    .select({
      code: organisations.code,
      name: organisations.name,
      shortName: organisations.shortName,
      endDate: organisations.endDate,
    })
    .from(organisations)
    .orderBy(asc(organisations.name), asc(organisations.code));
  const sheet = workbook.addWorksheet(LISTS);
  sheet.addRow(LIST_HEADINGS).font = { bold: true };
  const length = Math.max(orgs.length, SERVICE_CATEGORIES.length, BENEFITS.length);
  for (let i = 0; i < length; i++) {
    const c = SERVICE_CATEGORIES[i];
    const o = orgs[i];
    sheet.addRow([
      c?.name ?? null,
      c?.slug ?? null,
      BENEFITS[i]?.label ?? null,
      o?.name ?? null,
      o?.code ?? null,
      o?.shortName ?? null,
      o?.endDate ? formatLongDate(o.endDate) : null,
    ]);
  }
  sheet.columns.forEach((c, i) => (c.width = [34, 30, 32, 48, 20, 28, 16][i]));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return orgs.length;
}

function exampleValue(heading: string): ExcelJS.CellValue {
  const text = TEMPLATE_EXAMPLE[heading] ?? "";
  if (heading === "start_date") return new Date(Date.UTC(2017, 3, 1));
  if (heading === "main_category") return "Legal";
  // A bare amount: an actual for a year that has ended (the example's years all have).
  if (heading === savingsColumn(2017)) return 250_000;
  if (heading === savingsColumn(2018)) return 1_250_000.5;
  return text || null;
}

/** ExcelJS 4.4 has range validations (worksheet.dataValidations) but leaves them out of its types. */
type RangeValidations = { dataValidations: { add(range: string, validation: Validation): void } };

function dropDowns(worksheet: ExcelJS.Worksheet, headings: string[], orgCount: number): void {
  const sheet = worksheet as unknown as RangeValidations;
  const last = IMPORT_MAX_SHEET_ROWS + 1;
  const list = (formula: string, strict: boolean, prompt: string): Validation => ({
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    prompt,
    showErrorMessage: strict,
    errorStyle: "stop",
    errorTitle: "Not in the list",
    error: "Choose a value from the list",
  });
  const at = (heading: string) =>
    `${column(headings.indexOf(heading))}2:${column(headings.indexOf(heading))}${last}`;
  sheet.dataValidations.add(
    at("main_category"),
    list(`${LISTS}!$A$2:$A$${SERVICE_CATEGORIES.length + 1}`, true, "Choose the main category"),
  );
  sheet.dataValidations.add(
    at("stage"),
    list('"planned,operational,ended"', true, "planned, operational or ended"),
  );
  sheet.dataValidations.add(
    at("partners"),
    list(
      `${LISTS}!$D$2:$D$${orgCount + 1}`,
      false,
      "Choose a partner, or type several names or GSS codes separated by ;",
    ),
  );
}

/** The Excel template as bytes. */
export async function importTemplateXlsx(
  today: Date = new Date(),
  reader: DbOrTx = db(),
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Council Shared Services Map";
  const headings = templateHeadings(today);
  const sheet = workbook.addWorksheet("Arrangements");
  const orgCount = await listsSheet(workbook, reader);
  sheet.addRow(headings).font = { bold: true };
  sheet.addRow(headings.map(exampleValue));
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 1 }];
  headings.forEach((h, i) => {
    const c = sheet.getColumn(i + 1);
    c.width = h.startsWith("savings_") ? 17 : h === "description" ? 50 : Math.max(16, h.length + 4);
    if (h.startsWith("savings_")) c.numFmt = "#,##0.00";
    if (h.endsWith("_date")) c.numFmt = "dd/mm/yyyy";
  });
  sheet.getRow(1).numFmt = "@";
  dropDowns(sheet, headings, orgCount);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
