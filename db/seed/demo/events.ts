/**
 * What each revision recorded: its stage and dates, and the range of financial years its savings
 * lines cover. A first record forecasts the current year and up to two more; each update
 * extends the forecasts (the years that closed become actuals in savings.ts); an ended
 * arrangement's record runs to the year it ended in, and no further.
 */
import { financialYearOf } from "@/lib/financial-year";
import { londonDate } from "./dates";
import type { NoSavings, PlanEvent } from "./plan";
import type { Random } from "./random";
import type { Moment } from "./reorganisations";
import type { DemoStage } from "./types";

/** The first financial year of the register's savings: "cumulative since 2012". */
export const FIRST_SAVINGS_YEAR = 2012;
/** No forecast runs beyond this year. */
const LAST_FORECAST_YEAR = 2027;

export type SavingsRange = {
  /** The years the first record covers (later when the early years are added afterwards). */
  initialFrom: number;
  /** The first year once complete. */
  from: number;
};

/** Which years the savings lines cover, given the start and the first approval. */
export function savingsRange(rng: Random, startDate: string, firstAt: Date): SavingsRange {
  const firstFy = financialYearOf(londonDate(firstAt));
  let from = Math.max(FIRST_SAVINGS_YEAR, financialYearOf(startDate));
  // Some measure savings only from a later year; some add their earlier years afterwards.
  if (firstFy - from >= 2 && rng.chance(0.25)) from = rng.int(from + 1, firstFy - 1);
  const initialFrom = firstFy > from && rng.chance(0.15) ? firstFy : from;
  return { initialFrom, from };
}

type Weights = readonly (readonly [number, number])[];

/**
 * How many years ahead a revision forecasts. The register opened with three-year business
 * cases; councils then forecast little until the LGA's 2018 survey, and in late 2018 looked two
 * or three years ahead (the LGA's figures rise fastest from then to July 2019).
 */
const HORIZONS: readonly (readonly [until: string, weights: Weights])[] = [
  [
    "2013-01-29",
    [
      [1, 25],
      [2, 60],
      [3, 15],
    ],
  ],
  [
    "2017-12-31",
    [
      [0, 55],
      [1, 35],
      [2, 10],
    ],
  ],
  [
    "2018-06-30",
    [
      [0, 70],
      [1, 30],
    ],
  ],
  [
    "2018-12-31",
    [
      [1, 40],
      [2, 50],
      [3, 10],
    ],
  ],
  [
    "2019-07-31",
    [
      [0, 30],
      [1, 50],
      [2, 20],
    ],
  ],
  [
    "9999-12-31",
    [
      [0, 25],
      [1, 55],
      [2, 20],
    ],
  ],
];

function horizon(rng: Random, day: string): number {
  return rng.weighted(HORIZONS.find(([until]) => day <= until)![1]);
}

type State = {
  stage: DemoStage;
  startDate: string;
  endDate: string | null;
  from: number | null;
  through: number | null;
};

/** Applies one moment to the state before it. */
function apply(
  rng: Random,
  s: State,
  m: Moment,
  ctx: { range: SavingsRange | null; endDate: string | null },
): State {
  const day = londonDate(m.at);
  const fy = financialYearOf(day);
  const extend = (from: number) => ({
    from,
    through: Math.min(
      LAST_FORECAST_YEAR,
      Math.max(s.through ?? from, fy + horizon(rng, day), from),
    ),
  });
  switch (m.kind) {
    case "first":
      if (s.stage === "planned" || !ctx.range) return s;
      return { ...s, ...extend(ctx.range.initialFrom) };
    case "started":
      return { ...s, stage: "operational", ...(ctx.range ? extend(ctx.range.from) : {}) };
    case "quantified":
      return { ...s, ...extend(s.from ?? Math.max(FIRST_SAVINGS_YEAR, fy)) };
    case "ended":
    case "merged": {
      // The last record runs to the year it ended in: no forecast beyond, no year left out.
      const last = financialYearOf(ctx.endDate!);
      const through = s.through === null ? null : last;
      const lines = s.from !== null && through !== null && through >= s.from;
      return {
        ...s,
        stage: "ended",
        endDate: ctx.endDate,
        from: lines ? s.from : null,
        through: lines ? through : null,
      };
    }
    default:
      if (s.from === null || s.stage === "ended") return s;
      return { ...s, ...extend(m.kind === "backfill" ? ctx.range!.from : s.from) };
  }
}

/** The revisions' states, one per moment (moments in time order, the first one first). */
export function eventsFor(
  rng: Random,
  moments: readonly Moment[],
  basics: {
    stage: DemoStage;
    startDate: string;
    endDate: string | null;
    noSavings: NoSavings;
    range: SavingsRange | null;
  },
): PlanEvent[] {
  let state: State = {
    stage: basics.stage,
    startDate: basics.startDate,
    endDate: null,
    from: null,
    through: null,
  };
  const ctx = { range: basics.range, endDate: basics.endDate };
  return moments.map((m) => {
    state = apply(rng, state, m, ctx);
    return {
      at: m.at,
      kind: m.kind,
      ...state,
      successorsFrom: m.successorsFrom ?? null,
    };
  });
}
