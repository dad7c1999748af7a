import { SERVICE_CATEGORIES } from "@/lib/categories";
import { COUNCIL_TYPE_LABELS } from "@/lib/councils/labels";
import { MAX_COMPARED, MIN_COMPARED } from "@/lib/councils/compare-query";
import { count, errorResponses, nullable, object, pence, ref, type Schema } from "./openapi-shared";

/*
 * OpenAPI 3.1 for GET /api/v1/compare (lib/open-data/compare-response.ts), merged into the API's
 * document by lib/open-data/openapi.ts. Schema names are prefixed "Compare". Pure module.
 */

const CODE = { type: "string", pattern: "^[A-Z][0-9]{8}$", examples: ["E10000008"] };

const compareSchemas: Record<string, Schema> = {
  CompareCouncil: object({
    code: { ...CODE, description: "Its GSS code." },
    name: { type: "string", examples: ["Devon County Council"] },
    short_name: { type: "string", examples: ["Devon"] },
    type: nullable({
      type: "string",
      enum: Object.keys(COUNCIL_TYPE_LABELS),
      description:
        "ONS council type: CTY county, NMD district, UA unitary, MD metropolitan borough, LBO London borough, CC City of London.",
    }),
    region: nullable(ref("Region")),
    population: nullable({
      type: "integer",
      minimum: 0,
      description:
        "The mid-2020 estimate (ONS), or the population recorded for a council formed since.",
    }),
    url: { type: "string", format: "uri-reference", description: "Its council page." },
    arrangements: count(
      "Shared arrangements it takes part in today, itself or for councils it replaced (those now run within it alone not counted).",
    ),
    share_pence: pence(
      "Its share of those arrangements' savings: each arrangement's savings split equally among the organisations taking part today (remainder pennies to the lead, then by code). Shares do not overlap between councils.",
    ),
    share_per_resident_pence: nullable(
      pence(
        "Its share over its population, rounded to the nearest penny; null without a population.",
      ),
    ),
    whole_partnership_savings_pence: pence(
      "The savings of those arrangements, each in full (actual and forecast, all years): these overlap between councils, so must not be added up across them.",
    ),
    share_by_year: {
      type: "array",
      description:
        "Its share by financial year, oldest first, for the years its arrangements have savings in: each year's savings split equally on their own, so the years can add up to a few pence more or less than share_pence.",
      items: object({
        financial_year: { type: "string", pattern: "^\\d{4}/\\d{2}$", examples: ["2016/17"] },
        financial_year_start: { type: "integer", examples: [2016] },
        share_pence: pence("Its share of the year's savings."),
      }),
    },
    services: {
      type: "array",
      description:
        "The main services of its shared arrangements, in the register's order of services.",
      items: object({
        category: { type: "string", enum: SERVICE_CATEGORIES.map((c) => c.slug) },
        name: { type: "string" },
        arrangements: {
          type: "integer",
          minimum: 1,
          description: "Its shared arrangements with this main service.",
        },
      }),
    },
  }),
  Compare: object({
    day: {
      type: "string",
      format: "date",
      description: "The day the figures are read on: today (Europe/London).",
    },
    councils: {
      type: "array",
      items: ref("CompareCouncil"),
      minItems: MIN_COMPARED,
      maxItems: MAX_COMPARED,
      description: "The councils in the order asked, each once.",
    },
    replaced: {
      type: "array",
      description:
        "Former councils asked for, each compared as the councils it is part of today (Allerdale → Cumberland).",
      items: object({
        code: { type: "string" },
        name: { type: "string" },
        successors: {
          type: "array",
          minItems: 1,
          items: object({
            code: { type: "string" },
            name: { type: "string" },
            since: {
              type: "string",
              format: "date",
              description: "Its part of the successor since.",
            },
          }),
        },
      }),
    },
    arrangements: count("Distinct shared arrangements behind the figures."),
    illustrative_arrangements: count(
      "How many of them are illustrative demo records, not real data.",
    ),
    licence: { type: "string", const: "Open Government Licence v3.0" },
    licence_url: { type: "string", format: "uri" },
  }),
};

const comparePaths = {
  "/api/v1/compare": {
    get: {
      operationId: "compareCouncils",
      summary: "Councils side by side",
      description: `The compare page's figures for ${MIN_COMPARED} to ${MAX_COMPARED} councils, by the register's rule today: the shared arrangements each takes part in, its equal share of their savings (overall, per resident and by financial year), the savings of the whole partnerships, and the services it shares. A former council's code stands for the councils it is part of today. An unknown or malformed code, fewer than ${MIN_COMPARED} or more than ${MAX_COMPARED} councils answer 400 with the reason.`,
      parameters: [
        {
          name: "councils",
          in: "query",
          required: true,
          description: `${MIN_COMPARED} to ${MAX_COMPARED} council GSS codes, separated by commas (or the parameter repeated).`,
          schema: {
            type: "string",
            pattern: "^[A-Za-z0-9, ]+$",
            examples: ["E10000008,E07000040,E09000005"],
          },
        },
      ],
      responses: {
        "200": {
          description: "The councils' figures.",
          headers: {
            "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
            "Cache-Control": { $ref: "#/components/headers/CacheControl" },
            ETag: { $ref: "#/components/headers/ETag" },
          },
          content: { "application/json": { schema: ref("Compare") } },
        },
        "304": { description: "The copy named by `If-None-Match` is still current." },
        ...errorResponses(400, 500),
      },
    },
    options: {
      operationId: "preflightCompare",
      summary: "CORS preflight",
      responses: { "204": { description: "Allowed from any origin: GET, HEAD, OPTIONS." } },
    },
  },
};

/** The fragment lib/open-data/openapi.ts merges into the API's document. */
export const compareFragment = {
  paths: comparePaths as Record<string, Record<string, unknown>>,
  schemas: compareSchemas,
};
