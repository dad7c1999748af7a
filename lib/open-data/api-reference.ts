import { buildOpenApiDocument } from "./openapi";

/*
 * The API reference page (/data/api) as data, read from the OpenAPI document itself
 * (lib/open-data/openapi.ts), so the page cannot drift from what /api/v1/openapi.json says: every
 * path and method, its parameters, its answer's fields and a worked example. Only the example
 * request values live here (EXAMPLE_QUERIES); tests/unit/api-reference.test.ts fails when the
 * document gains an endpoint or a parameter the page does not show. Pure module.
 */

type Json = Record<string, unknown>;

export type ReferenceParameter = {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description: string;
};

export type ReferenceField = { name: string; type: string; description: string };

export type ReferenceExample = {
  /** The request's path and query, as a link on this site. */
  url: string;
  /** The same request with curl; SITE holds the site's address. */
  curl: string;
  /** The answer, abbreviated: one item of each list, illustrative values. Null: no body. */
  response: string | null;
  status: string;
};

export type ReferenceEndpoint = {
  /** The anchor on the page: the operationId, else method and path. */
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: ReferenceParameter[];
  responses: { status: string; description: string }[];
  /** The fields of the success answer's JSON, nested ones as `a.b` and lists as `a[].b`. */
  fields: ReferenceField[];
  example: ReferenceExample;
};

/*
 * Real values for each operation's example request, from the demo data: Brent and Harrow's shared
 * procurement hub is one of the three real arrangements (db/seed/demo/real.ts).
 */
const EXAMPLE_QUERIES: Record<string, Record<string, string>> = {
  listArrangements: { q: "procurement", region: "london", sort: "savings", limit: "5" },
  getArrangement: { slug: "hub-procurement-services-brent-and-harrow" },
  listOrganisations: { kind: "police", limit: "5" },
  getStats: { region: "london", category: "legal" },
  // Brent, the hub's lead.
  getCouncilProfile: { code: "E09000005" },
  compareCouncils: { councils: "E10000008,E07000040,E09000005" },
  getService: { slug: "legal" },
};

/** The example values of an operation (tests check every required parameter has one). */
export function exampleValues(operationId: string): Record<string, string> {
  return EXAMPLE_QUERIES[operationId] ?? {};
}

const METHODS = ["get", "head", "post", "put", "patch", "delete", "options"] as const;

function resolve(doc: Json, schema: unknown): Json {
  let current = (schema ?? {}) as Json;
  for (let hops = 0; typeof current.$ref === "string" && hops < 10; hops++) {
    const pointer = (current.$ref as string).replace(/^#\//, "").split("/");
    current = pointer.reduce<unknown>((node, key) => (node as Json)?.[key], doc) as Json;
  }
  return current ?? {};
}

const refName = (schema: unknown) =>
  typeof (schema as Json)?.$ref === "string"
    ? ((schema as Json).$ref as string).split("/").pop()!
    : undefined;

/** A schema's type in words: "integer, 1 to 100, default 20", "one of: a, b", "string or null". */
export function describeType(doc: Json, schema: unknown): string {
  const s = resolve(doc, schema);
  if (Array.isArray(s.oneOf)) {
    const parts = (s.oneOf as unknown[]).map((option) =>
      (option as Json).type === "null" ? "null" : describeType(doc, option),
    );
    return parts.join(" or ");
  }
  if (s.const !== undefined) return `always ${JSON.stringify(s.const)}`;
  const parts: string[] = [];
  if (Array.isArray(s.enum)) {
    const values = (s.enum as unknown[]).map((v) => (v === null ? "null" : String(v)));
    parts.push(`one of: ${values.join(", ")}`);
  } else {
    const type = Array.isArray(s.type) ? (s.type as string[]).join(" or ") : String(s.type ?? "");
    if (type === "array") {
      const itemName = refName(s.items);
      parts.push(itemName ? `list of ${itemName}` : `list of ${describeType(doc, s.items)}`);
    } else parts.push(type || "any");
  }
  if (typeof s.format === "string") parts.push(String(s.format));
  if (s.minimum !== undefined && s.maximum !== undefined)
    parts.push(`${s.minimum} to ${s.maximum}`);
  else if (s.minimum !== undefined) parts.push(`at least ${s.minimum}`);
  if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
  if (s.default !== undefined) parts.push(`default ${String(s.default)}`);
  return parts.join(", ");
}

/** Every field of an answer's schema, depth first, objects' fields under their name. */
function fieldsOf(doc: Json, schema: unknown, prefix = "", depth = 0): ReferenceField[] {
  const s = resolve(doc, schema);
  const nonNull = Array.isArray(s.oneOf)
    ? resolve(
        doc,
        (s.oneOf as Json[]).find((o) => o.type !== "null"),
      )
    : s;
  if (depth > 5) return [];
  if (nonNull.type === "array") return fieldsOf(doc, nonNull.items, `${prefix}[]`, depth + 1);
  const properties = (nonNull.properties ?? {}) as Record<string, unknown>;
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const p = resolve(doc, property);
    const own: ReferenceField = {
      name: path,
      type: describeType(doc, property),
      description: String(p.description ?? (property as Json).description ?? ""),
    };
    return [own, ...fieldsOf(doc, property, path, depth + 1)];
  });
}

