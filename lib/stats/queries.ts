import "server-only";

import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { publishedArrangements } from "@/lib/public/published";

/**
 * National statistics for the public dashboard.
 *
 * Every figure comes from published revisions only: an arrangement's `published_revision_id`,
 * and only while that revision is 'approved'. Drafts, submissions and rejected edits never
 * reach these queries. The arithmetic happens in PostgreSQL; sums are cast back to bigint
 * because SUM(bigint) is numeric, which postgres.js would hand over as a string.
 */

export type Headline = {
  /** Published arrangements. */
  arrangements: number;
  /** Councils that lead or partner in a published arrangement and existed on `referenceDate`. */
  councilsInvolved: number;
  /** Councils in England that existed on `referenceDate`. */
  councilsExisting: number;
  /** ISO date the council counts refer to. */
  referenceDate: string;
  totalPence: bigint;
  actualPence: bigint;
  forecastPence: bigint;
  /** Published arrangements that are illustrative demo records, not real ones. */
  illustrativeCount: number;
};

export type SavingsYear = {
  /** The calendar year the financial year starts in (2016 = 2016/17). */
  financialYear: number;
  actualPence: bigint;
  forecastPence: bigint;
  totalPence: bigint;
  /** Running total of `totalPence` up to and including this year. */
  cumulativePence: bigint;
};

/** The published revision of each arrangement; the base of every public figure. */
const publishedRevisions = publishedArrangements();

type HeadlineRow = {
  arrangements: number;
  illustrative_count: number;
  total_pence: bigint;
  actual_pence: bigint;
  forecast_pence: bigint;
  reference_date: string;
  councils_existing: number;
  councils_involved: number;
};

async function headlineQuery(): Promise<Headline> {
  const rows = await db().execute<HeadlineRow>(sql`
    WITH published AS (${publishedRevisions}),
    savings AS (
      SELECT s.financial_year, s.kind, s.amount_pence
      FROM revision_savings s
      JOIN published p ON p.revision_id = s.revision_id
    ),
    -- Councils are counted on the last day (31 March) of the latest financial year with published
    -- savings, so the percentage describes the same year as the figures; never a future date
    -- (forecasts can run ahead), and today when nothing is published yet.
    reference AS (
      SELECT LEAST(
        COALESCE(make_date(MAX(financial_year) + 1, 3, 31), CURRENT_DATE),
        CURRENT_DATE
      ) AS day
      FROM savings
    ),
    existing_councils AS (
      SELECT o.id
      FROM organisations o, reference
      WHERE o.kind = 'council'
        AND (o.start_date IS NULL OR o.start_date <= reference.day)
        AND (o.end_date IS NULL OR o.end_date >= reference.day)
    )
    SELECT
      (SELECT count(*)::int FROM published) AS arrangements,
      (SELECT count(*)::int FROM published WHERE is_illustrative) AS illustrative_count,
      (SELECT COALESCE(SUM(amount_pence), 0)::bigint FROM savings) AS total_pence,
      (SELECT COALESCE(SUM(amount_pence), 0)::bigint FROM savings WHERE kind = 'actual')
        AS actual_pence,
      (SELECT COALESCE(SUM(amount_pence), 0)::bigint FROM savings WHERE kind = 'forecast')
        AS forecast_pence,
      (SELECT to_char(day, 'YYYY-MM-DD') FROM reference) AS reference_date,
      (SELECT count(*)::int FROM existing_councils) AS councils_existing,
      (
        SELECT count(DISTINCT rp.organisation_id)::int
        FROM revision_partners rp
        JOIN published p ON p.revision_id = rp.revision_id
        JOIN existing_councils c ON c.id = rp.organisation_id
      ) AS councils_involved
  `);

  const row = rows[0];
  if (!row) throw new Error("Headline query returned no row");
  return {
    arrangements: row.arrangements,
    councilsInvolved: row.councils_involved,
    councilsExisting: row.councils_existing,
    referenceDate: row.reference_date,
    totalPence: row.total_pence,
    actualPence: row.actual_pence,
    forecastPence: row.forecast_pence,
    illustrativeCount: row.illustrative_count,
  };
}

type SavingsYearRow = {
  financial_year: number;
  actual_pence: bigint;
  forecast_pence: bigint;
  total_pence: bigint;
  cumulative_pence: bigint;
};

/**
 * Published savings per financial year, oldest first, with a running total. Years between the
 * first and last with savings appear even when nothing was reported for them, as zero, so a
 * chart never silently closes a gap.
 */
async function savingsByYearQuery(): Promise<SavingsYear[]> {
  const rows = await db().execute<SavingsYearRow>(sql`
    WITH published AS (${publishedRevisions}),
    by_year AS (
      SELECT
        s.financial_year,
        COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'actual'), 0)::bigint AS actual_pence,
        COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'forecast'), 0)::bigint
          AS forecast_pence
      FROM revision_savings s
      JOIN published p ON p.revision_id = s.revision_id
      GROUP BY s.financial_year
    ),
    all_years AS (
      SELECT generate_series(MIN(financial_year)::int, MAX(financial_year)::int) AS financial_year
      FROM by_year
    )
    SELECT
      y.financial_year,
      COALESCE(b.actual_pence, 0)::bigint AS actual_pence,
      COALESCE(b.forecast_pence, 0)::bigint AS forecast_pence,
      (COALESCE(b.actual_pence, 0) + COALESCE(b.forecast_pence, 0))::bigint AS total_pence,
      SUM(COALESCE(b.actual_pence, 0) + COALESCE(b.forecast_pence, 0)) OVER (
        ORDER BY y.financial_year ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
      )::bigint AS cumulative_pence
    FROM all_years y
    LEFT JOIN by_year b ON b.financial_year = y.financial_year
    ORDER BY y.financial_year
  `);

  return rows.map((row) => ({
    financialYear: row.financial_year,
    actualPence: row.actual_pence,
    forecastPence: row.forecast_pence,
    totalPence: row.total_pence,
    cumulativePence: row.cumulative_pence,
  }));
}

/** The national headline figures (cached under the public tag). */
export const getHeadline = cachedPublic("headline", headlineQuery);

/** Savings per financial year, oldest first (cached under the public tag). */
export const getSavingsByYear = cachedPublic("savings-by-year", savingsByYearQuery);
