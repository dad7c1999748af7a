import type postgres from "postgres";
import { PARTNER_TYPES } from "@/lib/public/filters";
import { regionByName, regionBySlug } from "@/lib/public/regions";

/*
 * The dashboard's figures worked out independently of lib/stats, for the integration and
 * end-to-end tests: plain joins on arrangements.published_revision_id (approved), sums of the
 * savings lines themselves (not the trigger-kept totals the app reads), the filters spelled out
 * by hand, gaps and running totals done in JavaScript. Sums travel as text, so they are exact
 * whatever the connection's number parsing.
 */

export type Filters = { region?: string; category?: string };

/** Published arrangements for the filters, written out by hand. */
export function matching(sql: postgres.Sql, filters: Filters) {
  const regionName = filters.region ? regionBySlug(filters.region)!.name : null;
  return sql`
    select a.id as arrangement_id, r.id as revision_id, a.slug, r.title, a.is_illustrative,
           lead.region, lead.name as lead_name, lead.code as lead_code,
           c.slug as category_slug, c.name as category_name,
           coalesce((select sum(s.amount_pence) from revision_savings s
                      where s.revision_id = r.id), 0) as savings
    from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id
    join organisations lead on lead.id = a.lead_organisation_id
    join service_categories c on c.id = r.main_category_id
    where r.state = 'approved'
      ${regionName ? sql`and lead.region = ${regionName}` : sql``}
      ${
        filters.category
          ? sql`and (c.slug = ${filters.category} or r.id in (
                select rc.revision_id from revision_categories rc
                join service_categories c2 on c2.id = rc.category_id
                where c2.slug = ${filters.category}))`
          : sql``
      }`;
}

export async function expectedHeadline(sql: postgres.Sql, filters: Filters) {
  const regionName = filters.region ? regionBySlug(filters.region)!.name : null;
  const [totals] = await sql<
    {
      arrangements: number;
      illustrative: number;
      actual: string;
      forecast: string;
    }[]
  >`
    with m as (${matching(sql, filters)})
    select (select count(*)::int from m) as arrangements,
           (select count(*)::int from m where is_illustrative) as illustrative,
           coalesce((select sum(s.amount_pence) from revision_savings s join m on m.revision_id = s.revision_id
                      where s.kind = 'actual'), 0)::text as actual,
           coalesce((select sum(s.amount_pence) from revision_savings s join m on m.revision_id = s.revision_id
                      where s.kind = 'forecast'), 0)::text as forecast`;
  // The council count's day: 31 March after the register's latest savings year (all of it,
  // whatever the filters), never after today.
  const [day] = await sql<{ day: string }[]>`
    select to_char(least(make_date(max(s.financial_year) + 1, 3, 31), current_date), 'YYYY-MM-DD') as day
    from revision_savings s
    join arrangements a on a.published_revision_id = s.revision_id
    join arrangement_revisions r on r.id = s.revision_id and r.state = 'approved'`;
  const [councils] = await sql<{ existing: number; involved: number }[]>`
    with m as (${matching(sql, filters)}),
    existing as (
      select id from organisations
      where kind = 'council'
        and (start_date is null or start_date <= ${day!.day}::date)
        and (end_date is null or end_date >= ${day!.day}::date)
        ${regionName ? sql`and region = ${regionName}` : sql``})
    select (select count(*)::int from existing) as existing,
           (select count(distinct rp.organisation_id)::int
              from revision_partners rp join m on m.revision_id = rp.revision_id
             where rp.organisation_id in (select id from existing)) as involved`;
  const actual = BigInt(totals!.actual);
  const forecast = BigInt(totals!.forecast);
  return {
    arrangements: totals!.arrangements,
    illustrativeCount: totals!.illustrative,
    actualPence: actual,
    forecastPence: forecast,
    totalPence: actual + forecast,
    referenceDate: day!.day,
    councilsExisting: councils!.existing,
    councilsInvolved: councils!.involved,
  };
}

