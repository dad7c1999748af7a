process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { readFileSync } from "node:fs";
import { geoCentroid, geoDistance } from "d3-geo";
import { feature } from "topojson-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { today } from "@/lib/clock";
import {
  findPartners,
  PARTNERS_PAGE_SIZE,
  partnerFinderCouncils,
  partnersPage,
  type PartnerResults,
} from "@/lib/partners/finder";
import { testDatabase } from "../support/db";
import * as bySql from "../support/expected-figures";
import { fixtureTag, makeArrangement, removeArrangements } from "../support/register-fixtures";

/*
 * The partner finder against the database and the boundaries. Who shares a category comes from
 * SQL written here over the register's rule (its SQL functions); distances from centroids computed here with d3-geo straight from the
 * shipped TopoJSON, so neither depends on lib/.
 */

const { sql } = testDatabase();
const tag = fixtureTag();
const BRENT = "E09000005";
const HARROW = "E09000015";
const BARNET = "E09000003";
const CORNWALL = "E06000052";

type Area = { properties: { areacd: string } };
const topo = JSON.parse(readFileSync("db/reference/uk_boundaries_2014_2025.topo.json", "utf8"));
const centroids = new Map<string, [number, number]>();
for (const layer of ["ltla", "utla"]) {
  for (const f of (feature(topo, topo.objects[layer]) as unknown as { features: Area[] })
    .features) {
    if (!centroids.has(f.properties.areacd)) {
      centroids.set(f.properties.areacd, geoCentroid(f as never) as [number, number]);
    }
  }
}
const km = (a: string, b: string) => geoDistance(centroids.get(a)!, centroids.get(b)!) * 6371.0088;

const inCategory = (category: string) => bySql.categoryParticipants(sql, category, today());

/** Councils sharing `category` today. */
async function sharing(category: string): Promise<string[]> {
  const rows = await sql<{ code: string }[]>`
    select distinct code from (${inCategory(category)}) t`;
  return rows.map((r) => r.code);
}

async function results(council: string, category: string): Promise<PartnerResults> {
  const found = await findPartners(council, category);
  if (found.kind !== "found") throw new Error(found.kind);
  return found.results;
}

beforeAll(async () => {
  // Counter-fraud only as a further category, between Harrow and Cornwall; and an unpublished
  // one that must not appear.
  await makeArrangement(sql, tag, {
    title: `Partners test further ${tag}`,
    lead: HARROW,
    partners: [CORNWALL, "fire:001"],
    category: "ict",
    further: ["counter-fraud"],
    contactName: "Fraud team",
    contactEmail: `fraud.${tag}@harrow.example.org`,
  });
  await makeArrangement(sql, tag, {
    title: `Partners test draft ${tag}`,
    lead: BARNET,
    partners: [HARROW],
    category: "counter-fraud",
    state: "submitted",
  });
});

