/**
 * Checks the generated history before anyone sees it: every LGA edition reproduced (by the rule,
 * figures.ts), nobody named outside its lifetime, histories well formed, every council formed
 * since 2019 taking part today. The generator throws rather than return a set that fails.
 */
import { existedOn } from "../reference";
import { londonDate } from "./dates";
import { registerFigures, type RegisterFigures } from "./figures";
import { standingOn, type RuleContext } from "./participation";
import { DEMO_TODAY, LAST_APPROVAL_DAY, type EditionTarget } from "./targets";
import type { DemoArrangement, DemoOrganisation } from "./types";

export type EditionCheck = { target: EditionTarget; figures: RegisterFigures };

/** Problems with an edition's figures against the LGA's (empty when it matches). */
export function editionProblems(check: EditionCheck): string[] {
  const { target: t, figures: f } = check;
  const problems: string[] = [];
  if (f.arrangements !== t.arrangements)
    problems.push(`${f.arrangements} arrangements, not ${t.arrangements}`);
  if (f.totalPence !== t.cumulativePence)
    problems.push(`${f.totalPence} pence, not ${t.cumulativePence}`);
  if (t.councilsSharing !== null && f.councilsInvolved < t.councilsSharing) {
    problems.push(`${f.councilsInvolved} councils involved, fewer than ${t.councilsSharing}`);
  }
  const pct = t.councilsSharingPercent;
  if (pct !== null && f.councilsInvolved * 100 < pct * f.councilsExisting) {
    problems.push(`${f.councilsInvolved} of ${f.councilsExisting} councils, under ${pct}%`);
  }
  if (t.annual) {
    const year = f.byYear.get(t.annual.financialYear) ?? 0n;
    if (year < t.annual.minPence || year > t.annual.maxPence) {
      problems.push(`${year} pence in ${t.annual.financialYear}, outside the LGA's figure`);
    }
  }
  return problems;
}

export function checkEditions(
  rule: RuleContext,
  arrangements: readonly DemoArrangement[],
  targets: readonly EditionTarget[],
): EditionCheck[] {
  return targets.map((target) => ({
    target,
    figures: registerFigures(rule, arrangements, target.asOf, target.day),
  }));
}

/** Every organisation named exists on the arrangement's start (or first approval) and first approval. */
export function lifetimeProblems(
  byCode: ReadonlyMap<string, DemoOrganisation>,
  arrangements: readonly DemoArrangement[],
): string[] {
  const problems: string[] = [];
  for (const a of arrangements) {
    const first = londonDate(a.revisions[0]!.reviewedAt);
    for (const r of a.revisions) {
      for (const p of a.partners) {
        const org = byCode.get(p.code)!;
        if (!existedOn(org, r.startDate ?? first) || !existedOn(org, first)) {
          problems.push(`${a.slug} v${r.version} names ${p.code} outside its lifetime`);
        }
      }
    }
  }
  return problems;
}

export function historyProblems(arrangements: readonly DemoArrangement[]): string[] {
  const problems: string[] = [];
  const last = Date.parse(`${LAST_APPROVAL_DAY}T23:59:59Z`);
  for (const a of arrangements) {
    a.revisions.forEach((r, i) => {
      const previous = a.revisions[i - 1];
      if (r.version !== i + 1) problems.push(`${a.slug}: version ${r.version} at ${i}`);
      if (previous && r.reviewedAt <= previous.reviewedAt)
        problems.push(`${a.slug}: v${r.version} out of order`);
      if (r.reviewedAt.getTime() > last)
        problems.push(`${a.slug}: v${r.version} after ${LAST_APPROVAL_DAY}`);
      if ((r.savings.length === 0) !== (r.noSavingsReason !== null))
        problems.push(`${a.slug}: v${r.version} reason`);
      if (r.endDate !== null && r.startDate !== null && r.endDate < r.startDate)
        problems.push(`${a.slug}: dates`);
    });
  }
  return problems;
}

/** Councils formed since 2019 and existing today that take part in no running, shared arrangement. */
export function absentNewCouncils(
  rule: RuleContext,
  councils: readonly DemoOrganisation[],
  arrangements: readonly DemoArrangement[],
): string[] {
  const present = new Set<string>();
  for (const a of arrangements) {
    const r = a.revisions.at(-1)!;
    const standing = standingOn(
      rule,
      a.partners.map((p) => p.code),
      r,
      DEMO_TODAY,
    );
    if (standing.running && !standing.internal)
      standing.participants.forEach((p) => present.add(p.code));
  }
  return councils
    .filter((c) => c.startDate !== null && c.startDate >= "2019-04-01" && existedOn(c, DEMO_TODAY))
    .filter((c) => !present.has(c.code))
    .map((c) => c.code);
}

export function verifyDemo(input: {
  rule: RuleContext;
  byCode: ReadonlyMap<string, DemoOrganisation>;
  arrangements: readonly DemoArrangement[];
  targets: readonly EditionTarget[];
}): EditionCheck[] {
  const checks = checkEditions(input.rule, input.arrangements, input.targets);
  const councils = [...input.byCode.values()].filter((o) => o.kind === "council");
  const problems = [
    ...checks.flatMap((c) => editionProblems(c).map((p) => `${c.target.name}: ${p}`)),
    ...lifetimeProblems(input.byCode, input.arrangements),
    ...historyProblems(input.arrangements),
    ...absentNewCouncils(input.rule, councils, input.arrangements).map(
      (c) => `${c} takes part in nothing today`,
    ),
  ];
  if (problems.length)
    throw new Error(`Demo data failed its checks:\n${problems.slice(0, 20).join("\n")}`);
  return checks;
}
