/**
 * The three real arrangements named in the LGA's 2017 shared services release
 * (db/reference/seed_article_examples.md): facts from that file only, approved when the release
 * came out and unchanged since.
 */
import type { DemoArrangement, DemoRevision } from "./types";

export const REAL_ARRANGEMENT_CODES = {
  westSussex: "E10000032",
  westSussexFire: "fire:044",
  devon: "E10000008",
  somerset: "E10000027",
  brent: "E09000005",
  harrow: "E09000015",
} as const;

export const REAL_SLUGS = [
  "west-sussex-vulnerable-people-safe-at-home",
  "devon-and-somerset-trading-standards",
  "hub-procurement-services-brent-and-harrow",
] as const;

const RELEASE = "the Local Government Association's 2017 shared services map release";
const Release = RELEASE[0]!.toUpperCase() + RELEASE.slice(1);

type Facts = Pick<
  DemoRevision,
  | "title"
  | "description"
  | "mainCategorySlug"
  | "furtherCategorySlugs"
  | "startDate"
  | "benefits"
  | "contactEmail"
  | "noSavingsReason"
  | "savings"
>;

/** One approved revision, published with the release (June 2017) and unchanged since. */
function real(slug: string, lead: string, partner: string, facts: Facts): DemoArrangement {
  return {
    slug,
    isIllustrative: false,
    leadCode: lead,
    partners: [
      { code: lead, role: "lead" },
      { code: partner, role: "partner" },
    ],
    revisions: [
      {
        version: 1,
        submittedAt: new Date("2017-05-26T10:00:00Z"),
        reviewedAt: new Date("2017-06-01T10:00:00Z"),
        stage: "operational",
        endDate: null,
        contactName: "Shared services team",
        ...facts,
      },
    ],
  };
}

/** Facts from db/reference/seed_article_examples.md only. */
export function realArrangements(): DemoArrangement[] {
  const c = REAL_ARRANGEMENT_CODES;
  return [
    real(REAL_SLUGS[0], c.westSussex, c.westSussexFire, {
      title:
        "Co-ordinated support for vulnerable people: West Sussex County Council and West Sussex Fire and Rescue Service",
      description:
        "Since January 2017 West Sussex County Council and West Sussex Fire and Rescue Service have run a co-ordination working group across council services so that vulnerable people can stay safe at home. Its members are Libraries, Public Health, Trading Standards, Fire, Children's and Adult services. The partners describe the result as an integrated, pro-active support service. " +
        `Named in ${RELEASE}; no savings figure was stated.`,
      mainCategorySlug: "community-safety-emergency-planning",
      furtherCategorySlugs: [
        "adult-social-care",
        "childrens-services-send",
        "public-health",
        "culture-leisure-libraries",
        "regulatory-services",
      ],
      startDate: "2017-01-01",
      benefits: ["integration", "service-quality"],
      contactEmail: "shared.services@west-sussex.gov.uk.example",
      noSavingsReason:
        "Set up to improve services, not to save: an integrated, pro-active support service so that vulnerable people can stay safe at home. No savings figure was stated.",
      savings: [],
    }),
    real(REAL_SLUGS[1], c.devon, c.somerset, {
      title: "Combined trading standards service: Devon and Somerset",
      description:
        `Devon County Council and Somerset County Council run a combined trading standards service. ${Release} reported savings of more than £1 million, an improved customer experience and greater resilience. ` +
        "This record shows exactly £1,000,000, split evenly between 2015/16 and 2016/17 for display: the release gave a total, not yearly figures.",
      mainCategorySlug: "regulatory-services",
      furtherCategorySlugs: [],
      startDate: null,
      benefits: ["customer-experience", "resilience"],
      contactEmail: "shared.services@devon.gov.uk.example",
      noSavingsReason: null,
      savings: [
        { financialYear: 2015, amountPence: 50_000_000n, kind: "actual" },
        { financialYear: 2016, amountPence: 50_000_000n, kind: "actual" },
      ],
    }),
    real(REAL_SLUGS[2], c.brent, c.harrow, {
      title: "HuB Procurement Services: Brent and Harrow",
      description:
        "In 2016 the London Borough of Brent and the London Borough of Harrow combined their procurement teams to form HuB Procurement Services. " +
        `${Release} reported savings of more than £0.5 million to date; this record shows exactly £500,000, against 2016/17.`,
      mainCategorySlug: "procurement-and-commissioning",
      furtherCategorySlugs: [],
      startDate: null,
      benefits: [],
      contactEmail: "shared.services@brent.gov.uk.example",
      noSavingsReason: null,
      savings: [{ financialYear: 2016, amountPence: 50_000_000n, kind: "actual" }],
    }),
  ];
}
