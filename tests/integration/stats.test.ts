// The queries read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { PARTNER_TYPES } from "@/lib/public/filters";
import { regionByName } from "@/lib/public/regions";
import * as register from "@/lib/stats/queries";
import { testDatabase } from "../support/db";
import * as bySql from "../support/expected-figures";
import {
  addRevision,
  createArrangement,
  pickOrganisation,
  removeArrangements,
  type Org,
} from "../support/stats-fixtures";

/*
 * Every dashboard aggregate against SQL written here, independently of lib/stats: plain joins on
 * arrangements.published_revision_id (approved), sums of revision_savings (not the trigger-kept
 * totals the app reads), the filters spelled out by hand. Unfiltered, by region, by category and
 * by both. The test adds its own records to the demo set: a published arrangement with fire and
 * police partners and a further category, one with an "other" partner (the demo set has none),
 * and records that must never count: a draft, a submitted change to a published arrangement,
 * a rejected one and a withdrawn arrangement, all with large savings.
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
const prefix = `stats-test-${run}-`;

const NORTH_EAST = "north-east";
const FRAUD = "counter-fraud";

const FILTER_SETS: [string, bySql.Filters][] = [
  ["no filters", {}],
  ["a region", { region: "london" }],
  ["a category", { category: "procurement-and-commissioning" }],
  ["a region and a category", { region: "north-west", category: "revenues-and-benefits" }],
  ["the test's own region and category", { region: NORTH_EAST, category: FRAUD }],
  ["a further category", { category: "legal" }],
];

let lead: Org;
let neighbour: Org;

beforeAll(async () => {
  lead = await pickOrganisation(sql, "council", { region: "North East" });
  neighbour = await pickOrganisation(sql, "council", { region: "North East", offset: 1 });
  const fire = await pickOrganisation(sql, "fire");
  const police = await pickOrganisation(sql, "police");
  const other = await pickOrganisation(sql, "other");

  await createArrangement(sql, `${prefix}fire-police`, {
    title: `Stats test ${run}: fraud hub with fire and police`,
    category: FRAUD,
    otherCategories: ["legal"],
    partners: [lead, neighbour, fire, police],
    state: "approved",
    savings: [
      { year: 2016, pence: 12_345_67n, kind: "actual" },
      // Two years after the demo set's last: the year between must show as zero.
      { year: 2019, pence: 50_000_01n, kind: "forecast" },
    ],
  });
  await createArrangement(sql, `${prefix}other`, {
    title: `Stats test ${run}: fraud with another body`,
    category: FRAUD,
    partners: [neighbour, other],
    state: "approved",
    savings: [{ year: 2017, pence: 7_00n, kind: "actual" }],
  });

  // Never public, each with savings that would show if they leaked.
  const huge = [{ year: 2016, pence: 9_999_999_99n, kind: "actual" as const }];
  await createArrangement(sql, `${prefix}draft`, {
    title: `Stats test ${run}: draft`,
    category: FRAUD,
    partners: [lead, other],
    state: "draft",
    savings: huge,
  });
  const pending = await createArrangement(sql, `${prefix}pending`, {
    title: `Stats test ${run}: published, change pending`,
    category: FRAUD,
    partners: [lead, neighbour],
    state: "approved",
    savings: [{ year: 2016, pence: 1_00n, kind: "actual" }],
  });
  await addRevision(sql, pending.arrangementId, 2, {
    title: `Stats test ${run}: the pending change`,
    category: FRAUD,
    partners: [lead, neighbour, other],
    state: "submitted",
    savings: huge,
  });
  await addRevision(sql, pending.arrangementId, 3, {
    title: `Stats test ${run}: a rejected change`,
    category: "legal",
    partners: [lead, police],
    state: "rejected",
    savings: huge,
  });
  await createArrangement(sql, `${prefix}withdrawn`, {
    title: `Stats test ${run}: withdrawn`,
    category: FRAUD,
    partners: [lead, fire],
    state: "superseded",
    savings: huge,
  });
});

afterAll(async () => {
  await removeArrangements(sql, prefix);
  await sql.end();
  await appSql().end();
});

/* The tests ------------------------------------------------------------------------------------ */

describe.each(FILTER_SETS)("dashboard figures with %s", (_label, filters) => {
  it("headline: arrangements, illustrative records, savings and councils", async () => {
    const expected = await bySql.expectedHeadline(sql, filters);
    expect(expected.arrangements).toBeGreaterThan(0);
    expect(await register.getHeadline(filters)).toEqual(expected);
  });

  it("savings by financial year, with empty years as zero and a running total", async () => {
    const expected = await bySql.expectedYears(sql, filters);
    expect(expected.length).toBeGreaterThan(0);
    const years = await register.getSavingsByYear(filters);
    expect(years).toEqual(bySql.registerYears(expected));
    const headline = await register.getHeadline(filters);
    expect(years[years.length - 1]!.cumulativePence).toBe(headline.totalPence);
  });

  it("by main service category: each arrangement once, largest savings first", async () => {
    const groups = await register.getSavingsByCategory(filters);
    expect(
      groups
        .map((g) => ({ key: g.key, arrangements: g.arrangements, totalPence: g.totalPence }))
        .sort(bySql.byKey),
    ).toEqual(await bySql.expectedGroups(sql, filters, "category"));
    for (let i = 1; i < groups.length; i++) {
      expect(groups[i - 1]!.totalPence >= groups[i]!.totalPence).toBe(true);
    }
    const headline = await register.getHeadline(filters);
    expect(groups.reduce((n, g) => n + g.arrangements, 0)).toBe(headline.arrangements);
    expect(groups.reduce((n, g) => n + g.totalPence, 0n)).toBe(headline.totalPence);
  });

  it("by region of the lead organisation, largest savings first", async () => {
    const groups = await register.getSavingsByRegion(filters);
    expect(
      groups
        .map((g) => ({ key: g.key, arrangements: g.arrangements, totalPence: g.totalPence }))
        .sort(bySql.byKey),
    ).toEqual(await bySql.expectedGroups(sql, filters, "region"));
    for (let i = 1; i < groups.length; i++) {
      expect(groups[i - 1]!.totalPence >= groups[i]!.totalPence).toBe(true);
    }
    if (filters.region) expect(groups.map((g) => g.key)).toEqual([filters.region]);
  });

  it("by partner type: all five groups in order, overlapping", async () => {
    const groups = await register.getSavingsByPartnerType(filters);
    expect(
      groups.map((g) => ({ key: g.key, arrangements: g.arrangements, totalPence: g.totalPence })),
    ).toEqual(await bySql.expectedPartnerTypes(sql, filters));
  });

  it("the ten largest arrangements by savings", async () => {
    const top = await register.getTopArrangements(filters);
    expect(
      top.map((t) => ({
        rank: t.rank,
        slug: t.slug,
        title: t.title,
        leadName: t.leadName,
        totalPence: t.totalPence,
      })),
    ).toEqual(await bySql.expectedTop(sql, filters));
  });
});

