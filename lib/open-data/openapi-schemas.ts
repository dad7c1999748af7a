import { BENEFITS, SERVICE_CATEGORIES } from "@/lib/categories";
import { MAX_PAGE_SIZE, ORGANISATION_KINDS, SORTS, STAGES } from "@/lib/public/filters";
import { REGIONS } from "@/lib/public/regions";
import { nullable, object, ref, type Schema } from "./openapi-shared";

/*
 * The schemas of the open-data API's answers (components.schemas of /api/v1/openapi.json),
 * JSON Schema 2020-12. The tests validate every response against them. Pure module.
 */

const PENCE = {
  type: "string",
  pattern: "^[0-9]+$",
  description:
    "Integer pence as a decimal string, exact at any size (a JSON number above 2^53 is rounded by many parsers).",
  examples: ["50000000"],
};
const POUNDS = {
  type: "string",
  pattern: "^£[0-9]{1,3}(,[0-9]{3})*(\\.[0-9]{2})?$",
  description: "The same amount in pounds, for display.",
  examples: ["£500,000"],
};
const ISO_DATE = { type: "string", format: "date" };
const TIMESTAMP = { type: "string", format: "date-time" };
const LINK = { type: "string", format: "uri-reference" };

const organisationRefProperties = {
  code: {
    type: "string",
    description:
      "Stable code: the GSS code for councils and health bodies, a register id otherwise.",
    examples: ["E09000005"],
  },
  gss_code: nullable({ type: "string", pattern: "^[EWSNK][0-9]{8}$", examples: ["E09000005"] }),
  name: { type: "string", examples: ["London Borough of Brent"] },
  kind: ref("OrganisationKind"),
};

const arrangementSummaryProperties = {
  slug: {
    type: "string",
    pattern: "^[a-z0-9]+(-[a-z0-9]+)*$",
    examples: ["hub-procurement-services-brent-and-harrow"],
  },
  title: { type: "string", examples: ["HuB Procurement Services: Brent and Harrow"] },
  url: {
    ...LINK,
    description: "The arrangement's page on this site.",
    examples: ["/arrangements/hub-procurement-services-brent-and-harrow"],
  },
  api_url: {
    ...LINK,
    description: "This arrangement in the API.",
    examples: ["/api/v1/arrangements/hub-procurement-services-brent-and-harrow"],
  },
  is_illustrative: {
    type: "boolean",
    description: "True for illustrative demo records, which are not real data.",
  },
  lead: object({ ...organisationRefProperties, region: nullable(ref("Region")) }),
  main_category: ref("Category"),
  stage: { type: "string", enum: [...STAGES] },
  start_date: nullable(ISO_DATE),
  end_date: nullable(ISO_DATE),
  total_savings_pence: PENCE,
  total_savings: POUNDS,
  published_at: { ...TIMESTAMP, description: "When the published version was approved." },
};

const UNCONFIRMED =
  "The part of the savings forecast for financial years that have ended and not yet confirmed by the council, in pence: the savings without them are the total less this.";

const pageMetaProperties = {
  total: { type: "integer", minimum: 0, description: "Results on every page together." },
  page: { type: "integer", minimum: 1 },
  limit: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE },
  pages: { type: "integer", minimum: 1 },
};

