// The downloads read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { GET as arrangementsCsv } from "@/app/data/arrangements.csv/route";
import { GET as arrangementsJson } from "@/app/data/arrangements.json/route";
import { GET as savingsCsv } from "@/app/data/savings.csv/route";
import { GET as savingsJson } from "@/app/data/savings.json/route";
import { downloadResponse } from "@/lib/open-data/download";
import { ARRANGEMENT_FIELDS, SAVINGS_FIELDS } from "@/lib/open-data/schema";
import { testDatabase } from "../support/db";
import { matching, type Filters } from "../support/expected-figures";
import {
  addRevision,
  createArrangement,
  pickOrganisation,
  removeArrangements,
} from "../support/stats-fixtures";

/*
 * The open data files, read back as a re-user would (csv-parse, JSON.parse) and compared with
 * what SQL written here says the published register holds, field by field. Streaming is
 * exercised with small chunks so that records cross many chunk boundaries. The test's own
 * records cover what must never be published and text that is awkward for CSV (a formula,
 * quotes, commas, a line break).
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
const prefix = `open-data-test-${run}-`;
const TRICKY_TITLE = `=HYPERLINK("http://example.org/${run}","Open data test ${run}")`;
const TRICKY_DESCRIPTION = `First line, with "quotes"; and a semicolon\nSecond line ${run}`;

const BASE = "http://localhost/data";

beforeAll(async () => {
  const lead = await pickOrganisation(sql, "council", { region: "North East" });
  const health = await pickOrganisation(sql, "health");
  const neighbour = await pickOrganisation(sql, "council", { region: "North East", offset: 1 });
  await createArrangement(sql, `${prefix}tricky`, {
    title: TRICKY_TITLE,
    description: TRICKY_DESCRIPTION,
    category: "counter-fraud",
    otherCategories: ["legal", "ict"],
    partners: [lead, health, neighbour],
    benefits: ["resilience", "integration"],
    contact: { name: "Fraud team", email: `fraud.${run}@example.org` },
    startDate: "2016-04-01",
    state: "approved",
    savings: [
      { year: 2016, pence: 12_345_67n, kind: "actual" },
      { year: 2017, pence: 1n, kind: "forecast" },
    ],
  });
  const hidden = [{ year: 2016, pence: 5_000_00n, kind: "actual" as const }];
  await createArrangement(sql, `${prefix}draft`, {
    title: `Open data test ${run}: draft`,
    category: "counter-fraud",
    partners: [lead, neighbour],
    state: "draft",
    savings: hidden,
  });
  const pending = await createArrangement(sql, `${prefix}pending`, {
    title: `Open data test ${run}: published, change pending`,
    category: "counter-fraud",
    partners: [lead, neighbour],
    state: "approved",
    savings: [{ year: 2015, pence: 3_00n, kind: "actual" }],
  });
  await addRevision(sql, pending.arrangementId, 2, {
    title: `Open data test ${run}: the pending change`,
    category: "legal",
    partners: [lead, health],
    state: "submitted",
    savings: hidden,
  });
  await createArrangement(sql, `${prefix}withdrawn`, {
    title: `Open data test ${run}: withdrawn`,
    category: "counter-fraud",
    partners: [lead, health],
    state: "superseded",
    savings: hidden,
  });
});

afterAll(async () => {
  await removeArrangements(sql, prefix);
  await sql.end();
  await appSql().end();
});

/* What the files should hold, from SQL written here --------------------------------------------- */

type Expected = Record<string, string | number | boolean | null | string[]>;