describe("what the figures include", () => {
  const ours = { region: NORTH_EAST, category: FRAUD };

  it("counts only published revisions: drafts, pending, rejected and withdrawn never", async () => {
    const top = await register.getTopArrangements(ours);
    const slugs = top.map((t) => t.slug);
    expect(slugs).toContain(`${prefix}fire-police`);
    expect(slugs).toContain(`${prefix}pending`);
    for (const hidden of ["draft", "withdrawn"]) expect(slugs).not.toContain(`${prefix}${hidden}`);
    // The pending change's title and savings are not public; the published version's are.
    const pending = top.find((t) => t.slug === `${prefix}pending`)!;
    expect(pending.title).toBe(`Stats test ${run}: published, change pending`);
    expect(pending.totalPence).toBe(1_00n);
    // £9,999,999.99 from any hidden record would make the largest savings line this big.
    expect(top.every((t) => t.totalPence < 9_999_999_99n)).toBe(true);
  });

  it("puts an arrangement with fire and police partners in both groups", async () => {
    const groups = await register.getSavingsByPartnerType(ours);
    const group = (type: string) => groups.find((g) => g.key === type)!;
    const headline = await register.getHeadline(ours);
    // Every arrangement is in at least one group; ours is in two, so the groups add up to more.
    expect(groups.reduce((n, g) => n + g.arrangements, 0)).toBeGreaterThan(headline.arrangements);
    expect(group("fire").arrangements).toBeGreaterThanOrEqual(1);
    expect(group("police").arrangements).toBeGreaterThanOrEqual(1);
    expect(group("fire").totalPence).toBeGreaterThanOrEqual(12_345_67n + 50_000_01n);
    // The demo set has no "other" partners: this group holds the test's own arrangement.
    expect(group("other").arrangements).toBeGreaterThanOrEqual(1);
    expect(group("councils-only").arrangements).toBeLessThan(headline.arrangements);
  });

  it("finds an arrangement by a further category, and charts it under its main one", async () => {
    const categories = await register.getSavingsByCategory({ category: "legal" });
    expect(categories.map((g) => g.key)).toContain(FRAUD);
  });

  it("shows a year with no savings between two that have some, as zero", async () => {
    const years = await register.getSavingsByYear(ours);
    const gap = years.find((y) => y.financialYear === 2018);
    expect(years.map((y) => y.financialYear)).toContain(2019);
    expect(gap).toEqual({
      financialYear: 2018,
      actualPence: 0n,
      forecastPence: 0n,
      totalPence: 0n,
      cumulativePence: years.find((y) => y.financialYear === 2017)!.cumulativePence,
    });
  });

  it("counts a region's councils against that region only", async () => {
    const national = await register.getHeadline({});
    const london = await register.getHeadline({ region: "london" });
    expect(london.referenceDate).toBe(national.referenceDate);
    // 32 London boroughs and the City of London.
    expect(london.councilsExisting).toBe(33);
    expect(london.councilsInvolved).toBeLessThanOrEqual(london.councilsExisting);
  });

  it("returns nothing, not an error, for filters that match nothing", async () => {
    // A region and category with no published arrangement between them.
    const [pair] = await sql<{ region: string; category: string }[]>`
      select g.region, c.slug as category
      from (select distinct region from organisations where kind = 'council') g
      cross join service_categories c
      where not exists (select 1 from (${bySql.matching(sql, {})}) m
                         where m.region = g.region and (m.category_slug = c.slug or exists (
                           select 1 from revision_categories rc
                           where rc.revision_id = m.revision_id and rc.category_id = c.id)))
      order by g.region, c.slug limit 1`;
    expect(pair).toBeDefined();
    const none = { region: regionByName(pair!.region)!.slug, category: pair!.category };
    expect((await register.getHeadline(none)).arrangements).toBe(0);
    expect((await register.getHeadline(none)).totalPence).toBe(0n);
    expect(await register.getSavingsByYear(none)).toEqual([]);
    expect(await register.getSavingsByCategory(none)).toEqual([]);
    expect(await register.getSavingsByRegion(none)).toEqual([]);
    expect(await register.getTopArrangements(none)).toEqual([]);
    const groups = await register.getSavingsByPartnerType(none);
    expect(groups.map((g) => [g.key, g.arrangements, g.totalPence])).toEqual(
      PARTNER_TYPES.map((type) => [type, 0, 0n]),
    );
  });
});
