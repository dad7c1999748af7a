/**
 * The words of each revision: a title that stays, and a description that grows as councils edit
 * their record (the service starting, an agreement renewed, successors taking over, the end).
 */
import { BENEFITS } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import { formatLongDate } from "@/lib/format/dates";
import { londonDate, monthYear } from "./dates";
import { fullNames, joinAnd, nameList, slugify, type Slugs } from "./naming";
import { standingOn, type RuleContext } from "./participation";
import * as P from "./phrases";
import type { Plan, PlanEvent } from "./plan";
import type { Random } from "./random";
import type { LineValue } from "./savings";
import type { DemoArrangement, DemoOrganisation, DemoRevision } from "./types";
import { UPPER_TIER_REGULATORY_VARIANTS, VARIANTS } from "./variants";

export type WordingEnv = {
  rng: Random;
  org: (code: string) => DemoOrganisation;
  rule: RuleContext;
  slugs: Slugs;
};

const BENEFIT_SLUGS = BENEFITS.map((b) => b.slug as string);
const BENEFIT_LABELS = new Map(BENEFITS.map((b) => [b.slug as string, b.label]));

type Fixed = { title: string; what: string; structure: string; reason: string | null };

function fixedWords(env: WordingEnv, plan: Plan): Fixed {
  const { rng, org } = env;
  const g = plan.group;
  const upperRegulatory =
    g.category === "regulatory-services" && g.councils.every((c) => org(c).councilType !== "NMD");
  const [pattern, what] = rng.pick(
    upperRegulatory ? UPPER_TIER_REGULATORY_VARIANTS : VARIANTS[g.category],
  );
  const title = plan.title ?? pattern.replace("{N}", nameList(org, plan.codes, g.lead));
  const structure = rng.pick(P.STRUCTURE_SENTENCES).replace("L", org(g.lead).name);
  const reasons =
    plan.noSavings === "improve" ? P.IMPROVE_SERVICES_REASONS : P.OTHER_NO_SAVINGS_REASONS;
  return { title, what, structure, reason: plan.noSavings ? rng.pick(reasons) : null };
}

/** What changed with the partners on the day their successors took over. */
function successorsSentence(env: WordingEnv, plan: Plan, e: PlanEvent): string {
  const day = e.successorsFrom!;
  // Who took over on that day, as if the arrangement had run on (a merged one ended the day before).
  const standing = standingOn(env.rule, plan.codes, { startDate: e.startDate, endDate: null }, day);
  const names = standing.participants.map((p) => env.org(p.code).name);
  if (e.kind === "merged") {
    return `The arrangement ended on ${formatLongDate(e.endDate!)}, the day before the partners became part of ${joinAnd(names)}.`;
  }
  if (standing.participants.length === 1) {
    return `Since ${formatLongDate(day)} ${names[0]} has run the service on its own: the partners became part of it.`;
  }
  return `Since ${formatLongDate(day)} the service has continued with ${joinAnd(names)}.`;
}

function eventSentence(
  env: WordingEnv,
  plan: Plan,
  e: PlanEvent,
  confirmed: number[],
): string | null {
  const { rng } = env;
  const month = monthYear(londonDate(e.at));
  switch (e.kind) {
    case "started":
      return `The service started in ${monthYear(e.startDate)}.`;
    case "ended":
      return `The arrangement ended in ${monthYear(e.endDate!)} when ${rng.pick(P.ENDING_REASONS)}.`;
    case "merged":
    case "successors":
      return successorsSentence(env, plan, e);
    case "quantified":
      return `The partners began measuring the savings in ${month}.`;
    case "backfill":
      return "Savings from the arrangement's earlier years have been added.";
    default:
      if (confirmed.length && rng.chance(0.35)) {
        return `Savings for ${financialYearLabel(confirmed.at(-1)!)} were confirmed at year end.`;
      }
      return rng.chance(0.25) ? rng.pick(P.UPDATE_SENTENCES).replace("M", month) : null;
  }
}

