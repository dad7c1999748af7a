/**
 * The demo data set: the three real arrangements named in the LGA's 2017 release plus an
 * illustrative set generated to match that release's headline (486 arrangements, £643m,
 * 98% of the 353 councils of 2017-18 involved).
 *
 * Pure and deterministic: the same organisations and categories give the same output on every
 * run (fixed seed, no clock, no database). The generator works on codes and slugs only, so
 * database ids never change what it produces.
 */
import seedrandom from "seedrandom";
import { BENEFITS, SERVICE_CATEGORIES, type ServiceCategorySlug } from "@/lib/categories";
import { financialYearOf } from "@/lib/financial-year";
import {
  existedOn,
  loadCouncilAdjacency,
  servingBodies,
  type ReferenceOrganisation,
} from "./reference";

/* Public types and targets ------------------------------------------------------------------ */

export type DemoOrganisation = Pick<
  ReferenceOrganisation,
  | "code"
  | "kind"
  | "councilType"
  | "name"
  | "shortName"
  | "gssCode"
  | "formerGssCodes"
  | "parentCode"
  | "startDate"
  | "endDate"
> & { id?: number };

export type DemoCategory = { slug: string; area: string; id?: number };

export type DemoPartner = { code: string; role: "lead" | "partner" };

export type DemoSaving = {
  /** Calendar year the financial year starts in: 2016 means 2016/17. */
  financialYear: number;
  amountPence: bigint;
  kind: "actual" | "forecast";
};

export type DemoArrangement = {
  slug: string;
  isIllustrative: boolean;
  leadCode: string;
  /** Every organisation in the arrangement, the lead first. */
  partners: DemoPartner[];
  revision: {
    title: string;
    description: string;
    mainCategorySlug: string;
    furtherCategorySlugs: string[];
    stage: "planned" | "operational" | "ended";
    startDate: string | null;
    endDate: string | null;
    benefits: string[];
    contactName: string;
    contactEmail: string;
    noSavingsReason: string | null;
    reviewedAt: Date;
  };
  savings: DemoSaving[];
};

/** The LGA's 2017 headline, which the demo set reproduces exactly. */
export const DEMO_TARGET = {
  arrangements: 486,
  totalPence: 64_300_000_000n,
  /** Councils that existed on this day are "the 353 councils of 2017". */
  councilsAsOf: "2018-04-01",
  councilsInvolved: 348,
  withoutSavings: 150,
  /** About a fifth of all arrangements were set up to improve services rather than to save. */
  setUpToImproveServices: 97,
} as const;

const SEED = "council-shared-services-map:lga-2017";
const FIRST_SAVINGS_YEAR = 2012;
const LAST_SAVINGS_YEAR = 2017;
const LAST_REVIEW = "2017-12-31";

/* Codes of the organisations in the real arrangements ---------------------------------------- */

export const REAL_ARRANGEMENT_CODES = {
  westSussex: "E10000032",
  westSussexFire: "fire:044",
  devon: "E10000008",
  somerset: "E10000027",
  brent: "E09000005",
  harrow: "E09000015",
} as const;

/* Random numbers ----------------------------------------------------------------------------- */

class Random {
  private readonly next: () => number;

