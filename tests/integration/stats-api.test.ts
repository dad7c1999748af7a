// The handlers read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { GET as statsGet, OPTIONS as statsOptions } from "@/app/api/v1/stats/route";
import { GET as dashboardCsv } from "@/app/data/dashboard/[file]/route";
import { buildOpenApiDocument } from "@/lib/open-data/openapi";
import { statsPaths } from "@/lib/open-data/openapi-stats";
import { API_CACHE_CONTROL } from "@/lib/open-data/api";
import { OpenApiValidator, type OpenApiDoc } from "../support/openapi";
import { regionByName } from "@/lib/public/regions";
import { testDatabase } from "../support/db";
import * as bySql from "../support/expected-figures";

/*
 * /api/v1/stats and the dashboard's per-chart CSVs against SQL written in the test
 * (tests/support/expected-figures.ts), with and without filters; the JSON against its own
 * OpenAPI schema; malformed parameters answered 400, never 500.
 */

const { sql } = testDatabase();

afterAll(async () => {
  await sql.end();
  await appSql().end();
});

const FILTER_SETS: [string, bySql.Filters, string][] = [
  ["no filters", {}, ""],
  [
    "a region and a category",
    { region: "north-west", category: "revenues-and-benefits" },
    "?region=north-west&category=revenues-and-benefits",
  ],
];

const stats = (query: string, init?: RequestInit) =>
  statsGet(new Request(`http://localhost/api/v1/stats${query}`, init));
const document = new OpenApiValidator(buildOpenApiDocument() as unknown as OpenApiDoc);

const chartCsv = (file: string, query: string) =>
  dashboardCsv(new Request(`http://localhost/data/dashboard/${file}${query}`), {
    params: Promise.resolve({ file }),
  });

const pounds = (pence: bigint) => `${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`;

describe.each(FILTER_SETS)("/api/v1/stats with %s", (_label, filters, query) => {
  it("returns the dashboard's figures, equal to SQL, in its documented shape", async () => {
    const response = await stats(query);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await response.json();
    expect(document.check("/api/v1/stats", "get", 200, body)).toEqual([]);

    const headline = await bySql.expectedHeadline(sql, filters);
    const unconfirmed = await bySql.expectedUnconfirmed(sql, filters);
    expect(body.filters).toEqual({
      region: filters.region ?? null,
      category: filters.category ?? null,
    });
    expect(body.headline).toEqual({
      arrangements: headline.arrangements,
      internal_arrangements: headline.internal,
      councils_involved: headline.councilsInvolved,
      councils_existing: headline.councilsExisting,
      councils_reference_date: headline.referenceDate,
      total_pence: String(headline.totalPence),
      actual_pence: String(headline.actualPence),
      forecast_pence: String(headline.forecastPence),
      unconfirmed_forecast_pence: String(unconfirmed.unconfirmed),
      unconfirmed_forecast_arrangements: unconfirmed.arrangements,
      illustrative_arrangements: headline.illustrativeCount,
    });
    expect(body.savings_by_year).toEqual(
      (await bySql.expectedYears(sql, filters)).map((y) => ({
        financial_year: `${y.financialYear}/${String((y.financialYear + 1) % 100).padStart(2, "0")}`,
        financial_year_start: y.financialYear,
        actual_pence: String(y.actualPence),
        forecast_pence: String(y.forecastPence),
        total_pence: String(y.totalPence),
        cumulative_pence: String(y.cumulativePence),
      })),
    );
    const groups = (rows: { arrangements: number; total_pence: string }[], key: string) =>
      rows
        .map((r) => ({
          key: (r as unknown as Record<string, string>)[key]!,
          arrangements: r.arrangements,
          totalPence: BigInt(r.total_pence),
        }))
        .sort(bySql.byKey);
    expect(groups(body.by_category, "category")).toEqual(
      await bySql.expectedGroups(sql, filters, "category"),
    );
    expect(groups(body.by_region, "region")).toEqual(
      await bySql.expectedGroups(sql, filters, "region"),
    );
    expect(
      body.by_partner_type.map(
        (g: { partner_type: string; arrangements: number; total_pence: string }) => ({
          key: g.partner_type,
          arrangements: g.arrangements,
          totalPence: BigInt(g.total_pence),
        }),
      ),
    ).toEqual(await bySql.expectedPartnerTypes(sql, filters));
    expect(
      body.top_arrangements.map(
        (t: {
          rank: number;
          slug: string;
          title: string;
          lead_organisation_name: string;
          total_pence: string;
        }) => ({
          rank: t.rank,
          slug: t.slug,
          title: t.title,
          leadName: t.lead_organisation_name,
          totalPence: BigInt(t.total_pence),
        }),
      ),
    ).toEqual(await bySql.expectedTop(sql, filters));
  });

  it("answers 304 when the copy the client holds is current", async () => {
    const first = await stats(query);
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("cache-control")).toBe(API_CACHE_CONTROL);
    const again = await stats(query, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });
});

