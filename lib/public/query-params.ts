import { z } from "zod";
import { regionBySlug } from "./regions";

/*
 * Reading a query string with zod, for the public pages and the API: each parameter given at
 * most once, anything malformed refused with a message naming the parameter (pages show it, the
 * API answers 400), never a 500. The register's filters (./filters.ts) and the API's
 * organisation list (./organisation-query.ts) are built from these. Pure module.
 */

export const MAX_PAGE = 10_000;
/** Results per page: the explorer always shows this many; the API's default `limit`. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `limit` the API accepts; more is refused (400), not quietly cut. */
export const MAX_PAGE_SIZE = 100;

export type ParseResult<T> =
  { ok: true; value: T } | { ok: false; errors: Record<string, string>; message: string };

/** A parameter given at most once (its one value, or undefined), then checked by `.pipe`. */
export const one = (message: string) =>
  z
    .array(z.string())
    .max(1, { message })
    .transform((values) => values[0]);

export const pageParam = one("Give one page number").pipe(
  z
    .string()
    .regex(/^\d{1,6}$/, { message: "The page must be a whole number from 1" })
    .transform(Number)
    .pipe(z.number().int().min(1, { message: "The page must be a whole number from 1" }))
    .pipe(z.number().max(MAX_PAGE, { message: `The page must be ${MAX_PAGE} or less` }))
    .optional(),
);

const limitMessage = `The limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`;
export const limitParam = one("Give one limit").pipe(
  z
    .string()
    .regex(/^\d{1,6}$/, { message: limitMessage })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { message: limitMessage })
        .max(MAX_PAGE_SIZE, { message: limitMessage }),
    )
    .optional(),
);

/** A region slug from the list. */
export const regionParam = one("Choose one region").pipe(
  z
    .string()
    .refine((s) => !!regionBySlug(s), { message: "Choose a region from the list" })
    .optional(),
);

/** The named parameters' values, trimmed, empty ones dropped. */
export function toRecord(search: URLSearchParams, names: readonly string[]) {
  const record: Record<string, string[]> = {};
  for (const name of names) {
    const values = search
      .getAll(name)
      .map((v) => v.trim())
      .filter((v) => v !== "");
    record[name] = values;
  }
  return record;
}

export function failure(error: z.ZodError): {
  ok: false;
  errors: Record<string, string>;
  message: string;
} {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "query");
    errors[key] ??= issue.message;
  }
  return { ok: false, errors, message: Object.values(errors).join(". ") };
}
