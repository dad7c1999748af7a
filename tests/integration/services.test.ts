process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { today } from "@/lib/clock";
import { getServicePage, NEWEST, SAVINGS_BANDS } from "@/lib/services/service-page";
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
