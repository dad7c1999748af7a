import { SERVICE_CATEGORIES } from "@/lib/categories";
import { count, errorResponses, pence, ref } from "./openapi-shared";
import { PARTNER_TYPES } from "@/lib/public/filters";
import { REGIONS } from "@/lib/public/regions";

/*
 * OpenAPI 3.1 for GET /api/v1/stats (lib/open-data/stats-response.ts), to be merged into the
 * API's full document (lib/open-data/openapi.ts): `statsPaths` under `paths`, `statsSchemas`
 * under `components.schemas`. Schema names are prefixed "Stats" so they cannot collide.
 * Money is integer pence as a decimal string, as in every /api/v1 answer; financial years are
 * "2016/17" labels with the year they start. Errors use the document's shared "Error" schema.
 * Pure module.
 */

const groupProperties = {
  name: { type: "string", description: "Name shown on the dashboard." },
  arrangements: count("Published arrangements in the group."),
  total_pence: pence("Their savings, actual and forecast, all years, in pence."),
};

export const statsSchemas = {
  StatsFilters: {
    type: "object",
    required: ["region", "category"],
    additionalProperties: false,
    properties: {
      region: { type: ["string", "null"], description: "Region slug applied, or null." },
      category: { type: ["string", "null"], description: "Category slug applied, or null." },
    },
  },
  StatsHeadline: {
    type: "object",
    additionalProperties: false,
    required: [
      "arrangements",
      "internal_arrangements",
      "councils_involved",
      "councils_existing",
      "councils_reference_date",
      "total_pence",
      "actual_pence",
      "forecast_pence",
      "unconfirmed_forecast_pence",
      "unconfirmed_forecast_arrangements",
      "illustrative_arrangements",
    ],
    properties: {
      arrangements: count(
        "Shared arrangements matching the filters on councils_reference_date: those published as the register stood that day, less those whose partners had all become one council by then.",
      ),
      internal_arrangements: count(
        "Published arrangements matching the filters whose partners had all become one council by councils_reference_date: now run within one council, not counted as shared (their savings count for the years before).",
      ),
      councils_involved: count(
        "Councils (of the region, with a region filter) existing on councils_reference_date that take part, themselves or for a council they succeeded, in a running, shared arrangement matching the filters.",
      ),
      councils_existing: count(
        "Councils in England (or the region) that existed on councils_reference_date.",
      ),
      councils_reference_date: {
        type: "string",
        format: "date",
        description: "The day the figures are read on: today (Europe/London).",
      },
      total_pence: pence(
        "Savings, actual and forecast, in pence: every year of the shared arrangements, and the years before it of one now run within one council.",
      ),
      actual_pence: pence("Savings achieved, in pence."),
      forecast_pence: pence("Savings expected, in pence."),
      unconfirmed_forecast_pence: pence(
        "The part of forecast_pence for financial years that have ended, not yet confirmed by the councils (total_pence less this is the total without them).",
      ),
      unconfirmed_forecast_arrangements: count(
        "How many of the arrangements have such unconfirmed forecasts.",
      ),
      illustrative_arrangements: count(
        "How many of the arrangements are illustrative demo records, not real data.",
      ),
    },
  },
  StatsYear: {
    type: "object",
    additionalProperties: false,
    required: [
      "financial_year",
      "financial_year_start",
      "actual_pence",
      "forecast_pence",
      "total_pence",
      "cumulative_pence",
    ],
    properties: {
      financial_year: { type: "string", pattern: "^\\d{4}/\\d{2}$", examples: ["2016/17"] },
      financial_year_start: { type: "integer", examples: [2016] },
      actual_pence: pence("Actual savings in the year."),
      forecast_pence: pence("Forecast savings in the year."),
      total_pence: pence("Both together."),
      cumulative_pence: pence("Running total up to and including the year."),
    },
  },
  StatsCategory: {
    type: "object",
    additionalProperties: false,
    required: ["category", "name", "arrangements", "total_pence"],
    properties: {
      category: { type: "string", enum: SERVICE_CATEGORIES.map((c) => c.slug) },
      ...groupProperties,
    },
  },
  StatsRegion: {
    type: "object",
    additionalProperties: false,
    required: ["region", "name", "arrangements", "total_pence"],
    properties: {
      region: {
        type: ["string", "null"],
        enum: [...REGIONS.map((r) => r.slug), null],
        description: "Region slug of the lead organisations; null when not recorded.",
      },
      ...groupProperties,
    },
  },
  StatsPartnerType: {
    type: "object",
    additionalProperties: false,
    required: ["partner_type", "name", "arrangements", "total_pence"],
    properties: {
      partner_type: {
        type: "string",
        enum: [...PARTNER_TYPES],
        description:
          "councils-only: no partner other than councils. The others overlap: an arrangement with fire and police partners is counted in both.",
      },
      ...groupProperties,
    },
  },
  StatsTopArrangement: {
    type: "object",
    additionalProperties: false,
    required: [
      "rank",
      "slug",
      "title",
      "lead_organisation_code",
      "lead_organisation_name",
      "region",
      "main_category",
      "main_category_name",
      "total_pence",
    ],
    properties: {
      rank: { type: "integer", minimum: 1, maximum: 10 },
      slug: { type: "string", description: "Its page is /arrangements/{slug}." },
      title: { type: "string" },
      lead_organisation_code: { type: "string" },
      lead_organisation_name: { type: "string" },
      region: {
        type: ["string", "null"],
        enum: [...REGIONS.map((r) => r.slug), null],
        description: "Region slug of the lead organisation; null when not recorded.",
      },
      main_category: { type: "string" },
      main_category_name: { type: "string" },
      total_pence: pence("Savings, actual and forecast, all years, in pence."),
    },
  },
  Stats: {
    type: "object",
    additionalProperties: false,
    required: [
      "filters",
      "headline",
      "savings_by_year",
      "by_category",
      "by_region",
      "by_partner_type",
      "top_arrangements",
      "licence",
      "licence_url",
    ],
    properties: {
      filters: ref("StatsFilters"),
      headline: ref("StatsHeadline"),
      savings_by_year: {
        type: "array",
        items: ref("StatsYear"),
        description: "Oldest first; years without savings between the first and last are zero.",
      },
      by_category: {
        type: "array",
        items: ref("StatsCategory"),
        description: "Per main category (each arrangement once), largest savings first.",
      },
      by_region: {
        type: "array",
        items: ref("StatsRegion"),
        description: "Per region of the lead organisation, largest savings first.",
      },
      by_partner_type: {
        type: "array",
        items: ref("StatsPartnerType"),
        minItems: PARTNER_TYPES.length,
        maxItems: PARTNER_TYPES.length,
        description: "All five groups in a fixed order; the groups overlap.",
      },
      top_arrangements: {
        type: "array",
        items: ref("StatsTopArrangement"),
        maxItems: 10,
        description: "The largest by total savings (only arrangements with savings).",
      },
      licence: { type: "string", const: "Open Government Licence v3.0" },
      licence_url: { type: "string", format: "uri" },
    },
  },
} as const;

