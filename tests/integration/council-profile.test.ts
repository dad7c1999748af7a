// The handlers read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getProfile } from "@/app/api/v1/councils/[code]/profile/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { today } from "@/lib/clock";
import { getCouncilPage } from "@/lib/councils/council-page";
import type { CouncilProfile } from "@/lib/councils/profile";
import { financialYearLabel } from "@/lib/financial-year";
import { splitPenceEqually } from "@/lib/money";
import { closeDatabases, testDatabase } from "../support/db";
import { expectedCouncilFigures } from "../support/expected-figures";
import { OpenApiValidator, type OpenApiDoc } from "../support/openapi";

/*
 * A council's profile against its similar councils, for a London borough and a district: every
 * figure of the page's profile and of GET /api/v1/councils/{code}/profile against SQL written
 * here — each council's arrangements and share by the rule (tests/support/expected-figures.ts),
 * its shares by financial year (each arrangement's year split with splitPenceEqually), the
 * group's quartiles by PostgreSQL's percentile_cont, and the services at least half the group
 * share that the council does not. The API's answers are validated against its OpenAPI document.
 */

const { sql } = testDatabase();
const BASE = "http://api.test";
const HARROW = "E09000015";
const EAST_DEVON = "E07000040";

let validator: OpenApiValidator;

afterAll(() => closeDatabases(sql));

beforeAll(async () => {
  const response = await getOpenApi(new Request(`${BASE}/api/v1/openapi.json`), undefined);
  validator = new OpenApiValidator((await response.json()) as OpenApiDoc);
});

type Quartiles = { lowerQuartile: number; median: number; upperQuartile: number };

/** percentile_cont's quartiles of the values (numeric text), unrounded. */
async function sqlQuartiles(values: string[]): Promise<Quartiles> {
  const [row] = await sql<{ q1: number; q2: number; q3: number }[]>`
    select percentile_cont(0.25) within group (order by v) as q1,
           percentile_cont(0.5) within group (order by v) as q2,
           percentile_cont(0.75) within group (order by v) as q3
    from unnest(${sql.array(values)}::float8[]) v`;
  return { lowerQuartile: row!.q1, median: row!.q2, upperQuartile: row!.q3 };
}

/** The same, rounded to whole pence (halves away from zero) in SQL. */
async function sqlPenceQuartiles(values: string[], populations?: number[]) {
  const ratio = populations ? sql`s::float8 / p::float8` : sql`s::float8`;
  const [row] = await sql<{ q1: string; q2: string; q3: string }[]>`
    select round((percentile_cont(0.25) within group (order by ${ratio}))::numeric)::text as q1,
           round((percentile_cont(0.5) within group (order by ${ratio}))::numeric)::text as q2,
           round((percentile_cont(0.75) within group (order by ${ratio}))::numeric)::text as q3
    from unnest(${sql.array(values)}::numeric[],
                ${sql.array(populations ?? values.map(() => 1))}::numeric[]) t(s, p)`;
  return {
    lowerQuartile: BigInt(row!.q1),
    median: BigInt(row!.q2),
    upperQuartile: BigInt(row!.q3),
  };
}

/**
 * Each council's share by financial year on `day`: every savings line that counts, summed per
 * arrangement and year, split equally among those taking part (the lead first, then by code).
 */
async function expectedYearShares(codes: string[], day: string) {
  const rows = await sql<{ financial_year: number; pence: string; codes: string[] }[]>`
    with st as (select * from register_standing(${day}::date)),
    taking as (select distinct arrangement_id, organisation_id
               from register_participants(${day}::date)),
    years as (
      select st.arrangement_id, s.financial_year, sum(s.amount_pence) as pence
      from st join revision_savings s on s.revision_id = st.revision_id
      where st.internal_from is null or make_date(s.financial_year, 4, 1) < st.internal_from
      group by 1, 2)
    select y.financial_year, y.pence::text as pence,
           array_agg(o.code order by o.id = a.lead_organisation_id desc, o.code) as codes
    from years y
    join arrangements a on a.id = y.arrangement_id
    join taking t on t.arrangement_id = y.arrangement_id
    join organisations o on o.id = t.organisation_id
    where y.arrangement_id in (
      select t2.arrangement_id from taking t2 join organisations o2 on o2.id = t2.organisation_id
      where o2.code in ${sql(codes)})
    group by y.arrangement_id, y.financial_year, y.pence`;
  const shares = new Map<string, Map<number, bigint>>(codes.map((c) => [c, new Map()]));
  for (const r of rows) {
    const split = splitPenceEqually(BigInt(r.pence), r.codes.length);
    r.codes.forEach((code, i) => {
      const years = shares.get(code);
      if (years) years.set(r.financial_year, (years.get(r.financial_year) ?? 0n) + split[i]!);
    });
  }
  return shares;
}

