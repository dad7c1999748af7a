/**
 * One arrangement's whole life, from its group and first approval to today: dates, stage,
 * savings range, reorganisations, updates, end. Pure given the random stream.
 */
import { addDays, approvalBetween, londonDate, maxIso, minIso, randomDay } from "./dates";
import { eventsFor, savingsRange } from "./events";
import type { Group } from "./groups";
import type { RuleContext } from "./participation";
import type { NoSavings, Plan } from "./plan";
import type { Random } from "./random";
import { reorganise, type Moment } from "./reorganisations";
import { closingUpdate, lastUpdate, orderMoments, routineUpdates } from "./schedule";
import { LAST_APPROVAL_DAY } from "./targets";
import {
  chooseBeginning,
  chooseEnd,
  partnerBounds,
  type Beginning,
  type NoSavingsPicker,
} from "./timeline";
import type { DemoOrganisation } from "./types";

export type PlannerEnv = {
  rng: Random;
  noSavings: NoSavingsPicker;
  byCode: ReadonlyMap<string, DemoOrganisation>;
  rule: RuleContext;
};

export type PlanOptions = {
  /** Approved when the register opened (2012): began over the years before. */
  launch: boolean;
  /** First approved after July 2019. */
  post: boolean;
  keepsThroughMergers?: boolean;
  noSavings?: NoSavings;
  title?: string;
};

const END_OF_DAYS = new Date("2100-01-01T00:00:00Z");

function endChance(group: Group, o: PlanOptions): number {
  if (group.backbone) return o.post ? 0 : 0.08;
  return o.post ? 0.07 : 0.14;
}

/** Stops updating at some point after 2019 (about one record in eight). */
function dormancy(env: PlannerEnv): string | null {
  return env.rng.chance(0.12) ? randomDay(env.rng, "2019-08-01", "2025-06-30") : null;
}

function structuralMoments(
  env: PlannerEnv,
  firstAt: Date,
  startDate: string,
  planned: boolean,
  endDate: string | null,
) {
  const moments: Moment[] = [{ at: firstAt, kind: "first" }];
  if (planned) {
    const from = maxIso(startDate, addDays(londonDate(firstAt), 21));
    if (from <= LAST_APPROVAL_DAY) {
      const to = minIso(addDays(from, 120), LAST_APPROVAL_DAY);
      moments.push({ at: approvalBetween(env.rng, from, to), kind: "started" });
    }
  }
  let endedAt: Date | null = null;
  if (endDate && addDays(endDate, 7) <= LAST_APPROVAL_DAY) {
    endedAt = approvalBetween(
      env.rng,
      addDays(endDate, 7),
      minIso(addDays(endDate, 150), LAST_APPROVAL_DAY),
    );
    moments.push({ at: endedAt, kind: "ended" });
  }
  return { moments, endedAt };
}

function convertUpdates(
  env: PlannerEnv,
  moments: Moment[],
  backfill: boolean,
  noSavings: NoSavings,
) {
  const updates = moments.filter((m) => m.kind === "update");
  if (backfill && updates[0]) updates[0].kind = "backfill";
  const late = updates.filter((m) => m.at.getUTCFullYear() >= 2014);
  if (noSavings === "other" && late.length && env.rng.chance(0.35)) {
    env.rng.pick(late).kind = "quantified";
  }
}

type Ending = {
  moments: Moment[];
  endDate: string | null;
  endedAt: Date | null;
  dormantFrom: string | null;
};

/** How it ends, if it does: by a merger (reorganise) or on a day drawn for it. */
function ending(
  env: PlannerEnv,
  arrangement: { codes: string[]; firstAt: Date; beginning: Beginning; endDate: string | null },
  keepsThroughMergers: boolean,
): Ending {
  const { codes, firstAt, beginning } = arrangement;
  const reorg = reorganise(
    env.rng,
    env.rule,
    { codes, startDate: beginning.startDate, endDate: arrangement.endDate },
    { keepsThroughMergers },
  );
  const merged = reorg.moments.find((m) => m.kind === "merged");
  const structural = structuralMoments(
    env,
    firstAt,
    beginning.startDate,
    beginning.stage === "planned",
    merged ? null : reorg.endDate,
  );
  return {
    moments: [...structural.moments, ...reorg.moments],
    endDate: merged || structural.endedAt ? reorg.endDate : null,
    endedAt: merged?.at ?? structural.endedAt,
    dormantFrom: reorg.dormantFrom,
  };
}

/** Every moment a revision was approved, in order: the structural ones and the updates. */
function moments(env: PlannerEnv, firstAt: Date, end: Ending, noSavings: NoSavings): Moment[] {
  const { rng } = env;
  const dormant = [end.dormantFrom, dormancy(env)].filter((d): d is string => d !== null).sort()[0];
  const until = new Date(
    Math.min(
      end.endedAt?.getTime() ?? END_OF_DAYS.getTime(),
      dormant ? Date.parse(`${dormant}T00:00:00Z`) : END_OF_DAYS.getTime(),
    ),
  );
  const rate = noSavings === "improve" ? 0.3 : noSavings === "other" ? 0.4 : 1;
  const structural = new Set(["first", "started", "ended", "merged"]);
  const all = [
    ...end.moments.filter((m) => structural.has(m.kind) || m.at < until),
    ...routineUpdates(rng, { firstAt, until, rate }),
  ];
  const last = noSavings !== "improve" || rng.chance(0.4) ? lastUpdate(rng, firstAt, until) : null;
  if (last) all.push(last);
  if (end.endDate && end.endedAt && !dormant && rng.chance(0.7)) {
    const closing = closingUpdate(rng, end.endDate, end.endedAt);
    if (closing) all.push(closing);
  }
  const started = all.find((m) => m.kind === "started")?.at.getTime() ?? 0;
  return orderMoments(all.filter((m) => m.kind !== "update" || m.at.getTime() > started));
}

export function planArrangement(
  env: PlannerEnv,
  group: Group,
  firstAt: Date,
  o: PlanOptions,
): Plan {
  const { rng } = env;
  const codes = [
    group.lead,
    ...[...group.councils, ...group.bodies].filter((c) => c !== group.lead).sort(),
  ];
  const day = londonDate(firstAt);
  const beginning = chooseBeginning(rng, day, partnerBounds(env.byCode, codes), {
    launch: o.launch,
    mayPlan: !group.backbone,
  });
  const noSavings = o.noSavings !== undefined ? o.noSavings : env.noSavings.pick(group.category);
  const endDate = chooseEnd(rng, beginning.startDate, day, {
    chance: endChance(group, o),
    notBefore: group.backbone ? "2019-08-01" : "2012-01-01",
    latest: "2026-09-30",
  });
  const end = ending(env, { codes, firstAt, beginning, endDate }, o.keepsThroughMergers ?? false);
  const ordered = moments(env, firstAt, end, noSavings);
  const range = noSavings === null ? savingsRange(rng, beginning.startDate, firstAt) : null;
  convertUpdates(env, ordered, range !== null && range.initialFrom > range.from, noSavings);
  const events = eventsFor(rng, ordered, {
    ...beginning,
    endDate: end.endDate,
    noSavings,
    range,
  });
  return { group, codes, noSavings, events, ...(o.title ? { title: o.title } : {}) };
}
