import type { CurrentUser } from "./sessions";

/**
 * Defence in depth for the administrators' reads: the pages call requireAdmin() first, and the
 * queries refuse anyone else too. `what` completes "Only administrators may …".
 */
export function assertAdmin(
  actor: CurrentUser | null | undefined,
  what: string,
): asserts actor is CurrentUser {
  if (actor?.role !== "admin") throw new Error(`Only administrators may ${what}`);
}
