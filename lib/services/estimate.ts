/*
 * "What could sharing save us?": what comparable arrangements saved, per partner council and per
 * year, as a median and interquartile range with the count it rests on — never one number alone.
 * Scaled by population only when the arrangements show that savings grow with it. Pure module:
 * tests/unit/service-estimate.test.ts.
 */

/** One comparable arrangement. */
export type Comparable = {
  /** Its savings (that count by the register's rule) a year: over the years it has lines for. */
  annualPence: number;
  /** Councils taking part in it (its savings are shared between them). */
  councils: number;
  /** The mean population of those councils, when every one has a population. */
  meanPopulation: number | null;
};

/** Fewer comparable arrangements than this and there is no estimate. */
export const MIN_COMPARABLES = 5;
/** Population scaling needs at least this many arrangements with populations … */
export const MIN_FOR_SCALING = 10;
/** … and a correlation of log savings with log population of at least this. */
export const SCALING_CORRELATION = 0.5;

export type SavingsEstimate =
  | { kind: "too-few"; count: number }
  | {
      kind: "estimate";
      count: number;
      /** Scaled to the council's population (the arrangements showed that scaling fits). */
      scaled: boolean;
      /** Pearson correlation of log annual savings per council with log mean population. */
      correlation: number | null;
      lowerQuartilePence: bigint;
      medianPence: bigint;
      upperQuartilePence: bigint;
    };

/** The q quantile of ascending values, interpolated as PostgreSQL's percentile_cont does. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("No values");
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Pearson's r, or null when either side does not vary. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * The estimate for a council of `population` from comparable arrangements: each one's annual
 * savings per partner council (scaled by population / the arrangement's mean population when
 * the arrangements show it fits), and their quartiles.
 */
export function estimateSavings(
  comparables: readonly Comparable[],
  population: number | null,
): SavingsEstimate {
  const usable = comparables.filter((c) => c.annualPence > 0 && c.councils > 0);
  if (usable.length < MIN_COMPARABLES) return { kind: "too-few", count: usable.length };
  const perCouncil = usable.map((c) => c.annualPence / c.councils);
  const withPopulation = usable
    .map((c, i) => ({ c, value: perCouncil[i]! }))
    .filter(({ c }) => c.meanPopulation !== null && c.meanPopulation > 0);
  const r =
    withPopulation.length >= 2
      ? correlation(
          withPopulation.map(({ c }) => Math.log(c.meanPopulation!)),
          withPopulation.map(({ value }) => Math.log(value)),
        )
      : null;
  const scaled =
    population !== null &&
    population > 0 &&
    withPopulation.length >= MIN_FOR_SCALING &&
    r !== null &&
    r >= SCALING_CORRELATION;
  const values = scaled
    ? withPopulation.map(({ c, value }) => (value * population) / c.meanPopulation!)
    : perCouncil;
  if (values.length < MIN_COMPARABLES) return { kind: "too-few", count: values.length };
  const sorted = [...values].sort((a, b) => a - b);
  const pence = (q: number) => BigInt(Math.round(quantile(sorted, q)));
  return {
    kind: "estimate",
    count: sorted.length,
    scaled,
    correlation: r,
    lowerQuartilePence: pence(0.25),
    medianPence: pence(0.5),
    upperQuartilePence: pence(0.75),
  };
}
