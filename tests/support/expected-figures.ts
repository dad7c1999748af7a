import type postgres from "postgres";
import { REAL_SLUGS } from "@/db/seed/demo/real";
import { today } from "@/lib/clock";
import { splitPenceEqually } from "@/lib/money";
import { PARTNER_TYPES } from "@/lib/public/filters";
import { regionByName, regionBySlug } from "@/lib/public/regions";

/*
 * The dashboard's figures worked out independently of lib/stats, for the integration and
 * end-to-end tests: plain joins on arrangements.published_revision_id (approved), sums of the
 * savings lines themselves (not the trigger-kept totals the app reads), the filters spelled out
 * by hand, gaps and running totals done in JavaScript. Who takes part today, and which
 * arrangements are run within one council by now, come from the rule's SQL functions
 * (register_standing, register_participants; tests/integration/register.test.ts holds them to
 * the generator's rule). Sums travel as text, so they are exact whatever the connection's
 * number parsing.
 */

export type Filters = { region?: string; category?: string };

/** A savings line `s` that counts for standing `st`: an internal one's only before it was. */
const LINE_COUNTS = (sql: postgres.Sql) =>
  sql`(st.internal_from is null or make_date(s.financial_year, 4, 1) < st.internal_from)`;

/**
 * Published arrangements for the filters, written out by hand, as the register stood on
 * today() (APP_TODAY moves it), with their standing that day. For the real today these are the
 * arrangements' published_revision_id (tests/integration/register.test.ts checks it).
 * `asListed`: the published revisions now, every savings line counted, as the explorer lists
 * the records.
 */
