import { SERVICE_CATEGORIES } from "@/lib/categories";
import { errorResponses, ref, type Schema } from "./openapi-shared";

/*
 * OpenAPI 3.1 for GET /api/v1/councils/{code}/profile (lib/open-data/profile-response.ts),
 * merged into the API's document by lib/open-data/openapi.ts as a fragment. Schema names are
 * prefixed "Profile" so they cannot collide. Pure module.
 */

const pence = (description: string) => ({
  type: "string",
  pattern: "^[0-9]+$",
  description: `${description} Integer pence as a decimal string.`,
});
const count = (description: string) => ({ type: "integer", minimum: 0, description });

const QUARTILES =
  "The group's quartiles are taken over its councils (not this one) by linear interpolation between the nearest ranks, as PostgreSQL's percentile_cont; money is then rounded to the penny.";

const PER_RESIDENT =
  "Per resident: each council's share over its population (mid-2020 estimate); quartiles over the exact ratios, then rounded to the penny.";

/** A council's figure beside its group's quartiles, all of one kind. */
const measure = (value: Schema, description: string): Schema => ({
  type: "object",
  additionalProperties: false,
  required: ["council", "lower_quartile", "median", "upper_quartile"],
  description,
  properties: {
    council: { ...value, description: "This council's figure." },
    lower_quartile: { ...value, description: "The group's lower quartile (25th percentile)." },
    median: { ...value, description: "The group's median." },
    upper_quartile: { ...value, description: "The group's upper quartile (75th percentile)." },
  },
});

const PENCE_VALUE = { type: "string", pattern: "^[0-9]+$" };

