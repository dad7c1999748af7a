/**
 * Service categories in the demo set: how common each is, which tier of council runs it, what it
 * typically saves and what it is shared with. The 2011 map's counts for the five commonest
 * (revenues and benefits 32, legal 27, management teams 25, regulatory 23, procurement 21) set
 * the scale; back office ends up about twice as common as front line.
 */
import { SERVICE_CATEGORIES, type ServiceCategorySlug } from "@/lib/categories";
import type { Random } from "./random";

export type Slug = ServiceCategorySlug;

export const CATEGORY_WEIGHTS: Record<Slug, number> = {
  "revenues-and-benefits": 32,
  legal: 27,
  "management-teams": 25,
  "regulatory-services": 23,
  "procurement-and-commissioning": 21,
  ict: 18,
  "finance-and-audit": 16,
  "hr-and-payroll": 14,
  "customer-services": 8,
  "counter-fraud": 8,
  "assets-and-property": 8,
  "environment-waste-transport": 15,
  "community-safety-emergency-planning": 9,
  "adult-social-care": 7,
  "childrens-services-send": 6,
  "public-health": 5,
  housing: 7,
  planning: 8,
  "culture-leisure-libraries": 7,
  other: 4,
};

/** Services only upper-tier councils run (counties, unitaries, metropolitan and London boroughs). */
export const UPPER_TIER_ONLY = new Set<Slug>([
  "adult-social-care",
  "childrens-services-send",
  "public-health",
]);
/** Services only lower-tier councils run (districts, unitaries, boroughs). */
export const LOWER_TIER_ONLY = new Set<Slug>(["revenues-and-benefits", "housing", "planning"]);

/** Typical median yearly saving per arrangement of two councils, in pounds. */
export const MEDIAN_YEARLY_SAVING: Record<Slug, number> = {
  "procurement-and-commissioning": 1_400_000,
  "adult-social-care": 450_000,
  "environment-waste-transport": 420_000,
  "childrens-services-send": 350_000,
  ict: 330_000,
  "revenues-and-benefits": 300_000,
  "assets-and-property": 280_000,
  "management-teams": 260_000,
  "public-health": 220_000,
  "hr-and-payroll": 200_000,
  "finance-and-audit": 170_000,
  "customer-services": 170_000,
  "regulatory-services": 160_000,
  "culture-leisure-libraries": 160_000,
  legal: 140_000,
  housing: 130_000,
  planning: 110_000,
  "counter-fraud": 110_000,
  "community-safety-emergency-planning": 90_000,
  other: 100_000,
};

const RELATED_CATEGORIES: Record<Slug, Slug[]> = {
  "revenues-and-benefits": ["customer-services", "counter-fraud", "finance-and-audit"],
  legal: ["hr-and-payroll", "finance-and-audit"],
  "management-teams": ["finance-and-audit", "hr-and-payroll", "legal", "customer-services"],
  "regulatory-services": ["housing", "community-safety-emergency-planning", "planning"],
  "procurement-and-commissioning": ["finance-and-audit", "assets-and-property"],
  ict: ["customer-services", "hr-and-payroll"],
  "hr-and-payroll": ["finance-and-audit", "ict"],
  "finance-and-audit": ["hr-and-payroll", "counter-fraud", "procurement-and-commissioning"],
  "customer-services": ["revenues-and-benefits", "ict"],
  "counter-fraud": ["revenues-and-benefits", "finance-and-audit"],
  "assets-and-property": ["procurement-and-commissioning", "finance-and-audit"],
  "environment-waste-transport": ["procurement-and-commissioning", "regulatory-services"],
  "community-safety-emergency-planning": ["regulatory-services", "housing"],
  "adult-social-care": ["public-health", "procurement-and-commissioning"],
  "childrens-services-send": ["public-health", "adult-social-care"],
  "public-health": ["adult-social-care", "childrens-services-send"],
  housing: ["regulatory-services", "planning"],
  planning: ["regulatory-services", "housing"],
  "culture-leisure-libraries": ["customer-services", "assets-and-property"],
  other: ["community-safety-emergency-planning", "customer-services"],
};

export const FRONT_LINE = new Set<string>(
  SERVICE_CATEGORIES.filter((c) => c.area === "front_line").map((c) => c.slug),
);

/** What the councils of a group can share, by the tiers among them. */
export type TierMix = { allUpper: boolean; allLower: boolean; sameTier: boolean; size: number };

/** Whether a category suits councils of these tiers. */
export function suits(slug: Slug, mix: TierMix): boolean {
  return (
    (mix.allUpper || !UPPER_TIER_ONLY.has(slug)) && (mix.allLower || !LOWER_TIER_ONLY.has(slug))
  );
}

const weightTotal = Object.values(CATEGORY_WEIGHTS).reduce((a, b) => a + b, 0);

/** How shapes of partnership lean towards some services. */
function shapeBias(slug: Slug, shape: string): number {
  let w = 1;
  if (shape === "DC" || shape === "BIG") {
    if (slug === "environment-waste-transport") w *= 2.5;
    if (slug === "procurement-and-commissioning" || slug === "counter-fraud") w *= 1.6;
    if (slug === "assets-and-property" || slug === "ict") w *= 1.4;
    if (slug === "revenues-and-benefits") w *= 0.4;
  }
  if (shape === "CC") {
    if (slug === "regulatory-services" || slug === "procurement-and-commissioning") w *= 2;
    if (UPPER_TIER_ONLY.has(slug)) w *= 1.5;
  }
  if (shape === "UU" && UPPER_TIER_ONLY.has(slug)) w *= 1.4;
  return w;
}

/**
 * Picks main categories in proportion to the weights, leaning towards those behind their share
 * so far: the mix then tracks the weights closely instead of drifting with the luck of the draw.
 */
export class CategoryPicker {
  private readonly counts = new Map<Slug, number>();
  private total = 0;

  constructor(private readonly rng: Random) {}

  pick(shape: string, mix: TierMix): Slug {
    const options = SERVICE_CATEGORIES.map((c): [Slug, number] => {
      const slug = c.slug;
      let w = suits(slug, mix) ? CATEGORY_WEIGHTS[slug] * shapeBias(slug, shape) : 0;
      // Shared chief executives join two or three councils of the same kind.
      if (slug === "management-teams" && !(mix.sameTier && mix.size <= 3 && shape !== "CC")) w = 0;
      if (slug === "management-teams") w *= 1.6;
      const deficit =
        (CATEGORY_WEIGHTS[slug] / weightTotal) * (this.total + 1) - (this.counts.get(slug) ?? 0);
      return [slug, w * Math.min(4, Math.max(0.15, 1 + deficit))];
    });
    return this.rng.weighted(options);
  }

  record(slug: Slug): void {
    this.counts.set(slug, (this.counts.get(slug) ?? 0) + 1);
    this.total++;
  }

  /** Up to two related categories the councils can share too. */
  further(slug: Slug, mix: TierMix): Slug[] {
    const count = this.rng.weighted([
      [0, 62],
      [1, 30],
      [2, 8],
    ] as const);
    const related = RELATED_CATEGORIES[slug].filter((s) => suits(s, mix));
    return this.rng.shuffle(related).slice(0, count);
  }
}
