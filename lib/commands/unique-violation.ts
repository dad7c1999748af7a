/**
 * The constraint a unique violation (SQLSTATE 23505) hit, or null for any other error.
 * Drizzle wraps the driver's error, so the causes are followed; postgres.js names the
 * constraint ("" if it did not).
 */
export function uniqueViolation(error: unknown): string | null {
  for (
    let e = error as { code?: string; constraint_name?: string; cause?: unknown } | undefined;
    e;
  ) {
    if (e.code === "23505") return e.constraint_name ?? "";
    e = e.cause as typeof e;
  }
  return null;
}
