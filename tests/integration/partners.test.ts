process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { readFileSync } from "node:fs";
import { geoCentroid, geoDistance } from "d3-geo";
import { feature } from "topojson-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { findPartners, partnerFinderCouncils, type PartnerResults } from "@/lib/partners/finder";
import { testDatabase } from "../support/db";
import { fixtureTag, makeArrangement, removeArrangements } from "../support/register-fixtures";

/*
 * The partner finder against the database and the boundaries. Who shares a category comes from
 * SQL written here; distances from centroids computed here with d3-geo straight from the
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

/** Councils in published arrangements whose main or further category is `category`. */
async function sharing(category: string): Promise<string[]> {
  const rows = await sql<{ code: string }[]>`
    select distinct o.code
    from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join revision_partners rp on rp.revision_id = r.id
    join organisations o on o.id = rp.organisation_id and o.kind = 'council'
    where r.main_category_id = (select id from service_categories where slug = ${category})
       or exists (select 1 from revision_categories rc
                  where rc.revision_id = r.id
                    and rc.category_id = (select id from service_categories where slug = ${category}))`;
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
        select count(*)::int as n from arrangements a
        join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
        join revision_partners rp on rp.revision_id = r.id
        where rp.organisation_id = (select id from organisations where code = ${council})
          and (r.main_category_id = (select id from service_categories where slug = ${category})
               or exists (select 1 from revision_categories rc join service_categories c on c.id = rc.category_id
                          where rc.revision_id = r.id and c.slug = ${category}))`;
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
      select count(distinct a.id)::int as n,
             count(distinct a.id) filter (where a.is_illustrative)::int as illustrative
      from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join revision_partners rp on rp.revision_id = r.id
      join organisations o on o.id = rp.organisation_id and o.kind = 'council'
      where r.main_category_id = (select id from service_categories where slug = 'legal')
         or exists (select 1 from revision_categories rc join service_categories c on c.id = rc.category_id
                    where rc.revision_id = r.id and c.slug = 'legal')`;
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

  it("offers today's councils to choose from, by region", async () => {
    const groups = await partnerFinderCouncils();
    const offered = groups.flatMap((g) => g.councils.map((c) => c.code));
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from organisations
      where kind = 'council' and (start_date is null or start_date <= current_date)
        and (end_date is null or end_date >= current_date)`;
    expect(offered).toHaveLength(row!.n);
    expect(new Set(offered).size).toBe(offered.length);
    expect(groups.map((g) => g.region)).toContain("London");
    // A former council appears only when it is the one asked about.
    expect(offered).not.toContain("E07000026");
    const withFormer = await partnerFinderCouncils("E07000026");
    expect(withFormer.flatMap((g) => g.councils).find((c) => c.code === "E07000026")?.name).toBe(
      "Allerdale (former)",
    );
  });
});