export function matching(sql: postgres.Sql, filters: Filters, { asListed = false } = {}) {
  const regionName = filters.region ? regionBySlug(filters.region)!.name : null;
  return sql`
    select a.id as arrangement_id, r.id as revision_id, a.slug, r.title, a.is_illustrative,
           lead.region, lead.name as lead_name, lead.code as lead_code,
           c.slug as category_slug, c.name as category_name,
           st.internal, st.internal_from, st.running, st.participants,
           coalesce((select sum(s.amount_pence) from revision_savings s
                      where s.revision_id = r.id and ${LINE_COUNTS(sql)}), 0) as savings
    from ${
      asListed
        ? sql`arrangements a
            join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
            cross join (select false as internal, null::date as internal_from,
                               null::boolean as running, null::int as participants) st`
        : sql`register_standing(${today()}::date) st
            join arrangement_revisions r on r.id = st.revision_id
            join arrangements a on a.id = st.arrangement_id`
    }
    join organisations lead on lead.id = a.lead_organisation_id
    join service_categories c on c.id = r.main_category_id
    where true
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
      internal: number;
      illustrative: number;
      actual: string;
      forecast: string;
    }[]
  >`
    with m as (${matching(sql, filters)})
    select (select count(*)::int from m where not internal) as arrangements,
           (select count(*)::int from m where internal) as internal,
           (select count(*)::int from m where is_illustrative and not internal) as illustrative,
           coalesce((select sum(s.amount_pence) from revision_savings s join m st on st.revision_id = s.revision_id
                      where s.kind = 'actual' and ${LINE_COUNTS(sql)}), 0)::text as actual,
           coalesce((select sum(s.amount_pence) from revision_savings s join m st on st.revision_id = s.revision_id
                      where s.kind = 'forecast' and ${LINE_COUNTS(sql)}), 0)::text as forecast`;
  // Councils are counted on the day the figures are read: today.
  const day = today();
  const [councils] = await sql<{ existing: number; involved: number }[]>`
    with m as (${matching(sql, filters)}),
    existing as (
      select id from organisations
      where kind = 'council'
        and (start_date is null or start_date <= ${day}::date)
        and (end_date is null or end_date >= ${day}::date)
        ${regionName ? sql`and region = ${regionName}` : sql``})
    select (select count(*)::int from existing) as existing,
           (select count(distinct x.organisation_id)::int
              from register_participants(${day}::date) x
              join m on m.arrangement_id = x.arrangement_id and m.running and m.participants > 1
             where x.organisation_id in (select id from existing)) as involved`;
  const actual = BigInt(totals!.actual);
  const forecast = BigInt(totals!.forecast);
  return {
    arrangements: totals!.arrangements,
    internal: totals!.internal,
    illustrativeCount: totals!.illustrative,
    actualPence: actual,
    forecastPence: forecast,
    totalPence: actual + forecast,
    referenceDate: day,
    councilsExisting: councils!.existing,
    councilsInvolved: councils!.involved,
  };
}

type YearSums = { year: number; actual: string; forecast: string };

/**
 * Sums by year as the charts' rows: every year from the first to the last, with the running
 * total of all savings (the API's) and of actual savings alone (the tables').
 */
function fillYears(rows: YearSums[]) {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out = [];
  let cumulative = 0n;
  let actualToDate = 0n;
  const first = rows[0]?.year;
  const last = rows[rows.length - 1]?.year;
  for (let year = first ?? 1; first !== undefined && year <= last!; year++) {
    const row = byYear.get(year);
    const actual = BigInt(row?.actual ?? "0");
    const forecast = BigInt(row?.forecast ?? "0");
    cumulative += actual + forecast;
    actualToDate += actual;
    out.push({
      financialYear: year,
      actualPence: actual,
      forecastPence: forecast,
      totalPence: actual + forecast,
      cumulativePence: cumulative,
      actualToDatePence: actualToDate,
    });
  }
  return out;
}

/** The years as the register gives them, without the tables' running total of actuals. */
export function registerYears<T extends { actualToDatePence: bigint }>(
  years: T[],
): Omit<T, "actualToDatePence">[] {
  return years.map(({ actualToDatePence: _tables, ...year }) => year);
}

export async function expectedYears(sql: postgres.Sql, filters: Filters) {
  const rows = await sql<YearSums[]>`
    with m as (${matching(sql, filters)})
    select s.financial_year::int as year,
           sum(case when s.kind = 'actual' then s.amount_pence else 0 end)::text as actual,
           sum(case when s.kind = 'forecast' then s.amount_pence else 0 end)::text as forecast
    from revision_savings s join m st on st.revision_id = s.revision_id
    where ${LINE_COUNTS(sql)}
    group by s.financial_year order by s.financial_year`;
  return fillYears(rows);
}

/**
 * A council's savings by financial year on `day`: the savings lines that count of every
 * arrangement it takes part in by the rule (itself or via councils it replaced), each in full;
 * for a council that has ceased, of the arrangements recorded with it.
 */
export async function expectedCouncilYears(
  sql: postgres.Sql,
  code: string,
  day: string,
  { ceased = false } = {},
) {
  const rows = await sql<YearSums[]>`
    with st as (select * from register_standing(${day}::date)),
    me as (select id from organisations where code = ${code}),
    mine as (
      ${
        ceased
          ? sql`select st.arrangement_id from st join revision_partners rp
                  on rp.revision_id = st.revision_id and rp.organisation_id = (select id from me)`
          : sql`select distinct x.arrangement_id from register_participants(${day}::date) x
                where x.organisation_id = (select id from me)`
      })
    select s.financial_year::int as year,
           sum(case when s.kind = 'actual' then s.amount_pence else 0 end)::text as actual,
           sum(case when s.kind = 'forecast' then s.amount_pence else 0 end)::text as forecast
    from mine m join st using (arrangement_id)
    join revision_savings s on s.revision_id = st.revision_id
    where ${LINE_COUNTS(sql)}
    group by s.financial_year order by s.financial_year`;
  return fillYears(rows);
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
    select ${column} as key, (count(*) filter (where not internal))::int as arrangements,
           sum(savings)::text as total
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
      select (count(*) filter (where not internal))::int as arrangements,
             coalesce(sum(savings), 0)::text as total
      from m where ${condition}`;
    out.push({ key: type, arrangements: row!.arrangements, totalPence: BigInt(row!.total) });
  }
  return out;
}