const filterParameter = (name: "region" | "category", values: readonly string[]) => ({
  name,
  in: "query",
  required: false,
  description:
    name === "region"
      ? "Only arrangements whose lead organisation is in this region."
      : "Only arrangements with this main or further service category.",
  schema: { type: "string", enum: [...values] },
});

export const statsPaths = {
  "/api/v1/stats": {
    get: {
      operationId: "getStats",
      summary: "The dashboard's figures",
      description:
        "Headline figures, savings by financial year, by service category, by region, by partner type and the ten largest arrangements, for the published register, optionally narrowed by region and category. Money is integer pence as a decimal string. Unknown parameters are refused. Responses carry an ETag; send If-None-Match to get 304 when nothing changed.",
      tags: ["Statistics"],
      parameters: [
        filterParameter(
          "region",
          REGIONS.map((r) => r.slug),
        ),
        filterParameter(
          "category",
          SERVICE_CATEGORIES.map((c) => c.slug),
        ),
      ],
      responses: {
        "200": {
          description: "The figures.",
          headers: {
            ETag: { schema: { type: "string" } },
            "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
          },
          content: { "application/json": { schema: ref("Stats") } },
        },
        "304": { description: "Not modified since the ETag sent in If-None-Match." },
        ...errorResponses(400, 500),
      },
    },
    options: {
      operationId: "preflightStats",
      summary: "CORS preflight",
      tags: ["Statistics"],
      responses: { "204": { description: "Allowed from any origin: GET, HEAD, OPTIONS." } },
    },
  },
} as const;

/** The fragment lib/open-data/openapi.ts merges into the API's document. */
export const statsFragment = {
  paths: statsPaths as unknown as Record<string, Record<string, unknown>>,
  schemas: statsSchemas as unknown as Record<string, Record<string, unknown>>,
};
