import "server-only";
import type { CurrentUser } from "@/lib/auth/access";
import {
  IMPORT_MAX_BYTES,
  importValidRows,
  openImport,
  isXlsxName,
  parseImportFile,
  signImport,
  type ImportParseResult,
  type OpenedImport,
} from "@/lib/arrangements/import";
import { PREVIEW_ROWS, type ImportState } from "./state";

type Step = {
  step: "preview" | "import";
  token?: string;
  matchKey: string[];
  matchCode: string[];
};

/** The officer's choices in the preview: partner name (as compared) → organisation code. */
function chosenMatches(input: Step): Map<string, string> {
  const matches = new Map<string, string>();
  input.matchKey.forEach((key, i) => {
    const code = input.matchCode[i];
    if (code) matches.set(key, code);
  });
  return matches;
}

/**
 * Whether the rows valid now are those the officer saw: every row valid in the preview, and
 * besides those only rows that a chosen partner made valid.
 */
function sameAsPreviewed(parsed: ImportParseResult, opened: OpenedImport): boolean {
  const valid = new Set(parsed.rows.filter((r) => r.errors.length === 0).map((r) => r.rowNumber));
  const allowed = new Set([...opened.validRows, ...opened.matchableRows]);
  return opened.validRows.every((r) => valid.has(r)) && [...valid].every((r) => allowed.has(r));
}

function previewState(parsed: ImportParseResult, fileName: string, token: string): ImportState {
  return {
    step: "preview",
    fileName,
    token,
    rowCount: parsed.rows.length,
    validCount: parsed.validCount,
    errorCount: parsed.errorCount,
    unmatched: parsed.unmatched.map(({ entry, key, rows, options }) => ({
      entry,
      key,
      rows,
      options: options.map(({ code, label }) => ({ code, label })),
    })),
    matchableCount: parsed.matchableRows.length,
    // A 10,000-row file is not sent back whole: the first rows and every row with a problem.
    rows: parsed.rows
      .filter((r, i) => i < PREVIEW_ROWS || r.errors.length > 0)
      .map((r) => ({
        rowNumber: r.rowNumber,
        title: r.values.title.trim(),
        mainCategory: r.values.mainCategory,
        partners: r.values.partners,
        savingsYears: r.values.savingsYear.length,
        errors: r.errors,
      })),
  };
}

/** The import page's two steps: upload a file for a preview, then import its valid rows. */
export async function runImportStep(
  user: CurrentUser,
  request: { requestId: string | null },
  input: Step,
  formData: FormData,
): Promise<ImportState> {
  if (input.step === "import") {
    const opened = input.token ? openImport(input.token, user) : null;
    if (!opened)
      return { message: "This preview has expired. Upload the file again to import it." };
    const matches = chosenMatches(input);
    const parsed = await parseImportFile(opened.bytes, user, {
      fileName: opened.fileName,
      matches,
    });
    if (parsed.fileError) return { message: parsed.fileError };
    if (!sameAsPreviewed(parsed, opened)) {
      const fresh = await parseImportFile(opened.bytes, user, { fileName: opened.fileName });
      return {
        ...previewState(
          fresh,
          opened.fileName,
          signImport(user, { bytes: opened.bytes, name: opened.fileName }, fresh),
        ),
        message:
          "Some rows changed since the preview (for example a partner organisation). Nothing was imported: check the preview again.",
      };
    }
    const result = await importValidRows(user, parsed.rows, request, {
      importId: opened.id,
      fileName: opened.fileName,
      matches: Object.fromEntries(matches),
    });
    if (result.ok)
      return {
        ok: true,
        step: "done",
        message: result.message,
        arrangementIds: result.arrangementIds,
      };
    if (result.reason === "already-imported")
      return { ok: true, step: "done", message: result.message };
    return {
      ...previewState(parsed, opened.fileName, input.token!),
      message: result.message,
      importErrors: result.errors,
    };
  }

  const file = formData.get("file");
  if (!(file instanceof File) || (file.size === 0 && !file.name))
    return { errors: { file: "Select a CSV or Excel (.xlsx) file" } };
  if (/\.(xlsm|xltm|xlam)$/i.test(file.name))
    return {
      errors: {
        file: "Workbooks with macros (.xlsm) are not accepted. In Excel choose File, Save As, and “Excel Workbook (.xlsx)”, then upload that copy.",
      },
    };
  if (/\.xls$/i.test(file.name))
    return {
      errors: {
        file: "Old-style Excel files (.xls) cannot be read. In Excel choose File, Save As, and “Excel Workbook (.xlsx)”, then upload that copy.",
      },
    };
  if (!/\.csv$/i.test(file.name) && !isXlsxName(file.name))
    return {
      errors: { file: "The selected file must be a CSV file (.csv) or an Excel workbook (.xlsx)" },
    };
  if (file.size > IMPORT_MAX_BYTES)
    return {
      errors: {
        file: `The file must be 5 MB or smaller. This one is ${(file.size / (1024 * 1024)).toFixed(1)} MB: split it into smaller files.`,
      },
    };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = await parseImportFile(bytes, user, { fileName: file.name });
  if (parsed.fileError) return { errors: { file: parsed.fileError } };
  return previewState(parsed, file.name, signImport(user, { bytes, name: file.name }, parsed));
}
