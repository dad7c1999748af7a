/**
 * Start-up problems a person can fix. The scripts print only `message`, one plain sentence
 * saying what to do, never a stack trace.
 */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}

/** Turns what the driver throws on connect into a sentence about what to do. */
export function describeDatabaseError(error: unknown, url: string): string {
  const code = (error as { code?: string } | null)?.code;
  let where = "the database";
  try {
    const u = new URL(url);
    where = `the database at ${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    // Keep the generic wording.
  }
  switch (code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
      return `Cannot reach ${where}. Check that PostgreSQL is running and that DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.`;
    case "3D000":
      return `${where} does not exist. Create it (createdb) or point DATABASE_URL at an existing database.`;
    case "28P01":
    case "28000":
      return `${where} refused the user name or password in DATABASE_URL.`;
    default:
      return `Could not use ${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Runs a script's main, printing user-facing errors as one line and exiting non-zero. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UserFacingError || (error as Error)?.name === "EnvError") {
      console.error(`\n${(error as Error).message}\n`);
    } else {
      console.error(error);
    }
    process.exit(1);
  });
}
