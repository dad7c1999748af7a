process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { parse } from "csv-parse/sync";
import { sql as dsql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as compareApi } from "@/app/api/v1/compare/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as compareCsv } from "@/app/compare.csv/route";
import { db } from "@/db/client";
import { today } from "@/lib/clock";
import { comparable, compareCouncils, selectCouncils } from "@/lib/councils/compare";
import { problemText } from "@/lib/councils/compare-messages";
import { parseCompareQuery } from "@/lib/councils/compare-query";
import { councilsTable, servicesTable, shareByYearTable } from "@/lib/councils/compare-tables";
import { councilTypeLabel } from "@/lib/councils/labels";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence, penceToPoundsString, splitPenceEqually } from "@/lib/money";
import { registerOnDay } from "@/lib/public/register";
import { equalSharesByYear } from "@/lib/public/shares";
import { closeDatabases, testDatabase } from "../support/db";
import { expectedCouncilFigures } from "../support/expected-figures";
import { OpenApiValidator, type OpenApiDoc } from "../support/openapi";
import { fixtureTag, makeArrangement, removeArrangements } from "../support/register-fixtures";

/*
 * The compare page (/compare), its CSV downloads and GET /api/v1/compare against SQL written here
 * and in tests/support/expected-figures.ts (by the register's rule functions, independently of
 * lib/): three councils of different tiers — Devon (county), East Devon (district) and Brent
 * (London borough) — every figure the page shows; former councils compared as their successors;
 * bad questions answered with messages, a 400 from the CSV and the API, never a 500.
 */

const { sql } = testDatabase();
const tag = fixtureTag();
const BASE = "http://compare.test";
const DEVON = "E10000008";
const EAST_DEVON = "E07000040";
const BRENT = "E09000005";
const THREE = [DEVON, EAST_DEVON, BRENT];

let validator: OpenApiValidator;
let fixtureId: number;

beforeAll(async () => {
  // 1,000,001p in 2016 and 2p forecast in 2017, among the three: each year split on its own.
  fixtureId = (
    await makeArrangement(sql, tag, {
      title: `Compare test ${tag}`,
      lead: DEVON,
      partners: [EAST_DEVON, BRENT],
      category: "legal",
      savings: [
        { year: 2016, pence: 1_000_001n },
        { year: 2017, pence: 2n, kind: "forecast" },
      ],
    })
  ).id;
  const doc = await (
    await getOpenApi(new Request(`${BASE}/api/v1/openapi.json`), undefined)
  ).json();
  validator = new OpenApiValidator(doc as OpenApiDoc);
});

afterAll(async () => {
  await removeArrangements(sql, tag);
  await closeDatabases(sql);
});

/* Expected figures, by SQL written here ------------------------------------------------------ */

/** A council's share of its arrangements' savings by year: each year's lines split equally. */
async function expectedShareYears(code: string, day: string): Promise<Map<number, bigint>> {
  const rows = await sql<{ year: number; pence: string; codes: string[] }[]>`
    with st as (select * from register_standing(${day}::date)),
    taking as (select distinct arrangement_id, organisation_id
               from register_participants(${day}::date)),
    mine as (select t.arrangement_id from taking t join organisations o on o.id = t.organisation_id
             where o.code = ${code}),
    lines as (
      select st.arrangement_id, s.financial_year, sum(s.amount_pence) as pence
      from mine m join st using (arrangement_id)
      join revision_savings s on s.revision_id = st.revision_id
      where st.internal_from is null or make_date(s.financial_year, 4, 1) < st.internal_from
      group by st.arrangement_id, s.financial_year)
    select l.financial_year::int as year, l.pence::text as pence,
           array_agg(o.code order by o.id = a.lead_organisation_id desc, o.code) as codes
    from lines l join arrangements a on a.id = l.arrangement_id
    join taking t on t.arrangement_id = l.arrangement_id
    join organisations o on o.id = t.organisation_id
    group by l.arrangement_id, l.financial_year, l.pence`;
  const years = new Map<number, bigint>();
  for (const row of rows) {
    const share = splitPenceEqually(BigInt(row.pence), row.codes.length)[row.codes.indexOf(code)]!;
    years.set(row.year, (years.get(row.year) ?? 0n) + share);
  }
  return years;
}

