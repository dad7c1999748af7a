// The container's start command (see Dockerfile): apply pending migrations, then run the
// standalone Next.js server. Instances starting together take turns through an advisory lock,
// the same one `npm run db:migrate` takes. MIGRATE_ON_START=false skips the step (for example
// when migrations run as a separate release job).
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

const MIGRATION_LOCK = 7_250_417; // scripts/lib/database.ts

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at the PostgreSQL database.");
  process.exit(1);
}

if (process.env.MIGRATE_ON_START !== "false") {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql), {
      migrationsFolder: new URL("./db/migrations", import.meta.url).pathname,
    });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    console.log("Migrations applied.");
  } catch (error) {
    console.error(
      `Could not migrate the database: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

await import("./server.js");
