import { SERVICE_CATEGORIES, BENEFITS } from "@/lib/categories";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  ORGANISATION_KINDS,
  PARTNER_TYPES,
  SORTS,
  STAGES,
} from "@/lib/public/filters";
import { REGIONS } from "@/lib/public/regions";
import { errorResponses, ref } from "./openapi-shared";
import { statsFragment } from "./openapi-stats";

export { errorResponses };

/*
 * The open-data API's OpenAPI 3.1 document, served at /api/v1/openapi.json. Its schemas are
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) and the tests validate every response against
 * them, so the document cannot drift from what the API answers. Lists of regions, categories
 * and so on come from the same constants the parsers use.
 *
 * Pure module (no server-only): the tests import it.
 */

type Schema = Record<string, unknown>;
type PathItem = Record<string, unknown>;

/** A part of the document another module contributes: its paths and the schemas they use. */
export type OpenApiFragment = {
  paths: Record<string, PathItem>;
  schemas?: Record<string, Schema>;
};

const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: "null" }] });

function okResponse(description: string, schema: string) {
  return {
    description,
    headers: {
      "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
      "Cache-Control": { $ref: "#/components/headers/CacheControl" },
      ETag: { $ref: "#/components/headers/ETag" },
    },
    content: { "application/json": { schema: ref(schema) } },
  };
}

const notModified = {
  description: "The copy named by `If-None-Match` is still current.",
  headers: { ETag: { $ref: "#/components/headers/ETag" } },
};

const preflight = {
  summary: "CORS preflight",
  description: "Any origin may read the API; only GET and HEAD are allowed.",
  responses: { "204": { description: "The methods and headers a cross-origin request may use." } },
};

/* Parameters ---------------------------------------------------------------------------- */

const YEAR = { type: "integer", minimum: 1990, maximum: 2100 };
const POUNDS_INPUT = {
  type: "string",
  pattern: "^£?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\\.[0-9]{1,2})?$",
  examples: ["1000000", "1,000,000", "250000.50"],
};

const query = (name: string, description: string, schema: Schema) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});

const pageParameters = [
  query("page", "Page number, from 1. A page past the last answers an empty `data`.", {
    type: "integer",
    minimum: 1,
    maximum: MAX_PAGE,
    default: 1,
  }),
  query(
    "limit",
    `Results per page. More than ${MAX_PAGE_SIZE} is refused with 400 rather than cut.`,
    { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
  ),
];

const regionParameter = (description: string) =>
  query("region", description, { type: "string", enum: REGIONS.map((r) => r.slug) });

const arrangementListParameters = [
  query(
    "q",
    'Full-text search over titles (weighted most), organisation and category names, and descriptions, in web-search syntax: words, "quoted phrases", `or`, and `-excluded` words. English stemming: *procure* finds *procurement*.',
    { type: "string", maxLength: MAX_SEARCH_LENGTH },
  ),
  regionParameter("The lead organisation's region."),
  query("category", "A service category: the main one or a further one.", {
    type: "string",
    enum: SERVICE_CATEGORIES.map((c) => c.slug),
  }),
  query(
    "organisation",
    "An organisation's code (see /api/v1/organisations): arrangements it leads or is a partner in. Any case.",
    { type: "string", pattern: "^[A-Za-z0-9:_-]{1,40}$" },
  ),
  query(
    "partner",
    "The kind of partners: `councils-only` (no other kind of body), or arrangements that include a fire and rescue service, police force, health body or other public body.",
    { type: "string", enum: [...PARTNER_TYPES] },
  ),
  query("stage", "The arrangement's stage.", { type: "string", enum: [...STAGES] }),
  query("from", "Started in this calendar year or later.", YEAR),
  query("to", "Started in this calendar year or earlier.", YEAR),
  query("min", "Total savings of at least this many pounds.", POUNDS_INPUT),
  query("max", "Total savings of at most this many pounds.", POUNDS_INPUT),
  query(
    "sort",
    "`relevance` (best match first; needs `q`, and is the default with it), `savings` (largest first), `newest` (latest start first; the default without `q`) or `name` (A to Z). Ties are broken the same way every time, so pages never repeat or skip a result.",
    { type: "string", enum: [...SORTS] },
  ),
  ...pageParameters,
];

/* Schemas -------------------------------------------------------------------------------- */

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

const object = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

const organisationRefProperties = {
  code: {
    type: "string",
    description:
      "Stable code: the GSS code for councils and health bodies, a register id otherwise.",
  },
  gss_code: nullable({ type: "string", pattern: "^[EWSNK][0-9]{8}$" }),
  name: { type: "string" },
  kind: ref("OrganisationKind"),
};

const arrangementSummaryProperties = {
  slug: { type: "string", pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" },
  title: { type: "string" },
  url: { ...LINK, description: "The arrangement's page on this site." },
  api_url: { ...LINK, description: "This arrangement in the API." },
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

const pageMetaProperties = {
  total: { type: "integer", minimum: 0, description: "Results on every page together." },
  page: { type: "integer", minimum: 1 },
  limit: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE },
  pages: { type: "integer", minimum: 1 },
};

const schemas: Record<string, Schema> = {
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
    slug: { type: "string", enum: REGIONS.map((r) => r.slug) },
    name: { type: "string" },
  }),
  Category: object({
    slug: { type: "string", enum: SERVICE_CATEGORIES.map((c) => c.slug) },
    name: { type: "string" },
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
        },
        financial_year_label: { type: "string", pattern: "^[0-9]{4}/[0-9]{2}$" },
        kind: { type: "string", enum: ["actual", "forecast"] },
        amount_pence: PENCE,
        amount: POUNDS,
      }),
    },
    actual_savings_pence: PENCE,
    actual_savings: POUNDS,
    forecast_savings_pence: PENCE,
    forecast_savings: POUNDS,
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
    replaced_by: nullable(object({ code: { type: "string" }, name: { type: "string" } })),
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

