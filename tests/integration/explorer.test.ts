// The queries read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getPublishedArrangement,
  listPublishedArrangements,
  type ArrangementList,
} from "@/lib/public/arrangements";
import {
  downloadQueryToParams,
  listQueryToParams,
  parseListQuery,
  type ListQuery,
  type PublishedFilters,
  type Sort,
} from "@/lib/public/filters";
import { getOrganisationOptions } from "@/lib/public/organisations";
import { downloadResponse } from "@/lib/open-data/download";
import { publicHref } from "@/lib/public-routes";
import { GET as arrangementsCsv } from "@/app/data/arrangements.csv/route";
import { closeDatabases, testDatabase } from "../support/db";
import { deletePublished, insertPublished, randomWord } from "../support/public-fixtures";

/*
 * The explorer's reads (lib/public/arrangements.ts) against independent SQL written here: the
 * same published set (arrangements whose published revision is approved), filtered with plain
 * conditions, savings summed from the savings lines rather than the trigger-kept total, and
 * ordered as the explorer promises. Counts, pages and amounts must agree exactly.
 */

const { sql } = testDatabase();
const run = randomWord(8);
const prefix = `explorer-test-${run}-`;

const BRENT = "E09000005";
const HARROW = "E09000015";
const DEVON = "E10000008";
const SOMERSET = "E10000027";

/** A word no seeded record contains, shared by this run's own records. */
const word = `${randomWord(6)}quill`;