/** The main services of a council's shared arrangements today, with how many. */
async function expectedServices(code: string, day: string) {
  return sql<{ slug: string; n: number }[]>`
    with st as (select * from register_standing(${day}::date) where not internal),
    mine as (select distinct x.arrangement_id from register_participants(${day}::date) x
             join organisations o on o.id = x.organisation_id where o.code = ${code})
    select c.slug, count(*)::int as n
    from mine m join st using (arrangement_id)
    join arrangement_revisions r on r.id = st.revision_id
    join service_categories c on c.id = r.main_category_id
    group by c.slug order by c.slug`;
}

async function expectedCouncil(code: string, day: string) {
  const figures = (await expectedCouncilFigures(sql, day)).get(code)!;
  const [facts] = await sql<
    {
      name: string;
      short_name: string;
      council_type: string;
      region: string;
      population: number;
      per_resident: string;
    }[]
  >`select name, short_name, council_type, region, population,
           round(${figures.share.toString()}::numeric / population)::text as per_resident
    from organisations where code = ${code}`;
  return {
    ...facts!,
    ...figures,
    perResident: BigInt(facts!.per_resident),
    years: await expectedShareYears(code, day),
    services: await expectedServices(code, day),
  };
}

async function comparisonOf(query: string) {
  const selection = await selectCouncils(parseCompareQuery(new URLSearchParams(query)));
  return { selection, comparison: await compareCouncils(selection.councils) };
}

/* The page's figures --------------------------------------------------------------------------- */

describe("comparing a county, a district and a London borough", () => {
  it("gives each council's facts and figures today as SQL does", async () => {
    const day = today();
    const { selection, comparison } = await comparisonOf(`councils=${THREE.join(",")}`);
    expect(selection.problems).toEqual([]);
    expect(comparison.day).toBe(day);
    expect(comparison.councils.map((c) => c.council.code)).toEqual(THREE);
    expect(comparison.councils.map((c) => c.council.councilType)).toEqual(["CTY", "NMD", "LBO"]);
    for (const c of comparison.councils) {
      const e = await expectedCouncil(c.council.code, day);
      expect(e.arrangements, c.council.code).toBeGreaterThan(0);
      expect({
        name: c.council.name,
        type: c.council.councilType,
        region: c.council.region,
        population: c.council.population,
        arrangements: c.arrangements,
        share: c.sharePence,
        whole: c.totalPence,
        perResident: c.sharePerResidentPence,
      }).toEqual({
        name: e.name,
        type: e.council_type,
        region: e.region,
        population: e.population,
        arrangements: e.arrangements,
        share: e.share,
        whole: e.pence,
        perResident: e.perResident,
      });
      expect(new Map(c.shareYears.map((y) => [y.financialYear, y.sharePence]))).toEqual(e.years);
      expect(c.services.map((s) => `${s.slug} ${s.arrangements}`).sort()).toEqual(
        e.services.map((s) => `${s.slug} ${s.n}`).sort(),
      );
    }
  });

  it("splits each year's savings on its own, remainder pennies to the lead, then by code", async () => {
    const day = today();
    const rows = await db().execute<{ code: string; year: number; share: string }>(dsql`
      WITH register AS (${registerOnDay(day)})
      SELECT o.code, s.financial_year AS year, s.share_pence::text AS share
      FROM (${equalSharesByYear(day)}) s JOIN organisations o ON o.id = s.organisation_id
      WHERE s.arrangement_id = ${fixtureId}
      ORDER BY s.financial_year, o.code`);
    // By year, then code: East Devon (E07…), Brent (E09…), Devon (E10…, the lead).
    expect(rows.map((r) => [Number(r.year), r.code, BigInt(r.share)])).toEqual([
      [2016, EAST_DEVON, 333_334n],
      [2016, BRENT, 333_333n],
      [2016, DEVON, 333_334n],
      [2017, EAST_DEVON, 1n],
      [2017, BRENT, 0n],
      [2017, DEVON, 1n],
    ]);
  });

  it("puts the same figures in its tables: a row per council, per year, per service", async () => {
    const day = today();
    const { comparison } = await comparisonOf(`councils=${THREE.join(",")}`);
    const expected = await Promise.all(THREE.map((code) => expectedCouncil(code, day)));

    const councils = councilsTable(comparison);
    expect(councils.rows).toEqual(
      expected.map((e, i) => [
        { text: e.name, href: `/councils/${THREE[i]}` },
        THREE[i],
        councilTypeLabel(e.council_type),
        e.region,
        e.population,
        e.arrangements,
        e.share,
        `${formatPence(e.perResident)} per resident`,
        e.pence,
      ]),
    );

    const years = shareByYearTable(comparison);
    const allYears = expected.flatMap((e) => [...e.years.keys()]);
    const first = Math.min(...allYears);
    const last = Math.max(...allYears);
    expect(years.rows.map((r) => r[0])).toEqual(
      Array.from({ length: last - first + 1 }, (_, i) => first + i),
    );
    for (const row of years.rows) {
      expect(row.slice(1)).toEqual(expected.map((e) => e.years.get(row[0] as number) ?? 0n));
    }
    expect(years.footer!.cells).toEqual(
      expected.map((e) => [...e.years.values()].reduce((s, p) => s + p, 0n)),
    );

    const services = servicesTable(comparison);
    const slugs = new Set(expected.flatMap((e) => e.services.map((s) => s.slug)));
    expect(services.rows.map((r) => (r[0] as { href: string }).href).sort()).toEqual(
      [...slugs].map((s) => `/services/${s}`).sort(),
    );
    for (const row of services.rows) {
      const slug = (row[0] as { href: string }).href.replace("/services/", "");
      expect(row.slice(1)).toEqual(
        expected.map((e) => e.services.find((s) => s.slug === slug)?.n ?? 0),
      );
    }
  });

  it("counts the distinct arrangements behind the figures, and the illustrative ones", async () => {
    const day = today();
    const { comparison } = await comparisonOf(`councils=${THREE.join(",")}`);
    const [row] = await sql<{ n: number; illustrative: number }[]>`
      with st as (select * from register_standing(${day}::date) where not internal)
      select count(*)::int as n, (count(*) filter (where a.is_illustrative))::int as illustrative
      from st join arrangements a on a.id = st.arrangement_id
      where exists (select 1 from register_participants(${day}::date) x
                    join organisations o on o.id = x.organisation_id
                    where x.arrangement_id = st.arrangement_id and o.code in ${sql(THREE)})`;
    expect(comparison.arrangements).toBe(row!.n);
    expect(comparison.illustrative).toBe(row!.illustrative);
  });
});

