/**
 * The register's figures at a moment T on day D, by the issue 12 design's definitions, worked
 * out from a demo history in memory (verify.ts checks the LGA editions with it; the unit tests
 * assert them).
 */
import { existedOn } from "../reference";
import {
  isUnconfirmed,
  lineCounts,
  standingOn,
  type RuleContext,
  type Standing,
} from "./participation";
import type { DemoArrangement, DemoRevision } from "./types";

export type RegisterFigures = {
  /** Published arrangements less the internal ones. */
  arrangements: number;
  published: number;
  internal: number;
  totalPence: bigint;
  actualPence: bigint;
  forecastPence: bigint;
  /** Counted savings by financial year. */
  byYear: Map<number, bigint>;
  /** Councils existing on D taking part in a running, shared arrangement. */
  councilsInvolved: number;
  councilsExisting: number;
  /** Counted forecasts for financial years that ended before D. */
  unconfirmedPence: bigint;
  unconfirmedArrangements: number;
  /** Published arrangements that are neither running nor planned on D. */
  ended: number;
};

/** The revision public at `asOf`: the last approved at or before it. */
export function publishedAt(a: DemoArrangement, asOf: Date): DemoRevision | undefined {
  let found: DemoRevision | undefined;
  for (const r of a.revisions) if (r.reviewedAt.getTime() <= asOf.getTime()) found = r;
  return found;
}

function emptyFigures(): RegisterFigures {
  return {
    arrangements: 0,
    published: 0,
    internal: 0,
    totalPence: 0n,
    actualPence: 0n,
    forecastPence: 0n,
    byYear: new Map(),
    councilsInvolved: 0,
    councilsExisting: 0,
    unconfirmedPence: 0n,
    unconfirmedArrangements: 0,
    ended: 0,
  };
}

function addSavings(f: RegisterFigures, r: DemoRevision, standing: Standing, day: string) {
  let unconfirmed = false;
  for (const line of r.savings) {
    if (!lineCounts(line.financialYear, standing)) continue;
    f.totalPence += line.amountPence;
    if (line.kind === "actual") f.actualPence += line.amountPence;
    else f.forecastPence += line.amountPence;
    f.byYear.set(line.financialYear, (f.byYear.get(line.financialYear) ?? 0n) + line.amountPence);
    if (isUnconfirmed(line, day)) {
      f.unconfirmedPence += line.amountPence;
      unconfirmed = true;
    }
  }
  if (unconfirmed) f.unconfirmedArrangements++;
}

export function registerFigures(
  ctx: RuleContext,
  arrangements: readonly DemoArrangement[],
  asOf: Date,
  day: string,
): RegisterFigures {
  const f = emptyFigures();
  const involved = new Set<string>();
  for (const a of arrangements) {
    const r = publishedAt(a, asOf);
    if (!r) continue;
    const standing = standingOn(
      ctx,
      a.partners.map((p) => p.code),
      r,
      day,
    );
    f.published++;
    if (standing.internal) f.internal++;
    if (r.endDate !== null && r.endDate < day) f.ended++;
    addSavings(f, r, standing, day);
    if (!standing.running || standing.internal) continue;
    for (const p of standing.participants) {
      const org = ctx.organisations.get(p.code)!;
      if (org.kind === "council" && existedOn(org, day)) involved.add(p.code);
    }
  }
  f.arrangements = f.published - f.internal;
  f.councilsInvolved = involved.size;
  for (const org of ctx.organisations.values()) {
    if (org.kind === "council" && existedOn(org, day)) f.councilsExisting++;
  }
  return f;
}