function query(params: Record<string, string>): ListQuery {
  const parsed = parseListQuery(new URLSearchParams(params));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** Every page of a query, walked with the explorer's own paging. */
async function allPages(base: ListQuery): Promise<{ slugs: string[]; first: ArrangementList }> {
  const first = await listPublishedArrangements({ ...base, page: 1 });
  const slugs = first.rows.map((r) => r.slug);
  for (let page = 2; page <= first.pages; page++) {
    const next = await listPublishedArrangements({ ...base, page });
    expect(next.total).toBe(first.total);
    slugs.push(...next.rows.map((r) => r.slug));
  }
  return { slugs, first };
}

type Expected = { slug: string; total: string; illustrative: boolean };

/**
 * The expected result of a filter, from SQL written independently of lib/public: conditions
 * spelled out, savings summed from revision_savings, the explorer's documented order.
 */
async function expected(filters: PublishedFilters, sort: Sort): Promise<Expected[]> {
  const where: postgres.PendingQuery<postgres.Row[]>[] = [];
  const s = sql;
  if (filters.region) {
    where.push(s`lead.region = (case ${filters.region}
      when 'london' then 'London' when 'south-west' then 'South West'
      when 'north-east' then 'North East' when 'east-of-england' then 'East of England'
      else 'none' end)`);
  }
  if (filters.category) {
    where.push(s`(mc.slug = ${filters.category} or exists (
      select 1 from revision_categories x join service_categories xc on xc.id = x.category_id
      where x.revision_id = r.id and xc.slug = ${filters.category}))`);
  }
  if (filters.organisation) {
    where.push(s`exists (select 1 from revision_partners x join organisations xo on xo.id = x.organisation_id
      where x.revision_id = r.id and xo.code = ${filters.organisation})`);
  }
  if (filters.partner === "councils-only") {
    where.push(s`(select bool_and(xo.kind = 'council') from revision_partners x
      join organisations xo on xo.id = x.organisation_id where x.revision_id = r.id)`);
  } else if (filters.partner) {
    where.push(s`${filters.partner} = any (select xo.kind::text from revision_partners x
      join organisations xo on xo.id = x.organisation_id where x.revision_id = r.id)`);
  }
  if (filters.stage) where.push(s`r.stage::text = ${filters.stage}`);
  if (filters.fromYear !== undefined)
    where.push(s`extract(year from r.start_date) >= ${filters.fromYear}`);
  if (filters.toYear !== undefined)
    where.push(s`extract(year from r.start_date) <= ${filters.toYear}`);
  if (filters.minPence !== undefined)
    where.push(s`saved.total >= ${filters.minPence.toString()}::numeric`);
  if (filters.maxPence !== undefined)
    where.push(s`saved.total <= ${filters.maxPence.toString()}::numeric`);
  if (filters.q) where.push(s`r.search_vector @@ websearch_to_tsquery('english', ${filters.q})`);

  const order = {
    relevance: s`ts_rank_cd(r.search_vector, websearch_to_tsquery('english', ${filters.q ?? ""})) desc, lower(r.title), a.id`,
    savings: s`saved.total desc, lower(r.title), a.id`,
    newest: s`r.start_date desc nulls last, lower(r.title), a.id`,
    name: s`lower(r.title), a.id`,
  }[sort];

  let conditions = s`true`;
  for (const w of where) conditions = s`${conditions} and ${w}`;
  return s<Expected[]>`
    select a.slug, saved.total::text as total, a.is_illustrative as illustrative
    from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join organisations lead on lead.id = a.lead_organisation_id
    join service_categories mc on mc.id = r.main_category_id
    cross join lateral (select coalesce(sum(amount_pence), 0) as total
                        from revision_savings where revision_id = r.id) saved
    where ${conditions}
    order by ${order}`;
}

async function expectListMatches(params: Record<string, string>) {
  const q = query({ ...params, limit: "100" });
  const want = await expected(q.filters, q.sort);
  const { slugs, first } = await allPages(q);
  expect(first.total, JSON.stringify(params)).toBe(want.length);
  expect(slugs).toEqual(want.map((w) => w.slug));
  expect(first.totalPence).toBe(want.reduce((sum, w) => sum + BigInt(w.total), 0n));
  expect(first.illustrativeCount).toBe(want.filter((w) => w.illustrative).length);
  return want;
}

beforeAll(async () => {
  // Two records sharing a word: in the title of one, the description of the other.
  await insertPublished(sql, {
    slug: `${prefix}title-match`,
    title: `Joint ${word} service for Devon and Somerset`,
    description: "A shared team.",
    lead: DEVON,
    partners: [SOMERSET],
    mainCategory: "legal",
    furtherCategories: ["hr-and-payroll", "finance-and-audit"],
    stage: "operational",
    startDate: "2019-06-01",
    benefits: ["resilience", "service-quality"],
    contactName: "Explorer tester",
    contactEmail: "explorer@test.example.org",
    savings: [
      { year: 2019, pence: 12_345_678n, kind: "actual" },
      { year: 2020, pence: 25_000_001n, kind: "actual" },
      { year: 2021, pence: 30_000_000n, kind: "forecast" },
    ],
  });
  await insertPublished(sql, {
    slug: `${prefix}description-match`,
    title: "Shared legal team for Devon and Somerset",
    description: `The councils also share ${word} arrangements.`,
    lead: SOMERSET,
    partners: [DEVON],
    mainCategory: "legal",
    stage: "planned",
    startDate: null,
    savings: [],
    noSavingsReason: "Set up to improve the service, not to save money.",
  });
});

afterAll(async () => {
  await deletePublished(sql, prefix);
  await closeDatabases(sql);
});

describe("search", () => {
  it('finds "HuB Procurement Services: Brent and Harrow" by "procurement Brent", first', async () => {
    const list = await listPublishedArrangements(query({ q: "procurement Brent" }));
    expect(list.sort).toBe("relevance");
    expect(list.rows[0]?.title).toBe("HuB Procurement Services: Brent and Harrow");
    expect(list.rows[0]?.lead.code).toBe(BRENT);
    await expectListMatches({ q: "procurement Brent" });
  });

  it("puts a title match before a description match", async () => {
    const list = await listPublishedArrangements(query({ q: word }));
    expect(list.rows.map((r) => r.slug)).toEqual([
      `${prefix}title-match`,
      `${prefix}description-match`,
    ]);
  });

  it("finds by organisation and category names, which are not in the title", async () => {
    // "Harrow" is in HuB's title, but "London Borough of Harrow" only in its organisations.
    const byOrganisation = await listPublishedArrangements(query({ q: `"borough of harrow"` }));
    expect(byOrganisation.rows.map((r) => r.slug)).toContain(
      "hub-procurement-services-brent-and-harrow",
    );
    const byCategory = await listPublishedArrangements(query({ q: `${word} payroll` }));
    expect(byCategory.rows.map((r) => r.slug)).toEqual([`${prefix}title-match`]);
  });

  it("understands web-search syntax: exclusions and OR", async () => {
    await expectListMatches({ q: `${word} -legal` });
    expect((await listPublishedArrangements(query({ q: `${word} -legal` }))).total).toBe(0);
    await expectListMatches({ q: "procurement or trading" });
  });

  it("treats SQL and operators as words: no error, no widening", async () => {
    for (const q of ["' OR 1=1 --", "'; drop table arrangements; --", "a & b | !c", "(((", "\\"]) {
      const list = await listPublishedArrangements(query({ q }));
      const want = await expected(query({ q }).filters, "relevance");
      expect(list.total, q).toBe(want.length);
    }
    const { n } = (await sql<{ n: number }[]>`select count(*)::int as n from arrangements`)[0]!;
    expect(n).toBeGreaterThan(0);
  });
});

describe("filters, alone and combined, equal SQL", () => {
  const cases: Record<string, string>[] = [
    {},
    { region: "london" },
    { region: "south-west" },
    { category: "legal" },
    { category: "procurement-and-commissioning" },
    { organisation: DEVON },
    { organisation: HARROW.toLowerCase() },
    { partner: "councils-only" },
    { partner: "fire" },
    { partner: "police" },
    { partner: "health" },
    { stage: "planned" },
    { stage: "ended" },
    { from: "2015" },
    { to: "2012" },
    { from: "2014", to: "2016" },
    { min: "1,000,000" },
    { max: "0" },
    { min: "100000", max: "250000.50" },
    { region: "london", category: "procurement-and-commissioning" },
    { region: "south-west", stage: "operational", from: "2010", sort: "savings" },
    { partner: "fire", min: "50000", sort: "name" },
    { organisation: DEVON, category: "legal", q: word },
    { category: "revenues-and-benefits", partner: "councils-only", to: "2015", max: "2000000" },
    { q: "shared service", region: "east-of-england", sort: "newest" },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c] as const))("%s", async (_name, params) => {
    await expectListMatches(params);
  });

  it("filters narrow: a combination is the intersection of its parts", async () => {
    const both = await expectListMatches({ region: "london", stage: "operational" });
    const region = new Set(
      (await expected(query({ region: "london" }).filters, "newest")).map((r) => r.slug),
    );
    const stage = new Set(
      (await expected(query({ stage: "operational" }).filters, "newest")).map((r) => r.slug),
    );
    expect(both.map((r) => r.slug).sort()).toEqual([...region].filter((s) => stage.has(s)).sort());
    expect(both.length).toBeLessThan(region.size);
  });

  it("organisation codes in any case: GSS codes upper, the register's own codes lower", async () => {
    expect(query({ organisation: "e09000005" }).filters.organisation).toBe(BRENT);
    expect(query({ organisation: "FIRE:011" }).filters.organisation).toBe("fire:011");
    const want = await expectListMatches({ organisation: "Fire:011" });
    expect(want.length).toBeGreaterThan(0);
  });

  it("an organisation nobody has, or one in no published arrangement, matches nothing", async () => {
    expect((await listPublishedArrangements(query({ organisation: "XX9999999" }))).total).toBe(0);
  });
});

