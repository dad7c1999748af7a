import { describe, expect, it } from "vitest";
import {
  meanAndSd,
  similarCouncils,
  similarityDistance,
  similarityTier,
  type SimilarityCouncil,
} from "@/lib/councils/similar";

/*
 * The comparison groups' distance and ranking against a case worked by hand. Populations and
 * densities are powers of ten, and standardising makes the log's base irrelevant (ln x =
 * ln 10 · log10 x, and the ln 10 divides out), so the arithmetic below is in log10.
 */

const DAY = "2026-06-01";

function council(
  code: string,
  over: Partial<SimilarityCouncil> & Pick<SimilarityCouncil, "population" | "areaKm2">,
): SimilarityCouncil {
  return {
    code,
    name: `${code} Council`,
    councilType: "CTY",
    region: "X",
    startDate: null,
    endDate: null,
    ...over,
  };
}

// Four comparable counties:            pop     area   density  log10 pop  log10 density  region
const A = council("A", { population: 100, areaKm2: 10 }); //        10        2          1        X
const B = council("B", { population: 100, areaKm2: 0.1 }); //     1000        2          3        X
const C = council("C", { population: 10_000, areaKm2: 1000, region: "Y" }); // 10  4     1        Y
const D = council("D", { population: 10_000, areaKm2: 10 }); //   1000        4          3        X
// Left out: another tier, one that has ceased, one without a boundary, one without a population.
// Were any counted, the means and deviations below (and so every distance) would change.
const others = [
  council("E", { population: 1_000_000, areaKm2: 1, councilType: "NMD" }),
  council("F", { population: 1_000_000, areaKm2: 1, endDate: "2020-03-31" }),
  council("G", { population: 1_000_000, areaKm2: null }),
  council("H", { population: null, areaKm2: 1 }),
];
const all = [A, B, C, D, ...others];

// log10 population 2, 2, 4, 4: mean 3, deviations ±1, variance (1+1+1+1)/4 = 1, sd 1.
// log10 density    1, 3, 1, 3: mean 2, deviations ±1, variance 1, sd 1.
// So a difference in log10 is a difference in standard deviations, and with a region
// penalty r (0 same region, 1 different): distance = √(Δpop² + Δdensity² + r).
// From A: B √(0² + 2² + 0) = 2;  C √(2² + 0² + 1) = √5 ≈ 2.2361;  D √(2² + 2² + 0) = √8 ≈ 2.8284.
// From C: A √(2² + 0² + 1) = √5;  B √(2² + 2² + 1) = 3;  D √(0² + 2² + 1) = √5 (A before D by name).

describe("similar councils", () => {
  it("standardise by the population standard deviation", () => {
    expect(meanAndSd([2, 2, 4, 4])).toEqual({ mean: 3, sd: 1 });
    expect(meanAndSd([5, 5])).toEqual({ mean: 5, sd: 1 }); // no spread: 1, not 0/0
  });

  it("measure the stated distance, with one standard deviation for another region", () => {
    const spread = { popSd: 1, densitySd: 1 };
    const at = (logPop: number, logDensity: number, region: string | null) => ({
      logPop,
      logDensity,
      region,
    });
    expect(similarityDistance(at(2, 1, "X"), at(2, 3, "X"), spread)).toBe(2);
    expect(similarityDistance(at(2, 1, "X"), at(4, 1, "Y"), spread)).toBeCloseTo(Math.sqrt(5), 12);
    // An unrecorded region is never the same region.
    expect(similarityDistance(at(2, 1, null), at(2, 1, null), spread)).toBe(1);
    // Spreads divide: 4 units of log population at sd 2 are 2 standard deviations.
    expect(similarityDistance(at(0, 0, "X"), at(4, 0, "X"), { popSd: 2, densitySd: 1 })).toBe(2);
  });

  it("rank A's group as worked by hand, leaving out other tiers, ceased and incomplete councils", () => {
    const result = similarCouncils(A, all, DAY);
    expect(result.kind).toBe("group");
    if (result.kind !== "group") return;
    expect(result.tier).toBe("county");
    expect(result.councils.map((c) => c.code)).toEqual(["B", "C", "D"]);
    const [b, c, d] = result.councils.map((x) => x.distance);
    expect(b).toBeCloseTo(2, 12);
    expect(c).toBeCloseTo(Math.sqrt(5), 12);
    expect(d).toBeCloseTo(Math.sqrt(8), 12);
    // Without the region penalty C would tie with B at 2; the penalty puts it after B.
  });

  it("break C's tie by name and cut the group at its size", () => {
    const result = similarCouncils(C, all, DAY);
    if (result.kind !== "group") throw new Error(result.reason);
    expect(result.councils.map((c) => [c.code, Number(c.distance.toFixed(4))])).toEqual([
      ["A", 2.2361],
      ["D", 2.2361],
      ["B", 3],
    ]);
    const two = similarCouncils(C, all, DAY, 2);
    expect(two.kind === "group" && two.councils.map((c) => c.code)).toEqual(["A", "D"]);
  });

  it("say why a council has no group", () => {
    expect(similarCouncils(others[1]!, all, DAY)).toEqual({ kind: "none", reason: "not-current" });
    expect(similarCouncils(others[2]!, all, DAY)).toEqual({ kind: "none", reason: "no-boundary" });
    expect(similarCouncils(others[3]!, all, DAY)).toEqual({
      kind: "none",
      reason: "no-population",
    });
    const fire = council("Z", { population: 1, areaKm2: 1, councilType: null });
    expect(similarCouncils(fire, all, DAY)).toEqual({ kind: "none", reason: "no-tier" });
  });

  it("count metropolitan and London boroughs with unitaries", () => {
    expect(["CTY", "NMD", "UA", "MD", "LBO", "CC"].map(similarityTier)).toEqual([
      "county",
      "district",
      "unitary",
      "unitary",
      "unitary",
      "unitary",
    ]);
    expect(similarityTier("COMB")).toBeNull();
  });
});
