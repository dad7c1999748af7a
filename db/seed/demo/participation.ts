/**
 * "Who takes part on day D", the one rule of the issue 12 design, in TypeScript: the generator
 * checks every edition's figures with it, and the unit tests assert them through it.
 *
 * A published revision is read on D' = greatest(start, least(coalesce(end, D), D)). Each named
 * organisation that exists on D' takes part itself; one that ended before D' is followed along
 * its successions (effective on or before D', recursively) to the organisations existing then,
 * weighted by the shares along the way; one no succession leads from stays (historical).
 * An arrangement running on D whose participants are a single organisation is internal from the
 * latest succession used to reach it.
 */
import { existedOn } from "../reference";
import { Fraction } from "./fraction";
import type { Succession } from "./successions";

export type Lifetime = { kind: string; startDate: string | null; endDate: string | null };
export type Dated = { startDate: string | null; endDate: string | null };

export type RuleContext = {
  organisations: ReadonlyMap<string, Lifetime>;
  /** Successions by predecessor code. */
  successors: ReadonlyMap<string, readonly Succession[]>;
};

export function ruleContext(
  organisations: readonly (Lifetime & { code: string })[],
  successions: readonly Succession[],
): RuleContext {
  const successors = new Map<string, Succession[]>();
  for (const s of successions) {
    const list = successors.get(s.predecessorCode) ?? [];
    list.push(s);
    successors.set(s.predecessorCode, list);
  }
  return { organisations: new Map(organisations.map((o) => [o.code, o])), successors };
}

/** D': an ended arrangement is read on its last day, a planned one on its first. */
export function readingDay(r: Dated, day: string): string {
  const upper = r.endDate !== null && r.endDate < day ? r.endDate : day;
  return r.startDate !== null && r.startDate > upper ? r.startDate : upper;
}

export function runningOn(r: Dated, day: string): boolean {
  return existedOn(r, day);
}

type Route = { code: string; weight: Fraction; latestEffective: string | null };

function routesFrom(ctx: RuleContext, route: Route, day: string): Route[] {
  const org = ctx.organisations.get(route.code);
  if (!org) throw new Error(`Unknown organisation ${route.code}`);
  if (existedOn(org, day) || org.endDate === null || org.endDate >= day) return [route];
  const next = (ctx.successors.get(route.code) ?? []).filter((s) => s.effectiveDate <= day);
  if (next.length === 0) return [route];
  return next.flatMap((s) =>
    routesFrom(
      ctx,
      {
        code: s.successorCode,
        weight: route.weight.mul(new Fraction(BigInt(s.shareBp), 10_000n)),
        latestEffective:
          route.latestEffective && route.latestEffective > s.effectiveDate
            ? route.latestEffective
            : s.effectiveDate,
      },
      day,
    ),
  );
}

export type Participant = {
  code: string;
  /** The named organisations it takes part for, when it was reached through successions. */
  via: string[];
  share: Fraction;
};

export type Standing = {
  running: boolean;
  internal: boolean;
  /** The first day it has been run within one organisation (null unless internal). */
  internalFrom: string | null;
  participants: Participant[];
};

/** The participants of a revision naming `codes` on `day`, and whether it is internal. */
export function standingOn(
  ctx: RuleContext,
  codes: readonly string[],
  r: Dated,
  day: string,
): Standing {
  const reading = readingDay(r, day);
  const part = new Fraction(1n, BigInt(codes.length));
  const byCode = new Map<string, Participant>();
  let latest: string | null = null;
  for (const named of codes) {
    for (const route of routesFrom(
      ctx,
      { code: named, weight: new Fraction(1n), latestEffective: null },
      reading,
    )) {
      const p = byCode.get(route.code) ?? { code: route.code, via: [], share: new Fraction(0n) };
      p.share = p.share.add(part.mul(route.weight));
      if (route.code !== named && !p.via.includes(named)) p.via.push(named);
      byCode.set(route.code, p);
      if (route.latestEffective && (!latest || route.latestEffective > latest)) {
        latest = route.latestEffective;
      }
    }
  }
  const running = runningOn(r, day);
  const internal = running && byCode.size === 1;
  return {
    running,
    internal,
    internalFrom: internal ? latest : null,
    participants: [...byCode.values()],
  };
}

/** Whether a savings line still counts: an internal arrangement's lines stop from internalFrom. */
export function lineCounts(financialYear: number, standing: Standing): boolean {
  return !standing.internalFrom || `${financialYear}-04-01` < standing.internalFrom;
}

/** A forecast for a financial year that ended before `day`. */
export function isUnconfirmed(line: { financialYear: number; kind: string }, day: string) {
  return line.kind === "forecast" && `${line.financialYear + 1}-03-31` < day;
}