describe("sorting and pages", () => {
  it.each(["savings", "newest", "name"] as const)(
    "every page of the whole register by %s: no repeats, no gaps, SQL's order",
    async (sort) => {
      const q = query({ sort });
      expect(q.limit).toBe(20);
      const { slugs, first } = await allPages(q);
      const want = await expected({}, sort);
      expect(first.pages).toBe(Math.ceil(want.length / 20));
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(slugs).toEqual(want.map((w) => w.slug));
    },
  );

  it("relevance without search words falls back to newest, and is left out of addresses", () => {
    expect(query({ sort: "relevance" }).sort).toBe("newest");
    expect(listQueryToParams({ filters: { region: "london" }, sort: "relevance" }).toString()).toBe(
      "region=london",
    );
    expect(listQueryToParams({ filters: { q: "x" }, sort: "newest" }).toString()).toBe(
      "q=x&sort=newest",
    );
    expect(query({ q: "legal" }).sort).toBe("relevance");
  });

  it("savings are largest first, names A to Z", async () => {
    const bySavings = await listPublishedArrangements(query({ sort: "savings" }));
    const amounts = bySavings.rows.map((r) => r.totalPence);
    expect([...amounts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(amounts);
    const byName = await listPublishedArrangements(query({ sort: "name" }));
    const names = byName.rows.map((r) => r.title.toLowerCase());
    expect(names[0]! <= names[names.length - 1]!).toBe(true);
  });

  it("a page past the end is empty but still counts the matches", async () => {
    const list = await listPublishedArrangements(query({ category: "legal", page: "500" }));
    expect(list.rows).toEqual([]);
    expect(list.total).toBe(
      (await expected(query({ category: "legal" }).filters, "newest")).length,
    );
    expect(list.total).toBeGreaterThan(0);
  });

  it("list rows carry the lead, category and savings shown in the explorer", async () => {
    const list = await listPublishedArrangements(query({ q: word }));
    const row = list.rows[0]!;
    expect(row).toMatchObject({
      slug: `${prefix}title-match`,
      lead: {
        code: DEVON,
        name: "Devon County Council",
        kind: "council",
        regionSlug: "south-west",
      },
      mainCategory: { slug: "legal", name: "Legal" },
      stage: "operational",
      startDate: "2019-06-01",
      organisationCount: 2,
      totalPence: 67_345_679n,
      isIllustrative: false,
    });
  });
});

describe("the results as CSV", () => {
  /** The explorer's CSV link for a search, fetched from the download's own route handler. */
  async function csvOf(params: Record<string, string>) {
    const q = query(params);
    const link = publicHref(
      "/data/arrangements.csv",
      downloadQueryToParams({ filters: q.filters, sort: q.sort }),
    );
    const response = await arrangementsCsv(new Request(`http://localhost${link}`));
    expect(response.status).toBe(200);
    return { q, rows: csvRows(await response.text()) };
  }

  function csvRows(text: string): Record<string, string>[] {
    return parse(text, { bom: true, columns: true });
  }

  it.each<Record<string, string>>([
    {},
    { region: "london", category: "procurement-and-commissioning" },
    { region: "south-west", stage: "operational", from: "2010", sort: "savings" },
    { partner: "fire", min: "50000", sort: "name" },
    { q: "shared service", region: "east-of-england" },
    { q: "procurement or trading" },
    { organisation: DEVON, category: "legal", q: word },
  ])("%j: exactly SQL's rows, in the explorer's order, money exact", async (params) => {
    const { q, rows } = await csvOf(params);
    const want = await expected(q.filters, q.sort);
    expect(want.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.slug)).toEqual(want.map((w) => w.slug));
    // Pence as whole numbers, pounds to the penny: the same sum SQL gives, exactly.
    expect(rows.map((r) => r.total_pence)).toEqual(want.map((w) => w.total));
    expect(rows.map((r) => r.total_pounds)).toEqual(
      want.map(
        (w) => `${BigInt(w.total) / 100n}.${String(BigInt(w.total) % 100n).padStart(2, "0")}`,
      ),
    );
    // And what the explorer's own pages list, page after page.
    const { slugs } = await allPages({ ...q, limit: 100 });
    expect(rows.map((r) => r.slug)).toEqual(slugs);
  });

  it("streams the explorer's order across chunks: small chunks give the same file", async () => {
    const url = "http://localhost/data/arrangements.csv?sort=savings";
    const small = await (
      await downloadResponse(new Request(url), "arrangements", "csv", { chunkRows: 7 })
    ).text();
    const whole = await (await arrangementsCsv(new Request(url))).text();
    expect(small).toBe(whole);
    const slugs = csvRows(small).map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual((await expected({}, "savings")).map((w) => w.slug));
  });

  it("without a sort keeps the register's order; a bad sort is refused with 400", async () => {
    const plain = csvRows(
      await (await arrangementsCsv(new Request("http://localhost/data/arrangements.csv"))).text(),
    ).map((r) => r.slug);
    const byId = await sql<{ slug: string }[]>`
      select a.slug from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      order by a.id`;
    expect(plain).toEqual(byId.map((r) => r.slug));
    const bad = await arrangementsCsv(
      new Request("http://localhost/data/arrangements.csv?sort=cheapest"),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Sort by relevance, savings, newest or name/);
  });
});

describe("query strings", () => {
  it("round-trip: parse(toParams(q)) is q", () => {
    for (const params of [
      { q: "  legal   services ", region: "london", min: "£1,000.5", sort: "savings", page: "3" },
      { organisation: "e10000008", from: "2010", to: "2012", limit: "50" },
      { q: "x", sort: "relevance" },
      { sort: "newest", organisation: "Police:Devon-and-Cornwall" },
      {},
    ]) {
      const q = query(params as Record<string, string>);
      expect(query(Object.fromEntries(listQueryToParams(q)))).toEqual(q);
    }
  });

  it("refuses malformed values with a message per parameter, never throwing", () => {
    const bad: [Record<string, string>, string][] = [
      [{ page: "0" }, "page"],
      [{ page: "-1" }, "page"],
      [{ page: "1.5" }, "page"],
      [{ page: "99999999" }, "page"],
      [{ limit: "100000" }, "limit"],
      [{ limit: "101" }, "limit"],
      [{ category: "not-a-category" }, "category"],
      [{ region: "atlantis" }, "region"],
      [{ organisation: "' OR 1=1 --" }, "organisation"],
      [{ q: "legal\u0000" }, "q"],
      [{ q: "x".repeat(10_000) }, "q"],
      [{ from: "20x6" }, "from"],
      [{ from: "2020", to: "2010" }, "from"],
      [{ min: "-5" }, "min"],
      [{ min: "10", max: "5" }, "min"],
      [{ sort: "price" }, "sort"],
      [{ stage: "' OR 1=1 --" }, "stage"],
    ];
    for (const [params, field] of bad) {
      const parsed = parseListQuery(new URLSearchParams(params));
      expect(parsed.ok, JSON.stringify(params)).toBe(false);
      if (!parsed.ok) expect(Object.keys(parsed.errors)).toContain(field);
    }
    const twice = new URLSearchParams("region=london&region=south-west");
    expect(parseListQuery(twice).ok).toBe(false);
  });
});

describe("one arrangement", () => {
  it("equals SQL: organisations, categories, savings lines and totals in pence", async () => {
    const detail = await getPublishedArrangement(`${prefix}title-match`);
    expect(detail).not.toBeNull();
    const savings = await sql<{ year: number; kind: string; pence: string }[]>`
      select s.financial_year::int as year, s.kind::text as kind, s.amount_pence::text as pence
      from arrangements a join revision_savings s on s.revision_id = a.published_revision_id
      where a.slug = ${`${prefix}title-match`} order by s.financial_year`;
    expect(detail!.savings.map((s) => [s.financialYear, s.kind, s.amountPence.toString()])).toEqual(
      savings.map((s) => [s.year, s.kind, s.pence]),
    );
    const sum = (kind?: string) =>
      savings.filter((s) => !kind || s.kind === kind).reduce((t, s) => t + BigInt(s.pence), 0n);
    expect(detail!.totalPence).toBe(sum());
    expect(detail!.actualPence).toBe(sum("actual"));
    expect(detail!.forecastPence).toBe(sum("forecast"));
    expect(detail!.totalPence).toBe(67_345_679n);

    expect(detail!.organisations.map((o) => [o.code, o.role])).toEqual([
      [DEVON, "lead"],
      [SOMERSET, "partner"],
    ]);
    expect(detail!.organisations[0]!.gssCode).toBe(DEVON);
    expect(detail!.mainCategory.slug).toBe("legal");
    expect(detail!.furtherCategories.map((c) => c.slug)).toEqual([
      "hr-and-payroll",
      "finance-and-audit",
    ]);
    expect(detail!.benefits).toEqual(["resilience", "service-quality"]);
    expect(detail!.contactEmail).toBe("explorer@test.example.org");
    expect(detail!.startDate).toBe("2019-06-01");
    const { ms } = (
      await sql<{ ms: string }[]>`
      select floor(extract(epoch from r.reviewed_at) * 1000)::bigint::text as ms
      from arrangements a join arrangement_revisions r on r.id = a.published_revision_id
      where a.slug = ${`${prefix}title-match`}`
    )[0]!;
    expect(detail!.publishedAt.getTime()).toBe(Number(ms));
    expect(detail!.firstPublishedAt.getTime()).toBe(detail!.publishedAt.getTime());
  });

  it("the real HuB record equals SQL", async () => {
    const detail = await getPublishedArrangement("hub-procurement-services-brent-and-harrow");
    const [row] = await sql<{ total: string; partners: string[] }[]>`
      select (select coalesce(sum(amount_pence), 0)::text from revision_savings where revision_id = r.id) as total,
             (select array_agg(o.code order by o.code) from revision_partners rp
                join organisations o on o.id = rp.organisation_id where rp.revision_id = r.id) as partners
      from arrangements a join arrangement_revisions r on r.id = a.published_revision_id
      where a.slug = 'hub-procurement-services-brent-and-harrow'`;
    expect(detail!.totalPence.toString()).toBe(row!.total);
    expect(detail!.organisations.map((o) => o.code).sort()).toEqual(row!.partners);
    expect(detail!.isIllustrative).toBe(false);
  });

  it("a record without savings gives its reason", async () => {
    const detail = await getPublishedArrangement(`${prefix}description-match`);
    expect(detail!.savings).toEqual([]);
    expect(detail!.totalPence).toBe(0n);
    expect(detail!.noSavingsReason).toMatch(/improve the service/);
    expect(detail!.startDate).toBeNull();
  });

  it("drafts, submissions and unknown slugs are not public", async () => {
    const id = randomUUID().slice(0, 8);
    const slug = `${prefix}draft-${id}`;
    await insertPublished(sql, {
      slug,
      title: "Not yet approved",
      lead: DEVON,
      partners: [SOMERSET],
      mainCategory: "legal",
    });
    await sql`update arrangements set published_revision_id = null where slug = ${slug}`;
    await sql`update arrangement_revisions set state = 'submitted', reviewed_at = null
              where arrangement_id = (select id from arrangements where slug = ${slug})`;
    expect(await getPublishedArrangement(slug)).toBeNull();
    expect(
      (await listPublishedArrangements(query({ q: "Not yet approved" }))).rows.map((r) => r.slug),
    ).not.toContain(slug);
    expect(await getPublishedArrangement("no-such-arrangement")).toBeNull();
    expect(await getPublishedArrangement("' OR 1=1 --")).toBeNull();
    expect(await getPublishedArrangement("x".repeat(10_000))).toBeNull();
  });
});

describe("the organisation filter's list", () => {
  it("holds exactly the organisations in a published arrangement", async () => {
    const options = await getOrganisationOptions();
    const { n } = (
      await sql<{ n: number }[]>`
      select count(distinct rp.organisation_id)::int as n
      from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join revision_partners rp on rp.revision_id = r.id`
    )[0]!;
    expect(options.length).toBe(n);
    expect(options.map((o) => o.code)).toContain(BRENT);
  });
});
