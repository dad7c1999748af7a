process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, describe, expect, it } from "vitest";
import { today } from "@/lib/clock";
import { getCouncilPage } from "@/lib/councils/council-page";
import { councilAreaKm2 } from "@/lib/geo/areas";
import { councilLookup } from "@/lib/geo/councils";
import { closeDatabases, testDatabase } from "../support/db";

/*
 * Comparison groups on the council page against the database: for a county, a district and a
 * London borough, the group is 15 councils of its tier that exist today, not itself, in the
 * order of the stated distance recomputed here from the populations SQL reads and the boundary
 * areas: √(Δz(ln population)² + Δz(ln density)² + (1 if regions differ)), z being standard
 * deviations among the tier's councils existing today with a population and a boundary.
 */

const { sql } = testDatabase();

afterAll(() => closeDatabases(sql));

type Row = {
  code: string;
  gss_code: string | null;
  former_gss_codes: string[];
  name: string;
  council_type: string | null;
  region: string | null;
  population: number | null;
};

const TIER: Record<string, string> = {
  CTY: "county",
  NMD: "district",
  UA: "unitary",
  MD: "unitary",
  LBO: "unitary",
  CC: "unitary",
};

/** Today's councils with a population and an area, by SQL and the area function. */
async function todaysCouncils(day: string) {
  const rows = await sql<Row[]>`
    select code, gss_code, former_gss_codes, name, council_type, region, population
    from organisations
    where kind = 'council'
      and (start_date is null or start_date <= ${day}::date)
      and (end_date is null or end_date >= ${day}::date)`;
  const geo = rows.map((r) => ({
    code: r.code,
    gssCode: r.gss_code,
    formerGssCodes: r.former_gss_codes,
    name: r.name,
    parentCode: null,
    replacedByCodes: [],
  }));
  const lookup = councilLookup(geo);
  return rows.map((r, i) => ({ ...r, area: councilAreaKm2(lookup, geo[i]!) }));
}

/** Standard deviations of the tier's values (dividing by n). */
function sd(values: number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

describe("similar councils", () => {
  it.each([
    ["E10000008", "county"], // Devon County Council
    ["E07000040", "district"], // East Devon
    ["E09000008", "unitary"], // Croydon, a London borough
  ])(
    "give %s (%s) 15 councils of its tier today, nearest by the stated distance",
    async (code, tier) => {
      const day = today();
      const councils = await todaysCouncils(day);
      const peers = councils.filter(
        (c) => TIER[c.council_type ?? ""] === tier && c.population !== null && c.area !== null,
      );
      const self = peers.find((c) => c.code === code)!;
      expect(self).toBeDefined();
      const lnPop = (c: (typeof peers)[number]) => Math.log(c.population!);
      const lnDensity = (c: (typeof peers)[number]) => Math.log(c.population! / c.area!);
      const popSd = sd(peers.map(lnPop));
      const densitySd = sd(peers.map(lnDensity));
      const expected = peers
        .filter((c) => c.code !== code)
        .map((c) => ({
          code: c.code,
          name: c.name,
          distance: Math.sqrt(
            ((lnPop(c) - lnPop(self)) / popSd) ** 2 +
              ((lnDensity(c) - lnDensity(self)) / densitySd) ** 2 +
              (c.region !== null && c.region === self.region ? 0 : 1),
          ),
        }))
        .sort((a, b) => a.distance - b.distance);

      const result = await getCouncilPage(code);
      if (result.kind !== "found") throw new Error(result.kind);
      const similar = result.page.similar;
      if (similar.kind !== "group") throw new Error(similar.reason);
      expect(similar.tier).toBe(tier);
      expect(similar.councils).toHaveLength(15);

      const shown = similar.councils.map((c) => c.code);
      expect(new Set(shown).size).toBe(15);
      expect(shown).not.toContain(code);
      const byCode = new Map(councils.map((c) => [c.code, c]));
      for (const c of similar.councils) {
        // Exists today (the query above) and of the same tier.
        expect(TIER[byCode.get(c.code)?.council_type ?? ""]).toBe(tier);
      }
      // The same fifteen, in the same order, at the same distances as recomputed here.
      expect(shown).toEqual(expected.slice(0, 15).map((c) => c.code));
      similar.councils.forEach((c, i) => {
        expect(c.distance).toBeCloseTo(expected[i]!.distance, 9);
        if (i > 0) expect(c.distance).toBeGreaterThanOrEqual(similar.councils[i - 1]!.distance);
      });
      // No council left out of the group is nearer than its farthest member.
      expect(expected[15]!.distance).toBeGreaterThanOrEqual(similar.councils[14]!.distance);
      // The page counts the councils of the tier left out for want of a population or boundary.
      expect(similar.leftOut).toBe(
        councils.filter(
          (c) => TIER[c.council_type ?? ""] === tier && (c.population === null || c.area === null),
        ).length,
      );
      console.log(
        `${self.name}: ${similar.councils
          .map((c) => `${byCode.get(c.code)!.name} ${c.distance.toFixed(3)}`)
          .join("; ")}`,
      );
    },
  );

  it("give a council that has ceased no group", async () => {
    const result = await getCouncilPage("E07000026"); // Allerdale, replaced by Cumberland
    if (result.kind !== "found") throw new Error(result.kind);
    expect(result.page.similar).toMatchObject({ kind: "none", reason: "not-current" });
  });
});
