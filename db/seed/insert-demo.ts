/**
 * Inserts the demo arrangements with their whole approval history: every revision approved in
 * turn, the earlier ones superseded when the next was approved, the last one published. In
 * multi-row statements (statement-level triggers keep the revisions' derived facts), and only
 * for arrangements not there yet, so a second seed inserts nothing.
 */
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  arrangementRevisions,
  arrangements,
  revisionCategories,
  revisionPartners,
  revisionSavings,
} from "@/db/schema";
import type { DemoArrangement } from "./demo";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DemoInsertCounts = {
  arrangements: { inserted: number; present: number };
  revisions: { inserted: number };
  revisionPartners: { inserted: number };
  revisionCategories: { inserted: number };
  revisionSavings: { inserted: number };
};

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows per statement: well under PostgreSQL's 65,535 parameters for the widest table. */
export const CHUNK = 400;

function lookup(ids: ReadonlyMap<string, number>, what: string) {
  return (key: string): number => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`Demo data names unknown ${what} ${key}`);
    return id;
  };
}

async function existingSlugs(tx: Tx, demo: readonly DemoArrangement[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (const chunk of chunks(
    demo.map((a) => a.slug),
    CHUNK,
  )) {
    const rows = await tx
      .select({ slug: arrangements.slug })
      .from(arrangements)
      .where(inArray(arrangements.slug, chunk));
    for (const r of rows) existing.add(r.slug);
  }
  return existing;
}

async function insertArrangements(
  tx: Tx,
  missing: readonly DemoArrangement[],
  orgId: (code: string) => number,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const chunk of chunks(missing, CHUNK)) {
    const rows = await tx
      .insert(arrangements)
      .values(
        chunk.map((a) => ({
          slug: a.slug,
          leadOrganisationId: orgId(a.leadCode),
          isIllustrative: a.isIllustrative,
          createdAt: a.revisions[0]!.submittedAt,
          updatedAt: a.revisions.at(-1)!.reviewedAt,
        })),
      )
      .returning({ id: arrangements.id, slug: arrangements.slug });
    for (const r of rows) ids.set(r.slug, r.id);
  }
  return ids;
}

type RevisionRef = { arrangement: DemoArrangement; index: number; arrangementId: number };

/** Every revision's row: approved if it is the last, else superseded by the next approval. */
function revisionRow(ref: RevisionRef, categoryId: (slug: string) => number) {
  const r = ref.arrangement.revisions[ref.index]!;
  const next = ref.arrangement.revisions[ref.index + 1];
  return {
    arrangementId: ref.arrangementId,
    version: r.version,
    title: r.title,
    description: r.description,
    mainCategoryId: categoryId(r.mainCategorySlug),
    stage: r.stage,
    startDate: r.startDate,
    endDate: r.endDate,
    benefits: r.benefits,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    noSavingsReason: r.noSavingsReason,
    state: next ? ("superseded" as const) : ("approved" as const),
    createdAt: r.submittedAt,
    updatedAt: next?.reviewedAt ?? r.reviewedAt,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    supersededAt: next?.reviewedAt ?? null,
  };
}

async function insertRevisions(
  tx: Tx,
  refs: readonly RevisionRef[],
  categoryId: (slug: string) => number,
): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of chunks(refs, CHUNK)) {
    const rows = await tx
      .insert(arrangementRevisions)
      .values(chunk.map((ref) => revisionRow(ref, categoryId)))
      .returning({ id: arrangementRevisions.id });
    // INSERT … RETURNING gives rows in the order of VALUES.
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

async function insertChildren(
  tx: Tx,
  refs: readonly RevisionRef[],
  revisionIds: readonly number[],
  ids: { org: (code: string) => number; category: (slug: string) => number },
) {
  const each = <T>(f: (ref: RevisionRef, revisionId: number) => T[]) =>
    refs.flatMap((ref, i) => f(ref, revisionIds[i]!));
  const partners = each((ref, revisionId) =>
    ref.arrangement.partners.map((p) => ({
      revisionId,
      organisationId: ids.org(p.code),
      role: p.role,
    })),
  );
  const categories = each((ref, revisionId) =>
    ref.arrangement.revisions[ref.index]!.furtherCategorySlugs.map((slug) => ({
      revisionId,
      categoryId: ids.category(slug),
    })),
  );
  const savings = each((ref, revisionId) =>
    ref.arrangement.revisions[ref.index]!.savings.map((s) => ({ revisionId, ...s })),
  );
  for (const chunk of chunks(partners, CHUNK * 4)) await tx.insert(revisionPartners).values(chunk);
  for (const chunk of chunks(categories, CHUNK * 4))
    await tx.insert(revisionCategories).values(chunk);
  for (const chunk of chunks(savings, CHUNK * 4)) await tx.insert(revisionSavings).values(chunk);
  return { partners: partners.length, categories: categories.length, savings: savings.length };
}

async function publishLast(tx: Tx, refs: readonly RevisionRef[], revisionIds: readonly number[]) {
  const last = refs
    .map((ref, i) => [ref, revisionIds[i]!] as const)
    .filter(([ref]) => ref.index === ref.arrangement.revisions.length - 1);
  for (const chunk of chunks(last, CHUNK)) {
    await tx.execute(sql`
      UPDATE arrangements AS a
      SET published_revision_id = v.revision_id
      FROM (VALUES ${sql.join(
        chunk.map(([ref, id]) => sql`(${ref.arrangementId}::int, ${id}::int)`),
        sql`, `,
      )}) AS v(arrangement_id, revision_id)
      WHERE a.id = v.arrangement_id`);
  }
}

export async function insertDemoArrangements(
  tx: Tx,
  demo: readonly DemoArrangement[],
  orgIds: ReadonlyMap<string, number>,
  categoryIds: ReadonlyMap<string, number>,
): Promise<DemoInsertCounts> {
  const ids = { org: lookup(orgIds, "organisation"), category: lookup(categoryIds, "category") };
  const existing = await existingSlugs(tx, demo);
  const missing = demo.filter((a) => !existing.has(a.slug));
  const counts: DemoInsertCounts = {
    arrangements: { inserted: missing.length, present: existing.size },
    revisions: { inserted: 0 },
    revisionPartners: { inserted: 0 },
    revisionCategories: { inserted: 0 },
    revisionSavings: { inserted: 0 },
  };
  if (missing.length === 0) return counts;
  const arrangementIds = await insertArrangements(tx, missing, ids.org);
  const refs = missing.flatMap((arrangement) =>
    arrangement.revisions.map((_, index) => ({
      arrangement,
      index,
      arrangementId: arrangementIds.get(arrangement.slug)!,
    })),
  );
  const revisionIds = await insertRevisions(tx, refs, ids.category);
  const children = await insertChildren(tx, refs, revisionIds, ids);
  await publishLast(tx, refs, revisionIds);
  counts.revisions.inserted = revisionIds.length;
  counts.revisionPartners.inserted = children.partners;
  counts.revisionCategories.inserted = children.categories;
  counts.revisionSavings.inserted = children.savings;
  return counts;
}