/** The API's own schemas, by name (fragments add theirs: lib/open-data/openapi.ts). */
export const apiSchemas: Record<string, Schema> = {
  Error: {
    type: "object",
    properties: {
      status: { type: "integer", minimum: 400, maximum: 599 },
      message: { type: "string" },
      errors: {
        type: "object",
        description: "A message per query parameter at fault.",
        additionalProperties: { type: "string" },
      },
    },
    required: ["status", "message"],
    additionalProperties: false,
  },
  OrganisationKind: { type: "string", enum: [...ORGANISATION_KINDS] },
  Region: object({
    slug: { type: "string", enum: REGIONS.map((r) => r.slug), examples: ["london"] },
    name: { type: "string", examples: ["London"] },
  }),
  Category: object({
    slug: {
      type: "string",
      enum: SERVICE_CATEGORIES.map((c) => c.slug),
      examples: ["procurement-and-commissioning"],
    },
    name: { type: "string", examples: ["Procurement and commissioning"] },
  }),
  PageLinks: object(
    {
      self: LINK,
      first: LINK,
      last: LINK,
      prev: nullable(LINK),
      next: nullable(LINK),
    },
    "Pages of the same query.",
  ),
  ArrangementSummary: object({
    ...arrangementSummaryProperties,
    organisation_count: {
      type: "integer",
      minimum: 1,
      description: "Organisations taking part, the lead included.",
    },
  }),
  ArrangementList: object({
    data: { type: "array", items: ref("ArrangementSummary"), maxItems: MAX_PAGE_SIZE },
    meta: object({
      ...pageMetaProperties,
      sort: { type: "string", enum: [...SORTS] },
      illustrative_count: {
        type: "integer",
        minimum: 0,
        description: "How many of the results are illustrative demo records.",
      },
      total_savings_pence: { ...PENCE, description: "Savings of all the results, in pence." },
      total_savings: POUNDS,
      unconfirmed_forecast_savings_pence: { ...PENCE, description: UNCONFIRMED },
      unconfirmed_forecast_savings: POUNDS,
    }),
    links: ref("PageLinks"),
  }),
  ArrangementDetail: object({
    ...arrangementSummaryProperties,
    description: { type: "string" },
    organisations: {
      type: "array",
      description: "Every organisation taking part, the lead first.",
      minItems: 1,
      items: object({
        ...organisationRefProperties,
        role: { type: "string", enum: ["lead", "partner"] },
        not_confirmed: {
          type: "boolean",
          description:
            'True when this partner disputes taking part (it was named, and says it does not share this service); its page marks it "not confirmed". Never true for the lead.',
        },
      }),
    },
    further_categories: { type: "array", items: ref("Category") },
    benefits: {
      type: "array",
      description: "Benefits besides savings.",
      items: object({
        slug: { type: "string", enum: BENEFITS.map((b) => b.slug) },
        label: { type: "string" },
      }),
    },
    contact: nullable(
      object({ name: nullable({ type: "string" }), email: nullable({ type: "string" }) }),
    ),
    no_savings_reason: nullable({
      type: "string",
      description: "Why there is no savings figure, when there is none.",
    }),
    savings: {
      type: "array",
      description: "Savings by financial year, oldest first.",
      items: object({
        financial_year: {
          type: "integer",
          description: "The calendar year the financial year starts in: 2016 is 2016/17.",
          examples: [2016],
        },
        financial_year_label: {
          type: "string",
          pattern: "^[0-9]{4}/[0-9]{2}$",
          examples: ["2016/17"],
        },
        kind: { type: "string", enum: ["actual", "forecast"] },
        amount_pence: PENCE,
        amount: POUNDS,
      }),
    },
    actual_savings_pence: PENCE,
    actual_savings: POUNDS,
    forecast_savings_pence: PENCE,
    forecast_savings: POUNDS,
    unconfirmed_forecast_savings_pence: { ...PENCE, description: UNCONFIRMED },
    unconfirmed_forecast_savings: POUNDS,
    first_published_at: TIMESTAMP,
  }),
  ArrangementResponse: object({ data: ref("ArrangementDetail") }),
  Organisation: object({
    ...organisationRefProperties,
    former_gss_codes: { type: "array", items: { type: "string" } },
    short_name: { type: "string" },
    type: nullable({
      type: "string",
      description: "ONS council type (CTY, NMD, UA, MD, LBO, CC) or the body's own type.",
    }),
    region: nullable(ref("Region")),
    parent_code: nullable({
      type: "string",
      description: "The county council a district council lies in.",
    }),
    start_date: nullable(ISO_DATE),
    end_date: nullable({ ...ISO_DATE, description: "Its last day, if it has been replaced." }),
    replaced_by: nullable({
      ...object({ code: { type: "string" }, name: { type: "string" } }),
      description:
        "The council that took the largest part of it, if it has been replaced (all of them are in successors).",
    }),
    successors: {
      type: "array",
      description:
        "Every organisation that replaced it: a merger's one, a split's several, each with its first day in charge and the part of this organisation it took, in basis points (10000 = all).",
      items: object({
        code: { type: "string" },
        name: { type: "string" },
        effective_date: ISO_DATE,
        share_bp: { type: "integer", minimum: 1, maximum: 10000 },
      }),
    },
    published_arrangements: {
      type: "integer",
      minimum: 0,
      description: "Published arrangements it leads or is a partner in.",
    },
  }),
  OrganisationList: object({
    data: { type: "array", items: ref("Organisation"), maxItems: MAX_PAGE_SIZE },
    meta: object(pageMetaProperties),
    links: ref("PageLinks"),
  }),
};
