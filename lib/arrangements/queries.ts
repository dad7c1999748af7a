import "server-only";
import { desc, eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { arrangementRevisions, arrangements, organisations } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { actsFor } from "@/lib/organisations/acting-for";
import { readRevisionContent } from "./revision-content";
import { revisionToFormValues, type ArrangementFormValues } from "./schema";
import { workspaceStatus, type WorkspaceStatus } from "./state";
import { editorOrganisation } from "./workspace";

/*
 * Reads for the council workspace. Every function that takes a user answers only about the
 * arrangements the user's own organisation leads, or leads by having taken over from their lead
 * (lib/organisations/acting-for.ts); any other reads as null, exactly like one that does not exist. The list is ./workspace.ts and the partner choices
 * ./partner-options.ts, re-exported here so callers import the workspace's reads from one place.
 */

export { activeOn, partnerOptions, type PartnerOption } from "./partner-options";
export { readRevisionContent, readRevisionContents } from "./revision-content";
export {
  editorOrganisation,
  listWorkspace,
  type PartnerItem,
  type Workspace,
  type WorkspaceItem,
} from "./workspace";

/* One arrangement for editing ----------------------------------------------------------------- */

export type ArrangementState = {
  arrangementId: number;
  slug: string;
  leadOrganisationId: number;
  isIllustrative: boolean;
  lockVersion: number;
  updatedAt: Date;
  updatedById: number | null;
  publishedRevisionId: number | null;
  status: WorkspaceStatus;
  newest: {
    id: number;
    version: number;
    state: "draft" | "submitted" | "approved" | "rejected" | "superseded";
    reviewNote: string | null;
    reviewedAt: Date | null;
    submittedAt: Date | null;
    idempotencyKey: string | null;
  };
  /** The revision an edit form starts from: the open or rejected one, else the published one. */
  editableRevisionId: number;
};

/** Reads an arrangement's workspace state; `lock` takes the row lock for a command. */
export async function readArrangementState(
  reader: DbOrTx,
  arrangementId: number,
  options: { lock?: boolean } = {},
): Promise<ArrangementState | null> {
  const query = reader
    .select({
      arrangementId: arrangements.id,
      slug: arrangements.slug,
      leadOrganisationId: arrangements.leadOrganisationId,
      isIllustrative: arrangements.isIllustrative,
      lockVersion: arrangements.lockVersion,
      updatedAt: arrangements.updatedAt,
      updatedById: arrangements.updatedById,
      publishedRevisionId: arrangements.publishedRevisionId,
    })
    .from(arrangements)
    .where(eq(arrangements.id, arrangementId));
  const [arrangement] = options.lock ? await query.for("update") : await query;
  if (!arrangement) return null;

  const [newest] = await reader
    .select({
      id: arrangementRevisions.id,
      version: arrangementRevisions.version,
      state: arrangementRevisions.state,
      reviewNote: arrangementRevisions.reviewNote,
      reviewedAt: arrangementRevisions.reviewedAt,
      submittedAt: arrangementRevisions.submittedAt,
      idempotencyKey: arrangementRevisions.idempotencyKey,
      discardedAt: arrangementRevisions.discardedAt,
    })
    .from(arrangementRevisions)
    .where(eq(arrangementRevisions.arrangementId, arrangementId))
    .orderBy(desc(arrangementRevisions.version))
    .limit(1);
  if (!newest) return null;

  const published = arrangement.publishedRevisionId !== null;
  const status = workspaceStatus({
    published,
    latestState: newest.state,
    latestDiscarded: newest.discardedAt !== null,
  });
  const { discardedAt: _discarded, ...newestFields } = newest;
  return {
    ...arrangement,
    status,
    newest: newestFields,
    editableRevisionId:
      status === "published" && arrangement.publishedRevisionId !== null
        ? arrangement.publishedRevisionId
        : newest.id,
  };
}

export type ArrangementForEdit = {
  arrangementId: number;
  slug: string;
  status: WorkspaceStatus;
  /** Submitted revisions are read-only to the editor until withdrawn. */
  editable: boolean;
  /** Send back with every command on this arrangement: it detects any change since loading. */
  baseVersion: number;
  isIllustrative: boolean;
  lead: { id: number; code: string; name: string };
  values: ArrangementFormValues;
  /** The revision the values come from. */
  revision: { id: number; version: number; state: ArrangementState["newest"]["state"] };
  /** Shown prominently when the newest revision was rejected. */
  reviewNote: string | null;
  reviewedAt: Date | null;
  publishedRevisionId: number | null;
};

/** The arrangement as its edit form shows it; null when it is not the user's organisation's. */
export async function getForEdit(
  user: CurrentUser,
  arrangementId: number,
): Promise<ArrangementForEdit | null> {
  const organisationId = editorOrganisation(user);
  if (organisationId === null || !Number.isSafeInteger(arrangementId)) return null;
  return db().transaction(
    async (tx) => {
      const state = await readArrangementState(tx, arrangementId);
      if (!state || !(await actsFor(tx, organisationId, state.leadOrganisationId))) return null;
      const [content, [lead], [revision]] = await Promise.all([
        readRevisionContent(tx, state.editableRevisionId),
        tx
          .select({ id: organisations.id, code: organisations.code, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.id, state.leadOrganisationId)),
        tx
          .select({
            id: arrangementRevisions.id,
            version: arrangementRevisions.version,
            state: arrangementRevisions.state,
          })
          .from(arrangementRevisions)
          .where(eq(arrangementRevisions.id, state.editableRevisionId)),
      ]);
      if (!content || !lead || !revision) return null;
      const rejected = state.status.endsWith("rejected");
      return {
        arrangementId: state.arrangementId,
        slug: state.slug,
        status: state.status,
        editable: !state.status.endsWith("submitted"),
        baseVersion: state.lockVersion,
        isIllustrative: state.isIllustrative,
        lead,
        values: revisionToFormValues(content),
        revision,
        reviewNote: rejected ? state.newest.reviewNote : null,
        reviewedAt: rejected ? state.newest.reviewedAt : null,
        publishedRevisionId: state.publishedRevisionId,
      };
    },
    // One snapshot for the several reads, so the values and baseVersion agree.
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