  constructor(seed: string) {
    this.next = seedrandom(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
    if (total <= 0) throw new Error("weighted pick with no positive weight");
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= Math.max(0, w);
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** Standard normal, Box–Muller. */
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/* Small helpers ------------------------------------------------------------------------------ */

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function truncateSlug(slug: string, max = 72): string {
  if (slug.length <= max) return slug;
  const words = slug.split("-");
  while (words.join("-").length > max && words.length > 3) words.pop();
  // A slug ending "...-and" or "...-of-the" reads as broken.
  while (words.length > 3 && ["and", "of", "the", "on", "upon", "in"].includes(words.at(-1)!)) {
    words.pop();
  }
  return words.join("-");
}

/** Locale-independent ordering, so output never depends on the machine's language settings. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

const NUMBER_WORDS: Record<number, string> = {
  2: "two",
  3: "three",
  4: "four",
  5: "five",
  6: "six",
  7: "seven",
  8: "eight",
  9: "nine",
  10: "ten",
  11: "eleven",
  12: "twelve",
  13: "thirteen",
  14: "fourteen",
};

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthYear(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/* Categories: weights, tiers and wording ------------------------------------------------------ */

type Slug = ServiceCategorySlug;

/**
 * Relative frequency of each main category. The 2011 map's counts for the five commonest
 * (revenues and benefits 32, legal 27, management teams 25, regulatory 23, procurement 21) set
 * the scale; back office ends up about twice as common as front line.
 */
const CATEGORY_WEIGHTS: Record<Slug, number> = {
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
const UPPER_TIER_ONLY = new Set<Slug>([
  "adult-social-care",
  "childrens-services-send",
  "public-health",
]);
/** Services only lower-tier councils run (districts, unitaries, boroughs). */
const LOWER_TIER_ONLY = new Set<Slug>(["revenues-and-benefits", "housing", "planning"]);

/** Typical median yearly saving per arrangement of two councils, in pounds. */
const MEDIAN_YEARLY_SAVING: Record<Slug, number> = {
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

const BENEFIT_HINTS: Record<Slug, string[]> = {
  "revenues-and-benefits": ["resilience", "customer-experience"],
  legal: ["capacity-and-skills", "resilience"],
  "management-teams": ["faster-decisions", "shared-knowledge"],
  "regulatory-services": ["resilience", "capacity-and-skills"],
  "procurement-and-commissioning": ["capacity-and-skills", "shared-knowledge"],
  ict: ["resilience", "service-quality"],
  "hr-and-payroll": ["service-quality", "resilience"],
  "finance-and-audit": ["capacity-and-skills", "resilience"],
  "customer-services": ["customer-experience", "service-quality"],
  "counter-fraud": ["capacity-and-skills", "shared-knowledge"],
  "assets-and-property": ["integration", "customer-experience"],
  "environment-waste-transport": ["service-quality", "customer-experience"],
  "community-safety-emergency-planning": ["integration", "resilience"],
  "adult-social-care": ["integration", "service-quality"],
  "childrens-services-send": ["service-quality", "integration"],
  "public-health": ["integration", "shared-knowledge"],
  housing: ["customer-experience", "integration"],
  planning: ["capacity-and-skills", "faster-decisions"],
  "culture-leisure-libraries": ["customer-experience", "service-quality"],
  other: ["service-quality", "resilience"],
};

/**
 * Title patterns with what the service does; `{N}` stands for the partners' names and the
 * phrase ends the sentence "<partners> work together to ...".
 */
const VARIANTS: Record<Slug, readonly (readonly [title: string, what: string])[]> = {
  "revenues-and-benefits": [
    [
      "Shared revenues and benefits service: {N}",
      "collect council tax and business rates and assess housing benefit and council tax support claims",
    ],
    [
      "{N} revenues and benefits partnership",
      "run one revenues and benefits team with a single IT system and processing centre",
    ],
    [
      "Joint council tax and benefits team: {N}",
      "bill and collect council tax and administer benefits through one team",
    ],
  ],
  legal: [
    [
      "Shared legal service: {N}",
      "provide legal advice, conveyancing, litigation and contract work to all the partners",
    ],
    [
      "{N} legal services partnership",
      "run one legal team serving each partner's services and members",
    ],
    [
      "Joint legal and democratic services: {N}",
      "share legal advice, committee administration and electoral services",
    ],
  ],
  "management-teams": [
    [
      "Shared chief executive and management team: {N}",
      "share a chief executive and a single senior management team, while each council keeps its own identity and members",
    ],
    ["Joint senior management team: {N}", "share one senior management team across the councils"],
    ["Shared chief executive: {N}", "share a chief executive and a small joint leadership team"],
  ],
  "regulatory-services": [
    [
      "Joint building control partnership: {N}",
      "run one building control service, competing with approved inspectors",
    ],
    [
      "Shared environmental health service: {N}",
      "deliver food safety, pollution control and health and safety work through one team",
    ],
    [
      "Shared licensing team: {N}",
      "handle taxi, alcohol and entertainment licensing through a single team",
    ],
    [
      "{N} building control partnership",
      "provide building regulation approvals and inspections as one service",
    ],
  ],
  "procurement-and-commissioning": [
    [
      "Joint procurement hub: {N}",
      "buy goods, works and services through one procurement team and shared contracts",
    ],
    [
      "Shared procurement service: {N}",
      "let and manage contracts through a single procurement team",
    ],
    [
      "Joint commissioning and procurement team: {N}",
      "commission and procure jointly, combining their spending to get better prices",
    ],
  ],
  ict: [
    ["Shared ICT service: {N}", "run one ICT service, data centre and network"],
    [
      "Joint digital and ICT partnership: {N}",
      "share ICT infrastructure, application support and a digital team",
    ],
    [
      "Shared data centre and network: {N}",
      "host their systems in a shared data centre on one network",
    ],
  ],
  "hr-and-payroll": [
    [
      "Shared HR and payroll service: {N}",
      "run HR advice, recruitment and payroll as a single service",
    ],
    ["Joint payroll service: {N}", "pay their staff through one payroll system and team"],
    [
      "Shared learning and development: {N}",
      "train and develop their staff through a joint programme",
    ],
  ],
  "finance-and-audit": [
    [
      "Shared internal audit service: {N}",
      "share an internal audit team working to one audit plan and method",
    ],
    [
      "Joint finance team: {N}",
      "run accountancy, treasury management and insurance through one finance team",
    ],
    ["{N} audit partnership", "provide internal audit and risk management as one service"],
  ],
  "customer-services": [
    [
      "Shared contact centre: {N}",
      "answer residents' calls and online enquiries through a shared contact centre",
    ],
    [
      "Joint customer access service: {N}",
      "run joint customer service points and one online service",
    ],
  ],
  "counter-fraud": [
    [
      "Shared counter-fraud team: {N}",
      "investigate fraud against council services through one specialist team",
    ],
    [
      "Joint fraud investigation service: {N}",
      "tackle council tax, tenancy and procurement fraud through a shared corporate fraud team",
    ],
  ],
  "assets-and-property": [
    [
      "Shared property and estates service: {N}",
      "manage their property portfolios and estates through one team",
    ],
    [
      "Shared office accommodation: {N}",
      "share office buildings, bringing staff from several organisations under one roof",
    ],
    [
      "Shared facilities management: {N}",
      "run building maintenance, cleaning and security through one facilities team",
    ],
  ],
  "environment-waste-transport": [
    [
      "Joint waste collection contract: {N}",
      "collect household waste and recycling under one contract from shared depots",
    ],
    [
      "{N} waste partnership",
      "plan waste collection and disposal together to raise recycling and cut costs",
    ],
    [
      "Shared highways and parking team: {N}",
      "run highways maintenance and parking as one service",
    ],
    [
      "Joint street cleansing service: {N}",
      "keep streets and public spaces clean through one service",
    ],
    ["Shared parking enforcement: {N}", "enforce on-street and car park parking through one team"],
  ],
  "community-safety-emergency-planning": [
    [
      "Joint emergency planning unit: {N}",
      "plan for and respond to emergencies through a joint emergency planning unit",
    ],
    [
      "Shared community safety team: {N}",
      "tackle anti-social behaviour and crime through a shared community safety team",
    ],
    ["Shared CCTV control room: {N}", "monitor public space CCTV from one control room"],
  ],
  "adult-social-care": [
    [
      "Joint adult social care commissioning: {N}",
      "commission adult social care jointly, including care at home and residential care",
    ],
    [
      "Shared adult safeguarding team: {N}",
      "run adult safeguarding and quality assurance through a shared team",
    ],
    [
      "Integrated reablement service: {N}",
      "help people regain independence after illness or a hospital stay through one reablement service",
    ],
  ],
  "childrens-services-send": [
    [
      "Shared SEND service: {N}",
      "assess and support children with special educational needs and disabilities through one team",
    ],
    ["Shared adoption service: {N}", "recruit and support adopters through one adoption service"],
    [
      "Shared educational psychology service: {N}",
      "provide educational psychology to schools and families through one team",
    ],
    [
      "Joint youth offending service: {N}",
      "work with young people in the justice system through one youth offending team",
    ],
  ],
  "public-health": [
    [
      "Shared public health team: {N}",
      "share a director of public health and one public health team",
    ],
    [
      "Joint public health commissioning: {N}",
      "commission sexual health, drug and alcohol and health visiting services jointly",
    ],
  ],
  housing: [
    [
      "Shared housing options service: {N}",
      "give housing advice and prevent homelessness through one housing options team",
    ],
    [
      "Joint homelessness prevention team: {N}",
      "prevent and relieve homelessness through a shared team",
    ],
    [
      "Private sector housing partnership: {N}",
      "inspect and improve private rented housing through one team",
    ],
  ],
  planning: [
    ["Joint local plan team: {N}", "prepare a joint local plan with shared planning policy staff"],
    [
      "Shared planning policy service: {N}",
      "share planning policy, conservation and monitoring work",
    ],
    [
      "Shared development management: {N}",
      "decide planning applications through one development management team",
    ],
  ],
  "culture-leisure-libraries": [
    ["Shared library service: {N}", "run their libraries as one service with a shared catalogue"],
    ["Joint leisure contract: {N}", "manage leisure centres through one contract"],
    [
      "Shared archives and museums service: {N}",
      "look after archives and museum collections through one service",
    ],
  ],
  other: [
    [
      "Shared registration service: {N}",
      "register births, deaths and marriages through one service",
    ],
    ["Shared land charges service: {N}", "answer local land charges searches through one team"],
    ["Shared bereavement services: {N}", "run cemeteries and crematoria as one service"],
    ["Shared print and design service: {N}", "share a print, design and communications team"],
  ],
};

/** Upper-tier regulatory work is trading standards rather than district building control. */
const UPPER_TIER_REGULATORY_VARIANTS = [
  [
    "Combined trading standards service: {N}",
    "run one trading standards service, including product safety and fair trading",
  ],
  [
    "Joint trading standards and animal health team: {N}",
    "protect consumers and enforce animal health rules through a single team",
  ],
] as const;

const STRUCTURE_SENTENCES = [
  "L hosts the service and employs the staff on behalf of the partners.",
  "Staff transferred to a single team managed by L under a partnership agreement.",
  "A joint committee of the partners oversees the service, with L as lead authority.",
  "The partners signed a section 113 agreement so that officers can work for all of them.",
  "Each partner keeps its own policies and decisions while sharing one team and IT system.",
  "L leads the arrangement under a collaboration agreement reviewed every three years.",
];

const CONTACT_NAMES = [
  "Shared services team",
  "Partnership manager",
  "Head of shared service",
  "Service manager",
  "Partnership support team",
];

const IMPROVE_SERVICES_REASONS = [
  "Set up to improve services rather than to save money; no savings figure is recorded.",
  "The aim is a better, more resilient service for residents, not a saving.",
  "Set up to improve outcomes and resilience; any savings are incidental and not measured.",
  "Created to give residents a more joined-up service; savings were not an objective.",
];

const OTHER_NO_SAVINGS_REASONS = [
  "Savings are not identified separately: efficiencies are absorbed within each partner's budget.",
  "Savings have not yet been quantified.",
  "The arrangement avoids future costs rather than producing cashable savings.",
  "Savings are reported through a wider transformation programme, not by this arrangement.",
];

const PLANNED_NO_SAVINGS_REASONS = [
  "Planned arrangement: savings will be reported once the service is running.",
  "Business case approved; savings will be measured after the first full year.",
];

/* Councils and their geography ----------------------------------------------------------------- */

type Tier = "district" | "county" | "unitary";

function tierOf(org: DemoOrganisation): Tier {
  if (org.councilType === "NMD") return "district";
  if (org.councilType === "CTY") return "county";
  return "unitary";
}

type Shape = "DD" | "DC" | "DU" | "UU" | "CC" | "CU" | "BIG" | "ORG";

/**
 * How often each pattern of partners occurs. District-district (DD) against district with a
 * county or unitary (DC + DU) follows the 2011 map's 92 to 56.
 */
const SHAPE_WEIGHTS: Record<Shape, number> = {
  DD: 35,
  DC: 12,
  DU: 7,
  UU: 24,
  CC: 4,
  CU: 6,
  BIG: 4,
  ORG: 4,
};

const SHAPES_BY_TIER: Record<Tier, Shape[]> = {
  district: ["DD", "DC", "DU", "BIG", "ORG"],
  county: ["DC", "CC", "CU", "BIG", "ORG"],
  unitary: ["UU", "DU", "CU", "BIG", "ORG"],
};

type Draft = {
  shape: Shape;
  councils: string[];
  leadCode: string;
  bodies: string[];
  category: Slug;
  further: Slug[];
  stage: "planned" | "operational" | "ended";
  startDate: string | null;
  endDate: string | null;
  reviewedAt: Date;
  noSavings: "improve" | "other" | "planned" | null;
};

/* The generator ----------------------------------------------------------------------------- */

export type GenerateDemoInput = {
  organisations: readonly DemoOrganisation[];
  categories: readonly DemoCategory[];
  /** Council code → codes of councils whose boundaries touch; read from the TopoJSON if absent. */
  adjacency?: ReadonlyMap<string, ReadonlySet<string>>;
};

export function generateDemoArrangements(input: GenerateDemoInput): DemoArrangement[] {
  const rng = new Random(SEED);
  const orgs = [...input.organisations].sort((a, b) => compareCodeUnits(a.code, b.code));
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const categorySlugs = new Set(input.categories.map((c) => c.slug));
  for (const c of SERVICE_CATEGORIES) {
    if (!categorySlugs.has(c.slug)) throw new Error(`Missing service category ${c.slug}`);
  }
  for (const code of Object.values(REAL_ARRANGEMENT_CODES)) {
    if (!byCode.has(code))
      throw new Error(`Missing organisation ${code} for the real arrangements`);
  }
  const org = (code: string): DemoOrganisation => {
    const found = byCode.get(code);
    if (!found) throw new Error(`Unknown organisation ${code}`);
    return found;
  };

  const councils2017 = orgs.filter(
    (o) => o.kind === "council" && existedOn(o, DEMO_TARGET.councilsAsOf),
  );
  const adjacency = input.adjacency ?? loadCouncilAdjacency(orgs);

  // A few councils take part in no arrangement (the LGA found 98% sharing, not all).
  const realCouncils = new Set<string>([
    REAL_ARRANGEMENT_CODES.westSussex,
    REAL_ARRANGEMENT_CODES.devon,
    REAL_ARRANGEMENT_CODES.somerset,
    REAL_ARRANGEMENT_CODES.brent,
    REAL_ARRANGEMENT_CODES.harrow,
  ]);
  const excludable = councils2017.filter(
    (c) => !realCouncils.has(c.code) && tierOf(c) !== "county",
  );
  const excluded = new Set(
    rng
      .shuffle(excludable)
      .slice(0, councils2017.length - DEMO_TARGET.councilsInvolved)
      .map((c) => c.code),
  );
  const pool = councils2017.filter((c) => !excluded.has(c.code));
  const inPool = new Set(pool.map((c) => c.code));
  const tier = new Map(pool.map((c) => [c.code, tierOf(c)]));
  const touching = (code: string): string[] =>
    [...(adjacency.get(code) ?? [])].filter((c) => inPool.has(c)).sort();
  const districtsOf = new Map<string, string[]>();
  for (const c of pool) {
    if (tier.get(c.code) === "district" && c.parentCode && inPool.has(c.parentCode)) {
      const list = districtsOf.get(c.parentCode) ?? [];
      list.push(c.code);
      districtsOf.set(c.parentCode, list);
    }
  }
  const countyOf = (code: string): string | null => {
    const parent = byCode.get(code)?.parentCode ?? null;
    return parent && inPool.has(parent) ? parent : null;
  };
  const siblings = (code: string): string[] => {
    const county = countyOf(code);
    return county ? (districtsOf.get(county) ?? []).filter((d) => d !== code) : [];
  };

  const usage = new Map<string, number>(pool.map((c) => [c.code, 0]));
  let coverageMode = true;
  const weightOf = (code: string): number => {
    const used = usage.get(code) ?? 0;
    if (coverageMode && used === 0) return 6;
    return 1 / (1 + 0.4 * used);
  };
  const pickWeighted = (codes: readonly string[]): string =>
    rng.weighted(codes.map((c) => [c, weightOf(c)] as const));

  /** Grows a group by adding councils touching (or sharing a county with) its members. */
  const grow = (
    members: string[],
    size: number,
    candidatesOf: (member: string) => string[],
  ): string[] => {
    const group = [...members];
    while (group.length < size) {
      const options = [...new Set(group.flatMap(candidatesOf))].filter((c) => !group.includes(c));
      if (options.length === 0) break;
      group.push(pickWeighted(options.sort()));
    }
    return group;
  };

  const tiers = (codes: string[], t: Tier) => codes.filter((c) => tier.get(c) === t);

  const buildShape = (shape: Shape, anchor: string): string[] | null => {
    const anchorTier = tier.get(anchor)!;
    switch (shape) {
      case "DD": {
        if (anchorTier !== "district") return null;
        const size = rng.weighted([
          [2, 60],
          [3, 28],
          [4, 12],
        ] as const);
        const group = grow([anchor], size, (m) => [
          ...siblings(m),
          ...tiers(touching(m), "district"),
        ]);
        return group.length >= 2 ? group : null;
      }
      case "DC": {
        let county: string | null;
        let first: string;
        if (anchorTier === "county") {
          const districts = districtsOf.get(anchor) ?? [];
          if (districts.length === 0) return null;
          county = anchor;
          first = pickWeighted(districts);
        } else if (anchorTier === "district") {
          county = countyOf(anchor);
          first = anchor;
        } else return null;
        if (!county) return null;
        const extra = rng.weighted([
          [0, 55],
          [1, 25],
          [2, 20],
        ] as const);
        const group = grow([first], 1 + extra, (m) => siblings(m));
        return [county, ...group];
      }
      case "DU": {
        if (anchorTier === "district") {
          const unitaries = tiers(touching(anchor), "unitary");
          if (unitaries.length === 0) return null;
          const group = [anchor, pickWeighted(unitaries)];
          if (rng.chance(0.3)) {
            const more = tiers(touching(group[1]!), "district").filter((d) => d !== anchor);
            if (more.length) group.push(pickWeighted(more));
          }
          return group;
        }
        if (anchorTier === "unitary") {
          const districts = tiers(touching(anchor), "district");
          if (districts.length === 0) return null;
          const first = pickWeighted(districts);
          const group = [anchor, first];
          if (rng.chance(0.3)) {
            const more = siblings(first).filter((d) => touching(anchor).includes(d));
            if (more.length) group.push(pickWeighted(more));
          }
          return group;
        }
        return null;
      }
      case "UU": {
        if (anchorTier !== "unitary") return null;
        const size = rng.weighted([
          [2, 70],
          [3, 30],
        ] as const);
        const group = grow([anchor], size, (m) => tiers(touching(m), "unitary"));
        return group.length >= 2 ? group : null;
      }
      case "CC": {
        if (anchorTier !== "county") return null;
        const size = rng.weighted([
          [2, 85],
          [3, 15],
        ] as const);
        const group = grow([anchor], size, (m) => tiers(touching(m), "county"));
        return group.length >= 2 ? group : null;
      }
      case "CU": {
        if (anchorTier === "county") {
          const unitaries = tiers(touching(anchor), "unitary");
          return unitaries.length ? [anchor, pickWeighted(unitaries)] : null;
        }
        if (anchorTier === "unitary") {
          const counties = tiers(touching(anchor), "county");
          return counties.length ? [pickWeighted(counties), anchor] : null;
        }
        return null;
      }
      case "BIG": {
        const county =
          anchorTier === "county" ? anchor : anchorTier === "district" ? countyOf(anchor) : null;
        if (county) {
          const districts = districtsOf.get(county) ?? [];
          if (districts.length < 3) return null;
          const all = rng.chance(0.4);
          const count = all ? districts.length : Math.min(districts.length, rng.int(3, 6));
          const chosen = rng.shuffle(districts).slice(0, count);
          if (anchorTier === "district" && !chosen.includes(anchor)) chosen[0] = anchor;
          return [county, ...chosen.sort()];
        }
        if (anchorTier === "unitary") {
          const group = grow([anchor], rng.int(4, 6), (m) => tiers(touching(m), "unitary"));
          return group.length >= 4 ? group : null;
        }
        return null;
      }
      case "ORG":
        return [anchor];
    }
  };

  const chooseCategory = (shape: Shape, councils: string[]): Slug => {
    // Services of one tier only are shared among councils that all provide them.
    const allUpper = councils.every((c) => tier.get(c) !== "district");
    const allLower = councils.every((c) => tier.get(c) !== "county");
    const allSameTier = new Set(councils.map((c) => tier.get(c))).size === 1;
    const options = SERVICE_CATEGORIES.map((c): [Slug, number] => {
      const slug = c.slug;
      let w = CATEGORY_WEIGHTS[slug];
      if (UPPER_TIER_ONLY.has(slug) && !allUpper) w = 0;
      if (LOWER_TIER_ONLY.has(slug) && !allLower) w = 0;
      if (slug === "management-teams") {
        // Shared chief executives join two or three councils of the same kind.
        w = allSameTier && councils.length <= 3 && shape !== "CC" ? w * 1.6 : 0;
      }
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
      // Lean towards categories behind their share so far: the mix then tracks the weights
      // closely instead of drifting with the luck of the draw.
      const deficit =
        (CATEGORY_WEIGHTS[slug] / categoryWeightTotal) * (categoryTotal + 1) -
        (categoryCounts.get(slug) ?? 0);
      return [slug, w * Math.min(4, Math.max(0.15, 1 + deficit))];
    });
    return rng.weighted(options);
  };
  const categoryWeightTotal = Object.values(CATEGORY_WEIGHTS).reduce((a, b) => a + b, 0);
  const categoryCounts = new Map<Slug, number>();
  let categoryTotal = 0;

  /** Non-council partners joining a council arrangement, by how often each service draws them. */
  const FIRE_CHANCE: Partial<Record<Slug, number>> = {
    "community-safety-emergency-planning": 0.45,
    "assets-and-property": 0.3,
    ict: 0.1,
    "hr-and-payroll": 0.1,
    "finance-and-audit": 0.05,
    "procurement-and-commissioning": 0.06,
    "customer-services": 0.04,
  };
  const POLICE_CHANCE: Partial<Record<Slug, number>> = {
    "community-safety-emergency-planning": 0.45,
    "assets-and-property": 0.2,
    ict: 0.05,
    "procurement-and-commissioning": 0.04,
    "hr-and-payroll": 0.03,
  };
  const HEALTH_CHANCE: Partial<Record<Slug, number>> = {
    "adult-social-care": 0.7,
    "public-health": 0.6,
    "childrens-services-send": 0.35,
  };

  const bodiesFor = (leadCode: string, category: Slug): string[] => {
    const served = servingBodies(org(leadCode));
    const bodies: string[] = [];
    if (served.fire && rng.chance(FIRE_CHANCE[category] ?? 0)) bodies.push(served.fire);
    if (served.police && rng.chance(POLICE_CHANCE[category] ?? 0)) bodies.push(served.police);
    if (tier.get(leadCode) !== "district" && served.health) {
      if (rng.chance(HEALTH_CHANCE[category] ?? 0)) bodies.push(served.health);
    }
    return bodies;
  };

  /** A single council sharing with one other public body: what they share depends on the body. */
  const ORG_CATEGORIES: Record<"fire" | "police" | "health", [Slug, number][]> = {
    fire: [
      ["community-safety-emergency-planning", 4],
      ["assets-and-property", 4],
      ["ict", 2],
      ["hr-and-payroll", 2],
      ["finance-and-audit", 1],
      ["procurement-and-commissioning", 1],
    ],
    police: [
      ["community-safety-emergency-planning", 4],
      ["assets-and-property", 3],
      ["ict", 1],
      ["hr-and-payroll", 1],
    ],
    // Only upper-tier councils run social care and public health.
    health: [
      ["adult-social-care", 4],
      ["public-health", 2],
      ["childrens-services-send", 1],
    ],
  };
  const chooseOtherBody = (leadCode: string): { body: string; category: Slug } | null => {
    const served = servingBodies(org(leadCode));
    const options: [["fire" | "police" | "health", string], number][] = [];
    if (served.fire) options.push([["fire", served.fire], 4]);
    if (served.police) options.push([["police", served.police], 3]);
    if (served.health && tier.get(leadCode) !== "district") {
      options.push([["health", served.health], 3]);
    }
    if (options.length === 0) return null;
    const [kind, body] = rng.weighted(options);
    return { body, category: rng.weighted(ORG_CATEGORIES[kind]) };
  };

  const chooseLead = (councils: string[]): string => {
    const counties = councils.filter((c) => tier.get(c) === "county");
    if (counties.length && rng.chance(0.55)) return rng.pick(counties);
    return rng.pick(councils);
  };

  /* 1. Partners and categories ---------------------------------------------------------- */

  const illustrativeCount = DEMO_TARGET.arrangements - 3;
  const drafts: Omit<Draft, "stage" | "startDate" | "endDate" | "reviewedAt" | "noSavings">[] = [];
  const seenGroups = new Set<string>();
  // Real arrangements' councils count as used already.
  for (const c of realCouncils) usage.set(c, 1);

  const coverageOrder = rng.shuffle(pool.map((c) => c.code));
  let coverageIndex = 0;
  let guard = 0;
  while (drafts.length < illustrativeCount) {
    if (++guard > 100_000) throw new Error("demo generator failed to converge");
    let anchor: string;
    let shapeOptions: Shape[];
    if (coverageMode) {
      while (
        coverageIndex < coverageOrder.length &&
        usage.get(coverageOrder[coverageIndex]!)! > 0
      ) {
        coverageIndex++;
      }
      if (coverageIndex >= coverageOrder.length) {
        coverageMode = false;
        continue;
      }
      anchor = coverageOrder[coverageIndex]!;
      shapeOptions = SHAPES_BY_TIER[tier.get(anchor)!];
    } else {
      const shape = rng.weighted(Object.entries(SHAPE_WEIGHTS) as [Shape, number][]);
      const eligible = pool
        .map((c) => c.code)
        .filter((c) => SHAPES_BY_TIER[tier.get(c)!].includes(shape));
      anchor = pickWeighted(eligible);
      shapeOptions = [shape, ...SHAPES_BY_TIER[tier.get(anchor)!].filter((s) => s !== shape)];
    }

    let councils: string[] | null = null;
    let shape: Shape = shapeOptions[0]!;
    const remaining = [...shapeOptions];
    while (!councils && remaining.length) {
      shape = coverageMode
        ? rng.weighted(remaining.map((s) => [s, SHAPE_WEIGHTS[s]] as const))
        : remaining[0]!;
      remaining.splice(remaining.indexOf(shape), 1);
      councils = buildShape(shape, anchor);
    }
    if (!councils) continue;

    let category: Slug;
    let leadCode: string;
    let bodies: string[];
    if (shape === "ORG") {
      const other = chooseOtherBody(anchor);
      if (!other) continue;
      ({ category } = other);
      leadCode = anchor;
      bodies = [other.body];
    } else {
      category = chooseCategory(shape, councils);
      leadCode = chooseLead(councils);
      bodies = bodiesFor(leadCode, category);
    }
    if (councils.length + bodies.length < 2) continue;

    // The same partners rarely share the same service twice.
    const key = `${category}|${[...councils, ...bodies].sort().join(",")}`;
    if (seenGroups.has(key)) continue;
    seenGroups.add(key);

    const further: Slug[] = [];
    const furtherCount = rng.weighted([
      [0, 62],
      [1, 30],
      [2, 8],
    ] as const);
    const allUpper = councils.every((c) => tier.get(c) !== "district");
    const allLower = councils.every((c) => tier.get(c) !== "county");
    const related = RELATED_CATEGORIES[category].filter(
      (s) => (allUpper || !UPPER_TIER_ONLY.has(s)) && (allLower || !LOWER_TIER_ONLY.has(s)),
    );
    for (const s of rng.shuffle(related).slice(0, furtherCount)) further.push(s);

    for (const c of councils) usage.set(c, (usage.get(c) ?? 0) + 1);
    categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
    categoryTotal++;
    drafts.push({ shape, councils, leadCode, bodies, category, further });
  }

  /* 2. Stage, dates and whether savings are recorded ------------------------------------ */

  const startYearWeights: [number, number][] = [
    [2008, 3],
    [2009, 4],
    [2010, 6],
    [2011, 9],
    [2012, 11],
    [2013, 12],
    [2014, 12],
    [2015, 11],
    [2016, 9],
    [2017, 6],
  ];
  const randomDate = (from: string, to: string): string =>
    fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
  const startDateIn = (year: number): string => {
    const style = rng.weighted([
      ["april", 35],
      ["month", 35],
      ["any", 30],
    ] as const);
    if (style === "april") return isoDate(year, 4, 1);
    const month = rng.int(1, 12);
    return style === "month"
      ? isoDate(year, month, 1)
      : isoDate(year, month, rng.int(1, daysInMonth(year, month)));
  };
  const timeOn = (iso: string): Date => {
    const minutes = rng.int(9 * 60, 17 * 60 + 30);
    return new Date(
      Date.UTC(
        +iso.slice(0, 4),
        +iso.slice(5, 7) - 1,
        +iso.slice(8, 10),
        0,
        minutes,
        rng.int(0, 59),
      ),
    );
  };
  const maxIso = (a: string, b: string) => (a > b ? a : b);

  const dated: Draft[] = drafts.map((d) => {
    const stage = rng.weighted([
      ["operational", 90],
      ["planned", 5],
      ["ended", 5],
    ] as const);
    let startDate: string | null;
    let endDate: string | null = null;
    let reviewDay: string;
    if (stage === "planned") {
      // Agreed in 2017, due to start after the edition's date.
      startDate = rng.pick(["2018-04-01", "2018-04-01", "2018-06-01", "2018-10-01"]);
      reviewDay = randomDate("2017-03-01", "2017-12-15");
    } else if (stage === "ended") {
      startDate = startDateIn(rng.int(2008, 2013));
      const earliestEnd = maxIso(fromDayNumber(dayNumber(startDate) + 730), "2014-03-31");
      endDate = rng.chance(0.5)
        ? isoDate(rng.int(Math.max(2014, +earliestEnd.slice(0, 4) + 1), 2017), 3, 31)
        : randomDate(earliestEnd, "2017-09-30");
      if (endDate < earliestEnd) endDate = earliestEnd;
      reviewDay = randomDate(endDate, LAST_REVIEW);
    } else {
      startDate = startDateIn(rng.weighted(startYearWeights));
      const from = rng.chance(0.65)
        ? maxIso(startDate, "2017-01-01")
        : maxIso(startDate, "2012-06-01");
      reviewDay = randomDate(from, LAST_REVIEW);
    }
    return {
      ...d,
      stage,
      startDate,
      endDate,
      reviewedAt: timeOn(reviewDay),
      noSavings: stage === "planned" ? "planned" : null,
    };
  });

  // Exactly 150 records carry no savings figure (the West Sussex one among them), and a fifth
  // of all arrangements were set up to improve services rather than to save.
  const plannedCount = dated.filter((d) => d.noSavings === "planned").length;
  const improveTarget = DEMO_TARGET.setUpToImproveServices - 1;
  const otherTarget = DEMO_TARGET.withoutSavings - 1 - plannedCount - improveTarget;
  if (otherTarget < 0) throw new Error("too many planned arrangements for the no-savings target");
  const frontLine = new Set<string>(
    SERVICE_CATEGORIES.filter((c) => c.area === "front_line").map((c) => c.slug),
  );
  const chooseWithoutSavings = (
    count: number,
    weight: (d: Draft) => number,
    kind: Draft["noSavings"],
  ) => {
    for (let i = 0; i < count; i++) {
      const candidates = dated
        .map(
          (d, index) =>
            [index, d.noSavings === null && d.stage === "operational" ? weight(d) : 0] as const,
        )
        .filter(([, w]) => w > 0);
      const index = rng.weighted(candidates);
      dated[index]!.noSavings = kind;
    }
  };
  chooseWithoutSavings(
    improveTarget,
    (d) =>
      UPPER_TIER_ONLY.has(d.category) || d.category === "community-safety-emergency-planning"
        ? 4
        : frontLine.has(d.category)
          ? 2.5
          : 1,
    "improve",
  );
  chooseWithoutSavings(otherTarget, () => 1, "other");

  /* 3. Savings ------------------------------------------------------------------------------ */

  type RawLine = { year: number; pounds: number; kind: "actual" | "forecast" };
  const rounding = new Map<number, "thousand" | "pound" | "penny">();
  const raw: RawLine[][] = dated.map((d, index) => {
    if (d.noSavings !== null || !d.startDate) return [];
    rounding.set(
      index,
      rng.weighted([
        ["thousand", 55],
        ["pound", 35],
        ["penny", 10],
      ] as const),
    );
    const startFy = financialYearOf(d.startDate);
    const reviewDay = d.reviewedAt.toISOString().slice(0, 10);
    const reviewFy = financialYearOf(reviewDay);
    const first = Math.max(FIRST_SAVINGS_YEAR, startFy);
    const last = Math.min(
      d.endDate ? financialYearOf(d.endDate) : LAST_SAVINGS_YEAR,
      reviewFy + 2,
      LAST_SAVINGS_YEAR,
    );
    let from = first;
    if (last - first >= 2 && rng.chance(0.35)) from = rng.int(first + 1, last - 1);
    const councilCount = d.councils.length;
    const hasUpper = d.councils.some((c) => tier.get(c) !== "district");
    const scale =
      MEDIAN_YEARLY_SAVING[d.category] *
      Math.min(2.2, 1 + 0.3 * (councilCount - 2)) *
      (hasUpper ? 1.5 : 1) *
      // Capped so no single line runs beyond a few million pounds.
      Math.exp(Math.min(1.4, 0.7 * rng.normal()));
    const lines: RawLine[] = [];
    for (let year = from; year <= last; year++) {
      const ramp = year === startFy ? 0.4 + 0.3 * rng.float() : 1;
      const growth = 1 + 0.08 * (year - from);
      const pounds = scale * ramp * growth * (0.9 + 0.2 * rng.float());
      const fyEnd = `${year + 1}-03-31`;
      lines.push({ year, pounds, kind: reviewDay > fyEnd ? "actual" : "forecast" });
    }
    return lines;
  });

  const realPence = 150_000_000n; // £1,000,000 (Devon and Somerset) + £500,000 (Brent and Harrow)
  const targetPence = DEMO_TARGET.totalPence - realPence;
  // Scale to the headline, keeping every line between £10,000 and £6m a year (growth above
  // £2.5m is damped so few lines reach the ceiling): find the one factor at which the lines
  // add up to the target (the sum grows with the factor).
  const minPounds = 10_000;
  const kneePounds = 2_500_000;
  const maxPounds = 6_000_000;
  const targetPounds = Number(targetPence) / 100;
  const flat = raw.flat();
  const clamp = (pounds: number) => {
    const damped = pounds <= kneePounds ? pounds : kneePounds + (pounds - kneePounds) * 0.3;
    return Math.min(maxPounds, Math.max(minPounds, damped));
  };
  const totalAt = (factor: number) => flat.reduce((s, l) => s + clamp(l.pounds * factor), 0);
  let low = 0;
  let high = 1;
  while (totalAt(high) < targetPounds) high *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (totalAt(mid) < targetPounds) low = mid;
    else high = mid;
  }
  for (const l of flat) l.pounds = clamp(l.pounds * high);
  const savings: DemoSaving[][] = raw.map((lines, index) =>
    lines.map((l) => {
      const pence = l.pounds * 100;
      const style = rounding.get(index) ?? "pound";
      const unit = style === "thousand" ? 100_000 : style === "pound" ? 100 : 1;
      return {
        financialYear: l.year,
        amountPence: BigInt(Math.round(pence / unit)) * BigInt(unit),
        kind: l.kind,
      };
    }),
  );
  // Rounding leaves a small difference from the headline: settle it on the largest line.
  const sum = savings.flat().reduce((s, l) => s + l.amountPence, 0n);
  const largest = savings.flat().reduce((a, b) => (b.amountPence > a.amountPence ? b : a));
  largest.amountPence += targetPence - sum;

  /* 4. Words ------------------------------------------------------------------------------ */

  const nameList = (codes: string[], leadCode: string): string => {
    // The lead first, then the other councils, then any other public bodies.
    const others = codes
      .filter((c) => c !== leadCode)
      .sort(
        (a, b) =>
          Number(org(a).kind !== "council") - Number(org(b).kind !== "council") ||
          compareCodeUnits(org(a).shortName, org(b).shortName),
      );
    const ordered = [leadCode, ...others];
    const councilCodes = ordered.filter((c) => org(c).kind === "council");
    if (councilCodes.length > 3) {
      const counties = new Set(
        councilCodes.map((c) => (tier.get(c) === "county" ? c : countyOf(c))),
      );
      if (counties.size === 1 && [...counties][0]) {
        // "Dorset County" is the council; the councils of its area are "Dorset councils".
        return `${org([...counties][0]!).shortName.replace(/ County$/, "")} councils`;
      }
      const types = new Set(councilCodes.map((c) => org(c).councilType));
      const count = (n: number) => NUMBER_WORDS[n] ?? String(n);
      if (types.size === 1 && types.has("LBO"))
        return `${count(councilCodes.length)} London boroughs`;
      return `${org(leadCode).shortName} and ${count(councilCodes.length - 1)} neighbouring councils`;
    }
    return joinAnd(ordered.map((c) => org(c).shortName));
  };

  const fullNames = (codes: string[], leadCode: string): string => {
    const ordered = [leadCode, ...codes.filter((c) => c !== leadCode).sort()];
    if (ordered.length > 3) return `The ${NUMBER_WORDS[ordered.length] ?? ordered.length} partners`;
    return joinAnd(ordered.map((c) => org(c).name));
  };

  const usedSlugs = new Set<string>([
    "west-sussex-vulnerable-people-safe-at-home",
    "devon-and-somerset-trading-standards",
    "hub-procurement-services-brent-and-harrow",
  ]);
  const uniqueSlug = (title: string): string => {
    const base = truncateSlug(slugify(title));
    let slug = base;
    for (let n = 2; usedSlugs.has(slug); n++) slug = `${base}-${n}`;
    usedSlugs.add(slug);
    return slug;
  };

  const benefitSlugs = BENEFITS.map((b) => b.slug as string);
  const benefitLabels = new Map(BENEFITS.map((b) => [b.slug as string, b.label]));

  const illustrative: DemoArrangement[] = dated.map((d, index) => {
    const all = [...d.councils, ...d.bodies];
    const names = nameList(all, d.leadCode);
    const upperRegulatory =
      d.category === "regulatory-services" && d.councils.every((c) => tier.get(c) !== "district");
    const [titlePattern, what] = rng.pick(
      upperRegulatory ? UPPER_TIER_REGULATORY_VARIANTS : VARIANTS[d.category],
    );
    const title = titlePattern.replace("{N}", names);
    const lead = org(d.leadCode);

    const benefits = new Set<string>([rng.pick(BENEFIT_HINTS[d.category])]);
    const benefitCount = rng.weighted([
      [1, 30],
      [2, 50],
      [3, 20],
    ] as const);
    while (benefits.size < benefitCount) benefits.add(rng.pick(benefitSlugs));

    const subject = fullNames(all, d.leadCode);
    const sentences = [`${subject} work together to ${what}.`];
    if (d.stage === "planned") {
      sentences.push(
        `The partners agreed the business case in ${d.reviewedAt.getUTCFullYear()} and plan to start in ${monthYear(d.startDate!)}.`,
      );
    } else {
      sentences.push(rng.pick(STRUCTURE_SENTENCES).replace("L", lead.name));
    }
    for (const body of d.bodies) {
      const b = org(body);
      if (b.kind === "health") {
        sentences.push(
          `The NHS partner is shown as ${b.name}, which now covers the area: integrated care boards took over from clinical commissioning groups in July 2022.`,
        );
      } else if (d.shape !== "ORG") {
        sentences.push(`${b.name} also takes part.`);
      }
    }
    if (d.stage === "ended") {
      sentences.push(
        `The arrangement ended in ${monthYear(d.endDate!)} when ${rng.pick(["the partners brought the service back in house", "the contract was re-let separately", "the partners chose different delivery models"])}.`,
      );
    }
    sentences.push(
      `The partners report ${joinAnd([...benefits].map((b) => benefitLabels.get(b)!.toLowerCase()))}.`,
    );

    let noSavingsReason: string | null = null;
    if (d.noSavings === "improve") noSavingsReason = rng.pick(IMPROVE_SERVICES_REASONS);
    else if (d.noSavings === "other") noSavingsReason = rng.pick(OTHER_NO_SAVINGS_REASONS);
    else if (d.noSavings === "planned") noSavingsReason = rng.pick(PLANNED_NO_SAVINGS_REASONS);

    const contactEmail = rng.chance(0.8)
      ? `shared.services@${slugify(lead.shortName)}.gov.uk.example`
      : `${d.category.replace(/-/g, ".")}@example.org`;

    return {
      slug: uniqueSlug(title),
      isIllustrative: true,
      leadCode: d.leadCode,
      partners: [
        { code: d.leadCode, role: "lead" as const },
        ...all
          .filter((c) => c !== d.leadCode)
          .sort()
          .map((code) => ({ code, role: "partner" as const })),
      ],
      revision: {
        title,
        description: sentences.join(" "),
        mainCategorySlug: d.category,
        furtherCategorySlugs: d.further,
        stage: d.stage,
        startDate: d.startDate,
        endDate: d.endDate,
        benefits: [...benefits],
        contactName: rng.pick(CONTACT_NAMES),
        contactEmail,
        noSavingsReason,
        reviewedAt: d.reviewedAt,
      },
      savings: savings[index]!,
    };
  });

  return [...realArrangements(), ...illustrative];
}

/* The three real arrangements ----------------------------------------------------------------- */

const RELEASE = "the Local Government Association's 2017 shared services map release";

/** Facts from db/reference/seed_article_examples.md only. */
export function realArrangements(): DemoArrangement[] {
  const reviewedAt = new Date("2017-06-01T10:00:00Z");
  const c = REAL_ARRANGEMENT_CODES;
  return [
    {
      slug: "west-sussex-vulnerable-people-safe-at-home",
      isIllustrative: false,
      leadCode: c.westSussex,
      partners: [
        { code: c.westSussex, role: "lead" },
        { code: c.westSussexFire, role: "partner" },
      ],
      revision: {
        title:
          "Co-ordinated support for vulnerable people: West Sussex County Council and West Sussex Fire and Rescue Service",
        description:
          "Since January 2017 West Sussex County Council and West Sussex Fire and Rescue Service have run a co-ordination working group across council services so that vulnerable people can stay safe at home. Its members are Libraries, Public Health, Trading Standards, Fire, Children's and Adult services. The partners describe the result as an integrated, pro-active support service. Named in " +
          `${RELEASE}; no savings figure was stated.`,
        mainCategorySlug: "community-safety-emergency-planning",
        furtherCategorySlugs: [
          "adult-social-care",
          "childrens-services-send",
          "public-health",
          "culture-leisure-libraries",
          "regulatory-services",
        ],
        stage: "operational",
        startDate: "2017-01-01",
        endDate: null,
        benefits: ["integration", "service-quality"],
        contactName: "Shared services team",
        contactEmail: "shared.services@west-sussex.gov.uk.example",
        noSavingsReason:
          "Set up to improve services, not to save: an integrated, pro-active support service so that vulnerable people can stay safe at home. No savings figure was stated.",
        reviewedAt,
      },
      savings: [],
    },
    {
      slug: "devon-and-somerset-trading-standards",
      isIllustrative: false,
      leadCode: c.devon,
      partners: [
        { code: c.devon, role: "lead" },
        { code: c.somerset, role: "partner" },
      ],
      revision: {
        title: "Combined trading standards service: Devon and Somerset",
        description:
          `Devon County Council and Somerset County Council run a combined trading standards service. ${RELEASE[0]!.toUpperCase()}${RELEASE.slice(1)} reported savings of more than £1 million, an improved customer experience and greater resilience. ` +
          "This record shows exactly £1,000,000, split evenly between 2015/16 and 2016/17 for display: the release gave a total, not yearly figures.",
        mainCategorySlug: "regulatory-services",
        furtherCategorySlugs: [],
        stage: "operational",
        startDate: null,
        endDate: null,
        benefits: ["customer-experience", "resilience"],
        contactName: "Shared services team",
        contactEmail: "shared.services@devon.gov.uk.example",
        noSavingsReason: null,
        reviewedAt,
      },
      savings: [
        { financialYear: 2015, amountPence: 50_000_000n, kind: "actual" },
        { financialYear: 2016, amountPence: 50_000_000n, kind: "actual" },
      ],
    },
    {
      slug: "hub-procurement-services-brent-and-harrow",
      isIllustrative: false,
      leadCode: c.brent,
      partners: [
        { code: c.brent, role: "lead" },
        { code: c.harrow, role: "partner" },
      ],
      revision: {
        title: "HuB Procurement Services: Brent and Harrow",
        description:
          "In 2016 the London Borough of Brent and the London Borough of Harrow combined their procurement teams to form HuB Procurement Services. " +
          `${RELEASE[0]!.toUpperCase()}${RELEASE.slice(1)} reported savings of more than £0.5 million to date; this record shows exactly £500,000, against 2016/17.`,
        mainCategorySlug: "procurement-and-commissioning",
        furtherCategorySlugs: [],
        stage: "operational",
        startDate: null,
        endDate: null,
        benefits: [],
        contactName: "Shared services team",
        contactEmail: "shared.services@brent.gov.uk.example",
        noSavingsReason: null,
        reviewedAt,
      },
      savings: [{ financialYear: 2016, amountPence: 50_000_000n, kind: "actual" }],
    },
  ];
}
