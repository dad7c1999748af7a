import { SERVICE_CATEGORIES } from "@/lib/categories";
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE,
  MAX_PAGE_SIZE,
  MAX_SEARCH_LENGTH,
  PARTNER_TYPES,
  SORTS,
  STAGES,
} from "@/lib/public/filters";
import { REGIONS } from "@/lib/public/regions";
import { apiSchemas } from "./openapi-schemas";
import { errorResponses, ref, type Schema } from "./openapi-shared";
import { statsFragment } from "./openapi-stats";
import { profileFragment } from "./openapi-profile";
import { compareFragment } from "./openapi-compare";
import { servicesFragment } from "./openapi-services";

export { errorResponses };

/*
 * The open-data API's OpenAPI 3.1 document, served at /api/v1/openapi.json. Its schemas are
 * JSON Schema 2020-12 (OpenAPI 3.1's dialect) and the tests validate every response against
 * them, so the document cannot drift from what the API answers. Lists of regions, categories
 * and so on come from the same constants the parsers use.
 *
 * Pure module (no server-only): the tests import it.
 */

type PathItem = Record<string, unknown>;

/** A part of the document another module contributes: its paths and the schemas they use. */
export type OpenApiFragment = {
  paths: Record<string, PathItem>;
  schemas?: Record<string, Schema>;
};

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
 * Other modules' endpoints: the dashboard's GET /api/v1/stats (lib/open-data/openapi-stats.ts),
 * a council's profile (openapi-profile.ts), the compare page's GET /api/v1/compare
 * (openapi-compare.ts) and a service page's GET /api/v1/services/{slug} (openapi-services.ts).
 * A fragment is { paths, schemas }; its errors reuse errorResponses() and the "Error" schema.
 * buildOpenApiDocument refuses a path or schema name that is already taken.
 */
const FRAGMENTS: OpenApiFragment[] = [
  statsFragment as OpenApiFragment,
  // A council's profile against its similar councils (lib/open-data/openapi-profile.ts).
  profileFragment as OpenApiFragment,
  // Councils side by side, and a service page's figures (openapi-compare.ts, openapi-services.ts).
  compareFragment,
  servicesFragment,
];

export function buildOpenApiDocument(fragments: OpenApiFragment[] = FRAGMENTS) {
  const allPaths = { ...paths };
  const allSchemas = { ...apiSchemas };
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
