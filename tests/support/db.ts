import { connect, sql as appSql, type Sql } from "@/db/client";

/** The database the test runner migrated and seeded (scripts/test.ts sets DATABASE_URL). */
export function testDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the suite with `npm test`.");
  return connect(url, { max: 2 });
}

/** Thrown inside a transaction to roll back whatever the test wrote. */
export class Rollback extends Error {}

/**
 * Ends a suite's connections: its own, and the app's pool, which db/client.ts keeps on
 * globalThis (forgotten too, so the next suite in this worker opens a fresh one).
 */
export async function closeDatabases(sql: Sql): Promise<void> {
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
}

/**
 * Removes what a suite's users (emails ending `.<run>@test.example.org`) made: their
 * arrangements (revisions and their rows cascade); the users are disabled, since audit events
 * name them. The suite shares its database with the end-to-end run, whose home page must still
 * show the demo set's exact totals.
 */
export async function removeRunArrangements(sql: Sql, run: string): Promise<void> {
  const emails = `%.${run}@test.example.org`;
  await sql`delete from arrangements where created_by_id in (
              select id from users where email like ${emails})`;
  await sql`update users set status = 'disabled' where email like ${emails}`;
}