export async function expectedYears(sql: postgres.Sql, filters: Filters) {
  const rows = await sql<{ year: number; actual: string; forecast: string }[]>`
    with m as (${matching(sql, filters)})
    select s.financial_year::int as year,
           sum(case when s.kind = 'actual' then s.amount_pence else 0 end)::text as actual,
           sum(case when s.kind = 'forecast' then s.amount_pence else 0 end)::text as forecast
    from revision_savings s join m on m.revision_id = s.revision_id
    group by s.financial_year order by s.financial_year`;
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out = [];
  let cumulative = 0n;
  const first = rows[0]?.year;
  const last = rows[rows.length - 1]?.year;
  for (let year = first ?? 1; first !== undefined && year <= last!; year++) {
    const row = byYear.get(year);
    const actual = BigInt(row?.actual ?? "0");
    const forecast = BigInt(row?.forecast ?? "0");
    cumulative += actual + forecast;
    out.push({
      financialYear: year,
      actualPence: actual,
      forecastPence: forecast,
      totalPence: actual + forecast,
      cumulativePence: cumulative,
    });
  }
  return out;
}

export type Group = { key: string | null; arrangements: number; totalPence: bigint };

export async function expectedGroups(
  sql: postgres.Sql,
  filters: Filters,
  by: "category" | "region",
): Promise<Group[]> {
  const column = by === "category" ? sql`category_slug` : sql`region`;
  const rows = await sql<{ key: string | null; arrangements: number; total: string }[]>`
    with m as (${matching(sql, filters)})
    select ${column} as key, count(*)::int as arrangements, sum(savings)::text as total
    from m group by ${column}`;
  return rows
    .map((r) => ({
      key: by === "region" ? (regionByName(r.key)?.slug ?? null) : r.key,
      arrangements: r.arrangements,
      totalPence: BigInt(r.total),
    }))
    .sort(byKey);
}

export const byKey = (a: { key: string | null }, b: { key: string | null }) =>
  String(a.key).localeCompare(String(b.key));

export async function expectedPartnerTypes(sql: postgres.Sql, filters: Filters): Promise<Group[]> {
  const out: Group[] = [];
  for (const type of PARTNER_TYPES) {
    const condition =
      type === "councils-only"
        ? sql`not exists (select 1 from revision_partners rp join organisations o on o.id = rp.organisation_id
                           where rp.revision_id = m.revision_id and o.kind <> 'council')`
        : sql`exists (select 1 from revision_partners rp join organisations o on o.id = rp.organisation_id
                       where rp.revision_id = m.revision_id and o.kind = ${type})`;
    const [row] = await sql<{ arrangements: number; total: string }[]>`
      with m as (${matching(sql, filters)})
      select count(*)::int as arrangements, coalesce(sum(savings), 0)::text as total
      from m where ${condition}`;
    out.push({ key: type, arrangements: row!.arrangements, totalPence: BigInt(row!.total) });
  }
  return out;
}

export async function expectedTop(sql: postgres.Sql, filters: Filters) {
  const rows = await sql<{ slug: string; title: string; total: string; lead_name: string }[]>`
    with m as (${matching(sql, filters)})
    select slug, title, savings::text as total, lead_name from m
    where savings > 0
    order by savings desc, title, slug
    limit 10`;
  return rows.map((r, i) => ({
    rank: i + 1,
    slug: r.slug,
    title: r.title,
    leadName: r.lead_name,
    totalPence: BigInt(r.total),
  }));
}

/**
 * Forecasts for financial years that had ended on `day` (APP_TODAY; today in England when
 * absent), said as "the year's 31 March is before the day", and the savings without them.
 */
export async function expectedUnconfirmed(sql: postgres.Sql, filters: Filters, day?: string) {
  const on = day ? sql`${day}::date` : sql`(now() at time zone 'Europe/London')::date`;
  const [row] = await sql<{ unconfirmed: string; arrangements: number; without: string }[]>`
    with m as (${matching(sql, filters)}),
    lines as (
      select m.arrangement_id, s.amount_pence,
             s.kind = 'forecast' and make_date(s.financial_year + 1, 3, 31) < ${on} as past
      from revision_savings s join m on m.revision_id = s.revision_id)
    select coalesce(sum(amount_pence) filter (where past), 0)::text as unconfirmed,
           count(distinct arrangement_id) filter (where past)::int as arrangements,
           coalesce(sum(amount_pence) filter (where not past), 0)::text as without
    from lines`;
  return {
    unconfirmed: BigInt(row!.unconfirmed),
    arrangements: row!.arrangements,
    without: BigInt(row!.without),
  };
}
