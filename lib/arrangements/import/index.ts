/*
 * CSV bulk import for council editors (/workspace/import).
 *
 * One row per arrangement, lead = the editor's organisation. An upload (CSV or .xlsx) is read and
 * checked (./file.ts, ./xlsx.ts), its headings matched to the template's columns (./columns.ts), each row turned
 * into the form's raw values and validated like the form, partners matched by code or name
 * (./parse.ts, ./rows.ts, ./directory.ts). Nothing is written until the user confirms the preview; the
 * file then comes back as a signed token (./token.ts) and is read again. Valid rows become
 * DRAFT arrangements in one transaction, all or nothing (./write.ts), created exactly as a
 * saved form creates one (../insert-drafts.ts).
 */

export {
  IMPORT_COLUMNS,
  importTemplateCsv,
  savingsColumn,
  templateHeadings,
  templateSavingsYears,
} from "./columns";
export { IMPORT_DATE_EXAMPLES, readImportDate } from "./dates";
export { IMPORT_MAX_BYTES, readCsvText } from "./file";
export { readXlsxRecords, UNPACKED_MAX_BYTES } from "./xlsx";
export { importTemplateXlsx } from "./xlsx-template";
export { suggestOrganisations, type Suggestion, type UnmatchedName } from "./suggestions";
export { nameKey } from "./directory";
export {
  IMPORT_MAX_ROWS,
  isXlsxName,
  parseImportCsv,
  parseImportFile,
  type ImportError,
  type ImportParseResult,
  type ImportRow,
} from "./parse";
export { IMPORT_TOKEN_TTL_MS, openImport, signImport, type OpenedImport } from "./token";
export {
  importValidRows,
  type ImportFailure,
  type ImportResult,
  type ImportRowError,
} from "./write";
