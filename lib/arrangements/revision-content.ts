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
import { revisionContentColumns } from "./revision-rows";
import type { StoredRevisionContent } from "./schema";
import { chunks } from "./shared";

/* A stored revision's content as a form shows it: for editing, submitting and the workspace. */

/** A stored revision with its partner codes, category slugs and savings, as a form shows it. */
export async function readRevisionContent(
  reader: DbOrTx,
  revisionId: number,
): Promise<StoredRevisionContent | null> {
  return (await readRevisionContents(reader, [revisionId])).get(revisionId) ?? null;
}

/** Many revisions' content in four queries per few thousand (the workspace's drafts). */
export async function readRevisionContents(
  reader: DbOrTx,
  revisionIds: number[],
): Promise<Map<number, StoredRevisionContent>> {
  const out = new Map<number, StoredRevisionContent>();
  for (const ids of chunks([...new Set(revisionIds)], 5000)) {
    const [revisions, further, partners, savings] = await Promise.all([
      reader
        .select({ id: arrangementRevisions.id, ...revisionContentColumns })
        .from(arrangementRevisions)
        // A left join: a draft saved before its main category was chosen has none.
        .leftJoin(serviceCategories, eq(serviceCategories.id, arrangementRevisions.mainCategoryId))
        .where(inArray(arrangementRevisions.id, ids)),
      readFurtherCategories(reader, ids),
      readPartners(reader, ids),
      readSavings(reader, ids),
    ]);
    for (const { id, ...revision } of revisions)
      out.set(id, { ...revision, furtherCategories: [], partners: [], savings: [] });
    for (const c of further) out.get(c.revisionId)?.furtherCategories.push(c.slug);
    for (const p of partners) out.get(p.revisionId)?.partners.push(p.code);
    for (const { revisionId, ...line } of savings) out.get(revisionId)?.savings.push(line);
  }
  return out;
}

/*
 * The rows a revision owns beside its own columns, for many revisions at once, each tagged with
 * its revision: shared by the form's content (above) and the review diff's snapshots
 * (lib/review/content.ts).
 */

/** Further category slugs, in the register's order. */
export function readFurtherCategories(reader: DbOrTx, ids: number[]) {
  return reader
    .select({ revisionId: revisionCategories.revisionId, slug: serviceCategories.slug })
    .from(revisionCategories)
    .innerJoin(serviceCategories, eq(serviceCategories.id, revisionCategories.categoryId))
    .where(inArray(revisionCategories.revisionId, ids))
    .orderBy(asc(serviceCategories.sortOrder));
}

/** Partners (not the lead), by name. */
export function readPartners(reader: DbOrTx, ids: number[]) {
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

/** Savings lines, oldest financial year first. */
export function readSavings(reader: DbOrTx, ids: number[]) {
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