/* Which councils a question names ------------------------------------------------------------------ */

describe("the councils a question names", () => {
  const select = async (query: string) =>
    selectCouncils(parseCompareQuery(new URLSearchParams(query)));
  const codes = (s: Awaited<ReturnType<typeof select>>) => s.councils.map((c) => c.code);

  it("compares a former council as the council it became part of, and says so", async () => {
    // Allerdale Borough Council became part of Cumberland Council in 2023.
    const s = await select(`councils=${DEVON},E07000026`);
    expect(codes(s)).toEqual([DEVON, "E06000063"]);
    expect(s.replaced).toEqual([
      {
        code: "E07000026",
        name: "Allerdale Borough Council",
        successors: [{ code: "E06000063", name: "Cumberland Council", since: "2023-04-01" }],
      },
    ]);
    expect(s.problems).toEqual([]);
  });

  it("compares a split council as each of its successors", async () => {
    const s = await select(`councils=E10000021,${BRENT}`);
    const [names] = await sql<{ codes: string[] }[]>`
      select array_agg(o.code order by o.name) as codes from organisation_successions s
      join organisations o on o.id = s.successor_id
      where s.predecessor_id = (select id from organisations where code = 'E10000021')`;
    expect(codes(s)).toEqual([...names!.codes, BRENT]);
    expect(s.replaced[0]!.successors.map((x) => x.code)).toEqual(names!.codes);
  });

  it("counts a council named twice, or as itself and its former self, once", async () => {
    const s = await select(`councils=E06000063,e07000026,E06000063,${DEVON}`);
    expect(codes(s)).toEqual(["E06000063", DEVON]);
  });

  it("names what is not a council, and refuses too few or too many", async () => {
    const unknown = await select(`councils=${DEVON},E99999999,${BRENT}`);
    expect(codes(unknown)).toEqual([DEVON, BRENT]);
    expect(unknown.problems).toEqual([{ kind: "unknown", codes: ["E99999999"] }]);
    expect(problemText(unknown.problems[0]!)).toBe(
      "No council has the code E99999999: choose councils from the list.",
    );
    // Still two councils to compare: the page shows them, with the message.
    expect(comparable(unknown)).toBe(true);

    const malformed = await select(`councils=${DEVON},devon`);
    expect(malformed.problems.map((p) => p.kind)).toEqual(["malformed", "too-few"]);
    expect(comparable(malformed)).toBe(false);

    const current = await sql<{ code: string }[]>`
      select code from organisations where kind = 'council' and end_date is null
        and (start_date is null or start_date <= current_date)
      order by code limit 7`;
    const seven = await select(`councils=${current.map((c) => c.code).join(",")}`);
    expect(seven.councils).toHaveLength(7);
    expect(seven.problems).toEqual([{ kind: "too-many", count: 7 }]);
    expect(problemText(seven.problems[0]!)).toBe(
      "You can compare up to 6 councils at once: remove 1 of the 7.",
    );

    expect((await select(`councils=${DEVON}`)).problems).toEqual([{ kind: "too-few", count: 1 }]);
    // A first visit asks nothing: no message.
    expect((await select("")).problems).toEqual([]);
    expect((await select("councils=")).problems).toEqual([{ kind: "too-few", count: 0 }]);
  });
});

