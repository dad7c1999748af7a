process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { today } from "@/lib/clock";
import { estimateFor, getServicePage, NEWEST, SAVINGS_BANDS } from "@/lib/services/service-page";
import { testDatabase } from "../support/db";
import { expectedHeadline } from "../support/expected-figures";

/*
 * The service pages (issue 16, item 4) against SQL written here: a category's shared
 * arrangements and the savings that count for each (by the register's rule), their quartiles
 * and bands, and the newest by first publication.
 */

const { sql } = testDatabase();

afterAll(async () => {
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

/** Each shared arrangement of the category today, with the savings that count for it. */
function sharedOfCategory(slug: string) {
  const day = today();
  return sql<{ slug: string; pence: string; first: string }[]>`
    with st as (select * from register_standing(${day}::date) where not internal),
    cat as (select id from service_categories where slug = ${slug})
    select a.slug,
           coalesce((select sum(s.amount_pence) from revision_savings s
                      where s.revision_id = st.revision_id), 0)::text as pence,
           (select to_char(min(v.reviewed_at at time zone 'Europe/London'), 'YYYY-MM-DD')
              from arrangement_revisions v
             where v.arrangement_id = a.id and v.state in ('approved', 'superseded')) as first
    from st join arrangements a on a.id = st.arrangement_id
    join arrangement_revisions r on r.id = st.revision_id
    where r.main_category_id = (select id from cat)
       or exists (select 1 from revision_categories rc
                  where rc.revision_id = r.id and rc.category_id = (select id from cat))`;
}

/** The q quantile of sorted values as percentile_cont takes it (linear between neighbours). */
function quantile(sorted: bigint[], q: number): bigint {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const value = Number(sorted[lo]!) + (Number(sorted[hi]!) - Number(sorted[lo]!)) * (at - lo);
  return BigInt(Math.round(value));
}

describe("a service's page", () => {
  it.each(["legal", "ict", "adult-social-care"])(
    "%s: the dashboard's headline, the spread of savings and the newest, as SQL gives them",
    async (slug) => {
      const page = (await getServicePage(slug))!;
      expect(page.category.slug).toBe(slug);
      const headline = await expectedHeadline(sql, { category: slug });
      expect(page.dashboard.headline.arrangements).toBe(headline.arrangements);

      const rows = await sharedOfCategory(slug);
      expect(page.spread.arrangements).toBe(rows.length);
      const savings = rows
        .map((r) => BigInt(r.pence))
        .filter((p) => p > 0n)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(page.spread.withSavings).toBe(savings.length);
      expect(savings.length).toBeGreaterThan(0);
      expect(page.spread.medianPence).toBe(quantile(savings, 0.5));
      expect(page.spread.lowerQuartilePence).toBe(quantile(savings, 0.25));
      expect(page.spread.upperQuartilePence).toBe(quantile(savings, 0.75));
      expect(page.spread.bands.map((b) => b.arrangements)).toEqual(
        SAVINGS_BANDS.map(
          ([, from, below]) =>
            savings.filter((p) => p >= from && (below === null || p < below)).length,
        ),
      );
      expect(page.spread.bands.reduce((n, b) => n + b.arrangements, 0)).toBe(savings.length);

      const newest = [...rows]
        .sort((a, b) => b.first.localeCompare(a.first))
        .slice(0, NEWEST)
        .map((r) => r.first);
      expect(page.newest.map((a) => a.firstPublished)).toEqual(newest);
    },
  );

  it("is not there for a category that does not exist", async () => {
    expect(await getServicePage("no-such-service")).toBeNull();
  });
});

/**
 * The estimate's figures in SQL: the category's shared arrangements today with savings, involving
 * a council of the given ONS types; each one's savings a year (over its years with lines) per
 * council taking part; their correlation with the councils' mean population (log–log), and the
 * quartiles, scaled to `population` when `scale`.
 */
async function estimateBySql(slug: string, types: string[], population: number, scale: boolean) {
  const day = today();
  const [row] = await sql<
    { n: number; r: number | null; q1: string | null; q2: string | null; q3: string | null }[]
  >`
    with st as (select * from register_standing(${day}::date) where not internal),
    cat as (select id from service_categories where slug = ${slug}),
    arr as (
      select st.arrangement_id,
             (select sum(s.amount_pence) from revision_savings s where s.revision_id = st.revision_id) as total,
             (select count(distinct s.financial_year) from revision_savings s where s.revision_id = st.revision_id) as years
      from st join arrangement_revisions r on r.id = st.revision_id
      where r.main_category_id = (select id from cat)
         or exists (select 1 from revision_categories rc
                    where rc.revision_id = r.id and rc.category_id = (select id from cat))
    ),
    taking as (
      select distinct x.arrangement_id, o.id, o.population, o.council_type
      from register_participants(${day}::date) x
      join organisations o on o.id = x.organisation_id and o.kind = 'council'
    ),
    councils as (
      -- The mean population only when every council taking part has one.
      select arrangement_id, count(*) as n,
             case when count(population) = count(*) then avg(population) end as mean_population,
             bool_or(council_type in ${sql(types)}) as of_tier
      from taking group by arrangement_id
    ),
    per as (
      select a.total::float8 / a.years / c.n as value, c.mean_population::float8 as pop
      from arr a join councils c using (arrangement_id)
      where a.total > 0 and c.of_tier
    )
    select count(*)::int as n, corr(ln(value), ln(pop)) as r,
           round(percentile_cont(0.25) within group (order by case when ${scale} then value * ${population} / pop else value end))::text as q1,
           round(percentile_cont(0.5) within group (order by case when ${scale} then value * ${population} / pop else value end))::text as q2,
           round(percentile_cont(0.75) within group (order by case when ${scale} then value * ${population} / pop else value end))::text as q3
    from per`;
  return row!;
}

describe("what sharing a service could save a council", () => {
  it("gives a district council the quartiles of comparable arrangements' savings per council a year", async () => {
    const [exeter] = await sql<{ code: string; population: number }[]>`
      select code, population from organisations where name = 'Exeter City Council'`;
    const answer = (await estimateFor("legal", exeter!.code))!;
    expect(answer.tier).toBe("district");
    const unscaled = await estimateBySql("legal", ["NMD"], exeter!.population, false);
    expect(unscaled.n).toBeGreaterThanOrEqual(5);
    const scale = unscaled.n >= 10 && unscaled.r !== null && unscaled.r >= 0.5;
    const expected = scale
      ? await estimateBySql("legal", ["NMD"], exeter!.population, true)
      : unscaled;
    expect(answer.estimate).toMatchObject({
      kind: "estimate",
      count: unscaled.n,
      scaled: scale,
      lowerQuartilePence: BigInt(expected.q1!),
      medianPence: BigInt(expected.q2!),
      upperQuartilePence: BigInt(expected.q3!),
    });
    if (answer.estimate.kind === "estimate" && unscaled.r !== null) {
      expect(answer.estimate.correlation).toBeCloseTo(unscaled.r, 9);
    }
  });

  it("says there are too few when fewer than five comparable arrangements have savings", async () => {
    // Devon is a county council; few adult social care arrangements with savings involve one.
    const answer = (await estimateFor("adult-social-care", "E10000008"))!;
    expect(answer.tier).toBe("county");
    const bySql = await estimateBySql("adult-social-care", ["CTY"], 1, false);
    expect(bySql.n).toBeLessThan(5);
    expect(answer.estimate).toEqual({ kind: "too-few", count: bySql.n });
  });

  it("has no estimate for a council that does not exist today", async () => {
    // Allerdale Borough Council was replaced by Cumberland in 2023.
    expect(await estimateFor("legal", "E07000026")).toBeNull();
    expect(await estimateFor("legal", "nonsense")).toBeNull();
  });
});
