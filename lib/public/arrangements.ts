import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import {
  summaryColumns,
  summaryFromRow,
  summaryRow,
  type ArrangementSummary,
} from "./arrangement-summary";
import { listQueryToParams, parseListQuery, type ListQuery, type Sort } from "./filters";
import { publishedArrangements } from "./published";
import { currentFinancialYear, isUnconfirmedLine } from "./unconfirmed";

/*
 * The public register, one arrangement at a time: the explorer's list (search, filters, sort,
 * pages) here and the arrangement page (./arrangement-detail.ts, re-exported), both read only
 * from published revisions (lib/public/published.ts). The open-data API serves exactly the same
 * reads.
 */

export {
  type ArrangementSummary,
  type CategoryRef,
  type OrganisationRef,
} from "./arrangement-summary";
export {
  getPublishedArrangement,
  isPlausibleSlug,
  type ArrangementDetail,
  type SavingsLine,
} from "./arrangement-detail";

export type ArrangementList = {
  rows: ArrangementSummary[];
  /** Arrangements matching the filters, on every page. */
  total: number;
  /** Of those, how many are illustrative demo records. */
  illustrativeCount: number;
  /** Their savings added up. */
  totalPence: bigint;
  /** The part of totalPence forecast for financial years that have ended, not yet confirmed. */
  unconfirmedPence: bigint;
  page: number;
  limit: number;
  /** Pages at this limit (at least 1, so "page 1 of 1" reads right when nothing matches). */
  pages: number;
  sort: Sort;
};

/*
 * Each order ends in the arrangement id, so equal keys (two arrangements saving the same, a
 * shared start date) always come out the same way and pages never repeat or skip a row.
 * Over the `published` CTE as `p`; the explorer's CSV (lib/open-data/queries.ts) uses it too.
 */
export const LIST_ORDER: Record<Sort, SQL> = {
  relevance: sql`p.rank DESC, lower(p.title), p.arrangement_id`,
  savings: sql`p.total_pence DESC, lower(p.title), p.arrangement_id`,
  newest: sql`p.start_date DESC NULLS LAST, lower(p.title), p.arrangement_id`,
  name: sql`lower(p.title), p.arrangement_id`,
};

const listTotals = z.object({
  total: columns.int,
  illustrative: columns.int,
  all_pence: columns.bigint,
  unconfirmed_pence: columns.bigint,
});

/** A row of the list: the totals, then an arrangement — or, when the page is empty, nothing. */
const listRow = z.union([
  listTotals.extend(summaryRow.shape).extend({ organisation_count: columns.int }),
  listTotals.extend({ slug: z.null() }),
]);

async function listQuery(query: ListQuery, currentYear: number): Promise<ArrangementList> {
  const { filters, sort, page, limit } = query;
  const offset = (page - 1) * limit;
  const rows = await checkedRows(
    db(),
    listRow,
    sql`
    WITH published AS (${publishedArrangements(filters)}),
    totals AS (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE is_illustrative)::int AS illustrative,
             COALESCE(SUM(total_pence), 0)::bigint AS all_pence,
             (SELECT COALESCE(SUM(s.amount_pence), 0)::bigint
                FROM published u JOIN revision_savings s ON s.revision_id = u.revision_id
               WHERE ${isUnconfirmedLine("s", currentYear)}) AS unconfirmed_pence
      FROM published
    ),
    page AS (
      SELECT p.*, row_number() OVER (ORDER BY ${LIST_ORDER[sort]}) AS ordinal
      FROM published p
      ORDER BY ${LIST_ORDER[sort]}
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT t.total, t.illustrative, t.all_pence, t.unconfirmed_pence, ${summaryColumns("pg")},
           (SELECT count(*)::int FROM revision_partners rp WHERE rp.revision_id = pg.revision_id)
             AS organisation_count
    FROM totals t
    LEFT JOIN page pg ON true
    LEFT JOIN organisations lead ON lead.id = pg.lead_organisation_id
    LEFT JOIN service_categories c ON c.id = pg.main_category_id
    ORDER BY pg.ordinal
  `,
  );

  const first = rows[0];
  const total = first?.total ?? 0;
  return {
    rows: rows.flatMap((row) =>
      row.slug === null
        ? []
        : [{ ...summaryFromRow(row), organisationCount: row.organisation_count }],
    ),
    total,
    illustrativeCount: first?.illustrative ?? 0,
    totalPence: first?.all_pence ?? 0n,
    unconfirmedPence: first?.unconfirmed_pence ?? 0n,
    page,
    limit,
    pages: Math.max(1, Math.ceil(total / limit)),
    sort,
  };
}

// Cached by the query's canonical text: cache keys are JSON, which cannot hold the filters'
// bigint amounts, and equal queries must share one entry whatever order they were written in.
// The current financial year is part of the key: it decides which forecasts are unconfirmed.
const cachedList = cachedPublic("arrangements-list", async (key: string, currentYear: number) => {
  const parsed = parseListQuery(new URLSearchParams(key));
  if (!parsed.ok) throw new Error(`Not a canonical list query: ${parsed.message}`);
  return listQuery(parsed.value, currentYear);
});

/** Published arrangements matching a parsed list query: one page, with the totals (cached). */
export function listPublishedArrangements(query: ListQuery): Promise<ArrangementList> {
  const params = listQueryToParams(query);
  // The limit is always part of the key text, so "limit" omitted and "limit=20" meet.
  params.set("limit", String(query.limit));
  return cachedList(params.toString(), currentFinancialYear());
}