/* The CSV downloads ------------------------------------------------------------------------------- */

async function csv(query: string) {
  const response = await compareCsv(new Request(`${BASE}/compare.csv?${query}`));
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    text: await response.text(),
  };
}

describe("the compare page's CSV downloads", () => {
  it("hold each table's rows and columns, money to the penny, as SQL gives them", async () => {
    const day = today();
    const expected = await Promise.all(THREE.map((code) => expectedCouncil(code, day)));
    const councils = await csv(`councils=${THREE.join(",")}`);
    expect(councils.status).toBe(200);
    expect(councils.type).toMatch(/^text\/csv/);
    const rows = parse(councils.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "council",
      "council_path",
      "code",
      "type",
      "region",
      "population",
      "arrangements",
      "share_pounds",
      "share_pence",
      "share_per_resident",
      "whole_partnership_savings_pounds",
      "whole_partnership_savings_pence",
    ]);
    expect(rows.map((r) => r.code)).toEqual(THREE);
    rows.forEach((r, i) => {
      const e = expected[i]!;
      expect(r).toEqual({
        council: e.name,
        council_path: `/councils/${THREE[i]}`,
        code: THREE[i],
        type: councilTypeLabel(e.council_type),
        region: e.region,
        population: String(e.population),
        arrangements: String(e.arrangements),
        share_pounds: penceToPoundsString(e.share),
        share_pence: String(e.share),
        share_per_resident: `${formatPence(e.perResident)} per resident`,
        whole_partnership_savings_pounds: penceToPoundsString(e.pence),
        whole_partnership_savings_pence: String(e.pence),
      });
    });

    const years = await csv(`councils=${THREE.join(",")}&table=share-by-year`);
    const yearRows = parse(years.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(yearRows.length).toBeGreaterThan(3);
    for (const r of yearRows) {
      const year = Number(r.financial_year_start);
      expect(r.financial_year).toBe(financialYearLabel(year));
      THREE.forEach((code, i) => {
        expect(r[`${code}_share_pence`], `${code} ${year}`).toBe(
          String(expected[i]!.years.get(year) ?? 0n),
        );
      });
    }

    const services = await csv(`councils=${THREE.join(",")}&table=services`);
    const serviceRows = parse(services.text, { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    for (const r of serviceRows) {
      const slug = r.service_path!.replace("/services/", "");
      THREE.forEach((code, i) => {
        expect(r[`${code}_arrangements`]).toBe(
          String(expected[i]!.services.find((s) => s.slug === slug)?.n ?? 0),
        );
      });
    }
  });

  it("answers a question it cannot compare with a plain 400 saying why", async () => {
    for (const [query, message] of [
      [`councils=${DEVON}`, /at least one more council/],
      ["", /at least 2 councils/],
      [`councils=${DEVON},E99999999`, /No council has the code E99999999/],
      [`councils=${DEVON},${BRENT}&table=nonsense`, /table must be/],
    ] as const) {
      const answer = await csv(query);
      expect(answer.status, query).toBe(400);
      expect(answer.type).toMatch(/^text\/plain/);
      expect(answer.text).toMatch(message);
    }
  });
});

/* GET /api/v1/compare ---------------------------------------------------------------------------- */

async function api(query: string) {
  const url = new URL(`/api/v1/compare${query}`, BASE);
  const response = await compareApi(new Request(url), undefined);
  const body = (await response.json()) as Record<string, unknown>;
  const problems = validator.check(url.pathname, "GET", response.status, body);
  expect(problems, `${query}: ${problems.join("; ")}`).toEqual([]);
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return { status: response.status, body };
}

type CouncilJson = {
  code: string;
  type: string;
  region: { name: string } | null;
  population: number;
  arrangements: number;
  share_pence: string;
  share_per_resident_pence: string;
  whole_partnership_savings_pence: string;
  share_by_year: { financial_year_start: number; share_pence: string }[];
  services: { category: string; arrangements: number }[];
};

describe("GET /api/v1/compare", () => {
  it("gives the page's figures, valid against the OpenAPI document and equal to SQL", async () => {
    const day = today();
    const { status, body } = await api(`?councils=${THREE.join(",")}`);
    expect(status).toBe(200);
    expect(body.day).toBe(day);
    const councils = body.councils as CouncilJson[];
    expect(councils.map((c) => c.code)).toEqual(THREE);
    for (const c of councils) {
      const e = await expectedCouncil(c.code, day);
      expect({
        type: c.type,
        region: c.region?.name,
        population: c.population,
        arrangements: c.arrangements,
        share: c.share_pence,
        perResident: c.share_per_resident_pence,
        whole: c.whole_partnership_savings_pence,
      }).toEqual({
        type: e.council_type,
        region: e.region,
        population: e.population,
        arrangements: e.arrangements,
        share: String(e.share),
        perResident: String(e.perResident),
        whole: String(e.pence),
      });
      expect(
        new Map(c.share_by_year.map((y) => [y.financial_year_start, BigInt(y.share_pence)])),
      ).toEqual(e.years);
      expect(c.services.map((s) => `${s.category} ${s.arrangements}`).sort()).toEqual(
        e.services.map((s) => `${s.slug} ${s.n}`).sort(),
      );
    }
    expect(body.replaced).toEqual([]);
  });

  it("says which former councils it compared as their successors", async () => {
    const { status, body } = await api(`?councils=E07000026,${DEVON}`);
    expect(status).toBe(200);
    expect((body.councils as CouncilJson[]).map((c) => c.code)).toEqual(["E06000063", DEVON]);
    expect(body.replaced).toEqual([
      {
        code: "E07000026",
        name: "Allerdale Borough Council",
        successors: [{ code: "E06000063", name: "Cumberland Council", since: "2023-04-01" }],
      },
    ]);
  });

  it("answers bad input with a 400 that says what is wrong, never a 500", async () => {
    const current = await sql<{ code: string }[]>`
      select code from organisations where kind = 'council' and end_date is null
        and (start_date is null or start_date <= current_date)
      order by code limit 7`;
    for (const [query, message] of [
      ["", /at least 2 councils/],
      [`?councils=${DEVON}`, /at least one more council/],
      [`?councils=${current.map((c) => c.code).join(",")}`, /up to 6 councils/],
      [`?councils=${DEVON},E99999999`, /No council has the code E99999999/],
      [`?councils=${DEVON},${BRENT},drop%20table`, /not a council code/],
      [`?councils=${DEVON},${BRENT}&format=xml`, /does not take the parameter "format"/],
      [`?councils=${"E1,".repeat(5000)}`, /not a council code/],
    ] as const) {
      const { status, body } = await api(query);
      expect(status, query.slice(0, 80)).toBe(400);
      expect(body.message).toMatch(message);
    }
  });
});
