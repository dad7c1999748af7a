import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { arrangementRevisions, arrangements, revisionPartners } from "@/db/schema";

/*
 * Which revision a partner organisation answers about: the one waiting for review, when it
 * names the organisation, else the published one, when that names it. A draft is the lead's
 * own and never shown to a partner; an organisation named by neither is not a partner, and is
 * answered as if the arrangement did not exist.
 */

export type AskedRevision = {
  arrangementId: number;
  revisionId: number;
  version: number;
  state: "submitted" | "approved";
  slug: string;
  leadOrganisationId: number;
  publishedRevisionId: number | null;
  /** The published revision names the organisation: its answer shows on the public page. */
  namedInPublished: boolean;
};

export async function askedRevision(
  reader: DbOrTx,
  arrangementId: number,
  organisationId: number,
): Promise<AskedRevision | null> {
  if (!Number.isSafeInteger(arrangementId) || arrangementId <= 0) return null;
  const rows = await reader
    .select({
      arrangementId: arrangements.id,
      revisionId: arrangementRevisions.id,
      version: arrangementRevisions.version,
      state: arrangementRevisions.state,
      slug: arrangements.slug,
      leadOrganisationId: arrangements.leadOrganisationId,
      publishedRevisionId: arrangements.publishedRevisionId,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(
      revisionPartners,
      and(
        eq(revisionPartners.revisionId, arrangementRevisions.id),
        eq(revisionPartners.organisationId, organisationId),
        eq(revisionPartners.role, "partner"),
      ),
    )
    .where(
      and(
        eq(arrangementRevisions.arrangementId, arrangementId),
        or(
          eq(arrangementRevisions.state, "submitted"),
          eq(arrangementRevisions.id, sql`${arrangements.publishedRevisionId}`),
        ),
      ),
    );
  const chosen = rows.find((r) => r.state === "submitted") ?? rows[0];
  if (!chosen) return null;
  return {
    ...chosen,
    state: chosen.state === "submitted" ? "submitted" : "approved",
    namedInPublished: rows.some((r) => r.revisionId === r.publishedRevisionId),
  };
}
