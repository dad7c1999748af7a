/**
 * Plans every illustrative arrangement in the order they were first approved, so the register
 * grows as the LGA's did: each window's count, new councils brought in first (coverage), then
 * groups of the commonest shapes.
 */
import { BodyPicker } from "./bodies";
import { CategoryPicker } from "./categories";
import type { DemoContext } from "./context";
import { londonDate } from "./dates";
import { DELIBERATE_CASES, deliberateGroup } from "./deliberate";
import { GroupMaker, type Group } from "./groups";
import { standingOn } from "./participation";
import type { Plan } from "./plan";
import { planArrangement, type PlannerEnv } from "./planner";
import { Pools } from "./pools";
import type { Random } from "./random";
import { REAL_ARRANGEMENT_CODES } from "./real";
import { ShapeBuilder } from "./shapes";
import { byTime, earlySlots, lateSlots, slotsBetween, windowOf, type Slot } from "./slots";
import type { EditionTarget } from "./targets";
import { NoSavingsPicker } from "./timeline";

export type Planner = { next: (slot: Slot) => Plan };

function planner(ctx: DemoContext, rng: Random): Planner {
  const env: PlannerEnv = {
    rng,
    noSavings: new NoSavingsPicker(rng),
    byCode: ctx.byCode,
    rule: ctx.rule,
  };
  const shapes = new ShapeBuilder(rng, new Map());
  const maker = new GroupMaker(
    rng,
    shapes,
    new CategoryPicker(rng),
    new BodyPicker(rng, ctx.byCode, ctx.predecessorsOf),
  );
  const keep = new Set<string>([
    ...Object.values(REAL_ARRANGEMENT_CODES),
    ...DELIBERATE_CASES.flatMap((c) => c.councils),
  ]);
  const pools = new Pools(rng, ctx.councils, ctx.byCode, ctx.adjacency, keep);
  const coverageOrder = rng.shuffle(ctx.councils.map((c) => c.code));
  const skipped = new Set<string>();

  const groupFor = (day: string): Group => {
    const geo = pools.geographyOn(day);
    for (let guard = 0; guard < 1000; guard++) {
      const anchor = coverageOrder.find(
        (c) => geo.has(c) && shapes.used(c) === 0 && !skipped.has(c),
      );
      shapes.coverage = anchor !== undefined;
      const group = maker.make(geo, day, anchor);
      if (group) return group;
      if (anchor && guard % 5 === 4) skipped.add(anchor);
    }
    throw new Error(`Demo generator found no group on ${day}`);
  };

  return {
    next: (slot) => {
      const c = slot.deliberate;
      const group = c ? deliberateGroup(c) : groupFor(londonDate(slot.at));
      if (c) maker.register(group);
      return planArrangement(env, group, slot.at, {
        launch: slot.launch,
        post: slot.post,
        ...(c
          ? { keepsThroughMergers: true, noSavings: null, ...(c.title ? { title: c.title } : {}) }
          : {}),
      });
    },
  };
}

/** Published at the edition, and shared there (not internal). */
function countsAt(ctx: DemoContext, plans: readonly Plan[], t: EditionTarget): number {
  let n = 0;
  for (const p of plans) {
    const e = p.events.filter((x) => x.at.getTime() <= t.asOf.getTime()).at(-1);
    if (e && !standingOn(ctx.rule, p.codes, e, t.day).internal) n++;
  }
  return n;
}

/** The deliberate cases take random slots of the first window, or their own later slot. */
function withDeliberateCases(rng: Random, early: Slot[], late: Slot[]): [Slot[], Slot[]] {
  const launch = early.filter((s) => s.launch).length;
  const places = rng.shuffle(Array.from({ length: launch }, (_, i) => i));
  const outEarly = [...early];
  const outLate = [...late];
  for (const c of DELIBERATE_CASES) {
    if (c.approvedBetween) {
      const [slot] = slotsBetween(rng, c.approvedBetween[0], c.approvedBetween[1], 1, false, true);
      outLate.push({ ...slot!, deliberate: c });
    } else {
      const i = places.pop()!;
      outEarly[i] = { ...outEarly[i]!, deliberate: c };
    }
  }
  return [outEarly, outLate.sort(byTime)];
}

export function planHistory(
  ctx: DemoContext,
  rng: Random,
  targets: readonly EditionTarget[],
  realAt: (k: number) => number,
): Plan[] {
  const { next } = planner(ctx, rng);
  const last = targets.length - 1;
  const [early, late] = withDeliberateCases(
    rng,
    earlySlots(rng, targets, realAt),
    lateSlots(rng, targets[last]!.day),
  );
  const plans = early.map(next);
  // The last window takes as many as the count needs: arrangements made internal by the April
  // 2019 reorganisations no longer count.
  const [from, to] = windowOf(targets, last);
  for (let guard = 0; guard < 10; guard++) {
    const need = targets[last]!.arrangements - realAt(last) - countsAt(ctx, plans, targets[last]!);
    if (need < 0) throw new Error("Demo generator overshot the last edition's count");
    if (need === 0) break;
    plans.push(...slotsBetween(rng, from, to, need, false, false).map(next));
  }
  return [...plans, ...late.map(next)];
}
