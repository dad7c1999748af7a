/*
 * Pieces of the OpenAPI document that its fragments share (lib/open-data/openapi.ts,
 * openapi-stats.ts and the others beside them). Pure module.
 */

/** A JSON Schema object, as the document holds it. */
export type Schema = Record<string, unknown>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: "null" }] });

/** An object whose every property is required and nothing else allowed. */
export const object = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** The error answers an endpoint may give, for its `responses` (others' fragments may use it). */
export function errorResponses(...statuses: (400 | 404 | 500)[]): Record<string, unknown> {
  const descriptions = {
    400: "The query string is malformed: an unknown parameter, a value out of range or not in the list. `errors` names each parameter at fault.",
    404: "Nothing has that identifier.",
    500: "An unexpected failure on the server.",
  };
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: descriptions[status],
        headers: { "Access-Control-Allow-Origin": { $ref: "#/components/headers/AllowOrigin" } },
        content: { "application/json": { schema: ref("Error") } },
      },
    ]),
  );
}

/** Money in a figures answer: integer pence as a decimal string. */
export const pence = (description: string) => ({
  type: "string",
  pattern: "^[0-9]+$",
  description: `${description} Integer pence as a decimal string.`,
});

/** A count in a figures answer. */
export const count = (description: string) => ({ type: "integer", minimum: 0, description });
