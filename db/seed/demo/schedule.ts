/**
 * The moments an arrangement's revisions were approved and what each recorded. Councils update
 * their records every year or two (more in the LGA's survey years), confirming forecasts for
 * years that have ended and adding the next; some stop updating, leaving forecasts for past
 * years unconfirmed; most made a last update in 2026, after 2025/26 closed.
 */
import { financialYearOf } from "@/lib/financial-year";
import {
  addDays,
  approvalBetween,
  approvalOn,
  dayNumber,
  londonDate,
  minIso,
  workingDayBetween,
} from "./dates";
import type { Moment } from "./reorganisations";
import type { Random } from "./random";
import { LAST_APPROVAL_DAY } from "./targets";

/** Expected updates per arrangement in each half of each calendar year. */
const UPDATE_RATE: Record<number, readonly [number, number]> = {
  2012: [0, 0.02],
  2013: [0.05, 0.05],
  2014: [0.15, 0.15],
  2015: [0.2, 0.2],
  2016: [0.08, 0.07],
  2017: [0.1, 0.1],
  2018: [0.3, 0.14],
  2019: [0.5, 0.3],
  2020: [0.25, 0.25],
  2021: [0.3, 0.3],
  2022: [0.3, 0.3],
  2023: [0.3, 0.3],
  2024: [0.3, 0.3],
  2025: [0.3, 0.25],
};

/** Updates cluster after the financial year closes, when the year's savings are known. */
const MONTH_WEIGHTS: [number, number][] = [
  [1, 6],
  [2, 6],
  [3, 5],
  [4, 8],
  [5, 12],
  [6, 12],
  [7, 11],
  [8, 7],
  [9, 8],
  [10, 9],
  [11, 9],
  [12, 5],
];

function updateIn(rng: Random, year: number, half: 0 | 1): Date {
  const month = rng.weighted(MONTH_WEIGHTS.slice(half * 6, half * 6 + 6));
  const from = `${year}-${String(month).padStart(2, "0")}-01`;
  const to = addDays(
    `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, "0")}-01`,
    -1,
  );
  return approvalOn(rng, workingDayBetween(rng, from, to));
}

export type UpdateOptions = {
  firstAt: Date;
  /** No updates at or after this moment (the arrangement ended, or the record was left). */
  until: Date;
  /** Scales the yearly rate (records without savings change less often). */
  rate: number;
};

/** Routine updates between the first approval and `until`. */
export function routineUpdates(rng: Random, o: UpdateOptions): Moment[] {
  const out: Moment[] = [];
  const earliest = o.firstAt.getTime() + 45 * 86_400_000;
  for (let year = o.firstAt.getUTCFullYear(); year <= 2025; year++) {
    for (const half of [0, 1] as const) {
      const rate = (UPDATE_RATE[year]?.[half] ?? 0) * o.rate;
      const count = Math.floor(rate) + (rng.chance(rate % 1) ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const at = updateIn(rng, year, half);
        if (at.getTime() >= earliest && at.getTime() < o.until.getTime()) {
          out.push({ at, kind: "update" });
        }
      }
    }
  }
  return out;
}

/** The 2026 update after 2025/26 closed, if the record is still kept then. */
export function lastUpdate(rng: Random, firstAt: Date, until: Date): Moment | null {
  const from = "2026-04-15";
  const firstDay = addDays(londonDate(firstAt), 30);
  const start = firstDay > from ? firstDay : from;
  const end = minIso(LAST_APPROVAL_DAY, addDays(londonDate(until), -1));
  if (start > end) return null;
  return { at: approvalBetween(rng, start, end), kind: "update" };
}

/** An update confirming the last year's savings once the year of the end has closed. */
export function closingUpdate(rng: Random, endDate: string, endedAt: Date): Moment | null {
  const yearEnd = `${financialYearOf(endDate) + 1}-03-31`;
  if (londonDate(endedAt) > yearEnd) return null;
  const from = addDays(yearEnd, 20);
  if (from > LAST_APPROVAL_DAY) return null;
  return {
    at: approvalBetween(rng, from, minIso(addDays(yearEnd, 200), LAST_APPROVAL_DAY)),
    kind: "update",
  };
}

const STRUCTURAL = new Set(["first", "started", "ended", "merged"]);

/** In time order, at least three weeks apart; a routine update gives way to a structural one. */
export function orderMoments(moments: readonly Moment[]): Moment[] {
  const sorted = [...moments].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: Moment[] = [];
  for (const m of sorted) {
    const last = out.at(-1);
    const close = last && dayNumber(londonDate(m.at)) - dayNumber(londonDate(last.at)) < 21;
    if (!close) out.push(m);
    else if (STRUCTURAL.has(m.kind) && !STRUCTURAL.has(last.kind)) out[out.length - 1] = m;
    else if (STRUCTURAL.has(m.kind)) out.push(m);
  }
  return out;
}
