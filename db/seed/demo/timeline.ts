/**
 * When an arrangement started, whether it was still planned when first approved, whether it
 * records savings and whether (and when) it ended. Partners bound the dates: every organisation
 * named exists on the start date (and on the first approval), so nobody takes part outside its
 * lifetime.
 */
import { financialYearOf } from "@/lib/financial-year";
import { FRONT_LINE, UPPER_TIER_ONLY, type Slug } from "./categories";
import {
  addDays,
  daysInMonth,
  firstOfMonthAfter,
  isoDate,
  maxIso,
  minIso,
  randomDay,
} from "./dates";
import type { NoSavings } from "./plan";
import type { Random } from "./random";
import type { DemoOrganisation, DemoStage } from "./types";

/** The days every partner exists: the latest start and the earliest end among them. */
export function partnerBounds(
  byCode: ReadonlyMap<string, DemoOrganisation>,
  codes: readonly string[],
): { minStart: string; maxEnd: string } {
  let minStart = "1900-01-01";
  let maxEnd = "9999-12-31";
  for (const code of codes) {
    const o = byCode.get(code)!;
    if (o.startDate) minStart = maxIso(minStart, o.startDate);
    if (o.endDate) maxEnd = minIso(maxEnd, o.endDate);
  }
  return { minStart, maxEnd };
}

/** Arrangements already running when the register opened in 2012 began over several years. */
const LAUNCH_START_YEARS: [number, number][] = [
  [2005, 2],
  [2006, 3],
  [2007, 5],
  [2008, 8],
  [2009, 10],
  [2010, 12],
  [2011, 14],
  [2012, 9],
];

/** How many years before its first approval a later arrangement began. */
const START_LAG_YEARS: [number, number][] = [
  [0, 50],
  [1, 25],
  [2, 12],
  [3, 7],
  [4, 4],
  [5, 2],
];

function dayIn(rng: Random, year: number): string {
  const style = rng.weighted([
    ["april", 35],
    ["month", 35],
    ["any", 30],
  ] as const);
  if (style === "april") return isoDate(year, 4, 1);
  const month = rng.int(1, 12);
  return style === "month"
    ? isoDate(year, month, 1)
    : isoDate(year, month, rng.int(1, daysInMonth(year, month)));
}

const RECENT = "2026-03-01";

export type Beginning = { stage: DemoStage; startDate: string };

/** The start date and first stage, first approved on `day`. */
export function chooseBeginning(
  rng: Random,
  day: string,
  bounds: { minStart: string; maxEnd: string },
  options: { launch: boolean; mayPlan: boolean },
): Beginning {
  // Arrangements agreed this year are often still to start.
  if (options.mayPlan && rng.chance(day >= RECENT ? 0.3 : 0.06)) {
    const start = firstOfMonthAfter(day, rng.int(1, 9));
    if (start <= bounds.maxEnd && start >= bounds.minStart) {
      return { stage: "planned", startDate: start };
    }
  }
  const year = options.launch
    ? rng.weighted(LAUNCH_START_YEARS)
    : Number(day.slice(0, 4)) - rng.weighted(START_LAG_YEARS);
  let start = dayIn(rng, year);
  if (start > day) start = day;
  if (start < bounds.minStart)
    start = randomDay(rng, bounds.minStart, maxIso(bounds.minStart, day));
  return { stage: "operational", startDate: start };
}

/**
 * About a fifth are set up to improve services rather than save (likelier in social care, public
 * health and community safety, then other front line services); some more record no savings for
 * other reasons. Shares are kept by error diffusion rather than coin tosses, so every stretch of
 * the history has its fair share and the editions' windows stay alike.
 */
export class NoSavingsPicker {
  private improve = 0.5;
  private other = 0.5;

  constructor(private readonly rng: Random) {}

  pick(category: Slug): NoSavings {
    const lean =
      UPPER_TIER_ONLY.has(category) || category === "community-safety-emergency-planning"
        ? 2.4
        : FRONT_LINE.has(category)
          ? 1.4
          : 0.75;
    this.improve += 0.215 * lean;
    this.other += 0.15;
    const jitter = () => 0.6 * (this.rng.float() - 0.5);
    if (this.improve + jitter() >= 1) {
      this.improve -= 1;
      return "improve";
    }
    if (this.other + jitter() >= 1) {
      this.other -= 1;
      return "other";
    }
    return null;
  }
}

/** The last day of an arrangement that ends, drawn after its first two years; null if it runs on. */
export function chooseEnd(
  rng: Random,
  startDate: string,
  firstDay: string,
  options: { chance: number; notBefore: string; latest: string },
): string | null {
  if (!rng.chance(options.chance)) return null;
  const earliest = maxIso(
    maxIso(addDays(startDate, 730), addDays(firstDay, 240)),
    options.notBefore,
  );
  if (earliest > options.latest) return null;
  const day = randomDay(rng, earliest, options.latest);
  if (rng.chance(0.5)) {
    const march = isoDate(financialYearOf(day) + 1, 3, 31);
    if (march <= options.latest) return march;
  }
  return day;
}