afterAll(async () => {
  await removeArrangements(sql, tag);
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

describe("the partner finder", () => {
  it("returns exactly the other councils sharing the category, nearest first", async () => {
    for (const [council, category] of [
      [BRENT, "procurement-and-commissioning"],
      [CORNWALL, "legal"],
      ["E10000008", "regulatory-services"],
    ] as const) {
      const r = await results(council, category);
      const expected = (await sharing(category)).filter((c) => c !== council);
      expect(r.partners.map((p) => p.code).sort()).toEqual(expected.sort());

      const distances = r.partners.map((p) => p.distanceKm!);
      for (const [i, p] of r.partners.entries()) {
        expect(p.distanceKm).toBeCloseTo(km(council, p.code), 6);
        if (i > 0) expect(distances[i]!).toBeGreaterThanOrEqual(distances[i - 1]!);
      }
      // The chosen council's own arrangements in the category are listed apart.
      const [mine] = await sql<{ n: number }[]>`
        select count(distinct arrangement_id)::int as n from (${inCategory(category)}) t
        where code = ${council}`;
      expect(r.own).toHaveLength(mine!.n);
    }
  });

  it("finds Harrow, Brent's real HuB partner, under 10 km away, after any nearer council", async () => {
    const r = await results(BRENT, "procurement-and-commissioning");
    const harrow = r.partners.findIndex((p) => p.code === HARROW);
    expect(harrow).toBeGreaterThanOrEqual(0);
    expect(r.partners[harrow]!.distanceKm!).toBeLessThan(10);
    // Every council listed before Harrow is nearer to Brent (distances worked out here).
    for (const p of r.partners.slice(0, harrow)) {
      expect(km(BRENT, p.code)).toBeLessThanOrEqual(km(BRENT, HARROW));
    }
    expect(r.own.map((a) => a.title)).toContain("HuB Procurement Services: Brent and Harrow");
  });

  it("matches a further category, with the arrangement's public contact", async () => {
    const r = await results(BARNET, "counter-fraud");
    const harrow = r.partners.find((p) => p.code === HARROW)!;
    const mine = harrow.arrangements.filter((a) => a.title.endsWith(tag));
    expect(mine).toEqual([
      expect.objectContaining({
        title: `Partners test further ${tag}`,
        role: "lead",
        contactName: "Fraud team",
        contactEmail: `fraud.${tag}@harrow.example.org`,
      }),
    ]);
    expect(r.partners.find((p) => p.code === CORNWALL)!.arrangements[0]!.role).toBe("partner");
    // Only councils: the fire service in the same arrangement is not a result.
    expect(r.partners.every((p) => /^E\d{8}$/.test(p.code))).toBe(true);
    // The submitted arrangement is not public: Barnet has none of its own here from this test.
    expect(r.own.some((a) => a.title.endsWith(tag))).toBe(false);
  });

  it("counts the arrangements behind the results, illustrative ones too", async () => {
    const r = await results(BRENT, "legal");
    const [row] = await sql<{ n: number; illustrative: number }[]>`
      select count(distinct arrangement_id)::int as n,
             count(distinct arrangement_id) filter (where is_illustrative)::int as illustrative
      from (${inCategory("legal")}) t`;
    expect([r.arrangements, r.illustrative]).toEqual([row!.n, row!.illustrative]);
  });

  it("says what became of former councils among the results", async () => {
    const r = await results("E06000063", "revenues-and-benefits"); // Cumberland
    const former = r.partners.filter((p) => p.endDate !== null);
    // The demo data's councils are 2017's: some have been abolished since.
    expect(former.length).toBeGreaterThan(0);
    for (const p of former) {
      const [row] = await sql<{ end_date: string; successors: string[] }[]>`
        select o.end_date::text,
               array(select s.code from organisation_successions x
                     join organisations s on s.id = x.successor_id
                     where x.predecessor_id = o.id order by s.code) as successors
        from organisations o where o.code = ${p.code}`;
      expect(p.endDate).toBe(row!.end_date);
      expect(p.replacedBy.map((s) => s.code).sort()).toEqual(row!.successors);
    }
  });

  it("answers unknown councils and categories without failing", async () => {
    expect(await findPartners("E99999999", "legal")).toEqual({ kind: "unknown-council" });
    expect(await findPartners("fire:001", "legal")).toEqual({ kind: "unknown-council" });
    expect(await findPartners(BRENT, "astrology")).toEqual({ kind: "unknown-category" });
  });

  it("finds a council that carries on a replaced council's arrangement, naming it", async () => {
    const [row] = await sql<{ code: string; category: string; via: string; slug: string }[]>`
      select o.code, c.slug as category, v.name as via, a.slug
      from register_participants(${today()}::date) x
      join register_standing(${today()}::date) st using (arrangement_id)
      join arrangement_revisions r on r.id = st.revision_id
      join arrangements a on a.id = st.arrangement_id
      join service_categories c on c.id = r.main_category_id
      join organisations o on o.id = x.organisation_id and o.kind = 'council'
      join organisations v on v.id = x.via_organisation_id
      where not st.internal and o.code <> ${BRENT}
        and not exists (select 1 from register_participants(${today()}::date) y
                        where y.arrangement_id = x.arrangement_id
                          and y.organisation_id = x.organisation_id and y.via_organisation_id is null)
      order by a.slug limit 1`;
    expect(row).toBeDefined();
    const r = await results(BRENT, row!.category);
    const found = r.partners
      .find((p) => p.code === row!.code)!
      .arrangements.find((a) => a.slug === row!.slug);
    expect(found).toMatchObject({ role: "via" });
    expect(found!.via).toContain(row!.via);
  });

  it("offers exactly today's councils to choose from, by region: none that has ended", async () => {
    const groups = await partnerFinderCouncils();
    const offered = groups.flatMap((g) => g.councils.map((c) => c.code));
    const existing = await sql<{ code: string }[]>`
      select code from organisations
      where kind = 'council' and (start_date is null or start_date <= ${today()}::date)
        and (end_date is null or end_date >= ${today()}::date)`;
    expect(offered.sort()).toEqual(existing.map((r) => r.code).sort());
    expect(new Set(offered).size).toBe(offered.length);
    expect(groups.map((g) => g.region)).toContain("London");
    // Not one council that ended before today (the register holds 48).
    const ended = await sql<{ code: string }[]>`
      select code from organisations where kind = 'council' and end_date < ${today()}::date`;
    expect(ended.length).toBeGreaterThan(40);
    expect(offered.filter((code) => ended.some((e) => e.code === code))).toEqual([]);
    expect(offered).not.toContain("E07000026"); // Allerdale
  });

  it("answers an old link to a former council through the council it is part of today", async () => {
    // Allerdale became part of Cumberland: the answer is Cumberland's, said so.
    const allerdale = await findPartners("E07000026", "revenues-and-benefits");
    const cumberland = await results("E06000063", "revenues-and-benefits");
    expect(allerdale.kind).toBe("found");
    if (allerdale.kind !== "found") return;
    expect(allerdale.results.council.code).toBe("E06000063");
    expect(allerdale.results.askedFor).toEqual({
      code: "E07000026",
      name: "Allerdale Borough Council",
      since: "2023-04-01",
    });
    expect(allerdale.results.partners.map((p) => p.code)).toEqual(
      cumberland.partners.map((p) => p.code),
    );
    // Northamptonshire was split in two: the choice of them, no answer of its own.
    const northants = await findPartners("E10000021", "legal");
    expect(northants).toMatchObject({
      kind: "former",
      council: { code: "E10000021" },
      successors: [
        expect.objectContaining({ code: "E06000061", since: "2021-04-01" }),
        expect.objectContaining({ code: "E06000062", since: "2021-04-01" }),
      ],
    });
  });

  it("pages the councils found, 20 a page: every one once, in order", async () => {
    const r = await results(BRENT, "procurement-and-commissioning");
    expect(r.partners.length).toBeGreaterThan(2 * PARTNERS_PAGE_SIZE);
    const first = partnersPage(r.partners, 1);
    expect(first.pages).toBe(Math.ceil(r.partners.length / 20));
    const walked = [];
    for (let page = 1; page <= first.pages; page++) {
      const shown = partnersPage(r.partners, page);
      expect(shown.rows.length).toBe(page < first.pages ? 20 : r.partners.length - 20 * (page - 1));
      expect(shown.first).toBe(20 * (page - 1) + 1);
      walked.push(...shown.rows);
    }
    expect(walked).toEqual(r.partners);
    expect(partnersPage(r.partners, first.pages + 1).rows).toEqual([]);
  });
});
