/**
 * The maintained list of service categories and non-financial benefits.
 *
 * Slugs are stable identifiers: they appear in URLs, CSV/JSON downloads and imports, so a
 * category may be renamed but its slug never changes. The order follows the LGA's own
 * listing (front line services first, then back office, then "other").
 */

export type CategoryArea = "back_office" | "front_line";

export type ServiceCategoryDefinition = {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly area: CategoryArea;
  readonly sortOrder: number;
};

export const SERVICE_CATEGORIES = [
  {
    slug: "adult-social-care",
    name: "Adult social care",
    description: "Care and support for adults, including joint commissioning with the NHS.",
    area: "front_line",
    sortOrder: 1,
  },
  {
    slug: "childrens-services-send",
    name: "Children's services and SEND",
    description:
      "Children's social care, education support and special educational needs and disabilities.",
    area: "front_line",
    sortOrder: 2,
  },
  {
    slug: "public-health",
    name: "Public health",
    description: "Health improvement, health protection and public health commissioning.",
    area: "front_line",
    sortOrder: 3,
  },
  {
    slug: "environment-waste-transport",
    name: "Environment, waste and transport",
    description:
      "Waste collection and disposal, street cleansing, highways, parking and transport.",
    area: "front_line",
    sortOrder: 4,
  },
  {
    slug: "regulatory-services",
    name: "Regulatory services",
    description: "Trading standards, environmental health, building control and licensing.",
    area: "front_line",
    sortOrder: 5,
  },
  {
    slug: "revenues-and-benefits",
    name: "Revenues and benefits",
    description: "Council tax, business rates and housing benefit administration.",
    area: "back_office",
    sortOrder: 6,
  },
  {
    slug: "procurement-and-commissioning",
    name: "Procurement and commissioning",
    description: "Buying goods, works and services, and commissioning them jointly.",
    area: "back_office",
    sortOrder: 7,
  },
  {
    slug: "ict",
    name: "ICT",
    description: "Information and communications technology, digital services and data centres.",
    area: "back_office",
    sortOrder: 8,
  },
  {
    slug: "hr-and-payroll",
    name: "HR and payroll",
    description: "Human resources, payroll, pensions administration and learning.",
    area: "back_office",
    sortOrder: 9,
  },
  {
    slug: "finance-and-audit",
    name: "Finance and audit",
    description: "Accountancy, internal audit, treasury management and insurance.",
    area: "back_office",
    sortOrder: 10,
  },
  {
    slug: "legal",
    name: "Legal",
    description: "Legal services, democratic services and elections support.",
    area: "back_office",
    sortOrder: 11,
  },
  {
    slug: "customer-services",
    name: "Customer services",
    description: "Contact centres, one-stop shops and online customer access.",
    area: "back_office",
    sortOrder: 12,
  },
  {
    slug: "management-teams",
    name: "Management teams / shared chief executive",
    description: "A shared chief executive, senior management team or joint workforce.",
    area: "back_office",
    sortOrder: 13,
  },
  {
    slug: "housing",
    name: "Housing",
    description: "Housing options, homelessness, housing management and private sector housing.",
    area: "front_line",
    sortOrder: 14,
  },
  {
    slug: "planning",
    name: "Planning",
    description: "Planning policy, development management and local plans.",
    area: "front_line",
    sortOrder: 15,
  },
  {
    slug: "culture-leisure-libraries",
    name: "Culture, leisure and libraries",
    description: "Libraries, museums, archives, arts, sport and leisure centres.",
    area: "front_line",
    sortOrder: 16,
  },
  {
    slug: "community-safety-emergency-planning",
    name: "Community safety and emergency planning",
    description: "Community safety partnerships, CCTV, resilience and emergency planning.",
    area: "front_line",
    sortOrder: 17,
  },
  {
    slug: "counter-fraud",
    name: "Counter-fraud",
    description: "Fraud prevention and investigation across council services.",
    area: "back_office",
    sortOrder: 18,
  },
  {
    slug: "assets-and-property",
    name: "Assets and property",
    description: "Estates, facilities management, shared buildings and asset management.",
    area: "back_office",
    sortOrder: 19,
  },
  {
    slug: "other",
    name: "Other",
    description: "Arrangements that fit none of the categories above.",
    // Counted with front line services: "other" arrangements are mostly service delivery.
    area: "front_line",
    sortOrder: 20,
  },
] as const satisfies readonly ServiceCategoryDefinition[];

export type ServiceCategorySlug = (typeof SERVICE_CATEGORIES)[number]["slug"];

export const BENEFITS = [
  { slug: "resilience", label: "Greater resilience" },
  { slug: "customer-experience", label: "Improved customer experience" },
  { slug: "service-quality", label: "Better service quality" },
  { slug: "capacity-and-skills", label: "More capacity and specialist skills" },
  { slug: "faster-decisions", label: "Faster, simpler decisions" },
  { slug: "integration", label: "Closer integration with partners" },
  { slug: "shared-knowledge", label: "Shared knowledge and best practice" },
] as const satisfies readonly { slug: string; label: string }[];

export type BenefitSlug = (typeof BENEFITS)[number]["slug"];

const categorySlugs: ReadonlySet<string> = new Set(SERVICE_CATEGORIES.map((c) => c.slug));
const benefitSlugs: ReadonlySet<string> = new Set(BENEFITS.map((b) => b.slug));

export function isServiceCategorySlug(value: string): value is ServiceCategorySlug {
  return categorySlugs.has(value);
}

export function isBenefitSlug(value: string): value is BenefitSlug {
  return benefitSlugs.has(value);
}

export function serviceCategoryBySlug(slug: string): ServiceCategoryDefinition | undefined {
  return SERVICE_CATEGORIES.find((c) => c.slug === slug);
}

export function benefitLabel(slug: string): string | undefined {
  return BENEFITS.find((b) => b.slug === slug)?.label;
}