/** Services at least half the group share and `code` does not, most shared first, then A–Z. */
async function expectedNotYetShared(code: string, group: string[], day: string) {
  const rows = await sql<{ slug: string; name: string; n: number; mine: boolean }[]>`
    with st as (select * from register_standing(${day}::date) where not internal),
    cat as (
      select st.arrangement_id, r.main_category_id as category_id
      from st join arrangement_revisions r on r.id = st.revision_id
      union
      select st.arrangement_id, rc.category_id
      from st join revision_categories rc on rc.revision_id = st.revision_id)
    select c.slug, c.name,
           count(distinct o.code) filter (where o.code in ${sql(group)})::int as n,
           coalesce(bool_or(o.code = ${code}), false) as mine
    from cat
    join register_participants(${day}::date) x on x.arrangement_id = cat.arrangement_id
    join organisations o on o.id = x.organisation_id
    join service_categories c on c.id = cat.category_id
    group by c.slug, c.name`;
  return rows
    .filter((r) => !r.mine && r.slug !== "other" && r.n * 2 >= group.length)
    .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name))
    .map((r) => ({ slug: r.slug, name: r.name, councils: r.n }));
}

async function pageProfile(code: string) {
  const result = await getCouncilPage(code);
  if (result.kind !== "found") throw new Error(result.kind);
  return result.page;
}

/** Everything the profile shows, from SQL, for the council and the group the page names. */
async function expectedProfile(code: string, group: string[]) {
  const day = today();
  const codes = [code, ...group];
  const figures = await expectedCouncilFigures(sql, day);
  const populations = new Map(
    (
      await sql<{ code: string; population: number }[]>`
        select code, population from organisations where code in ${sql(codes)}`
    ).map((r) => [r.code, r.population]),
  );
  const of = (c: string) => figures.get(c) ?? { arrangements: 0, share: 0n };
  const shares = group.map((c) => of(c).share.toString());
  const pops = group.map((c) => populations.get(c)!);
  const years = await expectedYearShares(codes, day);
  const allYears = [...years.values()].flatMap((m) => [...m.keys()]);
  const yearRows = [];
  for (let y = Math.min(...allYears); y <= Math.max(...allYears); y++) {
    yearRows.push({
      financialYear: y,
      councilPence: years.get(code)!.get(y) ?? 0n,
      ...(await sqlPenceQuartiles(group.map((c) => String(years.get(c)!.get(y) ?? 0n)))),
    });
  }
  const [perResident] = await sql<{ p: string }[]>`
    select round(${of(code).share.toString()}::numeric / ${populations.get(code)!})::text as p`;
  return {
    day,
    populations,
    figures: of,
    arrangements: {
      council: of(code).arrangements,
      ...(await sqlQuartiles(group.map((c) => String(of(c).arrangements)))),
    },
    share: { council: of(code).share, ...(await sqlPenceQuartiles(shares)) },
    perResident: { council: BigInt(perResident!.p), ...(await sqlPenceQuartiles(shares, pops)) },
    years: yearRows,
    notYetShared: await expectedNotYetShared(code, group, day),
  };
}

type Expected = Awaited<ReturnType<typeof expectedProfile>>;

