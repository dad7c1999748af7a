import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect, QueryBuilder } from "drizzle-orm/pg-core";

/*
 * Typed SQL pieces for Drizzle's builder: the aggregates the read side uses, exact, and a query
 * builder for subqueries and CTEs. count(*) is bigint in PostgreSQL and SUM(bigint) is numeric:
 * each is cast back (to int, to bigint) as the raw queries do, and decoded again in JavaScript,
 * so a count is a number and a sum of pence a BigInt whatever the driver's settings.
 */

/** Builds subqueries and CTEs (no connection), with the app's column naming (db/client.ts). */
export const queryBuilder = new QueryBuilder({ casing: "snake_case" });

const dialect = new PgDialect({ casing: "snake_case" });

/**
 * Constant SQL written with typed columns, rendered to text once. The compiler still checks
 * every column; a fragment that nearly every query includes (the published register) then costs
 * no rendering per query — Drizzle renders each column reference anew every time otherwise.
 */
export function renderedOnce(query: SQL): SQL {
  const { sql: text, params } = dialect.sqlToQuery(query);
  if (params.length > 0) throw new Error("renderedOnce takes constant SQL, without parameters");
  return sql.raw(text);
}

/** count(*), or of the rows meeting `condition`, as a number. */
export function countRows(condition?: SQLWrapper): SQL<number> {
  const counted = condition ? sql`count(*) FILTER (WHERE ${condition})` : sql`count(*)`;
  return sql<number>`${counted}::int`.mapWith(Number);
}

/** The sum of a bigint column (pence), 0 when there are no rows: exact, as a BigInt. */
export function sumPence(column: SQLWrapper): SQL<bigint> {
  return sql<bigint>`COALESCE(SUM(${column}), 0)::bigint`.mapWith(BigInt);
}

/**
 * A timestamptz as ISO 8601 text in UTC, to the millisecond, for raw reads: through Drizzle they
 * get timestamps as PostgreSQL's own text, which Date cannot be trusted to parse.
 */
export function isoTimestamp(expression: SQLWrapper): SQL<string> {
  return sql<string>`to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
