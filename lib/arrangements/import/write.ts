import "server-only";
import { randomUUID } from "node:crypto";
import { like } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { arrangementRevisions, serviceCategories } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { refuse } from "@/lib/commands/refusal";
import type { CommandResult, Failure } from "@/lib/commands/result";
import { transact } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import { insertDraftArrangements, type NewDraft } from "../insert-drafts";
import { editorOrganisation } from "../queries";
import { parseArrangementForm } from "../schema";
import { FIELD_COLUMN } from "./columns";
import { leadLifetimeProblem, loadDirectory, resolvePartners } from "./directory";
import type { ImportRow } from "./parse";

export type ImportRowError = { rowNumber: number; column: string; message: string };

export type ImportFailure = Failure<
  "not-found" | "nothing-to-import" | "invalid" | "already-imported",
  { errors?: ImportRowError[] }
>;

export type ImportResult = CommandResult<
  { importId: string; arrangementIds: number[] },
  ImportFailure
>;

const IMPORT_ID = /^[A-Za-z0-9-]{8,64}$/;

function failure(reason: ImportFailure["reason"], message: string): ImportFailure {
  return { ok: false, reason, message };
}

const ALREADY_IMPORTED = failure("already-imported", "This file has already been imported");

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
  options: { importId?: string; fileName?: string; matches?: Record<string, string> } = {},
): Promise<ImportResult> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null) return failure("not-found", "Page not found");
  const importId = options.importId ?? randomUUID();
  if (!IMPORT_ID.test(importId))
    return failure("invalid", "This import has expired. Upload the file again.");
  const chosen = rows.filter((r) => r.errors.length === 0);
  if (chosen.length === 0) return failure("nothing-to-import", "There are no valid rows to import");
  if (await alreadyImported(importId)) return ALREADY_IMPORTED;

  // A unique violation is the same import sent in parallel (then it has been imported), or
  // a slug taken by a parallel save: then the next attempt takes the next free ones.
  return transact<{ importId: string; arrangementIds: number[] }, ImportFailure>(
    {
      request,
      afterRace: async () => ((await alreadyImported(importId)) ? ALREADY_IMPORTED : null),
    },
    async (cx) => {
      const drafts = await revalidate(cx.tx, organisationId, importId, chosen);
      const created = await insertDraftArrangements(cx, user, organisationId, drafts, "imported");
      const arrangementIds = created.map((c) => c.arrangementId);
      await cx.audit({
        actorUserId: user.id,
        organisationId,
        action: "arrangement.imported",
        entityType: "arrangement_import",
        entityId: importId,
        after: {
          fileName: options.fileName ?? null,
          rowsInFile: rows.length,
          imported: arrangementIds.length,
          arrangementIds,
          rowNumbers: chosen.map((r) => r.rowNumber),
          // Partner names the officer matched in the preview: name → organisation code.
          ...(options.matches && Object.keys(options.matches).length
            ? { partnerMatches: options.matches }
            : {}),
        },
      });
      return {
        ok: true,
        message: `${arrangementIds.length} ${arrangementIds.length === 1 ? "arrangement was" : "arrangements were"} imported as drafts`,
        importId,
        arrangementIds,
      };
    },
  );
}

/**
 * Every row again, against the database as it is inside this transaction: the drafts to
 * write, or a refusal listing what changed since the preview.
 */
async function revalidate(
  tx: Tx,
  organisationId: number,
  importId: string,
  chosen: ImportRow[],
): Promise<NewDraft[]> {
  const directory = await loadDirectory(tx);
  const categories = await tx
    .select({ id: serviceCategories.id, slug: serviceCategories.slug })
    .from(serviceCategories);
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));
  const problems: ImportRowError[] = [];
  const drafts: NewDraft[] = [];
  for (const { rowNumber, values } of chosen) {
    const parsed = parseArrangementForm(values);
    if (!parsed.ok) {
      for (const [key, message] of Object.entries(parsed.errors))
        problems.push({ rowNumber, column: FIELD_COLUMN.get(key) ?? key, message });
      continue;
    }
    const input = parsed.data;
    const partners = resolvePartners(
      input.partners,
      input.startDate ?? "",
      directory,
      organisationId,
    );
    for (const { message } of partners.errors)
      problems.push({ rowNumber, column: "partners", message });
    const leadProblem = leadLifetimeProblem(directory, organisationId, input.startDate ?? "");
    if (leadProblem) problems.push({ rowNumber, column: "start_date", message: leadProblem });
    if ([input.mainCategory, ...input.furtherCategories].some((s) => !categoryId.has(s)))
      problems.push({
        rowNumber,
        column: "main_category",
        message: "Select a service category from the list",
      });
    drafts.push({
      input,
      refs: {
        mainCategoryId: categoryId.get(input.mainCategory)!,
        furtherCategoryIds: input.furtherCategories.map((s) => categoryId.get(s)!),
        partnerIds: partners.codes.map((code) => directory.byCode.get(code.toLowerCase())!.id),
      },
      idempotencyKey: `import-${importId}-${rowNumber}`,
      audit: { source: "csv-import", importId, rowNumber },
    });
  }
  if (problems.length) {
    const changed: ImportFailure = {
      ok: false,
      reason: "invalid",
      message: `${problems.length === 1 ? "A row has" : "Some rows have"} changed since the preview, so nothing was imported. Check the file and try again.`,
      errors: problems,
    };
    refuse(changed);
  }
  return drafts;
}
