import path from "node:path";
import { sql as raw } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { connect } from "@/db/client";
import { seed } from "@/db/seed";
import { describeDatabaseError, UserFacingError } from "./errors";

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

/** Opens a short-lived connection for a script, turning connection failures into sentences. */
export async function withDatabase<T>(
  url: string,
  work: (handle: ReturnType<typeof connect>) => Promise<T>,
  options: { max?: number } = {},
): Promise<T> {
  const handle = connect(url, { max: options.max ?? 2 });
  try {
    await handle.sql`select 1`;
  } catch (error) {
    await handle.sql.end({ timeout: 1 }).catch(() => {});
    throw new UserFacingError(describeDatabaseError(error, url));
  }
  try {
    return await work(handle);
  } finally {
    await handle.sql.end({ timeout: 5 });
  }
}

/** Any fixed number: instances starting together take turns to migrate. */
export const MIGRATION_LOCK = 7_250_417;

export async function migrateDatabase(url: string): Promise<void> {
  // One connection, so the advisory lock and the migrations share a session.
  await withDatabase(
    url,
    async ({ db, sql }) => {
      await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
      try {
        await migrate(db, { migrationsFolder: MIGRATIONS });
      } finally {
        await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      }
    },
    { max: 1 },
  );
}

/** Seeds reference data (and demo data) idempotently; `ifEmpty` seeds only a fresh database. */
export async function seedDatabase(
  url: string,
  options: { demo: boolean; ifEmpty?: boolean },
): Promise<boolean> {
  return withDatabase(url, async ({ db }) => {
    if (options.ifEmpty) {
      const [row] = await db.execute<{ n: number }>(
        raw`select count(*)::int as n from organisations`,
      );
      if (row && row.n > 0) return false;
    }
    const summary = await seed(db, { demo: options.demo });
    console.log(`Seeded: ${JSON.stringify(summary)}`);
    return true;
  });
}
