import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  arrangementRevisions,
  organisations,
  revisionCategories,
  revisionPartners,
  revisionSavings,
  serviceCategories,
} from "@/db/schema";
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

function readFurtherCategories(reader: DbOrTx, ids: number[]) {
  return reader
    .select({ revisionId: revisionCategories.revisionId, slug: serviceCategories.slug })
    .from(revisionCategories)
    .innerJoin(serviceCategories, eq(serviceCategories.id, revisionCategories.categoryId))
    .where(inArray(revisionCategories.revisionId, ids))
    .orderBy(asc(serviceCategories.sortOrder));
}

function readPartners(reader: DbOrTx, ids: number[]) {
  return reader
    .select({
      revisionId: revisionPartners.revisionId,
      code: organisations.code,
      name: organisations.name,
    })
    .from(revisionPartners)
    .innerJoin(organisations, eq(organisations.id, revisionPartners.organisationId))
    .where(and(inArray(revisionPartners.revisionId, ids), eq(revisionPartners.role, "partner")))
    .orderBy(asc(organisations.name));
}

function readSavings(reader: DbOrTx, ids: number[]) {
  return reader
    .select({
      revisionId: revisionSavings.revisionId,
      financialYear: revisionSavings.financialYear,
      amountPence: revisionSavings.amountPence,
      kind: revisionSavings.kind,
    })
    .from(revisionSavings)
    .where(inArray(revisionSavings.revisionId, ids))
    .orderBy(asc(revisionSavings.financialYear));
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
