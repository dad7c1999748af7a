import { connect } from "@/db/client";

/** The database the test runner migrated and seeded (scripts/test.ts sets DATABASE_URL). */
export function testDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the suite with `npm test`.");
  return connect(url, { max: 2 });
}

/** Thrown inside a transaction to roll back whatever the test wrote. */
export class Rollback extends Error {}
