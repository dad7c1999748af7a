import type { SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "./client";

/*
 * Raw SQL, checked. Drizzle's builder types what a query returns; SQL that reads better written
 * out (window functions, a recursive CTE, several aggregates in one round trip) hands back rows
 * the compiler cannot see. Such a query declares its row once, as a zod schema, and every row is
 * parsed: a renamed column, or a sum that lost its cast and came back as numeric text, fails the
 * query's tests with the column's name instead of reaching a page as undefined or a float.
 * The schema's transform is the query's one mapper from SQL names to the app's.
 */

/** The rows of `query`, each parsed by `row`. */
export async function checkedRows<S extends z.ZodType>(
  reader: DbOrTx,
  row: S,
  query: SQL,
): Promise<z.output<S>[]> {
  const rows = await reader.execute(query);
  return rows.map((value, index) => {
    const parsed = row.safeParse(value);
    if (!parsed.success) {
      throw new Error(
        `Row ${index} is not what the query declares:\n${z.prettifyError(parsed.error)}`,
      );
    }
    return parsed.data;
  });
}

/** The one row of a query that always returns exactly one (aggregates without GROUP BY). */
export async function checkedRow<S extends z.ZodType>(
  reader: DbOrTx,
  row: S,
  query: SQL,
): Promise<z.output<S>> {
  const rows = await checkedRows(reader, row, query);
  if (rows.length !== 1) throw new Error(`Expected one row, the query returned ${rows.length}`);
  return rows[0]!;
}

/** Column types as the app's driver (db/client.ts) hands them over. */
export const columns = {
  /** integer, smallint, or count(*)::int. */
  int: z.number().int(),
  /** bigint, e.g. pence or SUM(…)::bigint: postgres.js gives BigInt, never a lossy number. */
  bigint: z.bigint(),
  /** An exact sum written as text (SUM(…)::text), read as BigInt. */
  bigintText: z
    .string()
    .regex(/^-?\d+$/)
    .transform((text) => BigInt(text)),
  /** to_char(date, 'YYYY-MM-DD'). */
  isoDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** to_char(… AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'). */
  isoTimestamp: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3,6}Z$/),
};
