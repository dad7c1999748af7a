/** What the generator knows before it starts: organisations, successions, neighbours, targets. */
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { loadCouncilAdjacency } from "../reference";
import { ruleContext, type RuleContext } from "./participation";
import { compareCodeUnits } from "./random";
import { REAL_ARRANGEMENT_CODES } from "./real";
import { deriveSuccessions, type Succession } from "./successions";
import type { DemoCategory, DemoOrganisation } from "./types";

export type GenerateDemoInput = {
  organisations: readonly DemoOrganisation[];
  categories: readonly DemoCategory[];
};

export type DemoContext = {
  organisations: DemoOrganisation[];
  byCode: ReadonlyMap<string, DemoOrganisation>;
  councils: DemoOrganisation[];
  successions: Succession[];
  rule: RuleContext;
  /** Council code → the codes of the councils it replaced. */
  predecessorsOf: ReadonlyMap<string, string[]>;
  adjacency: (year: number) => ReadonlyMap<string, ReadonlySet<string>>;
};

export function demoContext(input: GenerateDemoInput): DemoContext {
  const organisations = [...input.organisations].sort((a, b) => compareCodeUnits(a.code, b.code));
  const byCode = new Map(organisations.map((o) => [o.code, o]));
  const slugs = new Set(input.categories.map((c) => c.slug));
  for (const c of SERVICE_CATEGORIES) {
    if (!slugs.has(c.slug)) throw new Error(`Missing service category ${c.slug}`);
  }
  for (const code of Object.values(REAL_ARRANGEMENT_CODES)) {
    if (!byCode.has(code))
      throw new Error(`Missing organisation ${code} for the real arrangements`);
  }
  const successions = deriveSuccessions(organisations);
  const predecessorsOf = new Map<string, string[]>();
  for (const s of successions) {
    predecessorsOf.set(s.successorCode, [
      ...(predecessorsOf.get(s.successorCode) ?? []),
      s.predecessorCode,
    ]);
  }
  const adjacencies = new Map<number, Map<string, Set<string>>>();
  return {
    organisations,
    byCode,
    councils: organisations.filter((o) => o.kind === "council"),
    successions,
    rule: ruleContext(organisations, successions),
    predecessorsOf,
    adjacency: (year) => {
      if (!adjacencies.has(year)) adjacencies.set(year, loadCouncilAdjacency(organisations, year));
      return adjacencies.get(year)!;
    },
  };
}
