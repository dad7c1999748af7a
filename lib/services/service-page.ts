import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { serviceCategoryBySlug, type ServiceCategoryDefinition } from "@/lib/categories";
import { today } from "@/lib/clock";
import { councilDirectory, existsOn } from "@/lib/councils/directory";
import { similarityTier, type SimilarityTier } from "@/lib/councils/similar";
import { registerOnDay } from "@/lib/public/register";
import { loadDashboard, type Dashboard } from "@/lib/stats/dashboard";
import { estimateSavings, type Comparable, type SavingsEstimate } from "./estimate";
import { NEWEST, SAVINGS_BANDS } from "./service-bands";

/*
 * A page per service category (/services/<slug>): the dashboard's figures for the category
 * (headline, savings by year, partner types, the largest arrangements: lib/stats, by the
 * register's rule), and what only this page shows — how savings per arrangement are spread, and
 * the newest arrangements. Everything is read on today's date, like the dashboard.
 */

export { NEWEST, SAVINGS_BANDS } from "./service-bands";

/**
 * The spread of savings per shared arrangement of the category (the savings that count by the
 * register's rule), over those that have recorded any: quartiles and a count per band.
 */
export type SavingsSpread = {
  /** Shared arrangements of the category today. */
  arrangements: number;
  /** Of those, the ones with savings recorded: what the quartiles are taken over. */
  withSavings: number;
  /** Quartiles (percentile_cont, rounded to the penny); null when none have savings. */
  lowerQuartilePence: bigint | null;
  medianPence: bigint | null;
  upperQuartilePence: bigint | null;
  bands: { label: string; arrangements: number }[];
};

export type NewArrangement = {
  slug: string;
  title: string;
  leadCode: string;
  leadName: string;
  /** The day (London) it was first published. */
  firstPublished: string;
};

export type ServicePage = {
  category: ServiceCategoryDefinition;
  day: string;
  dashboard: Dashboard;
  spread: SavingsSpread;
  newest: NewArrangement[];
};

const penceOrNull = columns.bigintText.nullable();

const spreadRow = z
  .object({
    arrangements: columns.int,
    with_savings: columns.int,
    q1: penceOrNull,
    median: penceOrNull,
    q3: penceOrNull,
    bands: z.array(columns.int),
  })
  .transform((r): SavingsSpread => ({
    arrangements: r.arrangements,
    withSavings: r.with_savings,
    lowerQuartilePence: r.q1,
    medianPence: r.median,
    upperQuartilePence: r.q3,
    bands: SAVINGS_BANDS.map(([label], i) => ({ label, arrangements: r.bands[i] ?? 0 })),
  }));

function spreadQuery(slug: string, day: string): Promise<SavingsSpread> {
  const bands = SAVINGS_BANDS.map(
    ([, from, below]) =>
      sql`(count(*) FILTER (WHERE p >= ${from}::bigint ${below === null ? sql`` : sql`AND p < ${below}::bigint`}))::int`,
  );
  const quartile = (q: number) =>
    sql`round(percentile_cont(${q}::float8) WITHIN GROUP (ORDER BY p) FILTER (WHERE p > 0))::bigint::text`;
  return checkedRow(
    db(),
    spreadRow,
    sql`WITH shared AS (
      SELECT r.counted_pence AS p FROM (${registerOnDay(day, { category: slug })}) r
      WHERE NOT r.internal
    )
    SELECT count(*)::int AS arrangements,
           (count(*) FILTER (WHERE p > 0))::int AS with_savings,
           ${quartile(0.25)} AS q1, ${quartile(0.5)} AS median, ${quartile(0.75)} AS q3,
           ARRAY[${sql.join(bands, sql`, `)}] AS bands
    FROM shared`,
  );
}

const newestRow = z
  .object({
    slug: z.string(),
    title: z.string(),
    lead_code: z.string(),
    lead_name: z.string(),
    first_published: columns.isoDate,
  })
  .transform((r): NewArrangement => ({
    slug: r.slug,
    title: r.title,
    leadCode: r.lead_code,
    leadName: r.lead_name,
    firstPublished: r.first_published,
  }));

function newestQuery(slug: string, day: string): Promise<NewArrangement[]> {
  return checkedRows(
    db(),
    newestRow,
    sql`WITH shared AS (
      SELECT r.arrangement_id, r.slug, r.title, r.lead_organisation_id
      FROM (${registerOnDay(day, { category: slug })}) r
      WHERE NOT r.internal
    )
    SELECT s.slug, s.title, lead.code AS lead_code, lead.name AS lead_name,
           to_char(min(v.reviewed_at AT TIME ZONE 'Europe/London'), 'YYYY-MM-DD') AS first_published
    FROM shared s
    JOIN organisations lead ON lead.id = s.lead_organisation_id
    JOIN arrangement_revisions v
      ON v.arrangement_id = s.arrangement_id AND v.state IN ('approved', 'superseded')
    GROUP BY s.slug, s.title, lead.code, lead.name
    ORDER BY first_published DESC, s.title, s.slug
    LIMIT ${NEWEST}`,
  );
}

