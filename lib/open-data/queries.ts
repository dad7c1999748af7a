import "server-only";

import { sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import type { PublishedFilters } from "@/lib/public/filters";
import { publishedArrangements } from "@/lib/public/published";
import type { ArrangementRecord, SavingsRecord } from "./schema";

/*
 * The open data downloads' reads. Every one starts from `publishedArrangements`, so only
 * approved revisions can ever be written out. Downloads read in chunks by keyset (arrangement
 * id, then financial year): each chunk is its own short query, so a slow download holds no
 * connection between chunks.
 */

/** A timestamptz as ISO 8601 in UTC with milliseconds (the app's driver hands dates over as text). */
function isoTimestamp(expression: SQL): SQL {
  return sql`to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Rows per chunk: small enough to stream, large enough that queries stay few. */
export const CHUNK_ROWS = 500;

export async function arrangementChunk(
  filters: PublishedFilters,
  afterId: number | null,
  limit: number = CHUNK_ROWS,
): Promise<ArrangementRecord[]> {
  const after = afterId === null ? sql`true` : sql`p.arrangement_id > ${afterId}`;
  return db().execute<ArrangementRecord>(sql`
    WITH published AS (${publishedArrangements(filters)})
    SELECT p.arrangement_id, p.slug, p.title, r.description, p.stage::text AS stage,
           to_char(p.start_date, 'YYYY-MM-DD') AS start_date,
           to_char(p.end_date, 'YYYY-MM-DD') AS end_date,
           lead.code AS lead_code, lead.name AS lead_name, lead.region,
           orgs.codes AS organisation_codes, orgs.names AS organisation_names,
           orgs.kinds AS partner_kinds,
           mc.slug AS main_category, mc.name AS main_category_name,
           COALESCE((SELECT array_agg(c.slug ORDER BY c.sort_order)
                       FROM revision_categories rc
                       JOIN service_categories c ON c.id = rc.category_id
                      WHERE rc.revision_id = p.revision_id), '{}') AS other_categories,
           r.benefits, r.no_savings_reason,
           p.total_pence,
           COALESCE((SELECT SUM(s.amount_pence) FROM revision_savings s
                      WHERE s.revision_id = p.revision_id AND s.kind = 'actual'), 0)::bigint
             AS actual_pence,
           COALESCE((SELECT SUM(s.amount_pence) FROM revision_savings s
                      WHERE s.revision_id = p.revision_id AND s.kind = 'forecast'), 0)::bigint
             AS forecast_pence,
           r.contact_name, r.contact_email, p.is_illustrative,
           ${isoTimestamp(sql`p.published_at`)} AS published_at, r.version
    FROM published p
    JOIN arrangement_revisions r ON r.id = p.revision_id
    JOIN organisations lead ON lead.id = p.lead_organisation_id
    JOIN service_categories mc ON mc.id = p.main_category_id
    CROSS JOIN LATERAL (
      SELECT array_agg(o.code ORDER BY rp.role = 'lead' DESC, o.name, o.code) AS codes,
             array_agg(o.name ORDER BY rp.role = 'lead' DESC, o.name, o.code) AS names,
             array_agg(DISTINCT o.kind::text) AS kinds
      FROM revision_partners rp
      JOIN organisations o ON o.id = rp.organisation_id
      WHERE rp.revision_id = p.revision_id
    ) orgs
    WHERE ${after}
    ORDER BY p.arrangement_id
    LIMIT ${limit}
  `);
}

export type SavingsKey = { arrangementId: number; financialYear: number };

export async function savingsChunk(
  filters: PublishedFilters,
  after: SavingsKey | null,
  limit: number = CHUNK_ROWS,
): Promise<SavingsRecord[]> {
  const condition =
    after === null
      ? sql`true`
      : sql`(p.arrangement_id, s.financial_year) > (${after.arrangementId}::int, ${after.financialYear}::int)`;
  return db().execute<SavingsRecord>(sql`
    WITH published AS (${publishedArrangements(filters)})
    SELECT p.arrangement_id, p.slug, p.title, lead.code AS lead_code, lead.region,
           mc.slug AS main_category, s.financial_year::int AS financial_year,
           s.kind::text AS kind, s.amount_pence, p.is_illustrative
    FROM published p
    JOIN revision_savings s ON s.revision_id = p.revision_id
    JOIN organisations lead ON lead.id = p.lead_organisation_id
    JOIN service_categories mc ON mc.id = p.main_category_id
    WHERE ${condition}
    ORDER BY p.arrangement_id, s.financial_year
    LIMIT ${limit}
  `);
}

/**
 * Changes whenever what the public sees may have changed: the newest cache invalidation (every
 * approval, rejection or withdrawal writes one, lib/cache/public-cache.ts) and the newest
 * publication moment (so a rebuilt database never repeats an old value). Downloads use it as
 * their ETag. Read fresh on every request, never cached.
 */
export async function registerVersion(): Promise<string> {
  const rows = await db().execute<{ version: string }>(sql`
    SELECT concat_ws('.',
      (SELECT COALESCE(MAX(id), 0) FROM cache_invalidations),
      (SELECT COALESCE(floor(extract(epoch FROM MAX(GREATEST(reviewed_at, superseded_at))) * 1000), 0)
         FROM arrangement_revisions WHERE state IN ('approved', 'superseded'))
    ) AS version
  `);
  return rows[0]?.version ?? "0";
}

export type OpenDataSummary = {
  arrangements: number;
  savingsLines: number;
  illustrative: number;
  /** When the most recent published record was approved (ISO 8601, UTC); null if none is. */
  lastPublishedAt: string | null;
};

async function summaryQuery(): Promise<OpenDataSummary> {
  const rows = await db().execute<{
    arrangements: number;
    savings_lines: number;
    illustrative: number;
    last_published_at: string | null;
  }>(sql`
    WITH published AS (${publishedArrangements()})
    SELECT (SELECT count(*)::int FROM published) AS arrangements,
           (SELECT count(*)::int FROM revision_savings s
              JOIN published p ON p.revision_id = s.revision_id) AS savings_lines,
           (SELECT count(*)::int FROM published WHERE is_illustrative) AS illustrative,
           ${isoTimestamp(sql`(SELECT MAX(published_at) FROM published)`)} AS last_published_at
  `);
  const row = rows[0]!;
  return {
    arrangements: row.arrangements,
    savingsLines: row.savings_lines,
    illustrative: row.illustrative,
    lastPublishedAt: row.last_published_at,
  };
}

/** What the open data page says about the files (cached under the public tag). */
export const getOpenDataSummary = cachedPublic("open-data-summary", summaryQuery);