function opening(env: WordingEnv, plan: Plan, fixed: Fixed, e: PlanEvent): string[] {
  const g = plan.group;
  const sentences = [`${fullNames(env.org, plan.codes, g.lead)} work together to ${fixed.what}.`];
  if (e.stage === "planned") {
    sentences.push(
      `The partners agreed the business case in ${londonDate(plan.events[0]!.at).slice(0, 4)} and plan to start in ${monthYear(e.startDate)}.`,
    );
  } else sentences.push(fixed.structure);
  for (const body of g.bodies) {
    const b = env.org(body);
    if (b.kind === "health") sentences.push(`The NHS partner is ${b.name}.`);
    else if (g.shape !== "ORG") sentences.push(`${b.name} also takes part.`);
  }
  return sentences;
}

function reasonFor(
  plan: Plan,
  fixed: Fixed,
  e: PlanEvent,
  lines: readonly LineValue[],
  rng: Random,
) {
  if (lines.length) return null;
  if (fixed.reason) return fixed.reason;
  if (e.stage === "planned") return rng.pick(P.PLANNED_NO_SAVINGS_REASONS);
  return e.stage === "ended" ? P.ENDED_BEFORE_SAVINGS_REASON : P.OTHER_NO_SAVINGS_REASONS[1]!;
}

function contactEmail(env: WordingEnv, plan: Plan): string {
  return env.rng.chance(0.8)
    ? `shared.services@${slugify(env.org(plan.group.lead).shortName)}.gov.uk.example`
    : `${plan.group.category.replace(/-/g, ".")}@example.org`;
}

function initialBenefits(rng: Random, plan: Plan): Set<string> {
  const benefits = new Set<string>([rng.pick(P.BENEFIT_HINTS[plan.group.category])]);
  const wanted = rng.weighted([
    [1, 30],
    [2, 50],
    [3, 20],
  ] as const);
  while (benefits.size < wanted) benefits.add(rng.pick(BENEFIT_SLUGS));
  return benefits;
}

export function writeArrangement(
  env: WordingEnv,
  plan: Plan,
  lines: readonly LineValue[][],
): DemoArrangement {
  const { rng } = env;
  const fixed = fixedWords(env, plan);
  const benefits = initialBenefits(rng, plan);
  const history: string[] = [];
  let contactName = rng.pick(P.CONTACT_NAMES);
  const email = contactEmail(env, plan);
  let previous = new Set<LineValue>();
  const revisions = plan.events.map((e, i): DemoRevision => {
    const own = lines[i]!;
    const confirmed = own.filter((l) => l.parent && !previous.has(l)).map((l) => l.year);
    previous = new Set(own);
    const added = i === 0 ? null : eventSentence(env, plan, e, confirmed);
    if (added) history.push(added);
    if (i > 0 && rng.chance(0.08)) benefits.add(rng.pick(BENEFIT_SLUGS));
    if (i > 0 && rng.chance(0.1)) contactName = rng.pick(P.CONTACT_NAMES);
    const described = [...benefits].map((b) => BENEFIT_LABELS.get(b)!.toLowerCase());
    const earliest = i ? plan.events[i - 1]!.at.getTime() + 3_600_000 : 0;
    const submitted = Math.max(earliest, e.at.getTime() - rng.int(2 * 24, 9 * 24) * 3_600_000);
    return {
      version: i + 1,
      submittedAt: new Date(submitted),
      reviewedAt: e.at,
      title: fixed.title,
      description: [
        ...opening(env, plan, fixed, e),
        ...history.slice(-3),
        `The partners report ${joinAnd(described)}.`,
      ].join(" "),
      mainCategorySlug: plan.group.category,
      furtherCategorySlugs: [...plan.group.further],
      stage: e.stage,
      startDate: e.startDate,
      endDate: e.endDate,
      benefits: [...benefits],
      contactName,
      contactEmail: email,
      noSavingsReason: reasonFor(plan, fixed, e, own, rng),
      savings: own.map((l) => ({ financialYear: l.year, amountPence: l.amount, kind: l.kind })),
    };
  });
  return {
    slug: env.slugs.from(fixed.title),
    isIllustrative: true,
    leadCode: plan.group.lead,
    partners: plan.codes.map((code, i) => ({
      code,
      role: i === 0 ? ("lead" as const) : ("partner" as const),
    })),
    revisions,
  };
}
