import "server-only";
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { like } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import {
  arrangementRevisions,
  arrangements,
  auditEvents,
  organisations,
  revisionCategories,
  revisionPartners,
  revisionSavings,
  serviceCategories,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/access";
import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";
import { csvDocument } from "@/lib/csv/writer";
import { env } from "@/lib/env";
import { financialYearOf } from "@/lib/financial-year";
import type { RequestInfo } from "./commands";
import { editorOrganisation } from "./queries";
import { auditContent, chunks, freeSlugs, uniqueViolation } from "./shared";
import {
  EMPTY_FORM_VALUES,
  parseArrangementForm,
  type ArrangementFormValues,
  type ArrangementInput,
} from "./schema";

/*
 * CSV bulk import for council editors (/workspace/import).
 *
 * One row per arrangement, lead = the editor's organisation. Each row is turned into the same
 * raw values the create/edit form sends and validated by the one schema (./schema.ts); what
 * only the database knows (partners exist and were operating, the lead is not a partner) is
 * checked here too. Valid rows become DRAFT arrangements in one transaction: all or nothing.
 *
 * Between preview and import the file travels as a signed token (HMAC with NEXTAUTH_SECRET,
 * bound to the user, expiring), never trusted: the import re-reads and re-validates it.
 *
 * The inserts follow commands.ts's createArrangement exactly (saveDraft opens its own
 * transaction, so it cannot be called inside the import's one transaction).
 */

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;
/** How long a previewed file may wait for "Import". */
export const IMPORT_TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

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

/* Columns ------------------------------------------------------------------------------------- */

type SimpleColumn = Exclude<
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

const FIELD_COLUMN = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.field, c.column]));
const SAVINGS_HEADING = /^savings_(\d{4})(?:[_/-](\d{2}))?$/;
const SAVINGS_CELL = /^(actual|forecast)\b\s*:?\s*(.*)$/is;

/** "savings_2016_17": the savings column for the financial year starting April 2016. */
export function savingsColumn(year: number): string {
  return `savings_${year}_${String((year + 1) % 100).padStart(2, "0")}`;
}

function normaliseHeading(heading: string): string {
  return heading.trim().toLowerCase().replace(/\s+/g, "_");
}

/* Template ------------------------------------------------------------------------------------ */

/** The savings years the template offers: 2016/17 to three years ahead. */
export function templateSavingsYears(today: Date = new Date()): number[] {
  const last = financialYearOf(today) + 3;
  return Array.from({ length: last - 2016 + 1 }, (_, i) => 2016 + i);
}

/** The downloadable template: headings and one example row, with a BOM so Excel reads UTF-8. */
export function importTemplateCsv(today: Date = new Date()): string {
  const years = templateSavingsYears(today);
  const headings = [
    ...IMPORT_COLUMNS.slice(0, 8).map((c) => c.column),
    ...years.map(savingsColumn),
    ...IMPORT_COLUMNS.slice(8).map((c) => c.column),
  ];
  const example: Record<string, string> = {
    title: "Shared legal services with Somerset",
    description:
      "One legal team serving both councils.\nCases are shared by specialism, so each council keeps access to expert advice.",
    main_category: "legal",
    further_categories: "procurement-and-commissioning",
    stage: "operational",
    start_date: "2017-04-01",
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
  return csvDocument(headings, [headings.map((h) => example[h] ?? "")]);
}

/* Reading the file ---------------------------------------------------------------------------- */

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], what: "a JPEG image" },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: "a GIF image" },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: "a PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: "an Excel workbook or other zip file" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: "an old-style Excel (.xls) or Word file" },
];

const SAVE_AS_CSV = "In Excel choose File, Save As, and “CSV UTF-8 (Comma delimited)”.";

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The file's text, or why it is not a UTF-8 CSV. */
export function readCsvText(
  input: Uint8Array,
): { ok: true; text: string } | { ok: false; message: string } {
  if (input.byteLength > IMPORT_MAX_BYTES)
    return {
      ok: false,
      message: `The file must be 5 MB or smaller. This one is ${megabytes(input.byteLength)}: split it into smaller files.`,
    };
  if (input.byteLength === 0) return { ok: false, message: "The selected file is empty" };
  const sig = SIGNATURES.find((s) => s.bytes.every((b, i) => input[i] === b));
  if (sig)
    return {
      ok: false,
      message: `The selected file must be a CSV file. This one looks like ${sig.what}. ${SAVE_AS_CSV}`,
    };
  if (input.includes(0))
    return {
      ok: false,
      message: `The selected file must be a CSV file. This one is not text. ${SAVE_AS_CSV}`,
    };
  try {
    // A leading BOM (Excel's "CSV UTF-8") is dropped by the decoder.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(input) };
  } catch {
    return {
      ok: false,
      message: `The file must be saved as UTF-8 text: it has characters that are not UTF-8 (often “£” from an older “CSV (Comma delimited)” save). ${SAVE_AS_CSV}`,
    };
  }
}