const getSpread = cachedPublic("service-spread", spreadQuery);
const getNewest = cachedPublic("service-newest", newestQuery);

/** The service page for a category slug, or null when there is no such category. */
export async function getServicePage(slug: string): Promise<ServicePage | null> {
  const category = serviceCategoryBySlug(slug);
  if (!category) return null;
  const day = today();
  const [dashboard, spread, newest] = await Promise.all([
    loadDashboard({ category: slug }),
    getSpread(slug, day),
    getNewest(slug, day),
  ]);
  return { category, day, dashboard, spread, newest };
}

/* What could sharing save us? ------------------------------------------------------------- */

const comparableRow = z
  .object({
    annual_pence: z.coerce.number(),
    councils: columns.int,
    mean_population: z.coerce.number().nullable(),
    tiers: z.array(z.string().nullable()),
  })
  .transform((r) => ({
    comparable: {
      annualPence: r.annual_pence,
      councils: r.councils,
      meanPopulation: r.mean_population,
    } satisfies Comparable,
    tiers: r.tiers.flatMap((t) => similarityTier(t) ?? []),
  }));

/**
 * The category's shared arrangements today with savings, each with its savings a year (the
 * savings that count, over the financial years it has lines for), the councils taking part by
 * the register's rule, their mean population (null if one has none) and their tiers' types.
 */
function comparablesQuery(slug: string, day: string) {
  return checkedRows(
    db(),
    comparableRow,
    sql`WITH shared AS (
      SELECT r.arrangement_id, r.revision_id, r.counted_pence
      FROM (${registerOnDay(day, { category: slug })}) r
      WHERE NOT r.internal AND r.counted_pence > 0
    ),
    years AS (
      SELECT s.revision_id, count(DISTINCT s.financial_year) AS n
      FROM revision_savings s JOIN shared sh ON sh.revision_id = s.revision_id
      GROUP BY s.revision_id
    ),
    councils AS (
      SELECT DISTINCT x.arrangement_id, o.id, o.council_type, o.population
      FROM register_participants(${day}::date) x
      JOIN shared sh ON sh.arrangement_id = x.arrangement_id
      JOIN organisations o ON o.id = x.organisation_id AND o.kind = 'council'
    )
    SELECT (sh.counted_pence::numeric / y.n)::text AS annual_pence,
           count(c.id)::int AS councils,
           CASE WHEN count(c.population) = count(c.id) THEN avg(c.population)::text END
             AS mean_population,
           array_agg(DISTINCT c.council_type) AS tiers
    FROM shared sh
    JOIN years y ON y.revision_id = sh.revision_id
    JOIN councils c ON c.arrangement_id = sh.arrangement_id
    GROUP BY sh.arrangement_id, sh.counted_pence, y.n`,
  );
}

const getComparables = cachedPublic("service-comparables", comparablesQuery);

export type EstimateFor = {
  council: { code: string; name: string; population: number | null };
  tier: SimilarityTier;
  estimate: SavingsEstimate;
};

/** The councils existing today that have a tier, by name: those that can ask for an estimate. */
export async function estimateCouncils(): Promise<{ code: string; name: string }[]> {
  const { councils } = await councilDirectory();
  const day = today();
  return councils
    .filter((c) => existsOn(c, day) && similarityTier(c.councilType) !== null)
    .map((c) => ({ code: c.code, name: c.name }))
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
}

/**
 * What arrangements of the category involving councils of the same tier as `code` saved, per
 * partner council and year (lib/services/estimate.ts), or null for a council that does not
 * exist today or has no tier.
 */
export async function estimateFor(slug: string, code: string): Promise<EstimateFor | null> {
  const { councils } = await councilDirectory();
  const day = today();
  const council = councils.find((c) => c.code === code && existsOn(c, day));
  const tier = council ? similarityTier(council.councilType) : null;
  if (!council || !tier) return null;
  const rows = await getComparables(slug, day);
  const comparables = rows.filter((r) => r.tiers.includes(tier)).map((r) => r.comparable);
  return {
    council: { code: council.code, name: council.name, population: council.population },
    tier,
    estimate: estimateSavings(comparables, council.population),
  };
}