describe("/api/v1/stats refuses malformed parameters", () => {
  it.each([
    "?region=atlantis",
    "?category=knitting",
    "?region=london&region=north-east",
    "?category=legal&category=ict",
    "?region=%00",
  ])("%s: 400 { status, message }, open to every origin", async (query) => {
    const response = await stats(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = await response.json();
    expect(document.check("/api/v1/stats", "get", 400, body)).toEqual([]);
    expect(body.status).toBe(400);
    expect(body.message).toMatch(/region|category/i);
  });

  it("refuses parameters it does not know, as every /api/v1 endpoint does", async () => {
    const response = await stats("?utm_source=newsletter");
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ utm_source: "Unknown parameter" });
    expect(document.check("/api/v1/stats", "get", 400, body)).toEqual([]);
  });

  it("answers the CORS preflight", async () => {
    const response = statsOptions();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });

  it("is described for the API document: parameters list every region and category", () => {
    const parameters = statsPaths["/api/v1/stats"].get.parameters;
    expect(parameters.map((p) => p.name)).toEqual(["region", "category"]);
    expect(parameters[0]!.schema.enum).toContain("yorkshire-and-the-humber");
    expect(parameters[1]!.schema.enum).toContain("revenues-and-benefits");
  });
});

describe.each(FILTER_SETS)("dashboard CSVs with %s", (_label, filters, query) => {
  async function rows(file: string) {
    const response = await chartCsv(file, query);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const text = await response.text();
    expect(text).toMatch(/\r\n$/);
    return parse(text, { bom: true, columns: true }) as Record<string, string>[];
  }

  it("savings-by-year.csv: each year in pounds and pence, labels and start years", async () => {
    expect(await rows("savings-by-year.csv")).toEqual(
      (await bySql.expectedYears(sql, filters)).map((y) => ({
        financial_year: `${y.financialYear}/${String((y.financialYear + 1) % 100).padStart(2, "0")}`,
        financial_year_start: String(y.financialYear),
        actual_pounds: pounds(y.actualPence),
        actual_pence: String(y.actualPence),
        forecast_pounds: pounds(y.forecastPence),
        forecast_pence: String(y.forecastPence),
        total_pounds: pounds(y.totalPence),
        total_pence: String(y.totalPence),
        actual_running_total_pounds: pounds(y.actualToDatePence),
        actual_running_total_pence: String(y.actualToDatePence),
      })),
    );
  });

  it("savings-by-category.csv and savings-by-region.csv: arrangements and savings per group", async () => {
    const categories = await sql<{ slug: string; name: string }[]>`
      select slug, name from service_categories`;
    const nameOf = new Map(categories.map((c) => [c.name, c.slug]));
    const byCategory = (await rows("savings-by-category.csv")).map((r) => ({
      key: nameOf.get(r.service_category!)!,
      arrangements: Number(r.arrangements),
      totalPence: BigInt(r.savings_pence!),
      pounds: r.savings_pounds,
    }));
    for (const r of byCategory) expect(r.pounds).toBe(pounds(r.totalPence));
    expect(byCategory.map(({ pounds: _p, ...g }) => g).sort(bySql.byKey)).toEqual(
      await bySql.expectedGroups(sql, filters, "category"),
    );
    const byRegion = (await rows("savings-by-region.csv")).map((r) => ({
      key: regionByName(r.region)?.slug ?? null,
      arrangements: Number(r.arrangements),
      totalPence: BigInt(r.savings_pence!),
    }));
    expect(byRegion.sort(bySql.byKey)).toEqual(await bySql.expectedGroups(sql, filters, "region"));
  });

  it("savings-by-partner-type.csv: the five overlapping groups in order", async () => {
    const expected = await bySql.expectedPartnerTypes(sql, filters);
    const got = await rows("savings-by-partner-type.csv");
    expect(got.map((r) => r.partner_type)).toEqual([
      "Councils only",
      "With fire and rescue",
      "With police",
      "With health bodies",
      "With other public bodies",
    ]);
    expect(got.map((r) => [Number(r.arrangements), BigInt(r.savings_pence!)])).toEqual(
      expected.map((g) => [g.arrangements, g.totalPence]),
    );
  });

  it("top-arrangements.csv: rank, title, path, lead and savings", async () => {
    const expected = await bySql.expectedTop(sql, filters);
    const got = await rows("top-arrangements.csv");
    expect(Object.keys(got[0] ?? {})).toEqual([
      "rank",
      "arrangement",
      "arrangement_path",
      "lead_organisation",
      "region",
      "service_category",
      "savings_pounds",
      "savings_pence",
    ]);
    expect(
      got.map((r) => ({
        rank: Number(r.rank),
        slug: r.arrangement_path!.replace(/^\/arrangements\//, ""),
        title: r.arrangement,
        leadName: r.lead_organisation,
        totalPence: BigInt(r.savings_pence!),
      })),
    ).toEqual(expected);
  });
});

describe("dashboard CSVs refuse what they cannot answer", () => {
  it.each(["savings-by-planet.csv", "savings-by-year.json", "savings-by-year"])(
    "%s is not found",
    async (file) => {
      expect((await chartCsv(file, "")).status).toBe(404);
    },
  );

  it.each(["?region=atlantis", "?category=ict&category=legal"])(
    "malformed filters %s: 400 with a message",
    async (query) => {
      const response = await chartCsv("savings-by-year.csv", query);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/region|category/i);
    },
  );
});
