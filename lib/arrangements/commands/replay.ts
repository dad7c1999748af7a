import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { arrangementRevisions, arrangements } from "@/db/schema";
import { notFound, type CommandResult } from "@/lib/commands/result";
import { readArrangementState, readRevisionContent } from "../queries";
import { parseDraftForm, revisionToFormValues, type DraftInput } from "../schema";
import { conflictWith, type ArrangementFailure } from "./failures";
import type { SavedDraft } from "./save-draft";

/*
 * Idempotent saves. Every rendered form carries a token, stored on the revision it wrote
 * (unique in the database), so the same form sent twice — a double click, a retry, two
 * parallel requests — writes once, and the repeat answers with the first one's result.
 */

/** The answer to a repeat of a save already made with this token, if there was one. */
export async function replay(
  reader: DbOrTx,
  key: string,
  organisationId: number,
  values: DraftInput,
): Promise<CommandResult<SavedDraft, ArrangementFailure> | null> {
  const [row] = await reader
    .select({
      arrangementId: arrangements.id,
      slug: arrangements.slug,
      leadOrganisationId: arrangements.leadOrganisationId,
      lockVersion: arrangements.lockVersion,
      revisionId: arrangementRevisions.id,
      version: arrangementRevisions.version,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .where(eq(arrangementRevisions.idempotencyKey, key));
  if (!row) return null;
  // A token is a random UUID per rendered form; another organisation's cannot be reused.
  if (row.leadOrganisationId !== organisationId) return notFound();
  // The same form sent again with other values (Back, edit, save) is not a repeat: the record
  // has moved on since that form was loaded, so it is answered as a conflict, nothing lost.
  const stored = await readRevisionContent(reader, row.revisionId);
  const again = stored ? parseDraftForm(revisionToFormValues(stored)) : null;
  if (!again?.ok || sameContent(again.data, values) === false) {
    const state = await readArrangementState(reader, row.arrangementId);
    if (state) return conflictWith(reader, state);
  }
  return {
    ok: true,
    message: "Your draft has been saved",
    arrangementId: row.arrangementId,
    slug: row.slug,
    revisionId: row.revisionId,
    version: row.version,
    baseVersion: row.lockVersion,
    created: false,
    replayed: true,
  };
}

/** Equal content whatever the order of partners, categories, benefits and savings rows. */
function sameContent(a: DraftInput, b: DraftInput): boolean {
  const canonical = (v: DraftInput) =>
    JSON.stringify(
      {
        ...v,
        partners: [...v.partners].sort(),
        furtherCategories: [...v.furtherCategories].sort(),
        benefits: [...v.benefits].sort(),
        savings: [...v.savings].sort((x, y) => x.financialYear - y.financialYear),
      },
      (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x),
    );
  return canonical(a) === canonical(b);
}