export async function expectedTop(sql: postgres.Sql, filters: Filters) {
  const rows = await sql<{ slug: string; title: string; total: string; lead_name: string }[]>`
    with m as (${matching(sql, filters)})
    select slug, title, savings::text as total, lead_name from m
    where savings > 0 and not internal
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
export async function expectedUnconfirmed(
  sql: postgres.Sql,
  filters: Filters,
  day?: string,
  options: { asListed?: boolean } = {},
) {
  const on = day ? sql`${day}::date` : sql`(now() at time zone 'Europe/London')::date`;
  const [row] = await sql<{ unconfirmed: string; arrangements: number; without: string }[]>`
    with m as (${matching(sql, filters, options)}),
    lines as (
      select st.arrangement_id, s.amount_pence,
             s.kind = 'forecast' and make_date(s.financial_year + 1, 3, 31) < ${on} as past
      from revision_savings s join m st on st.revision_id = s.revision_id
      where ${LINE_COUNTS(sql)})
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

/* The register on any day, by the rule's SQL functions -------------------------------------- */

/**
 * The register's figures on `day`, aggregated here by the design's definitions over the rule's
 * functions: published less internal; the standing revisions' savings, an internal one's only
 * for years before it became internal; councils existing on the day in a running, shared
 * arrangement. `demoOnly` counts the demo set alone (other suites' fixtures are approved today,
 * after every LGA edition anyway).
 */
export async function expectedDayFigures(
  sql: postgres.Sql,
  day: string,
  { demoOnly = false }: { demoOnly?: boolean } = {},
) {
  const [row] = await sql<
    { published: number; internal: number; pence: string; involved: number; existing: number }[]
  >`
    with standing as (
      select st.* from register_standing(${day}::date) st
      join arrangements a on a.id = st.arrangement_id
      where ${demoOnly ? sql`a.is_illustrative or a.slug in ${sql(REAL_SLUGS)}` : sql`true`}
    )
    select
      (select count(*)::int from standing) as published,
      (select count(*)::int from standing where internal) as internal,
      (select coalesce(sum(s.amount_pence), 0)::text from revision_savings s
         join standing st on st.revision_id = s.revision_id
         where ${LINE_COUNTS(sql)}) as pence,
      (select count(distinct x.organisation_id)::int from register_participants(${day}::date) x
         join standing st on st.arrangement_id = x.arrangement_id
                         and st.running and st.participants > 1
         join organisations o on o.id = x.organisation_id and o.kind = 'council'
         where (o.start_date is null or o.start_date <= ${day}::date)
           and (o.end_date is null or o.end_date >= ${day}::date)) as involved,
      (select count(*)::int from organisations o where o.kind = 'council'
         and (o.start_date is null or o.start_date <= ${day}::date)
         and (o.end_date is null or o.end_date >= ${day}::date)) as existing`;
  return { ...row!, arrangements: row!.published - row!.internal, totalPence: BigInt(row!.pence) };
}

export type CouncilFigures = { arrangements: number; via: number; pence: bigint; share: bigint };

/**
 * Each region's population on `day`: its councils existing that day other than county councils
 * (whose residents are their districts'), by region name.
 */
export async function expectedRegionPopulations(
  sql: postgres.Sql,
  day: string,
): Promise<Map<string, number>> {
  const rows = await sql<{ region: string; population: number }[]>`
    select region, sum(population)::int as population from organisations
    where kind = 'council' and council_type <> 'CTY' and region is not null
      and (start_date is null or start_date <= ${day}::date)
      and (end_date is null or end_date >= ${day}::date)
    group by region`;
  return new Map(rows.map((r) => [r.region, r.population]));
}

export type ArrangementShares = { slug: string; pence: bigint; shares: Map<string, bigint> };

/**
 * Every arrangement taking part on `day` by the rule, with its savings that count and each
 * organisation's equal share by code: worked out here from hand-written SQL and
 * `splitPenceEqually` (the remainder pennies to the lead, then by organisation code).
 */
export async function expectedShares(
  sql: postgres.Sql,
  day: string,
): Promise<Map<number, ArrangementShares>> {
  const rows = await sql<
    { arrangement_id: number; slug: string; pence: string; codes: string[] }[]
  >`
    with st as (select * from register_standing(${day}::date)),
    counted as (
      select st.arrangement_id,
             coalesce(sum(s.amount_pence) filter (where ${LINE_COUNTS(sql)}), 0) as pence
      from st left join revision_savings s on s.revision_id = st.revision_id
      group by st.arrangement_id
    ),
    taking as (select distinct arrangement_id, organisation_id
               from register_participants(${day}::date))
    select c.arrangement_id, a.slug, c.pence::text as pence,
           array_agg(o.code order by o.id = a.lead_organisation_id desc, o.code) as codes
    from counted c join arrangements a on a.id = c.arrangement_id
    join taking t on t.arrangement_id = c.arrangement_id
    join organisations o on o.id = t.organisation_id
    group by c.arrangement_id, a.slug, c.pence`;
  return new Map(
    rows.map((r) => {
      const pence = BigInt(r.pence);
      const split = splitPenceEqually(pence, r.codes.length);
      return [
        r.arrangement_id,
        { slug: r.slug, pence, shares: new Map(r.codes.map((code, i) => [code, split[i]!])) },
      ];
    }),
  );
}

/**
 * Every council's figures on `day` by the rule, by code: the shared arrangements it takes part
 * in (itself, or only via councils it replaced: `via`), and the savings lines that count of
 * every arrangement it takes part in.
 */
export async function expectedCouncilFigures(
  sql: postgres.Sql,
  day: string,
): Promise<Map<string, CouncilFigures>> {
  const rows = await sql<{ code: string; arrangements: number; via: number; pence: string }[]>`
    with st as (select * from register_standing(${day}::date)),
    counted as (
      select st.arrangement_id, st.internal,
             coalesce(sum(s.amount_pence) filter (where ${LINE_COUNTS(sql)}), 0) as pence
      from st left join revision_savings s on s.revision_id = st.revision_id
      group by st.arrangement_id, st.internal
    ),
    taking as (
      select x.arrangement_id, x.organisation_id, bool_and(x.via_organisation_id is not null) as via
      from register_participants(${day}::date) x group by 1, 2
    )
    select o.code, count(*) filter (where not c.internal)::int as arrangements,
           count(*) filter (where not c.internal and t.via)::int as via,
           sum(c.pence)::text as pence
    from taking t join counted c using (arrangement_id)
    join organisations o on o.id = t.organisation_id
    group by o.code`;
  const shareByCode = new Map<string, bigint>();
  for (const a of (await expectedShares(sql, day)).values())
    for (const [code, share] of a.shares)
      shareByCode.set(code, (shareByCode.get(code) ?? 0n) + share);
  return new Map(
    rows.map((r) => [
      r.code,
      {
        arrangements: r.arrangements,
        via: r.via,
        pence: BigInt(r.pence),
        share: shareByCode.get(r.code) ?? 0n,
      },
    ]),
  );
}

export type CouncilRow = { slug: string; role: string; internal: boolean; pence: bigint };

/**
 * A current council's arrangements on `day` by the rule, one row each: its role (or "via" when
 * only for councils it replaced), whether it is now internal, and its savings that count.
 */
export async function expectedCouncilRows(
  sql: postgres.Sql,
  code: string,
  day: string,
): Promise<CouncilRow[]> {
  const rows = await sql<{ slug: string; role: string; internal: boolean; pence: string }[]>`
    with st as (select * from register_standing(${day}::date)),
    me as (select id from organisations where code = ${code}),
    mine as (
      select x.arrangement_id, bool_or(x.via_organisation_id is null) as named
      from register_participants(${day}::date) x
      where x.organisation_id = (select id from me) group by 1)
    select a.slug, st.internal,
           case when m.named then rp.role::text else 'via' end as role,
           coalesce((select sum(s.amount_pence) from revision_savings s
                     where s.revision_id = st.revision_id and ${LINE_COUNTS(sql)}), 0)::text as pence
    from mine m join st using (arrangement_id)
    join arrangements a on a.id = m.arrangement_id
    left join revision_partners rp
      on rp.revision_id = st.revision_id and rp.organisation_id = (select id from me)`;
  return rows.map((r) => ({ ...r, pence: BigInt(r.pence) }));
}

/** The organisations taking part with a council in its shared arrangements on `day`. */
export async function expectedCouncilNetwork(sql: postgres.Sql, code: string, day: string) {
  return sql<{ code: string; n: number }[]>`
    with st as (select * from register_standing(${day}::date)),
    p as (select distinct arrangement_id, organisation_id from register_participants(${day}::date))
    select o.code, count(*)::int as n
    from p me join p other on other.arrangement_id = me.arrangement_id
      and other.organisation_id <> me.organisation_id
    join st on st.arrangement_id = me.arrangement_id and not st.internal
    join organisations o on o.id = other.organisation_id
    where me.organisation_id = (select id from organisations where code = ${code})
    group by o.code`;
}

/**
 * The shared arrangements of a category on `day` (main or further category), and the councils
 * taking part in them by the rule: one row per arrangement and council, for those taking part
 * for a council they replaced too; arrangements run within one council left out.
 */
export function categoryParticipants(sql: postgres.Sql, category: string, day: string) {
  return sql`
    with st as (select * from register_standing(${day}::date)),
    cat as (
      select st.arrangement_id, a.is_illustrative from st
      join arrangement_revisions r on r.id = st.revision_id
      join arrangements a on a.id = st.arrangement_id
      where not st.internal
        and (r.main_category_id = (select id from service_categories where slug = ${category})
             or exists (select 1 from revision_categories rc
                        where rc.revision_id = r.id
                          and rc.category_id = (select id from service_categories where slug = ${category}))))
    select distinct cat.arrangement_id, cat.is_illustrative, o.code
    from cat join register_participants(${day}::date) x using (arrangement_id)
    join organisations o on o.id = x.organisation_id and o.kind = 'council'`;
}
