import "server-only";

import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { publishedArrangements } from "@/lib/public/published";
import { regionBySlug } from "@/lib/public/regions";
import type { DashboardFilters } from "./filters";

/*
 * The dashboard's headline figures: published arrangements and their savings, and councils
 * involved out of those existing on a reference date (lib/stats/queries.ts caches them).
 */

export type Headline = {
  /** Published arrangements matching the filters. */
  arrangements: number;
  /**
   * Councils that lead or partner in a matching arrangement and existed on `referenceDate`
   * (with a region filter: only that region's councils).
   */
  councilsInvolved: number;
  /** Councils that existed on `referenceDate` (with a region filter: in that region). */
  councilsExisting: number;
  /** ISO date the council counts refer to. */
  referenceDate: string;
  totalPence: bigint;
  actualPence: bigint;
  forecastPence: bigint;
  /** Matching arrangements that are illustrative demo records, not real ones. */
  illustrativeCount: number;
};

const headlineRow = z
  .object({
    arrangements: columns.int,
    illustrative_count: columns.int,
    total_pence: columns.bigint,
    actual_pence: columns.bigint,
    forecast_pence: columns.bigint,
    reference_date: columns.isoDate,
    councils_existing: columns.int,
    councils_involved: columns.int,
  })
  .transform((row): Headline => ({
    arrangements: row.arrangements,
    councilsInvolved: row.councils_involved,
    councilsExisting: row.councils_existing,
    referenceDate: row.reference_date,
    totalPence: row.total_pence,
    actualPence: row.actual_pence,
    forecastPence: row.forecast_pence,
    illustrativeCount: row.illustrative_count,
  }));

export async function headlineQuery(filters: DashboardFilters): Promise<Headline> {
  // With a region filter, councils are those of that region; an unknown slug matches none.
  const region = filters.region ? regionBySlug(filters.region) : null;
  const inRegion =
    filters.region === undefined ? sql`true` : region ? sql`o.region = ${region.name}` : sql`false`;
  // Totals come from each revision's trigger-kept sums (total, actual, latest year), so the
  // savings lines themselves are not read; tests check them against the lines.
  return checkedRow(
    db(),
    headlineRow,
    sql`
    WITH published AS (${publishedArrangements(filters)}),
    -- Councils are counted on the last day (31 March) of the latest financial year with published
    -- savings in the whole register (not only the filtered part, so the date does not move with
    -- the filters), never a future date (forecasts can run ahead), and today when there are none.
    reference AS (
      SELECT LEAST(
        COALESCE(make_date(MAX(everything.last_financial_year) + 1, 3, 31), CURRENT_DATE),
        CURRENT_DATE
      ) AS day
      FROM (${publishedArrangements()}) everything
    ),
    existing_councils AS (
      SELECT o.id
      FROM organisations o, reference
      WHERE o.kind = 'council'
        AND (o.start_date IS NULL OR o.start_date <= reference.day)
        AND (o.end_date IS NULL OR o.end_date >= reference.day)
        AND ${inRegion}
    ),
    totals AS (
      SELECT count(*)::int AS arrangements,
             (count(*) FILTER (WHERE is_illustrative))::int AS illustrative_count,
             COALESCE(SUM(total_pence), 0)::bigint AS total_pence,
             COALESCE(SUM(actual_pence), 0)::bigint AS actual_pence
      FROM published
    )
    SELECT
      totals.arrangements,
      totals.illustrative_count,
      totals.total_pence,
      totals.actual_pence,
      (totals.total_pence - totals.actual_pence)::bigint AS forecast_pence,
      (SELECT to_char(day, 'YYYY-MM-DD') FROM reference) AS reference_date,
      (SELECT count(*)::int FROM existing_councils) AS councils_existing,
      (
        SELECT count(*)::int FROM existing_councils c
        WHERE EXISTS (
          SELECT 1 FROM revision_partners rp JOIN published p ON p.revision_id = rp.revision_id
          WHERE rp.organisation_id = c.id)
      ) AS councils_involved
    FROM totals
  `,
  );
}