/** The API's answer for a code, validated against the OpenAPI document. */
async function callProfile(code: string, query = "") {
  const path = `/api/v1/councils/${encodeURIComponent(code)}/profile`;
  const response = await getProfile(new Request(`${BASE}${path}${query}`), {
    params: Promise.resolve({ code }),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (response.status !== 308) {
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(validator.check(path, "GET", response.status, body)).toEqual([]);
  }
  return { status: response.status, headers: response.headers, body };
}

const pence = (m: Record<"council" | "lowerQuartile" | "median" | "upperQuartile", bigint>) => ({
  council: m.council.toString(),
  lower_quartile: m.lowerQuartile.toString(),
  median: m.median.toString(),
  upper_quartile: m.upperQuartile.toString(),
});

describe.each([
  [HARROW, "unitary"],
  [EAST_DEVON, "district"],
])("the profile of %s (%s)", (code, tier) => {
  let profile: CouncilProfile;
  let group: string[];
  let expected: Expected;

  beforeAll(async () => {
    const page = await pageProfile(code);
    if (page.similar.kind !== "group" || !page.profile) throw new Error("no group");
    expect(page.similar.tier).toBe(tier);
    profile = page.profile;
    group = page.similar.councils.map((c) => c.code);
    expect(group).toHaveLength(15);
    expected = await expectedProfile(code, group);
    // The page's own figures are the profile's.
    expect(page.totals.arrangements).toBe(profile.council.arrangements);
    expect(page.totals.sharePence).toBe(profile.council.sharePence);
  });

  it("gives each council's arrangements, share and share per resident as SQL does", () => {
    expect(profile.group.map((g) => g.code)).toEqual(group);
    for (const m of [profile.council, ...profile.group]) {
      expect(m.arrangements, m.code).toBe(expected.figures(m.code).arrangements);
      expect(m.sharePence, m.code).toBe(expected.figures(m.code).share);
      expect(m.population, m.code).toBe(expected.populations.get(m.code));
    }
    expect(profile.perResident.council).toBe(expected.perResident.council);
    // Not every council shares nothing: the comparison has something to compare.
    expect(profile.group.some((g) => g.arrangements > 0)).toBe(true);
  });

  it("gives the group's median and quartiles as percentile_cont does", () => {
    expect(profile.arrangements).toEqual(expected.arrangements);
    expect(profile.share).toEqual(expected.share);
    expect(profile.perResident).toEqual(expected.perResident);
  });

  it("gives its share by financial year beside the group's quartiles, every year", () => {
    expect(profile.years.length).toBeGreaterThan(3);
    expect(profile.years).toEqual(expected.years);
  });

  it("lists the services at least half the group share and it does not", () => {
    expect(profile.notYetShared).toEqual(expected.notYetShared);
    for (const s of profile.notYetShared) expect(s.councils).toBeGreaterThanOrEqual(8);
  });

  it("answers the same figures from the API", async () => {
    const { status, body } = await callProfile(code);
    expect(status).toBe(200);
    expect(body.council).toMatchObject({ code, population: expected.populations.get(code) });
    expect(body.day).toBe(expected.day);
    expect(body.no_profile_reason).toBeNull();
    const p = body.profile;
    expect(p.tier).toBe(tier);
    expect(p.group_size).toBe(15);
    expect(p.group.map((g: { code: string }) => g.code)).toEqual(group);
    for (const g of p.group) {
      expect(g.arrangements).toBe(expected.figures(g.code).arrangements);
      expect(g.share_pence).toBe(expected.figures(g.code).share.toString());
    }
    expect(p.arrangements).toEqual({
      council: expected.arrangements.council,
      lower_quartile: expected.arrangements.lowerQuartile,
      median: expected.arrangements.median,
      upper_quartile: expected.arrangements.upperQuartile,
    });
    expect(p.share_pence).toEqual(pence(expected.share));
    expect(p.share_per_resident_pence).toEqual(pence(expected.perResident));
    expect(p.share_by_year).toEqual(
      expected.years.map((y) => ({
        financial_year: financialYearLabel(y.financialYear),
        financial_year_start: y.financialYear,
        council_pence: y.councilPence.toString(),
        lower_quartile_pence: y.lowerQuartile.toString(),
        median_pence: y.median.toString(),
        upper_quartile_pence: y.upperQuartile.toString(),
      })),
    );
    expect(p.not_yet_shared).toEqual(
      expected.notYetShared.map((s) => ({
        category: s.slug,
        name: s.name,
        councils_sharing: s.councils,
        partner_finder: `/partners?council=${code}&category=${s.slug}`,
      })),
    );
  });
});

describe("GET /api/v1/councils/{code}/profile for other codes", () => {
  it("answers 404 for a code that is no council", async () => {
    for (const code of ["E99999999", "fire:001", "not-a-code"]) {
      const { status, body } = await callProfile(code);
      expect(status, code).toBe(404);
      expect(body.status).toBe(404);
    }
  });

  it("redirects a former alias or lower-case code to the council's own", async () => {
    const moved = await callProfile("E07000097");
    expect(moved.status).toBe(308);
    expect(moved.headers.get("location")).toBe(`${BASE}/api/v1/councils/E07000242/profile`);
    const lower = await callProfile("e09000015");
    expect(lower.status).toBe(308);
    expect(lower.headers.get("location")).toBe(`${BASE}/api/v1/councils/E09000015/profile`);
  });

  it("gives a council that has ceased no profile, and what replaced it", async () => {
    const { status, body } = await callProfile("E07000026"); // Allerdale
    expect(status).toBe(200);
    expect(body.profile).toBeNull();
    expect(body.no_profile_reason).toBe("not-current");
    expect(body.council.replaced_by).toEqual(["E06000063"]);
  });

  it("refuses a query parameter", async () => {
    const { status, body } = await callProfile(HARROW, "?year=2020");
    expect(status).toBe(400);
    expect(body.errors).toHaveProperty("year");
  });
});