async function expectedArrangements(filters: Filters): Promise<Expected[]> {
  const base = await sql<
    {
      arrangement_id: number;
      revision_id: number;
      slug: string;
      title: string;
      description: string;
      stage: string;
      start_date: string | null;
      end_date: string | null;
      lead_code: string;
      lead_name: string;
      region: string | null;
      category_slug: string;
      category_name: string;
      benefits: string[];
      no_savings_reason: string | null;
      contact_name: string | null;
      contact_email: string | null;
      is_illustrative: boolean;
      published_ms: string;
      version: number;
    }[]
  >`
    with m as (${matching(sql, filters)})
    select m.arrangement_id, m.revision_id, m.slug, r.title, r.description, r.stage::text as stage,
           r.start_date::text as start_date, r.end_date::text as end_date,
           m.lead_code, m.lead_name, m.region, m.category_slug, m.category_name,
           r.benefits, r.no_savings_reason, r.contact_name, r.contact_email, m.is_illustrative,
           floor(extract(epoch from r.reviewed_at) * 1000)::bigint::text as published_ms, r.version
    from m join arrangement_revisions r on r.id = m.revision_id
    order by m.arrangement_id`;
  const ids = base.map((b) => b.revision_id);
  const partners = await sql<{ revision_id: number; code: string; name: string; kind: string }[]>`
    select rp.revision_id, o.code, o.name, o.kind::text as kind
    from revision_partners rp join organisations o on o.id = rp.organisation_id
    where rp.revision_id = any(${ids}::int[])
    order by rp.revision_id, rp.role = 'lead' desc, o.name, o.code`;
  const categories = await sql<{ revision_id: number; slug: string }[]>`
    select rc.revision_id, c.slug from revision_categories rc
    join service_categories c on c.id = rc.category_id
    where rc.revision_id = any(${ids}::int[])
    order by rc.revision_id, c.sort_order`;
  const sums = await sql<{ revision_id: number; kind: string; total: string }[]>`
    select revision_id, kind::text as kind, sum(amount_pence)::text as total
    from revision_savings where revision_id = any(${ids}::int[])
    group by revision_id, kind`;

  const pounds = (pence: bigint) => `${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`;
  return base.map((b) => {
    const orgs = partners.filter((p) => p.revision_id === b.revision_id);
    const sum = (kind: string) =>
      BigInt(sums.find((s) => s.revision_id === b.revision_id && s.kind === kind)?.total ?? "0");
    const actual = sum("actual");
    const forecast = sum("forecast");
    return {
      slug: b.slug,
      title: b.title,
      description: b.description,
      stage: b.stage,
      start_date: b.start_date,
      end_date: b.end_date,
      lead_organisation_code: b.lead_code,
      lead_organisation_name: b.lead_name,
      region: b.region,
      organisation_codes: orgs.map((o) => o.code),
      organisation_names: orgs.map((o) => o.name),
      organisation_count: orgs.length,
      partner_kinds: [...new Set(orgs.map((o) => o.kind))].sort(),
      main_category: b.category_slug,
      main_category_name: b.category_name,
      other_categories: categories
        .filter((c) => c.revision_id === b.revision_id)
        .map((c) => c.slug),
      benefits: b.benefits,
      no_savings_reason: b.no_savings_reason,
      total_pence: Number(actual + forecast),
      total_pounds: pounds(actual + forecast),
      actual_pence: Number(actual),
      actual_pounds: pounds(actual),
      forecast_pence: Number(forecast),
      forecast_pounds: pounds(forecast),
      contact_name: b.contact_name,
      contact_email: b.contact_email,
      is_illustrative: b.is_illustrative,
      published_at: new Date(Number(b.published_ms)).toISOString(),
      version: b.version,
    };
  });
}

