import { SERVICE_CATEGORIES } from "@/lib/categories";
import { NEWEST, SAVINGS_BANDS } from "@/lib/services/service-bands";
import { count, errorResponses, nullable, object, pence, ref, type Schema } from "./openapi-shared";

/*
 * OpenAPI 3.1 for GET /api/v1/services/{slug} (lib/open-data/service-response.ts), merged into
 * the API's document by lib/open-data/openapi.ts. The dashboard's parts reuse the /api/v1/stats
 * schemas (lib/open-data/openapi-stats.ts); this page's own are prefixed "Service". Pure module.
 */

const serviceSchemas: Record<string, Schema> = {
  ServiceSpread: object(
    {
      arrangements: count("Shared arrangements of the service today."),
      with_savings: count("Of those, the ones with savings recorded: what the quartiles are over."),
      lower_quartile_pence: nullable(
        pence(
          "Lower quartile of savings per arrangement (percentile_cont, to the penny); null when none has savings.",
        ),
      ),
      median_pence: nullable(pence("Median savings per arrangement.")),
      upper_quartile_pence: nullable(pence("Upper quartile of savings per arrangement.")),
      bands: {
        type: "array",
        minItems: SAVINGS_BANDS.length,
        maxItems: SAVINGS_BANDS.length,
        description: "Arrangements with savings per band, smallest band first.",
        items: object({
          label: { type: "string", examples: [SAVINGS_BANDS[0]![0]] },
          from_pence: pence("The band's lower bound, included."),
          below_pence: nullable(pence("Its upper bound, excluded; null for the last band.")),
          arrangements: count("Arrangements whose savings fall in the band."),
        }),
      },
    },
    "How savings per shared arrangement of the service are spread: the savings that count by the register's rule, all years.",
  ),
  ServiceNewArrangement: object({
    slug: { type: "string", description: "Its page is /arrangements/{slug}." },
    title: { type: "string" },
    lead_organisation_code: { type: "string" },
    lead_organisation_name: { type: "string" },
    first_published: {
      type: "string",
      format: "date",
      description: "The day (London) it was first published.",
    },
  }),
  Service: object({
    category: object({
      slug: { type: "string", enum: SERVICE_CATEGORIES.map((c) => c.slug) },
      name: { type: "string" },
      description: { type: "string" },
    }),
    day: {
      type: "string",
      format: "date",
      description: "The day the figures are read on: today (Europe/London).",
    },
    url: { type: "string", format: "uri-reference", description: "The service's page." },
    headline: ref("StatsHeadline"),
    savings_by_year: {
      type: "array",
      items: ref("StatsYear"),
      description: "Oldest first; gaps are zero.",
    },
    by_partner_type: {
      type: "array",
      items: ref("StatsPartnerType"),
      description:
        "Councils only, and with fire, police, health or other bodies: the groups overlap.",
    },
    top_arrangements: {
      type: "array",
      items: ref("StatsTopArrangement"),
      maxItems: 10,
      description: "The service's largest arrangements by total savings.",
    },
    savings_spread: ref("ServiceSpread"),
    newest_arrangements: {
      type: "array",
      items: ref("ServiceNewArrangement"),
      maxItems: NEWEST,
      description: "The newest shared arrangements by first publication, newest first.",
    },
    licence: { type: "string", const: "Open Government Licence v3.0" },
    licence_url: { type: "string", format: "uri" },
  }),
};

const servicePaths = {
  "/api/v1/services/{slug}": {
    get: {
      operationId: "getService",
      summary: "One service's figures",
      description:
        "A service page's figures: the dashboard's for the service (an arrangement counts where the service is its main or a further one: headline, savings by year, partner types, the largest arrangements), how savings per arrangement are spread, and the newest arrangements. Money is integer pence as a decimal string.",
      parameters: [
        {
          name: "slug",
          in: "path",
          required: true,
          description: "The service category's slug, as in its page's address (/services/{slug}).",
          schema: { type: "string", enum: SERVICE_CATEGORIES.map((c) => c.slug) },
        },
      ],
      responses: {
        "200": {
          description: "The service's figures.",
          headers: {
            "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" },
            "Cache-Control": { $ref: "#/components/headers/CacheControl" },
            ETag: { $ref: "#/components/headers/ETag" },
          },
          content: { "application/json": { schema: ref("Service") } },
        },
        "304": { description: "The copy named by `If-None-Match` is still current." },
        ...errorResponses(400, 404, 500),
      },
    },
    options: {
      operationId: "preflightService",
      summary: "CORS preflight",
      responses: { "204": { description: "Allowed from any origin: GET, HEAD, OPTIONS." } },
    },
  },
};

/** The fragment lib/open-data/openapi.ts merges into the API's document. */
export const servicesFragment = {
  paths: servicePaths as Record<string, Record<string, unknown>>,
  schemas: serviceSchemas,
};
