import { describe, expect, it } from "vitest";
import { apiReference, describeType, exampleValues } from "@/lib/open-data/api-reference";
import { buildOpenApiDocument } from "@/lib/open-data/openapi";

/*
 * The API reference page (/data/api) is made from the OpenAPI document: every path and method
 * the document has must be on it with every parameter, so an endpoint added without reference
 * fails here. tests/e2e/api-reference.spec.ts checks the page itself over HTTP.
 */

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as unknown as Json;
const paths = doc.paths as Record<string, Record<string, Json>>;
const METHODS = new Set(["get", "head", "post", "put", "patch", "delete", "options"]);

/** Every operation of the document, read independently of the module under test. */
const operations = Object.entries(paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => METHODS.has(method))
    .map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
);

describe("the API reference's data", () => {
  const reference = apiReference();

  it("has every path and method of the document, and nothing else", () => {
    expect(operations.length).toBeGreaterThanOrEqual(10);
    expect(reference.map((e) => `${e.method} ${e.path}`).sort()).toEqual(
      operations.map((o) => `${o.method} ${o.path}`).sort(),
    );
    expect(new Set(reference.map((e) => e.id)).size).toBe(reference.length);
  });

  it.each(operations.map((o) => [`${o.method} ${o.path}`, o] as const))(
    "%s: every parameter with where, whether required, type and meaning",
    (_, { path, method, operation }) => {
      const endpoint = reference.find((e) => e.path === path && e.method === method)!;
      const expected = ((operation.parameters ?? []) as Json[]).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
      }));
      expect(
        endpoint.parameters.map(({ name, in: where, required }) => ({ name, in: where, required })),
      ).toEqual(expected);
      for (const p of endpoint.parameters) {
        expect(p.type, `${p.name} type`).not.toBe("");
        expect(p.description, `${p.name} description`).not.toBe("");
      }
      expect(endpoint.summary).toBe(operation.summary);
      expect(endpoint.responses.map((r) => r.status)).toEqual(
        Object.keys(operation.responses as Json),
      );
    },
  );

  it("gives every GET a worked example whose URL fills every path parameter and validates", () => {
    for (const e of reference.filter((e) => e.method === "GET")) {
      expect(e.example.url, e.id).not.toMatch(/[{}]/);
      expect(e.example.url.startsWith(e.path.split("{")[0]!), e.id).toBe(true);
      expect(e.example.curl).toContain(`"$SITE${e.example.url}"`);
      const url = new URL(e.example.url, "http://x");
      const known = new Set(e.parameters.filter((p) => p.in === "query").map((p) => p.name));
      for (const name of url.searchParams.keys()) expect(known, `${e.id} ${name}`).toContain(name);
      for (const p of e.parameters.filter((p) => p.required))
        expect(exampleValues(e.id)[p.name], `${e.id} ${p.name}`).toBeDefined();
      expect(e.example.response, e.id).not.toBeNull();
      JSON.parse(e.example.response!);
    }
  });

  it("lists the answer's fields, nested ones by path, and the example has the same top-level keys", () => {
    const list = reference.find((e) => e.id === "listArrangements")!;
    const names = list.fields.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "data",
        "data[].slug",
        "data[].lead.code",
        "meta.total",
        "links.next",
      ]),
    );
    expect(list.fields.find((f) => f.name === "data[].total_savings_pence")!.description).toMatch(
      /pence/,
    );
    for (const e of reference.filter((e) => e.fields.length > 0)) {
      const topLevel = e.fields.map((f) => f.name).filter((n) => !/[.[]/.test(n));
      expect(Object.keys(JSON.parse(e.example.response!) as Json), e.id).toEqual(topLevel);
    }
  });

  it("shows a new endpoint the document gains, parameters and all", () => {
    const withNew = buildOpenApiDocument([
      {
        paths: {
          "/api/v1/widgets/{code}": {
            get: {
              operationId: "getWidget",
              summary: "A widget",
              parameters: [
                {
                  name: "code",
                  in: "path",
                  required: true,
                  description: "Its code.",
                  schema: { type: "string" },
                },
                {
                  name: "size",
                  in: "query",
                  description: "How big.",
                  schema: { type: "integer", minimum: 1, maximum: 9 },
                },
              ],
              responses: { "200": { description: "The widget." } },
            },
          },
        },
      },
    ]) as unknown as Json;
    const widget = apiReference(withNew).find((e) => e.path === "/api/v1/widgets/{code}")!;
    expect(widget.parameters).toEqual([
      { name: "code", in: "path", required: true, type: "string", description: "Its code." },
      {
        name: "size",
        in: "query",
        required: false,
        type: "integer, 1 to 9",
        description: "How big.",
      },
    ]);
    // No example value for its path parameter: the worked example is left with the placeholder,
    // which the test above would refuse.
    expect(widget.example.url).toBe("/api/v1/widgets/{code}");
  });

  it("describes types in words", () => {
    expect(
      describeType(doc, { oneOf: [{ type: "string", format: "date" }, { type: "null" }] }),
    ).toBe("string, date or null");
    expect(describeType(doc, { type: "string", enum: ["a", "b"] })).toBe("one of: a, b");
    expect(describeType(doc, { $ref: "#/components/schemas/OrganisationKind" })).toMatch(
      /^one of: .*police/,
    );
    expect(
      describeType(doc, { type: "array", items: { $ref: "#/components/schemas/Category" } }),
    ).toBe("list of Category");
    expect(describeType(doc, { type: "integer", minimum: 1, maximum: 100, default: 20 })).toBe(
      "integer, 1 to 100, default 20",
    );
  });
});
