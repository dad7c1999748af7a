/**
 * The demo data set: a register from 2012 to today (2 December 2026) whose history reproduces
 * every edition of the LGA's shared services map, plus the three real arrangements the LGA
 * named in 2017. Everything else is illustrative (flagged `isIllustrative`).
 *
 * Pure and deterministic: the same organisations give the same output on every run (fixed
 * seeds, no clock, no database; codes and slugs, never ids).
 *
 * How the editions are hit exactly (figures by the issue 12 design's rule: participation.ts,
 * figures.ts):
 * 1. Arrangements. Time is cut into windows ending at each LGA edition (targets.ts). Each window
 *    first approves as many arrangements as the LGA's count grew by (slots.ts); up to 2019 no
 *    succession has happened, so none is internal and the counts are exact by construction.
 *    The July 2019 window is topped up by as many as the April 2019 reorganisations made
 *    internal, counted by the rule (history.ts).
 * 2. Councils involved. Each window first brings in councils not yet in any arrangement
 *    (coverage groups, which keep running at least until August 2019), so 340 councils share
 *    from the January 2013 edition and 348 by 2017 (pools.ts).
 * 3. Histories. Each arrangement's revisions — updates, stage changes, reorganisations, ends —
 *    are planned to today before any amount is set (planner.ts), so who is public, running and
 *    internal at every edition is known.
 * 4. Savings. Lines are recorded with raw amounts and confirmed later at a ratio of their
 *    forecast (savings.ts). Window by window, one factor scales the lines first recorded in the
 *    window so the edition's cumulative total is exact to the penny, with the last pence on one
 *    line (calibrate.ts); July 2019's 2018/19 lines are scaled first to the LGA's "nearly £200m".
 * 5. Checks. Every edition, lifetime and history is verified before returning (verify.ts).
 */
import { buildLines } from "./savings";
import { calibrate, type CalibrationReport } from "./calibrate";
import { demoContext, type GenerateDemoInput } from "./context";
import { registerFigures, type RegisterFigures } from "./figures";
import { tierOf } from "./geography";
import { planHistory } from "./history";
import { Slugs } from "./naming";
import type { RuleContext } from "./participation";
import { Random } from "./random";
import { realArrangements, REAL_SLUGS } from "./real";
import { DEMO_TODAY, editionTargets, type EditionTarget } from "./targets";
import type { DemoArrangement } from "./types";
import { verifyDemo, type EditionCheck } from "./verify";
import { writeArrangement } from "./wording";

export type { GenerateDemoInput } from "./context";
export type * from "./types";
export { REAL_ARRANGEMENT_CODES, REAL_SLUGS, realArrangements } from "./real";
export { DEMO_TODAY, editionTargets, type EditionTarget } from "./targets";
export { registerFigures, type RegisterFigures } from "./figures";
export { ruleContext, standingOn, type RuleContext } from "./participation";
export { deriveSuccessions, type Succession } from "./successions";

const SEED = "council-shared-services-map:register-2012-2026";

export type DemoBuild = {
  arrangements: DemoArrangement[];
  rule: RuleContext;
  editions: EditionCheck[];
  today: RegisterFigures;
  calibration: CalibrationReport;
};

/** The edition targets less what the real arrangements contribute at each. */
function illustrativeTargets(rule: RuleContext, targets: readonly EditionTarget[]) {
  const real = realArrangements();
  return targets.map((t) => {
    const f = registerFigures(rule, real, t.asOf, t.day);
    const year = t.annual ? (f.byYear.get(t.annual.financialYear) ?? 0n) : 0n;
    return {
      real: f.arrangements,
      target: {
        ...t,
        cumulativePence: t.cumulativePence - f.totalPence,
        annual: t.annual && {
          ...t.annual,
          minPence: t.annual.minPence - year,
          maxPence: t.annual.maxPence - year,
        },
      },
    };
  });
}

export function buildDemo(input: GenerateDemoInput): DemoBuild {
  const ctx = demoContext(input);
  const targets = editionTargets();
  const adjusted = illustrativeTargets(ctx.rule, targets);
  const plans = planHistory(ctx, new Random(`${SEED}:plans`), targets, (k) => adjusted[k]!.real);
  const linesRng = new Random(`${SEED}:savings`);
  const tiers = { tier: (code: string) => tierOf(ctx.byCode.get(code)!) };
  const lines = plans.map((p, i) => buildLines(linesRng, p, i, tiers));
  const calibration = calibrate(
    ctx.rule,
    plans,
    lines,
    adjusted.map((a) => a.target),
  );
  const env = {
    rng: new Random(`${SEED}:words`),
    org: (code: string) => ctx.byCode.get(code)!,
    rule: ctx.rule,
    slugs: new Slugs(REAL_SLUGS),
  };
  const arrangements = [
    ...realArrangements(),
    ...plans.map((p, i) => writeArrangement(env, p, lines[i]!)),
  ];
  const editions = verifyDemo({ rule: ctx.rule, byCode: ctx.byCode, arrangements, targets });
  const today = registerFigures(
    ctx.rule,
    arrangements,
    new Date(`${DEMO_TODAY}T23:59:00Z`),
    DEMO_TODAY,
  );
  return { arrangements, rule: ctx.rule, editions, today, calibration };
}

export function generateDemoArrangements(input: GenerateDemoInput): DemoArrangement[] {
  return buildDemo(input).arrangements;
}
