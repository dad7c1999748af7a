import type { z } from "zod";
import { invalid, type FieldErrors, type Invalid } from "./result";

/** Zod issues → one message per field (the first), keyed by the field's path. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** A command's input through its schema: the typed values, or an `invalid` failure. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | Invalid {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : invalid(fieldErrors(parsed.error));
}
