/**
 * The three real arrangements named in the LGA's 2017 shared services release
 * (db/reference/seed_article_examples.md): facts from that file only, approved when the release
 * came out and unchanged since.
 */
import type { DemoArrangement } from "./types";

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

/** Facts from db/reference/seed_article_examples.md only. */
export function realArrangements(): DemoArrangement[] {
  const reviewedAt = new Date("2017-06-01T10:00:00Z");
  const submittedAt = new Date("2017-05-26T10:00:00Z");
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
      revisions: [
        {
          version: 1,
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
          submittedAt,
          reviewedAt,
          savings: [],
        },
      ],
    },
    {
      slug: "devon-and-somerset-trading-standards",
      isIllustrative: false,
      leadCode: c.devon,
      partners: [
        { code: c.devon, role: "lead" },
        { code: c.somerset, role: "partner" },
      ],
      revisions: [
        {
          version: 1,
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
          submittedAt,
          reviewedAt,
          savings: [
            { financialYear: 2015, amountPence: 50_000_000n, kind: "actual" },
            { financialYear: 2016, amountPence: 50_000_000n, kind: "actual" },
          ],
        },
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
      revisions: [
        {
          version: 1,
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
          submittedAt,
          reviewedAt,
          savings: [{ financialYear: 2016, amountPence: 50_000_000n, kind: "actual" }],
        },
      ],
    },
  ];
}
