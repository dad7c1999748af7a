/**
 * When arrangements were first approved. Up to July 2019 the number in each window between two
 * LGA editions is what the LGA's count grew by (the July 2019 window is topped up later, by as
 * many as the reorganisations of April 2019 made internal). After that the register keeps
 * growing at a steady illustrative pace.
 */
import { addDays, approvalBetween } from "./dates";
import type { DeliberateCase } from "./deliberate";
import type { Random } from "./random";
import { LAST_APPROVAL_DAY, type EditionTarget } from "./targets";

export type Slot = {
  at: Date;
  /** Approved when the register opened, so it began over the years before. */
  launch: boolean;
  /** Approved after the last LGA edition. */
  post: boolean;
  deliberate?: DeliberateCase;
};

/** The register opened in February 2012. */
export const FIRST_APPROVAL_DAY = "2012-02-01";

/** New arrangements a year after July 2019 (2019 counts August to December). */
const NEW_PER_YEAR: Record<number, number> = {
  2019: 18,
  2020: 38,
  2021: 45,
  2022: 48,
  2023: 55,
  2024: 50,
  2025: 46,
  2026: 40,
};

export function byTime(a: Slot, b: Slot): number {
  return a.at.getTime() - b.at.getTime();
}

export function slotsBetween(
  rng: Random,
  from: string,
  to: string,
  count: number,
  launch: boolean,
  post: boolean,
): Slot[] {
  return Array.from({ length: count }, () => ({
    at: approvalBetween(rng, from, to),
    launch,
    post,
  })).sort(byTime);
}

/** The window before each edition: from the day after the previous one. */
export function windowOf(targets: readonly EditionTarget[], k: number): [string, string] {
  return [k === 0 ? FIRST_APPROVAL_DAY : addDays(targets[k - 1]!.day, 1), targets[k]!.day];
}

/** Slots for every window but the last edition's, whose count depends on the rule. */
export function earlySlots(
  rng: Random,
  targets: readonly EditionTarget[],
  realAt: (k: number) => number,
): Slot[] {
  const out: Slot[] = [];
  for (let k = 0; k < targets.length - 1; k++) {
    const count =
      targets[k]!.arrangements - realAt(k) - (k ? targets[k - 1]!.arrangements - realAt(k - 1) : 0);
    const [from, to] = windowOf(targets, k);
    out.push(...slotsBetween(rng, from, to, count, k === 0, false));
  }
  return out;
}

export function lateSlots(rng: Random, afterDay: string): Slot[] {
  const out: Slot[] = [];
  for (const [year, count] of Object.entries(NEW_PER_YEAR)) {
    const from = Number(year) === 2019 ? addDays(afterDay, 1) : `${year}-01-01`;
    const to = Number(year) === 2026 ? LAST_APPROVAL_DAY : `${year}-12-31`;
    out.push(...slotsBetween(rng, from, to, count, false, true));
  }
  return out;
}
