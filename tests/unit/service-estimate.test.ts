import { describe, expect, it } from "vitest";
import {
  correlation,
  estimateSavings,
  MIN_COMPARABLES,
  quantile,
  type Comparable,
} from "@/lib/services/estimate";

const flat = (annual: number[], councils = 2, meanPopulation: number | null = 100_000) =>
  annual.map((annualPence): Comparable => ({ annualPence, councils, meanPopulation }));

describe("what sharing could save", () => {
  it("interpolates quantiles as percentile_cont does", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([1, 2], 0.75)).toBe(1.75);
    expect(quantile([7], 0.25)).toBe(7);
  });

  it("has no estimate with fewer than five comparable arrangements, saying how many", () => {
    expect(estimateSavings(flat([100, 200, 300, 400]), 50_000)).toEqual({
      kind: "too-few",
      count: 4,
    });
    // Arrangements without savings or councils do not count.
    expect(estimateSavings(flat([0, 100, 200, 300, 400]), 50_000)).toMatchObject({
      kind: "too-few",
      count: MIN_COMPARABLES - 1,
    });
  });

  it("gives each arrangement's yearly savings per partner council as quartiles, unscaled when population does not fit", () => {
    // Per council: 50, 100, 150, 200, 250 (pence a year).
    const estimate = estimateSavings(flat([100, 200, 300, 400, 500]), 1_000_000);
    expect(estimate).toEqual({
      kind: "estimate",
      count: 5,
      scaled: false,
      correlation: null,
      lowerQuartilePence: 100n,
      medianPence: 150n,
      upperQuartilePence: 200n,
    });
  });

  it("scales by population only when savings grow with it across enough arrangements", () => {
    // Savings per council proportional to population: r = 1.
    const proportional = Array.from({ length: 12 }, (_, i): Comparable => ({
      annualPence: 2 * 1000 * (i + 1),
      councils: 2,
      meanPopulation: 10_000 * (i + 1),
    }));
    const scaled = estimateSavings(proportional, 50_000);
    expect(scaled).toMatchObject({ kind: "estimate", count: 12, scaled: true });
    // Every arrangement saved 0.1 pence per resident a year: 5,000 for 50,000 residents.
    expect(scaled.kind === "estimate" && scaled.medianPence).toBe(5000n);
    expect(scaled.kind === "estimate" && scaled.correlation).toBeCloseTo(1, 10);
    // The same shape over fewer arrangements than scaling needs: not scaled.
    expect(estimateSavings(proportional.slice(0, 9), 50_000)).toMatchObject({ scaled: false });
    // Without the council's population: not scaled.
    expect(estimateSavings(proportional, null)).toMatchObject({ scaled: false });
  });

  it("computes Pearson's r", () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
