process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getService } from "@/app/api/v1/services/[slug]/route";
import { today } from "@/lib/clock";
import { financialYearLabel } from "@/lib/financial-year";
import { SAVINGS_BANDS } from "@/lib/services/service-bands";
import { closeDatabases, testDatabase } from "../support/db";
import { expectedHeadline, expectedPartnerTypes, expectedYears } from "../support/expected-figures";
import { OpenApiValidator, type OpenApiDoc } from "../support/openapi";

/*
 * GET /api/v1/services/{slug}: a service page's figures as JSON, valid against the OpenAPI
 * document and equal to SQL written here and in tests/support/expected-figures.ts (by the
 * register's rule functions): headline, years, partner types, and the spread of savings per
 * arrangement by percentile_cont over the savings lines themselves. 404 for no such service.
 */

const { sql } = testDatabase();
const BASE = "http://services.test";
let validator: OpenApiValidator;

beforeAll(async () => {
  const doc = await (
    await getOpenApi(new Request(`${BASE}/api/v1/openapi.json`), undefined)
  ).json();
  validator = new OpenApiValidator(doc as OpenApiDoc);
});

afterAll(() => closeDatabases(sql));

async function call(path: string) {
  const url = new URL(path, BASE);
  const slug = decodeURIComponent(url.pathname.split("/").pop()!);
  const response = await getService(new Request(url), { params: Promise.resolve({ slug }) });
  const body = (await response.json()) as Record<string, unknown>;
  const problems = validator.check(url.pathname, "GET", response.status, body);
  expect(problems, `${path}: ${problems.join("; ")}`).toEqual([]);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return { status: response.status, body };
}

/** Quartiles and bands of the savings that count per shared arrangement of the category today. */
async function expectedSpread(slug: string) {
  const [row] = await sql<
    { n: number; with_savings: number; q1: string; q2: string; q3: string; bands: number[] }[]
  >`
    with st as (select * from register_standing(${today()}::date)
                where not internal),
    cat as (select id from service_categories where slug = ${slug}),
    shared as (
      select coalesce((select sum(s.amount_pence) from revision_savings s
                        where s.revision_id = st.revision_id), 0) as p
      from st join arrangement_revisions r on r.id = st.revision_id
      where r.main_category_id = (select id from cat)
         or exists (select 1 from revision_categories rc
                    where rc.revision_id = r.id and rc.category_id = (select id from cat)))
    select count(*)::int as n, (count(*) filter (where p > 0))::int as with_savings,
           round(percentile_cont(0.25) within group (order by p) filter (where p > 0))::text as q1,
           round(percentile_cont(0.5) within group (order by p) filter (where p > 0))::text as q2,
           round(percentile_cont(0.75) within group (order by p) filter (where p > 0))::text as q3,
           array[${sql.unsafe(
             SAVINGS_BANDS.map(
               ([, from, below]) =>
                 `(count(*) filter (where p >= ${from}${below === null ? "" : ` and p < ${below}`}))::int`,
             ).join(", "),
           )}] as bands
    from shared`;
  return row!;
}

type Json = Record<string, unknown>;

describe("GET /api/v1/services/{slug}", () => {
  it.each(["legal", "procurement-and-commissioning"])(
    "%s: the service page's figures, as SQL gives them",
    async (slug) => {
      const { status, body } = await call(`/api/v1/services/${slug}`);
      expect(status).toBe(200);
      expect((body.category as Json).slug).toBe(slug);
      expect(body.url).toBe(`/services/${slug}`);

      const headline = await expectedHeadline(sql, { category: slug });
      expect(body.headline).toMatchObject({
        arrangements: headline.arrangements,
        internal_arrangements: headline.internal,
        councils_involved: headline.councilsInvolved,
        councils_existing: headline.councilsExisting,
        total_pence: String(headline.totalPence),
        actual_pence: String(headline.actualPence),
        forecast_pence: String(headline.forecastPence),
        illustrative_arrangements: headline.illustrativeCount,
      });
      expect(body.savings_by_year).toEqual(
        (await expectedYears(sql, { category: slug })).map((y) => ({
          financial_year: financialYearLabel(y.financialYear),
          financial_year_start: y.financialYear,
          actual_pence: String(y.actualPence),
          forecast_pence: String(y.forecastPence),
          total_pence: String(y.totalPence),
          cumulative_pence: String(y.cumulativePence),
        })),
      );
      expect(
        (body.by_partner_type as Json[]).map((g) => [
          g.partner_type,
          g.arrangements,
          g.total_pence,
        ]),
      ).toEqual(
        (await expectedPartnerTypes(sql, { category: slug })).map((g) => [
          g.key,
          g.arrangements,
          String(g.totalPence),
        ]),
      );

      const spread = await expectedSpread(slug);
      expect(spread.with_savings).toBeGreaterThan(0);
      expect(body.savings_spread).toEqual({
        arrangements: spread.n,
        with_savings: spread.with_savings,
        lower_quartile_pence: spread.q1,
        median_pence: spread.q2,
        upper_quartile_pence: spread.q3,
        bands: SAVINGS_BANDS.map(([label, from, below], i) => ({
          label,
          from_pence: String(from),
          below_pence: below === null ? null : String(below),
          arrangements: spread.bands[i],
        })),
      });
      expect((body.newest_arrangements as Json[]).length).toBeGreaterThan(0);
    },
  );

  it("answers 404 for a slug that is no service, and 400 for a parameter it does not take", async () => {
    const missing = await call("/api/v1/services/no-such-service");
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/No service has the slug "no-such-service"/);
    const odd = await call("/api/v1/services/%3Cscript%3E");
    expect(odd.status).toBe(404);
    const param = await call("/api/v1/services/legal?region=london");
    expect(param.status).toBe(400);
    expect(param.body.message).toMatch(/does not take the parameter "region"/);
  });
});
