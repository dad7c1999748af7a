import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/*
 * Validates API answers against the OpenAPI 3.1 document the API serves, with ajv in JSON Schema
 * 2020-12 mode (OpenAPI 3.1's schema dialect), strict, so a schema keyword ajv does not know
 * fails rather than being ignored. Used by the integration and end-to-end API tests.
 */

// ajv-formats is CommonJS; under ESM its function arrives as the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule;

type Json = Record<string, unknown>;
export type OpenApiDoc = {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};

/** The OpenAPI keywords around the schemas, which ajv must treat as plain data. */
const DOCUMENT_KEYWORDS = [
  "openapi",
  "info",
  "jsonSchemaDialect",
  "servers",
  "paths",
  "components",
  "webhooks",
  "security",
  "tags",
  "externalDocs",
];

/**
 * The shape of an OpenAPI 3.1 document, for the parts this API uses: enough to catch a missing
 * description, a response without a status, a parameter without a place or a schema.
 */
const DOCUMENT_SHAPE = {
  type: "object",
  required: ["openapi", "info", "paths", "components"],
  properties: {
    openapi: { type: "string", pattern: "^3\\.1\\.\\d+$" },
    jsonSchemaDialect: { const: "https://json-schema.org/draft/2020-12/schema" },
    info: {
      type: "object",
      required: ["title", "version"],
      properties: { title: { type: "string", minLength: 1 }, version: { type: "string" } },
    },
    paths: {
      type: "object",
      propertyNames: { pattern: "^/" },
      additionalProperties: {
        type: "object",
        propertyNames: { enum: ["get", "head", "options", "summary", "description", "parameters"] },
        additionalProperties: {
          type: "object",
          required: ["responses"],
          properties: {
            operationId: { type: "string" },
            parameters: {
              type: "array",
              items: {
                type: "object",
                required: ["name", "in", "schema"],
                properties: {
                  name: { type: "string" },
                  in: { enum: ["query", "path", "header", "cookie"] },
                  required: { type: "boolean" },
                  schema: { type: "object" },
                },
                if: { properties: { in: { const: "path" } } },
                then: { properties: { required: { const: true } }, required: ["required"] },
              },
            },
            responses: {
              type: "object",
              minProperties: 1,
              propertyNames: { pattern: "^[1-5][0-9]{2}$" },
              additionalProperties: {
                type: "object",
                required: ["description"],
                properties: {
                  description: { type: "string" },
                  content: {
                    type: "object",
                    additionalProperties: {
                      type: "object",
                      required: ["schema"],
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      type: "object",
      required: ["schemas"],
      properties: { schemas: { type: "object" } },
    },
  },
};

export class OpenApiValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDoc) {
    this.ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addVocabulary(DOCUMENT_KEYWORDS);
    // Throws if the document is not valid against the 2020-12 meta-schema where it is a schema.
    this.ajv.addSchema(doc as unknown as Json, "openapi.json");
  }

  /** Problems with the document's own shape (empty when it is well formed). */
  documentProblems(): string[] {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(DOCUMENT_SHAPE);
    return validate(this.doc)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  }

  /** Compiles a schema inside the document by JSON pointer ("#/components/schemas/Error"). */
  compile(pointer: string): ValidateFunction {
    let validate = this.cache.get(pointer);
    if (!validate) {
      const found = this.ajv.getSchema(`openapi.json${pointer}`);
      if (!found) throw new Error(`No schema at ${pointer}`);
      validate = found;
      this.cache.set(pointer, validate);
    }
    return validate;
  }

  /** The document's path template that a concrete path matches ("/api/v1/arrangements/{slug}"). */
  template(path: string): string {
    const match = Object.keys(this.doc.paths).find((template) => {
      const pattern = template.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+");
      return new RegExp(`^${pattern}$`).test(path);
    });
    if (!match) throw new Error(`The OpenAPI document has no path for ${path}`);
    return match;
  }

  /** The schema pointer for an answer, or throws if the document does not describe it. */
  responsePointer(path: string, method: string, status: number): string {
    const template = this.template(path);
    const operation = this.doc.paths[template]?.[method.toLowerCase()] as
      { responses?: Record<string, { content?: Record<string, unknown> }> } | undefined;
    const response = operation?.responses?.[String(status)];
    if (!response) throw new Error(`${method} ${template} does not document status ${status}`);
    if (!response.content?.["application/json"]) {
      throw new Error(`${method} ${template} ${status} documents no JSON body`);
    }
    const escaped = template.replace(/~/g, "~0").replace(/\//g, "~1");
    return `#/paths/${escaped}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  }

  /** Validation errors for one answer (empty when it matches the document). */
  check(path: string, method: string, status: number, body: unknown): string[] {
    const validate = this.compile(this.responsePointer(path, method, status));
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }

  /** Names of the query parameters an operation documents. */
  queryParameters(template: string, method = "get"): string[] {
    const operation = this.doc.paths[template]?.[method] as
      { parameters?: { name: string; in: string }[] } | undefined;
    return (operation?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
  }
}
