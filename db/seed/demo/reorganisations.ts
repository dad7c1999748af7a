/**
 * What the 2019–2023 reorganisations do to an arrangement running at the time, by the rule
 * (participation.ts): when every partner passes to one council it becomes internal — its
 * council sometimes records that it ended the day before, often says so in an update, and
 * often stops updating it; when partners pass to several councils it carries on with them and
 * a later revision may say so.
 */
import { addDays, approvalBetween, minIso } from "./dates";
import { standingOn, type RuleContext } from "./participation";
import type { EventKind } from "./plan";
import type { Random } from "./random";
import { LAST_APPROVAL_DAY } from "./targets";

export type Moment = { at: Date; kind: EventKind; successorsFrom?: string };

export type ReorganisationOutcome = {
  moments: Moment[];
  /** Set when the arrangement was recorded as ended on the day before a merger. */
  endDate: string | null;
  /** No updates from this day (nobody keeps an internal arrangement's record going). */
  dormantFrom: string | null;
  /** The day it became internal (run within one council), if it did. */
  internalFrom: string | null;
};

/** Every day a succession changes one of `codes` (following chains), in order. */
function vestingDays(rule: RuleContext, codes: readonly string[]): string[] {
  const days = new Set<string>();
  const visit = (code: string) => {
    for (const s of rule.successors.get(code) ?? []) {
      days.add(s.effectiveDate);
      visit(s.successorCode);
    }
  };
  codes.forEach(visit);
  return [...days].sort();
}

function participantKey(rule: RuleContext, codes: readonly string[], start: string, day: string) {
  const standing = standingOn(rule, codes, { startDate: start, endDate: null }, day);
  return {
    key: standing.participants
      .map((p) => p.code)
      .sort()
      .join(","),
    single: standing.participants.length === 1,
  };
}

function momentAfter(rng: Random, day: string, from: number, to: number): Date | null {
  const first = addDays(day, from);
  if (first > LAST_APPROVAL_DAY) return null;
  return approvalBetween(rng, first, minIso(addDays(day, to), LAST_APPROVAL_DAY));
}

export function reorganise(
  rng: Random,
  rule: RuleContext,
  arrangement: { codes: readonly string[]; startDate: string; endDate: string | null },
  options: { keepsThroughMergers: boolean },
): ReorganisationOutcome {
  const { codes, startDate, endDate } = arrangement;
  const out: ReorganisationOutcome = {
    moments: [],
    endDate,
    dormantFrom: null,
    internalFrom: null,
  };
  for (const day of vestingDays(rule, codes)) {
    if (day <= startDate || (endDate !== null && endDate < day)) continue;
    const before = participantKey(rule, codes, startDate, addDays(day, -1));
    const after = participantKey(rule, codes, startDate, day);
    if (before.key === after.key) continue;
    const push = (kind: EventKind, from: number, to: number) => {
      const at = momentAfter(rng, day, from, to);
      if (at) out.moments.push({ at, kind, successorsFrom: day });
    };
    if (!after.single) {
      if (rng.chance(0.6)) push("successors", 14, 220);
      continue;
    }
    if (!options.keepsThroughMergers && rng.chance(0.25)) {
      out.endDate = addDays(day, -1);
      push("merged", 7, 150);
      if (out.moments.at(-1)?.kind !== "merged") out.endDate = endDate;
      return out;
    }
    // Nobody records the end of a service one council now runs alone.
    out.endDate = null;
    out.internalFrom = day;
    if (rng.chance(0.4)) push("successors", 14, 200);
    if (rng.chance(0.6)) out.dormantFrom = addDays(day, 365);
    return out;
  }
  return out;
}
