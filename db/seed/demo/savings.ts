/**
 * Savings lines before calibration. A line is a value with a history: first recorded (an
 * origin, forecast or actual, with a raw amount in pounds), then copied unchanged into later
 * revisions, or replaced when a forecast is confirmed as an actual — often at a slightly
 * different amount (a ratio of the forecast). calibrate.ts turns raw amounts into pence.
 */
import { financialYearOf } from "@/lib/financial-year";
import { MEDIAN_YEARLY_SAVING } from "./categories";
import { londonDate } from "./dates";
import type { Geography } from "./geography";
import type { Plan } from "./plan";
import type { Random } from "./random";

export type LineValue = {
  year: number;
  kind: "actual" | "forecast";
  /** The forecast this actual confirms (null for an origin). */
  parent: LineValue | null;
  /** For a confirmation: its amount is the forecast's times this. */
  ratio: number;
  /** For an origin: its amount in pounds before calibration. */
  raw: number;
  /** When it was first recorded (ms). */
  createdAt: number;
  /** Rounding unit in pence: the arrangement reports to the £1,000, the £1 or the penny. */
  unit: bigint;
  amount: bigint;
};

/** Each plan's lines, revision by revision (empty lists where it records none). */
export type PlanLines = LineValue[][];

type Profile = { scale: number; unit: bigint; startFy: number };

/** The standard normal quantile (Acklam's approximation: plenty for sizes). */
function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
    -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
    4.374664141464968, 2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * How much larger or smaller than its category's median an arrangement saves: lognormal, but
 * drawn along a golden-ratio sequence in order of approval, so every stretch of the history gets
 * a fair spread of sizes and no window between editions hangs on a few big ones.
 */
function sizeFactor(index: number): number {
  const u = (0.5 + index * 0.6180339887498949) % 1;
  return Math.exp(Math.min(1.4, 0.7 * normalQuantile(Math.min(0.999, Math.max(0.001, u)))));
}

function profile(rng: Random, plan: Plan, index: number, geo: Pick<Geography, "tier">): Profile {
  const councils = plan.group.councils;
  const hasUpper = councils.some((c) => geo.tier(c) !== "district");
  const scale =
    MEDIAN_YEARLY_SAVING[plan.group.category] *
    Math.min(2.2, 1 + 0.3 * (councils.length - 2)) *
    (hasUpper ? 1.5 : 1) *
    sizeFactor(index);
  const unit = rng.weighted([
    [100_000n, 55],
    [100n, 35],
    [1n, 10],
  ] as const);
  return { scale, unit, startFy: financialYearOf(plan.events[0]!.startDate) };
}

function confirmationRatio(rng: Random): number {
  if (rng.chance(0.3)) return 1;
  return Math.min(1.2, Math.max(0.8, 1 + 0.08 * rng.normal()));
}

function origin(rng: Random, p: Profile, year: number, at: number, actual: boolean): LineValue {
  const ramp = year === p.startFy ? 0.4 + 0.3 * rng.float() : 1;
  const growth = 1 + 0.05 * Math.max(0, year - Math.max(2012, p.startFy));
  return {
    year,
    kind: actual ? "actual" : "forecast",
    parent: null,
    ratio: 1,
    raw: p.scale * ramp * growth * (0.9 + 0.2 * rng.float()),
    createdAt: at,
    unit: p.unit,
    amount: 0n,
  };
}

export function buildLines(
  rng: Random,
  plan: Plan,
  index: number,
  geo: Pick<Geography, "tier">,
): PlanLines {
  const p = profile(rng, plan, index, geo);
  let previous = new Map<number, LineValue>();
  return plan.events.map((e) => {
    const day = londonDate(e.at);
    const current = new Map<number, LineValue>();
    if (e.from !== null && e.through !== null) {
      for (let year = e.from; year <= e.through; year++) {
        const closed = `${year + 1}-03-31` < day;
        const before = previous.get(year);
        let line: LineValue;
        if (!before) line = origin(rng, p, year, e.at.getTime(), closed);
        else if (before.kind === "forecast" && closed) {
          line = {
            ...before,
            kind: "actual",
            parent: before,
            ratio: confirmationRatio(rng),
            raw: 0,
            createdAt: e.at.getTime(),
          };
        } else line = before;
        current.set(year, line);
      }
    }
    previous = current;
    return [...current.values()];
  });
}
