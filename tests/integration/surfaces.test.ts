// The queries read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, describe, expect, it } from "vitest";
import { today } from "@/lib/clock";
import { getCouncilPage, type CouncilPage } from "@/lib/councils/council-page";
import { getMapModel, type MapModel } from "@/lib/councils/map";
import { defaultMapOptions } from "@/lib/councils/map-options";
import { findPartners } from "@/lib/partners/finder";
import { registerFigures } from "@/lib/public/register";
import { statsBody } from "@/lib/stats/api";
import { loadChartTable, loadDashboard } from "@/lib/stats/dashboard";
import { getHeadline, getSavingsByYear } from "@/lib/stats/queries";
import { closeDatabases, testDatabase } from "../support/db";
import { expectedDayFigures } from "../support/expected-figures";

/*
 * One rule, one answer (issue 12, item 3): on 1 April 2016, 1 April 2019 and today, the
 * arrangements counted, the councils involved and the savings are the same whichever surface
 * gives them — the register's figures (lib/public/register.ts), the headline and its savings
 * chart, the map of either tier (its totals, and its councils taking part) — and all equal SQL
 * written over the rule's functions (tests/support/expected-figures.ts). Today, the stats API,
 * the dashboard CSV, council pages and the partner finder give the same too.
 */

const { sql } = testDatabase();
afterAll(() => closeDatabases(sql));

const DAYS = ["2016-04-01", "2019-04-01", today()];

async function maps(day: string): Promise<MapModel[]> {
  const year = Number(day.slice(0, 4));
  return Promise.all(
    (["lower", "upper"] as const).map((tier) =>
      getMapModel({ ...defaultMapOptions(), year, tier }),
    ),
  );
}

describe("the same answer from every surface", () => {
  it.each(DAYS)("on %s: the register, the headline, its chart and the maps", async (day) => {
    const oracle = await expectedDayFigures(sql, day);
    const register = await registerFigures(day);
    const answer = {
      arrangements: oracle.arrangements,
      councilsInvolved: oracle.involved,
      councilsExisting: oracle.existing,
      totalPence: oracle.totalPence,
    };
    const pick = (f: typeof answer) => ({
      arrangements: f.arrangements,
      councilsInvolved: f.councilsInvolved,
      councilsExisting: f.councilsExisting,
      totalPence: f.totalPence,
    });
    expect(pick(register)).toEqual(answer);
    expect(register.internal).toBe(oracle.internal);

    const headline = await getHeadline({}, day);
    expect({ ...pick(headline), day: headline.referenceDate }).toEqual({ ...answer, day });
    const years = await getSavingsByYear({}, day);
    expect(years.at(-1)!.cumulativePence).toBe(answer.totalPence);

    const [lower, upper] = await maps(day);
    for (const map of [lower!, upper!]) {
      expect(map.day).toBe(day);
      expect(map.register).toEqual(register);
      // The map's own total counts arrangements a council drawn takes part in: never more.
      expect(map.involved.arrangements).toBeLessThanOrEqual(answer.arrangements);
      expect(map.involved.totalPence).toBeLessThanOrEqual(answer.totalPence);
    }
    // Both tiers together draw every council of the day, and those taking part are the
    // headline's councils involved.
    const areas = [...lower!.areas, ...upper!.areas];
    expect(new Set(areas.map((a) => a.code)).size).toBe(answer.councilsExisting);
    expect(new Set(areas.filter((a) => a.involved).map((a) => a.code)).size).toBe(
      answer.councilsInvolved,
    );
  });

  it("today: the stats API, the dashboard CSV, council pages and the partner finder", async () => {
    const day = today();
    const register = await registerFigures(day);
    const body = statsBody(await loadDashboard({}));
    expect(body.headline).toMatchObject({
      arrangements: register.arrangements,
      internal_arrangements: register.internal,
      councils_involved: register.councilsInvolved,
      councils_existing: register.councilsExisting,
      councils_reference_date: day,
      total_pence: String(register.totalPence),
    });
    const table = await loadChartTable("savings-by-year", {});
    expect(table.footer?.cells[2]).toBe(register.totalPence);

    // A council's page gives what its area on the map gives: current councils of both tiers,
    // successors of 2019, 2021 and 2023 among them.
    const [lower, upper] = await maps(day);
    const areas = new Map([...lower!.areas, ...upper!.areas].map((a) => [a.code, a]));
    const pages = new Map<string, CouncilPage>();
    for (const code of ["E10000008", "E07000040", "E06000058", "E06000061", "E06000063"]) {
      const found = await getCouncilPage(code);
      if (found.kind !== "found") throw new Error(code);
      pages.set(code, found.page);
      const area = areas.get(code)!;
      expect([code, found.page.totals.arrangements, found.page.totals.via]).toEqual([
        code,
        area.arrangements,
        area.viaArrangements,
      ]);
      expect(found.page.totals.totalPence).toBe(area.totalPence);
    }

    // The partner finder lists a council with the arrangements its page lists in the category.
    const finder = await findPartners("E07000040", "legal");
    if (finder.kind !== "found") throw new Error(finder.kind);
    for (const partner of finder.results.partners.filter((p) => pages.has(p.code))) {
      const onPage = pages
        .get(partner.code)!
        .arrangements.filter((a) => !a.internalFrom)
        .map((a) => a.slug);
      expect(onPage).toEqual(expect.arrayContaining(partner.arrangements.map((a) => a.slug)));
    }
    const devon = pages.get("E10000008")!;
    const devonInFinder = finder.results.partners.find((p) => p.code === "E10000008");
    const legal = devon.arrangements.filter((a) => !a.internalFrom && a.category === "Legal");
    expect(devonInFinder?.arrangements.length ?? 0).toBeGreaterThanOrEqual(legal.length);
  });
});