async function expectedSavings(filters: Filters): Promise<Expected[]> {
  const rows = await sql<
    {
      slug: string;
      title: string;
      lead_code: string;
      region: string | null;
      category_slug: string;
      year: number;
      kind: string;
      amount: string;
      is_illustrative: boolean;
    }[]
  >`
    with m as (${matching(sql, filters)})
    select m.slug, m.title, m.lead_code, m.region, m.category_slug, s.financial_year::int as year,
           s.kind::text as kind, s.amount_pence::text as amount, m.is_illustrative
    from m join revision_savings s on s.revision_id = m.revision_id
    order by m.arrangement_id, s.financial_year`;
  return rows.map((r) => {
    const pence = BigInt(r.amount);
    return {
      arrangement_slug: r.slug,
      arrangement_title: r.title,
      lead_organisation_code: r.lead_code,
      region: r.region,
      main_category: r.category_slug,
      financial_year: `${r.year}/${String((r.year + 1) % 100).padStart(2, "0")}`,
      financial_year_start: r.year,
      kind: r.kind,
      amount_pence: Number(pence),
      amount_pounds: `${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`,
      is_illustrative: r.is_illustrative,
    };
  });
}

/** A record as the CSV must spell it: lists joined by ";", formulas made inert, empty for null. */
function asCsv(record: Expected): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => {
      const text =
        value === null ? "" : Array.isArray(value) ? value.join(";") : String(value as unknown);
      return [key, /^[=+\-@\t\r]/.test(text) ? `'${text}` : text];
    }),
  );
}

async function download(
  handler: (request: Request) => Promise<Response>,
  path: string,
  init?: RequestInit,
) {
  return handler(new Request(`${BASE}/${path}`, init));
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, skip_empty_lines: true });
}

/* The tests ------------------------------------------------------------------------------------ */

const FILTERS: [string, Filters, string][] = [
  ["the whole register", {}, ""],
  [
    "a region and a category",
    { region: "north-east", category: "counter-fraud" },
    "?region=north-east&category=counter-fraud",
  ],
];

