import "server-only";

import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { existedOnDay, registerOnDay } from "@/lib/public/register";
import { regionBySlug } from "@/lib/public/regions";
import type { DashboardFilters } from "./filters";

/*
 * The dashboard's headline figures on a day: shared arrangements and their savings, and councils
 * involved out of those existing that day (lib/stats/queries.ts caches them).
 */

export type Headline = {
  /** Shared arrangements matching the filters: published, less those run within one council. */
  arrangements: number;
  /** Published arrangements whose partners have all become one council by `referenceDate`. */
  internal: number;
  /**
   * Councils existing on `referenceDate` that take part (themselves or for a predecessor) in a
   * running, shared arrangement matching the filters (with a region filter: that region's).
   */
  councilsInvolved: number;
  /** Councils that existed on `referenceDate` (with a region filter: in that region). */
  councilsExisting: number;
  /** The day the figures are read on (ISO date): today, unless a day was asked for. */
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
    internal: columns.int,
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
    internal: row.internal,
    councilsInvolved: row.councils_involved,
    councilsExisting: row.councils_existing,
    referenceDate: row.reference_date,
    totalPence: row.total_pence,
    actualPence: row.actual_pence,
    forecastPence: row.forecast_pence,
    illustrativeCount: row.illustrative_count,
  }));

/**
 * The headline on `day` by the rule of lib/public/register.ts: the shared arrangements (those
 * run within one council by then are left out, their earlier savings kept), their savings, and
 * the councils existing on the day that take part in a running, shared one — out of all the
 * councils existing that day (with a region filter: that region's).
 */
export async function headlineQuery(filters: DashboardFilters, day: string): Promise<Headline> {
  // With a region filter, councils are those of that region; an unknown slug matches none.
  const region = filters.region ? regionBySlug(filters.region) : null;
  const inRegion =
    filters.region === undefined ? sql`true` : region ? sql`o.region = ${region.name}` : sql`false`;
  return checkedRow(
    db(),
    headlineRow,
    sql`
    WITH register AS (${registerOnDay(day, filters)}),
    existing_councils AS (
      SELECT o.id FROM organisations o
      WHERE o.kind = 'council' AND ${existedOnDay("o", day)} AND ${inRegion}
    ),
    taking_part AS (
      SELECT DISTINCT x.organisation_id
      FROM register_participants(${day}::date) x
      JOIN register r ON r.arrangement_id = x.arrangement_id AND r.running AND r.participants > 1
    ),
    totals AS (
      SELECT (count(*) FILTER (WHERE NOT internal))::int AS arrangements,
             (count(*) FILTER (WHERE internal))::int AS internal,
             (count(*) FILTER (WHERE is_illustrative AND NOT internal))::int AS illustrative_count,
             COALESCE(SUM(counted_pence), 0)::bigint AS total_pence,
             COALESCE(SUM(counted_actual_pence), 0)::bigint AS actual_pence
      FROM register
    )
    SELECT
      totals.arrangements,
      totals.internal,
      totals.illustrative_count,
      totals.total_pence,
      totals.actual_pence,
      (totals.total_pence - totals.actual_pence)::bigint AS forecast_pence,
      ${day}::text AS reference_date,
      (SELECT count(*)::int FROM existing_councils) AS councils_existing,
      (SELECT count(*)::int FROM existing_councils c
         JOIN taking_part t ON t.organisation_id = c.id) AS councils_involved
    FROM totals
  `,
  );
}
