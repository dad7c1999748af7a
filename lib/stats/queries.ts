import "server-only";

import { and, desc, eq, not, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { countRows, sumPence } from "@/db/typed-sql";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { organisations, serviceCategories } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { PARTNER_TYPE_LABELS, PARTNER_TYPES, type PartnerType } from "@/lib/public/filters";
import { today } from "@/lib/clock";
import { lineCounts, registerCte, registerOnDay } from "@/lib/public/register";
import { regionByName } from "@/lib/public/regions";
import type { DashboardFilters } from "./filters";
import { headlineQuery } from "./headline";

export type { Headline } from "./headline";

/**
 * The figures of the public dashboard on a day (today unless asked), each narrowed by the same
 * dashboard filters (region, category) and computed in PostgreSQL from the register on that day
 * (lib/public/register.ts) — approved revisions only, so drafts, submissions and rejected edits
 * never reach them. Arrangements run within one council by then are not counted as shared; their
 * savings count for the years before, as the headline's do.
 * SUM(bigint) is numeric in PostgreSQL: every sum is cast back to bigint so postgres.js hands it
 * over as a BigInt of pence.
 */

export type SavingsYear = {
  /** The calendar year the financial year starts in (2016 = 2016/17). */
  financialYear: number;
  actualPence: bigint;
  forecastPence: bigint;
  totalPence: bigint;
  /** Running total of `totalPence` up to and including this year. */
  cumulativePence: bigint;
};

/** Arrangements and their savings in one group (a category, a region, a partner type). */
export type GroupFigure = {
  /** Stable identifier: a category or region slug, or a partner type; null if it has none. */
  key: string | null;
  name: string;
  arrangements: number;
  totalPence: bigint;
};

export type PartnerTypeFigure = GroupFigure & { key: PartnerType };

export type TopArrangement = {
  rank: number;
  slug: string;
  title: string;
  leadCode: string;
  leadName: string;
  region: string | null;
  categorySlug: string;
  categoryName: string;
  totalPence: bigint;
};

/** How many arrangements the top list holds. */
export const TOP_ARRANGEMENTS = 10;

const lead = alias(organisations, "lead");

const savingsYearRow = z
  .object({
    financial_year: columns.int,
    actual_pence: columns.bigint,
    forecast_pence: columns.bigint,
    total_pence: columns.bigint,
    cumulative_pence: columns.bigint,
  })
  .transform((row): SavingsYear => ({
    financialYear: row.financial_year,
    actualPence: row.actual_pence,
    forecastPence: row.forecast_pence,
    totalPence: row.total_pence,
    cumulativePence: row.cumulative_pence,
  }));

/**
 * Savings per financial year of the arrangements in `relation`, a CTE that `ctes` defines over
 * the register on a day (each row with its revision_id and internal_from), oldest first, with a
 * running total. An arrangement run within one council counts its years before, not after.
 * Years between the first and last with savings appear even when nothing was reported for
 * them, as zero, so a chart never silently closes a gap. The dashboard and council pages both
 * read their years through it.
 */
export function savingsYears(ctes: SQL, relation: string): Promise<SavingsYear[]> {
  const register = sql.identifier(relation);
  return checkedRows(
    db(),
    savingsYearRow,
    sql`
    WITH ${ctes},
    by_year AS (
      SELECT
        s.financial_year,
        COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'actual'), 0)::bigint AS actual_pence,
        COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'forecast'), 0)::bigint
          AS forecast_pence
      FROM revision_savings s
      JOIN ${register} r ON r.revision_id = s.revision_id
      WHERE ${lineCounts("s", "r")}
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
  `,
  );
}

/** Published savings per financial year on the day, for the dashboard's filters. */
function savingsByYearQuery(filters: DashboardFilters, day: string): Promise<SavingsYear[]> {
  return savingsYears(sql`register AS (${registerOnDay(day, filters)})`, "register");
}

/**
 * Per main service category: each arrangement counts once, under its main category, so the
 * rows add up to the headline. Largest savings first.
 */
async function byCategoryQuery(filters: DashboardFilters, day: string): Promise<GroupFigure[]> {
  const register = registerCte(day, filters);
  const c = serviceCategories;
  const arrangements = countRows(not(register.internal)).as("arrangements");
  const totalPence = sumPence(register.countedPence).as("total_pence");
  return db()
    .with(register)
    .select({ key: c.slug, name: c.name, arrangements, totalPence })
    .from(register)
    .innerJoin(c, eq(c.id, register.mainCategoryId))
    .groupBy(c.slug, c.name, c.sortOrder)
    .orderBy(desc(totalPence), desc(arrangements), c.sortOrder);
}

/** Per region of the lead organisation. Largest savings first. */
async function byRegionQuery(filters: DashboardFilters, day: string): Promise<GroupFigure[]> {
  const register = registerCte(day, filters);
  const arrangements = countRows(not(register.internal)).as("arrangements");
  const totalPence = sumPence(register.countedPence).as("total_pence");
  const rows = await db()
    .with(register)
    .select({ region: lead.region, arrangements, totalPence })
    .from(register)
    .innerJoin(lead, eq(lead.id, register.leadOrganisationId))
    .groupBy(lead.region)
    .orderBy(desc(totalPence), desc(arrangements), sql`${lead.region} NULLS LAST`);
  return rows.map((row) => ({
    key: regionByName(row.region)?.slug ?? null,
    name: row.region ?? "Region not recorded",
    arrangements: row.arrangements,
    totalPence: row.totalPence,
  }));
}

const partnerTypeRow = z
  .object({ key: z.enum(PARTNER_TYPES), arrangements: columns.int, total_pence: columns.bigint })
  .transform((row): PartnerTypeFigure => ({
    key: row.key,
    name: PARTNER_TYPE_LABELS[row.key],
    arrangements: row.arrangements,
    totalPence: row.total_pence,
  }));

/**
 * Per partner type, always all five in a fixed order. "Councils only" is an arrangement with no
 * organisation other than councils; the "with …" groups overlap (an arrangement with fire and
 * police partners is in both), so they do not add up to the headline.
 */
async function byPartnerTypeQuery(
  filters: DashboardFilters,
  day: string,
): Promise<PartnerTypeFigure[]> {
  const groups = sql.join(
    PARTNER_TYPES.map((type, index) => sql`(${type}::text, ${index}::int)`),
    sql`, `,
  );
  return checkedRows(
    db(),
    partnerTypeRow,
    sql`
    WITH register AS (${registerOnDay(day, filters)}),
    -- organisation_kinds is kept by a trigger from each revision's lead and partners.
    kinds AS (
      SELECT p.revision_id, p.internal, p.counted_pence,
             p.organisation_kinds <@ ARRAY['council']::organisation_kind[] AS councils_only,
             'fire' = ANY (p.organisation_kinds) AS fire,
             'police' = ANY (p.organisation_kinds) AS police,
             'health' = ANY (p.organisation_kinds) AS health,
             'other' = ANY (p.organisation_kinds) AS other
      FROM register p
    )
    SELECT g.key, (count(k.revision_id) FILTER (WHERE NOT k.internal))::int AS arrangements,
           COALESCE(SUM(k.counted_pence), 0)::bigint AS total_pence
    FROM (VALUES ${groups}) AS g(key, position)
    LEFT JOIN kinds k ON CASE g.key
        WHEN 'councils-only' THEN k.councils_only
        WHEN 'fire' THEN k.fire
        WHEN 'police' THEN k.police
        WHEN 'health' THEN k.health
        WHEN 'other' THEN k.other
      END
    GROUP BY g.key, g.position
    ORDER BY g.position
  `,
  );
}

/**
 * The largest arrangements by total savings (actual and forecast), ties broken by title and then
 * slug so the list is stable. Arrangements with no savings are never "largest": fewer than ten
 * rows come back when fewer than ten have savings.
 */
async function topArrangementsQuery(
  filters: DashboardFilters,
  day: string,
): Promise<TopArrangement[]> {
  const register = registerCte(day, filters);
  const c = serviceCategories;
  const rows = await db()
    .with(register)
    .select({
      slug: register.slug,
      title: register.title,
      leadCode: lead.code,
      leadName: lead.name,
      region: lead.region,
      categorySlug: c.slug,
      categoryName: c.name,
      totalPence: register.countedPence,
    })
    .from(register)
    .innerJoin(lead, eq(lead.id, register.leadOrganisationId))
    .innerJoin(c, eq(c.id, register.mainCategoryId))
    .where(and(not(register.internal), sql`${register.countedPence} > 0`))
    .orderBy(desc(register.countedPence), register.title, register.slug)
    .limit(TOP_ARRANGEMENTS);
  return rows.map((row, index) => ({ rank: index + 1, ...row }));
}

/**
 * Cached under the public tag, keyed by the filters in one normal form (so `{}` and
 * `{ region: undefined }` share an entry).
 */
function cachedByFilters<R>(
  name: string,
  query: (filters: DashboardFilters, day: string) => Promise<R>,
): (filters?: DashboardFilters, day?: string) => Promise<R> {
  const cached = cachedPublic(name, (region: string | null, category: string | null, day: string) =>
    query(
      {
        ...(region === null ? {} : { region }),
        ...(category === null ? {} : { category }),
      },
      day,
    ),
  );
  return (filters = {}, day = today()) =>
    cached(filters.region ?? null, filters.category ?? null, day);
}

/** The headline figures. */
export const getHeadline = cachedByFilters("headline", headlineQuery);

/** Savings per financial year, oldest first. */
export const getSavingsByYear = cachedByFilters("savings-by-year", savingsByYearQuery);

/** Arrangements and savings per main service category, largest savings first. */
export const getSavingsByCategory = cachedByFilters("savings-by-category", byCategoryQuery);

/** Arrangements and savings per region of the lead organisation, largest savings first. */
export const getSavingsByRegion = cachedByFilters("savings-by-region", byRegionQuery);

/** Arrangements and savings per partner type (overlapping groups), in a fixed order. */
export const getSavingsByPartnerType = cachedByFilters(
  "savings-by-partner-type",
  byPartnerTypeQuery,
);

/** The ten largest arrangements by total savings. */
export const getTopArrangements = cachedByFilters("top-arrangements", topArrangementsQuery);