describe.each(FILTERS)("open data files for %s", (_label, filters, query) => {
  it("arrangements.csv: UTF-8 with BOM, CRLF, one row per published arrangement", async () => {
    const response = await download(arrangementsCsv, `arrangements.csv${query}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${query ? "arrangements-filtered.csv" : "arrangements.csv"}"`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    // (TextDecoder drops the byte order mark, as csv-parse's bom option would.)
    expect(text.split("\r\n")[0]).toBe(ARRANGEMENT_FIELDS.map((f) => f.name).join(","));
    expect(text.endsWith("\r\n")).toBe(true);

    const expected = await expectedArrangements(filters);
    expect(expected.length).toBeGreaterThan(0);
    expect(parseCsv(text)).toEqual(expected.map(asCsv));
  });

  it("arrangements.json: the same records, typed", async () => {
    const response = await download(arrangementsJson, `arrangements.json${query}`);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = JSON.parse(await response.text());
    expect(body.licence).toBe("Open Government Licence v3.0");
    expect(body.attribution).toMatch(/Open Government Licence v3\.0/);
    expect(body.filters).toEqual(filters);
    expect(body.arrangements).toEqual(await expectedArrangements(filters));
  });

  it("savings.csv and savings.json: one row per savings line", async () => {
    const expected = await expectedSavings(filters);
    const csv = await download(savingsCsv, `savings.csv${query}`);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe(SAVINGS_FIELDS.map((f) => f.name).join(","));
    expect(parseCsv(text)).toEqual(expected.map(asCsv));
    const json = JSON.parse(await (await download(savingsJson, `savings.json${query}`)).text());
    expect(json.savings).toEqual(expected);
  });
});

describe("streaming, publication and awkward text", () => {
  it("streams in chunks: chunks of 50 rows give the same file as one chunk", async () => {
    for (const [file, format] of [
      ["arrangements", "csv"],
      ["savings", "json"],
    ] as const) {
      const url = `${BASE}/${file}.${format}`;
      const small = await (
        await downloadResponse(new Request(url), file, format, { chunkRows: 50 })
      ).text();
      const whole = await (
        await downloadResponse(new Request(url), file, format, { chunkRows: 100_000 })
      ).text();
      expect(small).toBe(whole);
      expect(small.length).toBeGreaterThan(10_000);
    }
  });

  it("holds only published revisions: no draft, pending change or withdrawn record", async () => {
    const all = await (await download(arrangementsJson, "arrangements.json")).text();
    const lines = await (await download(savingsCsv, "savings.csv")).text();
    for (const text of [all, lines]) {
      expect(text).toContain(`${prefix}pending`);
      expect(text).not.toContain(`${prefix}draft`);
      expect(text).not.toContain(`${prefix}withdrawn`);
      expect(text).not.toContain("the pending change");
    }
    const record = JSON.parse(all).arrangements.find(
      (a: { slug: string }) => a.slug === `${prefix}pending`,
    );
    expect(record.title).toBe(`Open data test ${run}: published, change pending`);
    expect(record.total_pence).toBe(300);
    expect(record.main_category).toBe("counter-fraud");
  });

  it("keeps commas, quotes, semicolons and line breaks, and makes formulas inert in CSV", async () => {
    const csv = parseCsv(
      await (await download(arrangementsCsv, `arrangements.csv?q=${run}`)).text(),
    );
    const tricky = csv.find((r) => r.slug === `${prefix}tricky`)!;
    expect(tricky.title).toBe(`'${TRICKY_TITLE}`);
    expect(tricky.description).toBe(TRICKY_DESCRIPTION);
    // Further categories in the maintained order (ICT comes before Legal).
    expect(tricky.other_categories).toBe("ict;legal");
    expect(tricky.benefits).toBe("resilience;integration");
    expect(tricky.partner_kinds).toBe("council;health");
    expect(tricky.total_pence).toBe("1234568");
    expect(tricky.total_pounds).toBe("12345.68");
    const json = JSON.parse(
      await (await download(arrangementsJson, `arrangements.json?q=${run}`)).text(),
    );
    const record = json.arrangements.find((a: { slug: string }) => a.slug === `${prefix}tricky`);
    expect(record.title).toBe(TRICKY_TITLE);
    expect(record.start_date).toBe("2016-04-01");
    expect(record.end_date).toBeNull();
    // A search for the run's id finds the test's two published records, nothing else.
    expect(json.arrangements.map((a: { slug: string }) => a.slug).sort()).toEqual(
      [`${prefix}pending`, `${prefix}tricky`].sort(),
    );
  });
});

describe("caching and bad requests", () => {
  it("answers 304 to a current copy, and changes its ETag when the register changes", async () => {
    const first = await download(savingsCsv, "savings.csv");
    const etag = first.headers.get("etag")!;
    await first.body?.cancel();
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(etag).toMatch(/^W\/".+"$/);

    const again = await download(savingsCsv, "savings.csv", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Another file or other filters are other entities.
    const other = await download(savingsCsv, "savings.csv?region=london", {
      headers: { "If-None-Match": etag },
    });
    expect(other.status).toBe(200);
    await other.body?.cancel();

    await sql`insert into cache_invalidations (tag) values ('public-register')`;
    const after = await download(savingsCsv, "savings.csv", { headers: { "If-None-Match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    await after.body?.cancel();
  });

  it.each([
    ["region=atlantis", /region/i],
    ["category=knitting", /category/i],
    ["region=london&region=north-east", /one region/i],
    ["min=lots", /Minimum savings/],
    ["from=20x", /year/i],
    ["stage=finished", /planned, operational or ended/],
    ["from=2018&to=2016", /first start year/],
  ])("refuses ?%s with 400 and a message, never 500", async (query, message) => {
    const csv = await download(arrangementsCsv, `arrangements.csv?${query}`);
    expect(csv.status).toBe(400);
    expect(csv.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await csv.text()).toMatch(message);
    const json = await download(savingsJson, `savings.json?${query}`);
    expect(json.status).toBe(400);
    const body = await json.json();
    expect(body).toEqual({ status: 400, message: expect.stringMatching(message) });
  });
});
