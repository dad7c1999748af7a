import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { arrangementRevisions, serviceCategories } from "@/db/schema";
import {
  readFurtherCategories,
  readPartners,
  readSavings,
} from "@/lib/arrangements/revision-content";
import { revisionContentColumns } from "@/lib/arrangements/revision-rows";
import type { RevisionSnapshot } from "./diff";

/*
 * Revisions as the diff compares them (lib/review/diff.ts): partner names rather than ids, in
 * four queries however many revisions are asked for. The caller decides which revisions may be
 * read: the review pages read submissions for administrators; the public history reads only
 * revisions that were published.
 */

function readRevisions(reader: DbOrTx, ids: number[]) {
  return reader
    .select({ id: arrangementRevisions.id, ...revisionContentColumns })
    .from(arrangementRevisions)
    .innerJoin(serviceCategories, eq(serviceCategories.id, arrangementRevisions.mainCategoryId))
    .where(inArray(arrangementRevisions.id, ids));
}

export async function readSnapshots(
  reader: DbOrTx,
  revisionIds: number[],
): Promise<Map<number, RevisionSnapshot>> {
  const ids = [...new Set(revisionIds)];
  const out = new Map<number, RevisionSnapshot>();
  if (ids.length === 0) return out;
  const revisions = await readRevisions(reader, ids);
  const further = await readFurtherCategories(reader, ids);
  const partners = await readPartners(reader, ids);
  const savings = await readSavings(reader, ids);
  for (const { id, stage, ...revision } of revisions) {
    out.set(id, {
      ...revision,
      // Read only for submitted and published revisions, which always have a stage (the
      // database's arrangement_revisions_complete_check); only a draft may lack one.
      stage: stage ?? "",
      furtherCategories: further.filter((c) => c.revisionId === id).map((c) => c.slug),
      partners: partners
        .filter((p) => p.revisionId === id)
        .map(({ revisionId: _revision, ...partner }) => partner),
      savings: savings
        .filter((s) => s.revisionId === id)
        .map(({ revisionId: _revision, ...line }) => line),
    });
  }
  return out;
}

/** A snapshot as an audit event keeps it: money as strings in pence (JSON has no bigint). */
export function snapshotForAudit(snapshot: RevisionSnapshot | null | undefined) {
  if (!snapshot) return null;
  return {
    title: snapshot.title,
    mainCategory: snapshot.mainCategory,
    furtherCategories: snapshot.furtherCategories,
    stage: snapshot.stage,
    startDate: snapshot.startDate,
    endDate: snapshot.endDate,
    partners: snapshot.partners.map((p) => p.code),
    savings: snapshot.savings.map((s) => ({
      financialYear: s.financialYear,
      amountPence: s.amountPence.toString(),
      kind: s.kind,
    })),
    noSavingsReason: snapshot.noSavingsReason,
    benefits: snapshot.benefits,
  };
}