/* Partners ----------------------------------------------------------------------------------- */

type Org = {
  id: number;
  code: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
};

function activeOnDate(org: Org, date: string | null): boolean {
  if (!date) return org.endDate === null;
  return (!org.startDate || org.startDate <= date) && (!org.endDate || org.endDate >= date);
}

type Directory = { byCode: Map<string, Org>; byName: Map<string, Org[]> };

async function loadDirectory(reader: Tx | ReturnType<typeof db>): Promise<Directory> {
  const all = await reader
    .select({
      id: organisations.id,
      code: organisations.code,
      gssCode: organisations.gssCode,
      name: organisations.name,
      startDate: organisations.startDate,
      endDate: organisations.endDate,
    })
    .from(organisations);
  const byCode = new Map<string, Org>();
  const byName = new Map<string, Org[]>();
  for (const o of all) {
    byCode.set(o.code.toLowerCase(), o);
    if (o.gssCode) byCode.set(o.gssCode.toLowerCase(), o);
    const key = o.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), o]);
  }
  return { byCode, byName };
}

/** A partner cell's entries → organisation codes, with an error for each one not found. */
function resolvePartners(
  entries: string[],
  startDate: string,
  directory: Directory,
  leadOrganisationId: number,
): { codes: string[]; errors: string[] } {
  const codes: string[] = [];
  const errors: string[] = [];
  const date = /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? startDate : null;
  for (const entry of entries) {
    const key = entry.trim().toLowerCase();
    if (!key) continue;
    let org = directory.byCode.get(key);
    if (!org) {
      const named = directory.byName.get(key.replace(/\s+/g, " ")) ?? [];
      const active = named.filter((o) => activeOnDate(o, date));
      const candidates = active.length ? active : named;
      if (candidates.length > 1) {
        errors.push(`More than one organisation is called “${entry.trim()}”: use its GSS code`);
        continue;
      }
      org = candidates[0];
    }
    if (!org) {
      errors.push(`No organisation has the GSS code or name “${entry.trim()}”`);
      continue;
    }
    if (org.id === leadOrganisationId) {
      errors.push("Your own organisation is the lead: list only the other partners");
      continue;
    }
    if (date && !activeOnDate(org, date)) {
      errors.push(`${org.name} was not operating on the start date: check the partner or the date`);
      continue;
    }
    codes.push(org.code);
  }
  return { codes, errors };
}

/* Parsing ----------------------------------------------------------------------------------- */

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
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const read = readCsvText(bytes);
  if (!read.ok) return fileFailure(read.message);

  let records: string[][];
  try {
    records = parse(read.text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fileFailure(`The file could not be read as CSV: ${detail}`);
  }

  const [headerRow, ...dataRows] = records;
  const headings = (headerRow ?? []).map((h) => h.trim());
  const normalised = headings.map(normaliseHeading);
  if (!normalised.includes("title"))
    return fileFailure(
      "The first row must be the column headings from the template, starting with “title”",
    );
  const unknown: string[] = [];
  const seen = new Set<string>();
  const savingsColumns: { index: number; year: number; heading: string }[] = [];
  const simpleColumns = new Map<number, (typeof IMPORT_COLUMNS)[number]>();
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
      else savingsColumns.push({ index, year, heading: headings[index]! });
      continue;
    }
    const column = IMPORT_COLUMNS.find((c) => c.column === name);
    if (!column) unknown.push(headings[index]!);
    else if (seen.has(name))
      return fileFailure(`The column “${headings[index]}” appears twice: keep only one`);
    else {
      seen.add(name);
      simpleColumns.set(index, column);
    }
  }
  if (unknown.length)
    return fileFailure(
      `Unknown column heading${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Use the headings from the template.`,
    );

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
    validateRow(
      cells,
      rowNumber,
      headings.length,
      simpleColumns,
      savingsColumns,
      directory,
      organisationId,
    ),
  );
  const validCount = rows.filter((r) => r.errors.length === 0).length;
  return { fileError: null, rows, validCount, errorCount: rows.length - validCount };
}