const profileSchemas: Record<string, Schema> = {
  ProfileCouncil: {
    type: "object",
    additionalProperties: false,
    required: ["code", "name", "council_type", "region", "population", "end_date", "replaced_by"],
    properties: {
      code: { type: "string", pattern: "^E\\d{8}$", examples: ["E09000005"] },
      name: { type: "string" },
      council_type: {
        type: ["string", "null"],
        description: "ONS type: CTY, NMD, UA, MD, LBO or CC.",
      },
      region: { type: ["string", "null"] },
      population: {
        type: ["integer", "null"],
        minimum: 0,
        description: "Mid-2020 estimate in the reference data.",
      },
      end_date: {
        type: ["string", "null"],
        format: "date",
        description: "Its last day, when it has ceased or is to cease.",
      },
      replaced_by: {
        type: "array",
        items: { type: "string" },
        description: "Codes of the councils that replaced it, when it has been replaced.",
      },
    },
  },
  ProfileMember: {
    type: "object",
    additionalProperties: false,
    required: [
      "code",
      "name",
      "population",
      "arrangements",
      "share_pence",
      "share_per_resident_pence",
      "distance",
    ],
    properties: {
      code: { type: "string" },
      name: { type: "string" },
      population: { type: "integer", minimum: 1 },
      arrangements: count("Shared arrangements it takes part in today by the register's rule."),
      share_pence: pence(
        "Its share of the savings of the arrangements it takes part in: each arrangement's savings split equally among the organisations taking part.",
      ),
      share_per_resident_pence: pence("share_pence over its population, to the penny."),
      distance: {
        type: "number",
        minimum: 0,
        description:
          "How far it is from the council: √(Δ log population² + Δ log density² + 1 if in another region), the differences in standard deviations among the tier's councils.",
      },
    },
  },
  ProfileYear: {
    type: "object",
    additionalProperties: false,
    required: [
      "financial_year",
      "financial_year_start",
      "council_pence",
      "lower_quartile_pence",
      "median_pence",
      "upper_quartile_pence",
    ],
    properties: {
      financial_year: { type: "string", pattern: "^\\d{4}/\\d{2}$", examples: ["2016/17"] },
      financial_year_start: { type: "integer", examples: [2016] },
      council_pence: pence(
        "This council's share of the year's savings (actual and forecast), each arrangement's year split equally.",
      ),
      lower_quartile_pence: pence("The group's lower quartile for the year."),
      median_pence: pence("The group's median for the year."),
      upper_quartile_pence: pence("The group's upper quartile for the year."),
    },
  },
  ProfileNotYetShared: {
    type: "object",
    additionalProperties: false,
    required: ["category", "name", "councils_sharing", "partner_finder"],
    properties: {
      category: { type: "string", enum: SERVICE_CATEGORIES.map((c) => c.slug) },
      name: { type: "string" },
      councils_sharing: count(
        "Councils of the group taking part today in a shared arrangement of the service (main or further category): at least half the group.",
      ),
      partner_finder: {
        type: "string",
        format: "uri-reference",
        description: "The partner finder for this council and service.",
        examples: ["/partners?council=E09000005&category=legal"],
      },
    },
  },
  ProfileFigures: {
    type: "object",
    additionalProperties: false,
    required: [
      "tier",
      "group_size",
      "left_out",
      "group",
      "arrangements",
      "share_pence",
      "share_per_resident_pence",
      "share_by_year",
      "not_yet_shared",
    ],
    properties: {
      tier: {
        type: "string",
        enum: ["county", "district", "unitary"],
        description:
          "Its comparison tier: unitary takes in metropolitan and London boroughs and the City of London.",
      },
      group_size: { type: "integer", minimum: 1, maximum: 15 },
      left_out: count(
        "Councils of its tier existing today left out of every group for want of a population or boundary.",
      ),
      group: {
        type: "array",
        items: ref("ProfileMember"),
        description: "Its similar councils, nearest first, with their figures.",
      },
      arrangements: measure(
        { type: "number", minimum: 0 },
        `Shared arrangements taken part in today (quartiles may fall between two counts). ${QUARTILES}`,
      ),
      share_pence: measure(
        PENCE_VALUE,
        `Share of the savings of those arrangements, in integer pence. ${QUARTILES}`,
      ),
      share_per_resident_pence: measure(PENCE_VALUE, `${PER_RESIDENT} ${QUARTILES}`),
      share_by_year: {
        type: "array",
        items: ref("ProfileYear"),
        description:
          "Every financial year from the first to the last in which the council or one of its group has savings, oldest first.",
      },
      not_yet_shared: {
        type: "array",
        items: ref("ProfileNotYetShared"),
        description:
          'Services at least half the group share and this council does not ("Other" left out), most shared first, then by name.',
      },
    },
  },
  Profile: {
    type: "object",
    additionalProperties: false,
    required: ["council", "day", "profile", "no_profile_reason", "licence", "licence_url"],
    properties: {
      council: ref("ProfileCouncil"),
      day: {
        type: "string",
        format: "date",
        description: "The day the register is read on: today (Europe/London).",
      },
      profile: {
        oneOf: [ref("ProfileFigures"), { type: "null" }],
        description: "Null when the council has no comparison group (no_profile_reason says why).",
      },
      no_profile_reason: {
        type: ["string", "null"],
        enum: ["not-current", "no-tier", "no-population", "no-boundary", null],
        description:
          "not-current: it does not exist today (see replaced_by); no-tier: not a county, district or unitary council; no-population, no-boundary: the data the distance needs is missing.",
      },
      licence: { type: "string", const: "Open Government Licence v3.0" },
      licence_url: { type: "string", format: "uri" },
    },
  },
};

const profilePaths = {
  "/api/v1/councils/{code}/profile": {
    get: {
      operationId: "getCouncilProfile",
      summary: "A council beside its similar councils",
      description:
        "The profile on a council's page: its shared arrangements, its share of their savings (each arrangement's split equally among the organisations taking part), that share per resident and by financial year, each beside the median and quartiles of its 15 most similar councils today, and the services most of them share that it does not. By the register's rule today. A former or alias code, or one in lower case, is redirected to the council's own.",
      parameters: [
        {
          name: "code",
          in: "path",
          required: true,
          description: "The council's GSS code, as in its page's address (/councils/{code}).",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": {
          description: "The council and its profile (null without a comparison group).",
          headers: {
            "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
            "Cache-Control": { $ref: "#/components/headers/CacheControl" },
            ETag: { $ref: "#/components/headers/ETag" },
          },
          content: { "application/json": { schema: ref("Profile") } },
        },
        "304": { description: "Not modified since the ETag sent in If-None-Match." },
        "308": {
          description: "A former, alias or lower-case code: Location is the council's own profile.",
          headers: { Location: { schema: { type: "string", format: "uri" } } },
        },
        ...errorResponses(400, 404, 500),
      },
    },
    options: {
      operationId: "preflightCouncilProfile",
      summary: "CORS preflight",
      responses: { "204": { description: "Allowed from any origin: GET, HEAD, OPTIONS." } },
    },
  },
};

/** The fragment lib/open-data/openapi.ts merges into the API's document. */
export const profileFragment = { paths: profilePaths, schemas: profileSchemas };