/* Paths ---------------------------------------------------------------------------------- */

const paths: Record<string, PathItem> = {
  "/api/v1/arrangements": {
    get: {
      operationId: "listArrangements",
      summary: "Search and list published arrangements",
      description:
        "The explorer's search, filters and sort, one page at a time. Filters combine with AND. Unknown parameters are refused with 400.",
      parameters: arrangementListParameters,
      responses: {
        "200": okResponse("One page of matching arrangements, with the totals.", "ArrangementList"),
        "304": notModified,
        ...errorResponses(400, 500),
      },
    },
    options: preflight,
  },
  "/api/v1/arrangements/{slug}": {
    get: {
      operationId: "getArrangement",
      summary: "One published arrangement",
      parameters: [
        {
          name: "slug",
          in: "path",
          required: true,
          description: "The arrangement's slug, as in its page's address.",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": okResponse("The arrangement as published.", "ArrangementResponse"),
        "304": notModified,
        ...errorResponses(400, 404, 500),
      },
    },
    options: preflight,
  },
  "/api/v1/organisations": {
    get: {
      operationId: "listOrganisations",
      summary: "Councils and partner bodies",
      description:
        "Every organisation in the register, by name: English councils (with their GSS codes, types, regions, dates and successors) and the fire, police, health and other bodies they share with.",
      parameters: [
        query("kind", "The kind of organisation.", ref("OrganisationKind")),
        regionParameter("The organisation's region."),
        ...pageParameters,
      ],
      responses: {
        "200": okResponse("One page of organisations.", "OrganisationList"),
        "304": notModified,
        ...errorResponses(400, 500),
      },
    },
    options: preflight,
  },
  "/api/v1/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      summary: "This document",
      responses: {
        "200": {
          description: "The OpenAPI 3.1 document.",
          content: { "application/json": { schema: { type: "object" } } },
        },
        "304": notModified,
      },
    },
    options: preflight,
  },
};

/*
 * Other modules' endpoints: the dashboard's GET /api/v1/stats (lib/open-data/openapi-stats.ts).
 * A fragment is { paths, schemas }; its errors reuse errorResponses() and the "Error" schema.
 * buildOpenApiDocument refuses a path or schema name that is already taken.
 */
const FRAGMENTS: OpenApiFragment[] = [statsFragment as OpenApiFragment];

export function buildOpenApiDocument(fragments: OpenApiFragment[] = FRAGMENTS) {
  const allPaths = { ...paths };
  const allSchemas = { ...schemas };
  for (const fragment of fragments) {
    for (const [path, item] of Object.entries(fragment.paths)) {
      if (path in allPaths) throw new Error(`OpenAPI path ${path} is defined twice`);
      allPaths[path] = item;
    }
    for (const [name, schema] of Object.entries(fragment.schemas ?? {})) {
      if (name in allSchemas) throw new Error(`OpenAPI schema ${name} is defined twice`);
      allSchemas[name] = schema;
    }
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Council Shared Services Map open data API",
      version: "1.0.0",
      summary: "The national register of English councils' shared service arrangements.",
      description: [
        "Read-only JSON over the published register: only arrangements approved for publication appear.",
        "",
        '- **Money** is integer pence as a decimal string (`"50000000"`), exact at any size, with the amount in pounds beside it (`"£500,000"`).',
        "- **Financial years** are the calendar year they start in: 2016 is 2016/17 (1 April 2016 to 31 March 2017).",
        `- **Pages**: \`page\` (from 1) and \`limit\` (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}); \`links\` gives the neighbouring pages.`,
        '- **Errors** are JSON `{ "status": 400, "message": "…" }`. Malformed or unknown query parameters answer 400.',
        "- **CORS** is open to every origin for GET and HEAD.",
        "- **Caching**: answers may be cached for 60 seconds and carry an ETag for conditional requests.",
        "- Records marked `is_illustrative` are illustrative demo data, not real arrangements.",
      ].join("\n"),
    },
    servers: [{ url: "/" }],
    paths: allPaths,
    components: {
      schemas: allSchemas,
      headers: {
        AllowOrigin: {
          description: "Always `*`: any site may read the API.",
          schema: { type: "string", const: "*" },
        },
        CacheControl: {
          description: "How long the answer may be reused.",
          schema: { type: "string" },
        },
        ETag: { description: "A validator for If-None-Match.", schema: { type: "string" } },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