const SAMPLE_BY_FORMAT: Record<string, string> = {
  date: "2019-04-01",
  "date-time": "2024-06-03T09:30:00.000Z",
  uri: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  "uri-reference": "/…",
};

/** An illustrative value of a schema: its example, constant or first allowed value. */
function sampleOf(doc: Json, schema: unknown, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (depth > 6) return null;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (Array.isArray(s.enum)) return s.enum[0];
  if (Array.isArray(s.oneOf))
    return sampleOf(
      doc,
      (s.oneOf as Json[]).find((o) => o.type !== "null"),
      depth + 1,
    );
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== "null") : s.type;
  if (type === "object") {
    const properties = (s.properties ?? {}) as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(properties).map(([name, p]) => [name, sampleOf(doc, p, depth + 1)]),
    );
  }
  if (type === "array") return s.items ? [sampleOf(doc, s.items, depth + 1)] : [];
  if (type === "integer" || type === "number") return s.minimum ?? 0;
  if (type === "boolean") return false;
  if (typeof s.pattern === "string" && s.pattern === "^[0-9]+$") return "0";
  if (typeof s.format === "string" && SAMPLE_BY_FORMAT[s.format]) return SAMPLE_BY_FORMAT[s.format];
  return "…";
}

function exampleFor(
  method: string,
  path: string,
  operation: Json,
  parameters: ReferenceParameter[],
  successSchema: unknown,
  successStatus: string,
  doc: Json,
): ReferenceExample {
  const values = exampleValues(String(operation.operationId ?? ""));
  let url = path;
  const query = new URLSearchParams();
  for (const p of parameters) {
    const value = values[p.name];
    if (value === undefined) continue;
    if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(value));
    else if (p.in === "query") query.append(p.name, value);
  }
  const search = query.toString();
  if (search) url = `${url}?${search}`;
  const curl =
    method === "OPTIONS"
      ? `curl -i -X OPTIONS -H "Origin: https://example.org" -H "Access-Control-Request-Method: GET" "$SITE${url}"`
      : `curl -s "$SITE${url}"`;
  const response =
    successSchema === undefined ? null : JSON.stringify(sampleOf(doc, successSchema), null, 2);
  return { url, curl, response, status: successStatus };
}

/** The operationId, else "options-api-v1-stats": letters, digits and single hyphens. */
function anchorFor(operation: Json, method: string, path: string): string {
  const raw =
    typeof operation.operationId === "string" ? operation.operationId : `${method}-${path}`;
  return raw.replace(/[^A-Za-z0-9_]+/g, "-").replace(/^-|-$/g, "");
}

/** The reference for every path and method of the document, in the document's order. */
export function apiReference(
  doc: Json = buildOpenApiDocument() as unknown as Json,
): ReferenceEndpoint[] {
  const paths = (doc.paths ?? {}) as Record<string, Json>;
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] !== undefined).map((m) => {
      const operation = item[m] as Json;
      const method = m.toUpperCase();
      const parameters = ((operation.parameters ?? []) as unknown[]).map((raw) => {
        const p = resolve(doc, raw);
        return {
          name: String(p.name),
          in: String(p.in),
          required: p.required === true,
          type: describeType(doc, p.schema),
          description: String(p.description ?? ""),
        };
      });
      const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>);
      const success = responses.find(([status]) => /^2/.test(status));
      const successSchema = (
        (success?.[1].content as Json | undefined)?.["application/json"] as Json | undefined
      )?.schema;
      return {
        id: anchorFor(operation, m, path),
        method,
        path,
        summary: String(operation.summary ?? ""),
        description: String(operation.description ?? ""),
        parameters,
        responses: responses.map(([status, r]) => ({
          status,
          description: String(resolve(doc, r).description ?? ""),
        })),
        fields: successSchema === undefined ? [] : fieldsOf(doc, successSchema),
        example: exampleFor(
          method,
          path,
          operation,
          parameters,
          successSchema,
          success?.[0] ?? "200",
          doc,
        ),
      };
    }),
  );
}

/** The document's own introduction (info.description), one bullet a line. */
export function apiIntroduction(doc: Json = buildOpenApiDocument() as unknown as Json): string[] {
  const info = (doc.info ?? {}) as Json;
  return String(info.description ?? "")
    .split("\n")
    .filter((line) => line.trim() !== "");
}
