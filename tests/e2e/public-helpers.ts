import { sql } from "./fixtures";

/* Helpers for the public-site specs. */

/**
 * Tells every app instance the public register changed, as an approval does in its transaction,
 * and waits until the server has read it (its cache handler looks every 250 ms), so the next page
 * a test asks for reflects the change.
 */
export async function publicChange(): Promise<void> {
  await sql`insert into cache_invalidations (tag) values ('public-register')`;
  await new Promise((resolve) => setTimeout(resolve, 600));
}
