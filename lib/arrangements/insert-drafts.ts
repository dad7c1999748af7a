import "server-only";
import type { CurrentUser } from "@/lib/auth/access";
import type { CommandContext } from "@/lib/commands/transact";
import { arrangementRevisions, arrangements } from "@/db/schema";
import { recordContributions, type ContributionKind } from "./contributions";
import { draftRevision, insertRevisionChildren, type RevisionReferences } from "./revision-rows";
import type { DraftInput } from "./schema";
import { auditContent, chunks, freeSlugs } from "./shared";

/*
 * The one way an arrangement comes into being: with draft v1, led by the user's organisation,
 * and an `arrangement.created` audit event. Saving a new form creates one; a CSV import
 * creates thousands in one transaction — both through insertDraftArrangements.
 */

export type NewDraft = {
  input: DraftInput;
  refs: RevisionReferences;
  /** Stored on the revision (unique): the same form or import row sent twice writes once. */
  idempotencyKey: string;
  /** Added to the audit event (an import's id and row). */
  audit?: Record<string, unknown>;
};

export type CreatedDraft = {
  arrangementId: number;
  slug: string;
  revisionId: number;
  /** The new arrangement's lock_version: the next form's baseVersion. */
  lockVersion: number;
};

/** Rows per INSERT for arrangements and revisions (65,535 parameters at most). */
const BATCH = 1000;

export async function insertDraftArrangements(
  cx: CommandContext,
  user: CurrentUser,
  organisationId: number,
  drafts: NewDraft[],
  kind: Extract<ContributionKind, "created" | "imported"> = "created",
): Promise<CreatedDraft[]> {
  const slugs = await freeSlugs(
    cx.tx,
    drafts.map((d) => d.input.title),
  );
  const made = await insertArrangements(cx, user, organisationId, slugs);
  const revisionIds = await insertRevisions(cx, user, drafts, made);
  await insertRevisionChildren(
    cx.tx,
    organisationId,
    drafts.map(({ input, refs }, i) => ({ revisionId: revisionIds[i]!, refs, input })),
  );
  await recordContributions(cx.tx, user.id, kind, revisionIds);
  const created = made.map((a, i) => ({ ...a, revisionId: revisionIds[i]! }));
  await cx.auditAll(
    drafts.map((draft, i) => ({
      actorUserId: user.id,
      organisationId,
      action: "arrangement.created",
      entityType: "arrangement",
      entityId: created[i]!.arrangementId,
      after: {
        slug: created[i]!.slug,
        revisionId: created[i]!.revisionId,
        ...auditContent(draft.input, 1),
        ...draft.audit,
      },
    })),
  );
  return created;
}

/** One arrangement per slug, in the slugs' order. */
async function insertArrangements(
  cx: CommandContext,
  user: CurrentUser,
  organisationId: number,
  slugs: string[],
): Promise<Omit<CreatedDraft, "revisionId">[]> {
  const bySlug = new Map<string, Omit<CreatedDraft, "revisionId">>();
  for (const part of chunks(slugs, BATCH)) {
    const rows = await cx.tx
      .insert(arrangements)
      .values(
        part.map((slug) => ({
          slug,
          leadOrganisationId: organisationId,
          createdById: user.id,
          updatedById: user.id,
        })),
      )
      .returning({
        arrangementId: arrangements.id,
        slug: arrangements.slug,
        lockVersion: arrangements.lockVersion,
      });
    for (const row of rows) bySlug.set(row.slug, row);
  }
  return slugs.map((slug) => bySlug.get(slug)!);
}

/** Draft v1 of each arrangement; their ids, in the drafts' order. */
async function insertRevisions(
  cx: CommandContext,
  user: CurrentUser,
  drafts: NewDraft[],
  made: { arrangementId: number }[],
): Promise<number[]> {
  const values = drafts.map((d, i) =>
    draftRevision(made[i]!.arrangementId, 1, d.input, d.refs, user.id, d.idempotencyKey),
  );
  const byArrangement = new Map<number, number>();
  for (const part of chunks(values, BATCH)) {
    const rows = await cx.tx.insert(arrangementRevisions).values(part).returning({
      id: arrangementRevisions.id,
      arrangementId: arrangementRevisions.arrangementId,
    });
    for (const row of rows) byArrangement.set(row.arrangementId, row.id);
  }
  return made.map((a) => byArrangement.get(a.arrangementId)!);
}
