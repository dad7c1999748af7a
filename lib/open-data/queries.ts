import "server-only";

import { asc, eq, gt, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { checkedRow, checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import {
  arrangementRevisions,
  organisations,
  revisionCategories,
  revisionPartners,
  revisionSavings,
  serviceCategories,
} from "@/db/schema";
import { isoTimestamp, queryBuilder } from "@/db/typed-sql";
import { cachedPublic } from "@/lib/cache/public-cache";
import { LIST_ORDER } from "@/lib/public/arrangements";
import type { PublishedFilters, Sort } from "@/lib/public/filters";
import { publishedArrangements, publishedCte } from "@/lib/public/published";
import type { ArrangementRecord, SavingsRecord } from "./schema";

/*
 * The open data downloads' reads. Every one starts from the published register, so only
 * approved revisions can ever be written out. Downloads read in chunks by keyset (arrangement
 * id, then financial year): each chunk is its own short query, so a slow download holds no
 * connection between chunks.
 */

const lead = alias(organisations, "lead");
const mainCategory = alias(serviceCategories, "mc");

/** Rows per chunk: small enough to stream, large enough that queries stay few. */
export const CHUNK_ROWS = 500;

/** The sum of one kind of a revision's savings lines, exact. */
function savingsOfKind(revisionId: SQLWrapper, kind: "actual" | "forecast") {
  const s = revisionSavings;
  const wanted = kind === "actual" ? sql`'actual'` : sql`'forecast'`;
  return sql<bigint>`COALESCE((SELECT SUM(${s.amountPence}) FROM ${s}
    WHERE ${s.revisionId} = ${revisionId} AND ${s.kind} = ${wanted}), 0)::bigint`.mapWith(BigInt);
}

/** A revision's organisations (the lead first, then by name) and their kinds, in one pass. */
function organisationsOf(revisionId: SQLWrapper) {
  const o = organisations;
  const order = sql`${revisionPartners.role} = 'lead' DESC, ${o.name}, ${o.code}`;
  return queryBuilder
    .select({
      codes: sql<string[]>`array_agg(${o.code} ORDER BY ${order})`.as("codes"),
      names: sql<string[]>`array_agg(${o.name} ORDER BY ${order})`.as("names"),
      kinds: sql<string[]>`array_agg(DISTINCT ${o.kind}::text)`.as("kinds"),
    })
    .from(revisionPartners)
    .innerJoin(o, eq(o.id, revisionPartners.organisationId))
    .where(eq(revisionPartners.revisionId, revisionId))
    .as("orgs");
}

/** A revision's further categories, in the register's order. */
function otherCategoriesOf(revisionId: SQLWrapper) {
  const c = serviceCategories;
  return sql<string[]>`COALESCE((SELECT array_agg(${c.slug} ORDER BY ${c.sortOrder})
    FROM ${revisionCategories} JOIN ${c} ON ${c.id} = ${revisionCategories.categoryId}
    WHERE ${revisionCategories.revisionId} = ${revisionId}), '{}')`;
}

/** Published arrangements as download records: those `where` picks, in `order`. */
function arrangementRecords(
  filters: PublishedFilters,
  where: (published: ReturnType<typeof publishedCte>) => SQL | undefined,
  order: (published: ReturnType<typeof publishedCte>) => SQL,
  limit: number,
): Promise<ArrangementRecord[]> {
  const published = publishedCte(filters);
  const r = arrangementRevisions;
  const orgs = organisationsOf(published.revisionId);
  return db()
    .with(published)
    .select({
      arrangement_id: published.arrangementId,
      slug: published.slug,
      title: published.title,
      description: r.description,
      stage: published.stage,
      start_date: published.startDate,
      end_date: published.endDate,
      lead_code: lead.code,
      lead_name: lead.name,
      region: lead.region,
      organisation_codes: orgs.codes,
      organisation_names: orgs.names,
      partner_kinds: orgs.kinds,
      main_category: mainCategory.slug,
      main_category_name: mainCategory.name,
      other_categories: otherCategoriesOf(published.revisionId),
      benefits: r.benefits,
      no_savings_reason: r.noSavingsReason,
      total_pence: published.totalPence,
      actual_pence: savingsOfKind(published.revisionId, "actual"),
      forecast_pence: savingsOfKind(published.revisionId, "forecast"),
      contact_name: r.contactName,
      contact_email: r.contactEmail,
      is_illustrative: published.isIllustrative,
      published_at: isoTimestamp(published.publishedAt),
      version: r.version,
    })
    .from(published)
    .innerJoin(r, eq(r.id, published.revisionId))
    .innerJoin(lead, eq(lead.id, published.leadOrganisationId))
    .innerJoin(mainCategory, eq(mainCategory.id, published.mainCategoryId))
    .crossJoinLateral(orgs)
    .where(where(published))
    .orderBy(order(published))
    .limit(limit);
}

/** The next chunk in the register's own order (arrangement id), after `afterId`. */
export function arrangementChunk(
  filters: PublishedFilters,
  afterId: number | null,
  limit: number = CHUNK_ROWS,
): Promise<ArrangementRecord[]> {
  return arrangementRecords(
    filters,
    (published) => (afterId === null ? undefined : gt(published.arrangementId, afterId)),
    (published) => asc(published.arrangementId),
    limit,
  );
}

/**
 * The ids of the published arrangements matching `filters`, in the explorer's order for `sort`
 * (lib/public/arrangements.ts LIST_ORDER, the very SQL the explorer pages with). A download in
 * that order reads them first, then the records chunk by chunk (`arrangementsWithIds`): the
 * order is fixed once, so no record repeats or goes missing between chunks.
 */
export async function orderedArrangementIds(
  filters: PublishedFilters,
  sort: Sort,
): Promise<number[]> {
  const rows = await checkedRows(
    db(),
    z.object({ arrangement_id: columns.int }),
    sql`WITH published AS (${publishedArrangements(filters)})
        SELECT p.arrangement_id FROM published p ORDER BY ${LIST_ORDER[sort]}`,
  );
  return rows.map((row) => row.arrangement_id);
}

/**
 * The records of these arrangements, in the order given. The filters still apply: one that
 * stopped matching (or was withdrawn) since the ids were read is left out, never shown stale.
 */
export function arrangementsWithIds(
  filters: PublishedFilters,
  ids: readonly number[],
): Promise<ArrangementRecord[]> {
  const list = sql`${`{${ids.join(",")}}`}::int[]`;
  return arrangementRecords(
    filters,
    (published) => sql`${published.arrangementId} = ANY (${list})`,
    (published) => sql`array_position(${list}, ${published.arrangementId})`,
    ids.length,
  );
}

export type SavingsKey = { arrangementId: number; financialYear: number };

export async function savingsChunk(
  filters: PublishedFilters,
  after: SavingsKey | null,
  limit: number = CHUNK_ROWS,
): Promise<SavingsRecord[]> {
  const published = publishedCte(filters);
  const s = revisionSavings;
  return db()
    .with(published)
    .select({
      arrangement_id: published.arrangementId,
      slug: published.slug,
      title: published.title,
      lead_code: lead.code,
      region: lead.region,
      main_category: mainCategory.slug,
      financial_year: s.financialYear,
      kind: s.kind,
      amount_pence: s.amountPence,
      is_illustrative: published.isIllustrative,
    })
    .from(published)
    .innerJoin(s, eq(s.revisionId, published.revisionId))
    .innerJoin(lead, eq(lead.id, published.leadOrganisationId))
    .innerJoin(mainCategory, eq(mainCategory.id, published.mainCategoryId))
    .where(
      after === null
        ? undefined
        : sql`(${published.arrangementId}, ${s.financialYear}) > (${after.arrangementId}::int, ${after.financialYear}::int)`,
    )
    .orderBy(asc(published.arrangementId), asc(s.financialYear))
    .limit(limit);
}

/**
 * Changes whenever what the public sees may have changed: the newest cache invalidation (every
 * approval, rejection or withdrawal writes one, lib/cache/public-cache.ts) and the newest
 * publication moment (so a rebuilt database never repeats an old value). Downloads use it as
 * their ETag. Read fresh on every request, never cached.
 */
export async function registerVersion(): Promise<string> {
  const row = await checkedRow(
    db(),
    z.object({ version: z.string() }),
    sql`
    SELECT concat_ws('.',
      (SELECT COALESCE(MAX(id), 0) FROM cache_invalidations),
      (SELECT COALESCE(floor(extract(epoch FROM MAX(GREATEST(reviewed_at, superseded_at))) * 1000), 0)
         FROM arrangement_revisions WHERE state IN ('approved', 'superseded'))
    ) AS version
  `,
  );
  return row.version;
}

export type OpenDataSummary = {
  arrangements: number;
  savingsLines: number;
  illustrative: number;
  /** When the most recent published record was approved (ISO 8601, UTC); null if none is. */
  lastPublishedAt: string | null;
};

const summaryRow = z
  .object({
    arrangements: columns.int,
    savings_lines: columns.int,
    illustrative: columns.int,
    last_published_at: columns.isoTimestamp.nullable(),
  })
  .transform((row): OpenDataSummary => ({
    arrangements: row.arrangements,
    savingsLines: row.savings_lines,
    illustrative: row.illustrative,
    lastPublishedAt: row.last_published_at,
  }));

async function summaryQuery(): Promise<OpenDataSummary> {
  return checkedRow(
    db(),
    summaryRow,
    sql`
    WITH published AS (${publishedArrangements()})
    SELECT (SELECT count(*)::int FROM published) AS arrangements,
           (SELECT count(*)::int FROM revision_savings s
              JOIN published p ON p.revision_id = s.revision_id) AS savings_lines,
           (SELECT count(*)::int FROM published WHERE is_illustrative) AS illustrative,
           ${isoTimestamp(sql`(SELECT MAX(published_at) FROM published)`)} AS last_published_at
  `,
  );
}

/** What the open data page says about the files (cached under the public tag). */
export const getOpenDataSummary = cachedPublic("open-data-summary", summaryQuery);