function validateRow(
  cells: string[],
  rowNumber: number,
  headingCount: number,
  simpleColumns: Map<number, (typeof IMPORT_COLUMNS)[number]>,
  savingsColumns: { index: number; year: number; heading: string }[],
  directory: Directory,
  leadOrganisationId: number,
): ImportRow {
  const errors: ImportError[] = [];
  const values: ArrangementFormValues = {
    ...EMPTY_FORM_VALUES,
    furtherCategories: [],
    partners: [],
    benefits: [],
    savingsYear: [],
    savingsAmount: [],
    savingsKind: [],
  };
  if (cells.length > headingCount && cells.slice(headingCount).some((c) => c.trim() !== ""))
    errors.push({
      column: "",
      message: `The row has ${cells.length} cells but there are only ${headingCount} column headings`,
    });

  for (const [index, column] of simpleColumns) {
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

  // Savings: one column per year, "actual: 1,250,000" or "forecast: £300,000".
  const savingsHeadingOf: string[] = [];
  const kindErrors = new Set<number>();
  for (const { index, year, heading } of savingsColumns) {
    const cell = (cells[index] ?? "").trim();
    if (!cell) continue;
    const match = SAVINGS_CELL.exec(cell);
    const i = values.savingsYear.length;
    savingsHeadingOf[i] = heading;
    values.savingsYear.push(String(year));
    values.savingsAmount.push(match ? match[2]!.trim() : cell);
    values.savingsKind.push(match ? match[1]!.toLowerCase() : "");
    if (!match) kindErrors.add(i);
  }

  // Partners by GSS code or exact name; the schema then sees codes.
  const partnerEntries = values.partners;
  const partners = resolvePartners(
    partnerEntries,
    values.startDate.trim(),
    directory,
    leadOrganisationId,
  );
  values.partners = partners.codes;

  const parsed = parseArrangementForm(values);
  const schemaErrors = parsed.ok ? {} : parsed.errors;
  const partnerColumn = FIELD_COLUMN.get("partners")!;
  for (const message of partners.errors) errors.push({ column: partnerColumn, message });

  for (const [key, message] of Object.entries(schemaErrors)) {
    const savings = /^savings\.(\d+)\.(year|amount|kind)$/.exec(key);
    if (savings) {
      const i = Number(savings[1]);
      const column = savingsHeadingOf[i] ?? "savings";
      if (savings[2] === "kind") {
        if (kindErrors.has(i))
          errors.push({
            column,
            message: "Start the amount with actual: or forecast:, like actual: 1,250,000",
          });
        else errors.push({ column, message });
      } else errors.push({ column, message });
      continue;
    }
    // An unresolved partner is already reported by name; the schema's "add a partner" is noise.
    if (key === "partners" && partners.errors.length) continue;
    errors.push({ column: FIELD_COLUMN.get(key) ?? "", message });
  }
  return { rowNumber, values: { ...values, partners: values.partners }, errors };
}

/* Signed preview token ------------------------------------------------------------------------ */

type TokenPayload = {
  /** The import's id: audit trail entity and idempotency key prefix. */
  id: string;
  userId: number;
  organisationId: number;
  fileName: string;
  issuedAt: number;
  /** The rows that were valid in the preview the user confirmed. */
  validRows: number[];
  /** The file, gzipped, base64url. */
  file: string;
};

function signingKey(): Buffer {
  return createHash("sha256").update(`csv-import:${env().NEXTAUTH_SECRET}`).digest();
}

function mac(body: string): string {
  return createHmac("sha256", signingKey()).update(body).digest("base64url");
}

/** The previewed file, signed for this user, to send back with "Import". */
export function signImport(
  user: CurrentUser,
  file: { bytes: Uint8Array; name: string },
  parsed: ImportParseResult,
  now: number = Date.now(),
): string {
  const payload: TokenPayload = {
    id: randomUUID(),
    userId: user.id,
    organisationId: user.organisationId ?? 0,
    fileName: file.name.slice(0, 200),
    issuedAt: now,
    validRows: parsed.rows.filter((r) => r.errors.length === 0).map((r) => r.rowNumber),
    file: gzipSync(file.bytes).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body)}`;
}

export type OpenedImport = {
  id: string;
  fileName: string;
  validRows: number[];
  bytes: Uint8Array;
};

/** The signed file back, or null if the token was altered, expired or is someone else's. */
export function openImport(
  token: string,
  user: CurrentUser,
  now: number = Date.now(),
): OpenedImport | null {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length) return null;
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as TokenPayload;
    if (payload.userId !== user.id || payload.organisationId !== (user.organisationId ?? 0))
      return null;
    if (!(now - payload.issuedAt <= IMPORT_TOKEN_TTL_MS)) return null;
    const bytes = gunzipSync(Buffer.from(payload.file, "base64url"), {
      maxOutputLength: IMPORT_MAX_BYTES + 1,
    });
    return {
      id: payload.id,
      fileName: payload.fileName,
      validRows: payload.validRows,
      bytes: new Uint8Array(bytes),
    };
  } catch {
    return null;
  }
}

/* Import -------------------------------------------------------------------------------------- */

export type ImportResult =
  | { ok: true; message: string; importId: string; arrangementIds: number[] }
  | {
      ok: false;
      reason: "not-found" | "nothing-to-import" | "invalid" | "already-imported";
      message: string;
      errors?: { rowNumber: number; column: string; message: string }[];
    };

class Refusal extends Error {
  constructor(readonly result: Extract<ImportResult, { ok: false }>) {
    super(result.message);
  }
}

const IMPORT_ID = /^[A-Za-z0-9-]{8,64}$/;

async function alreadyImported(importId: string): Promise<boolean> {
  const [row] = await db()
    .select({ id: arrangementRevisions.id })
    .from(arrangementRevisions)
    .where(like(arrangementRevisions.idempotencyKey, `import-${importId}-%`))
    .limit(1);
  return !!row;
}

/**
 * Creates every valid row as a draft arrangement led by the user's organisation, in one
 * transaction with one `arrangement.created` audit event each and an `arrangement.imported`
 * summary. Rows are validated again here, against the database as it is now: if any row
 * meant to be imported no longer passes, nothing is written. The same import sent twice
 * writes once (each revision's idempotency key is "import-<importId>-<row>").
 */
export async function importValidRows(
  user: CurrentUser,
  rows: ImportRow[],
  request: RequestInfo,
  options: { importId?: string; fileName?: string } = {},
): Promise<ImportResult> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return { ok: false, reason: "not-found", message: "Page not found" };
  const importId = options.importId ?? randomUUID();
  if (!IMPORT_ID.test(importId))
    return {
      ok: false,
      reason: "invalid",
      message: "This import has expired. Upload the file again.",
    };
  const chosen = rows.filter((r) => r.errors.length === 0);
  if (chosen.length === 0)
    return { ok: false, reason: "nothing-to-import", message: "There are no valid rows to import" };
  if (await alreadyImported(importId))
    return {
      ok: false,
      reason: "already-imported",
      message: "This file has already been imported",
    };

  for (let attempt = 0; ; attempt++) {
    try {
      return await db().transaction((tx) =>
        writeImport(tx, user, organisationId, importId, chosen, rows.length, request, options),
      );
    } catch (error) {
      if (error instanceof Refusal) return error.result;
      const constraint = uniqueViolation(error);
      if (constraint === null || attempt >= 3) throw error;
      if (await alreadyImported(importId))
        return {
          ok: false,
          reason: "already-imported",
          message: "This file has already been imported",
        };
      // Otherwise a slug taken by a parallel save: try again with the next free ones.
    }
  }
}

async function writeImport(
  tx: Tx,
  user: CurrentUser,
  organisationId: number,
  importId: string,
  chosen: ImportRow[],
  totalRows: number,
  request: RequestInfo,
  options: { fileName?: string },
): Promise<ImportResult> {
  // Re-validate every row against the database as it is inside this transaction.
  const directory = await loadDirectory(tx);
  const categories = await tx
    .select({ id: serviceCategories.id, slug: serviceCategories.slug })
    .from(serviceCategories);
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  const problems: { rowNumber: number; column: string; message: string }[] = [];
  const inputs: { row: ImportRow; input: ArrangementInput; partnerIds: number[] }[] = [];
  for (const row of chosen) {
    const parsed = parseArrangementForm(row.values);
    if (!parsed.ok) {
      for (const [key, message] of Object.entries(parsed.errors))
        problems.push({ rowNumber: row.rowNumber, column: FIELD_COLUMN.get(key) ?? key, message });
      continue;
    }
    const input = parsed.data;
    const resolved = resolvePartners(
      input.partners,
      input.startDate ?? "",
      directory,
      organisationId,
    );
    for (const message of resolved.errors)
      problems.push({ rowNumber: row.rowNumber, column: "partners", message });
    const slugs = [input.mainCategory, ...input.furtherCategories];
    if (slugs.some((s) => !categoryId.has(s)))
      problems.push({
        rowNumber: row.rowNumber,
        column: "main_category",
        message: "Select a service category from the list",
      });
    inputs.push({
      row,
      input,
      partnerIds: resolved.codes.map((code) => directory.byCode.get(code.toLowerCase())!.id),
    });
  }
  if (problems.length)
    throw new Refusal({
      ok: false,
      reason: "invalid",
      message: `${problems.length === 1 ? "A row has" : "Some rows have"} changed since the preview, so nothing was imported. Check the file and try again.`,
      errors: problems,
    });

  // Batched inserts (a file may hold thousands of rows); the same data as createArrangement.
  const slugs = await freeSlugs(
    tx,
    inputs.map((i) => i.input.title),
  );
  // In chunks: one INSERT is limited to 65,535 parameters, and a file may hold 10,000 rows.
  const idBySlug = new Map<string, number>();
  for (const part of chunks(slugs, 1000)) {
    const created = await tx
      .insert(arrangements)
      .values(
        part.map((slug) => ({
          slug,
          leadOrganisationId: organisationId,
          createdById: user.id,
          updatedById: user.id,
        })),
      )
      .returning({ id: arrangements.id, slug: arrangements.slug });
    for (const a of created) idBySlug.set(a.slug, a.id);
  }
  const arrangementIds = slugs.map((slug) => idBySlug.get(slug)!);

  const revisionByArrangement = new Map<number, number>();
  const revisionValues = inputs.map(({ row, input }, i) => ({
    arrangementId: arrangementIds[i]!,
    version: 1,
    title: input.title,
    description: input.description,
    mainCategoryId: categoryId.get(input.mainCategory)!,
    stage: input.stage,
    startDate: input.startDate,
    endDate: input.endDate,
    benefits: input.benefits,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    noSavingsReason: input.noSavingsReason,
    state: "draft" as const,
    authorId: user.id,
    idempotencyKey: `import-${importId}-${row.rowNumber}`,
  }));
  for (const part of chunks(revisionValues, 1000)) {
    const revisions = await tx.insert(arrangementRevisions).values(part).returning({
      id: arrangementRevisions.id,
      arrangementId: arrangementRevisions.arrangementId,
    });
    for (const r of revisions) revisionByArrangement.set(r.arrangementId, r.id);
  }
  const revisionIds = arrangementIds.map((id) => revisionByArrangement.get(id)!);

  const partnerRows = inputs.flatMap(({ partnerIds }, i) => [
    { revisionId: revisionIds[i]!, organisationId, role: "lead" as const },
    ...partnerIds.map((id) => ({
      revisionId: revisionIds[i]!,
      organisationId: id,
      role: "partner" as const,
    })),
  ]);
  for (const part of chunks(partnerRows)) await tx.insert(revisionPartners).values(part);
  const categoryRows = inputs.flatMap(({ input }, i) =>
    input.furtherCategories.map((s) => ({
      revisionId: revisionIds[i]!,
      categoryId: categoryId.get(s)!,
    })),
  );
  for (const part of chunks(categoryRows)) await tx.insert(revisionCategories).values(part);
  const savingsRows = inputs.flatMap(({ input }, i) =>
    input.savings.map((s) => ({ revisionId: revisionIds[i]!, ...s })),
  );
  for (const part of chunks(savingsRows)) await tx.insert(revisionSavings).values(part);

  // One arrangement.created event per arrangement, as saveDraft writes it, marked as imported.
  const events = inputs.map(({ row, input }, i) => ({
    actorUserId: user.id,
    organisationId,
    action: "arrangement.created",
    entityType: "arrangement",
    entityId: String(arrangementIds[i]),
    before: null,
    after: {
      slug: slugs[i],
      revisionId: revisionIds[i],
      ...auditContent(input, 1),
      source: "csv-import",
      importId,
      rowNumber: row.rowNumber,
    },
    requestId: request.requestId,
  }));
  for (const part of chunks(events, 500)) await tx.insert(auditEvents).values(part);
  await recordAudit(tx, {
    actorUserId: user.id,
    organisationId,
    action: "arrangement.imported",
    entityType: "arrangement_import",
    entityId: importId,
    after: {
      fileName: options.fileName ?? null,
      rowsInFile: totalRows,
      imported: arrangementIds.length,
      arrangementIds,
      rowNumbers: inputs.map((i) => i.row.rowNumber),
    },
    requestId: request.requestId,
  });
  return {
    ok: true,
    message: `${arrangementIds.length} ${arrangementIds.length === 1 ? "arrangement was" : "arrangements were"} imported as drafts`,
    importId,
    arrangementIds,
  };
}
