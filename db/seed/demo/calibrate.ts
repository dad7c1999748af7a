/**
 * Turns raw savings into pence so that every LGA edition's cumulative savings come out exact.
 *
 * The editions split time into windows. Lines first recorded in window k (new origins, and
 * confirmations of forecasts made in it) take their amounts from one factor f_k; lines from
 * earlier windows are already fixed. The total the register shows at edition k (the lines of
 * the revisions public then that count by the rule) grows with f_k, so a bisection finds the
 * largest f_k that does not overshoot, and the few pence left are added to the largest line
 * recorded in the window and shown then. Where the edition also names one year's savings (July
 * 2019: "nearly £200m in 2018/19"), that year's new lines take their own factor first. Lines
 * after the last edition use the last window's factor.
 */
import { lineCounts, standingOn, type RuleContext } from "./participation";
import type { Plan } from "./plan";
import type { LineValue, PlanLines } from "./savings";
import type { EditionTarget } from "./targets";

const MIN_POUNDS = 10_000;
const KNEE_POUNDS = 2_500_000;
const MAX_POUNDS = 6_000_000;

/** Large lines grow more slowly above £2.5m and stop at £6m; none is below £10,000. */
function shape(pounds: number): number {
  const damped = pounds <= KNEE_POUNDS ? pounds : KNEE_POUNDS + (pounds - KNEE_POUNDS) * 0.3;
  return Math.min(MAX_POUNDS, Math.max(MIN_POUNDS, damped));
}

function roundTo(pence: number, unit: bigint): bigint {
  return BigInt(Math.round(pence / Number(unit))) * unit;
}

function settle(line: LineValue, factor: number): void {
  line.amount = line.parent
    ? roundTo(Number(line.parent.amount) * line.ratio, line.unit)
    : roundTo(shape(line.raw * factor) * 100, line.unit);
}

/** The lines public and counted at an edition. */
export function shownAt(
  rule: RuleContext,
  plans: readonly Plan[],
  lines: readonly PlanLines[],
  t: EditionTarget,
): LineValue[] {
  const out: LineValue[] = [];
  plans.forEach((plan, i) => {
    let index = -1;
    plan.events.forEach((e, j) => {
      if (e.at.getTime() <= t.asOf.getTime()) index = j;
    });
    if (index < 0) return;
    const standing = standingOn(rule, plan.codes, plan.events[index]!, t.day);
    for (const l of lines[i]![index]!) if (lineCounts(l.year, standing)) out.push(l);
  });
  return out;
}

const sum = (lines: readonly LineValue[]) => lines.reduce((s, l) => s + l.amount, 0n);

/** The largest factor in [0, ∞) at which `total` stays at or below `target` (total grows with it). */
function bisect(total: (f: number) => bigint, target: bigint, what: string): number {
  if (total(0) > target) throw new Error(`Demo calibration: ${what} is already above its target`);
  let low = 0;
  let high = 1;
  while (total(high) <= target) {
    high *= 2;
    if (high > 1e6) throw new Error(`Demo calibration: ${what} cannot reach its target`);
  }
  for (let i = 0; i < 64; i++) {
    const mid = (low + high) / 2;
    if (total(mid) <= target) low = mid;
    else high = mid;
  }
  return low;
}

export type CalibrationReport = { edition: string; factor: number; annualFactor?: number }[];

export function calibrate(
  rule: RuleContext,
  plans: readonly Plan[],
  lines: readonly PlanLines[],
  targets: readonly EditionTarget[],
): CalibrationReport {
  const all = [...new Set(lines.flat(2))].sort((a, b) => a.createdAt - b.createdAt);
  const report: CalibrationReport = [];
  let from = -Infinity;
  let factor = 1;
  for (const t of targets) {
    const inWindow = all.filter((l) => l.createdAt > from && l.createdAt <= t.asOf.getTime());
    const shown = shownAt(rule, plans, lines, t);
    const apply = (f: number, annualF: number) => {
      for (const l of inWindow)
        settle(l, t.annual && l.year === t.annual.financialYear ? annualF : f);
    };
    let annualFactor: number | undefined;
    if (t.annual) {
      const annual = t.annual;
      const year = shown.filter((l) => l.year === annual.financialYear);
      const middle = (annual.minPence + annual.maxPence) / 2n;
      annualFactor = bisect(
        (a) => (apply(1, a), sum(year)),
        middle,
        `${t.edition} ${annual.financialYear} savings`,
      );
    }
    factor = bisect(
      (f) => (apply(f, annualFactor ?? f), sum(shown)),
      t.cumulativePence,
      `${t.edition} savings`,
    );
    apply(factor, annualFactor ?? factor);
    const residual = t.cumulativePence - sum(shown);
    const mine = new Set(inWindow);
    const largest = shown.filter((l) => mine.has(l)).sort((a, b) => Number(b.amount - a.amount))[0];
    if (!largest) throw new Error(`Demo calibration: no line recorded before ${t.edition}`);
    largest.amount += residual;
    report.push({ edition: t.edition, factor, ...(annualFactor ? { annualFactor } : {}) });
    from = t.asOf.getTime();
  }
  for (const l of all) if (l.createdAt > from) settle(l, factor);
  return report;
}
