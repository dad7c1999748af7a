import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, columns } from "@/db/checked-rows";
import type { Tx } from "@/db/client";

/*
 * Why editions never change once named. An edition is the register as it stood at a moment,
 * read from approval history (reviewed_at / superseded_at). A decision's transaction could
 * stamp a time just before an edition's moment and commit just after it, and the edition would
 * then gain an approval after it was named. So decisions hold this lock *shared* while they
 * stamp their time and commit, and naming an edition takes it *exclusively*: it waits for
 * decisions in flight to commit, and any decision after it stamps a later time. Decisions do
 * not wait for each other.
 */

const KEY = sql`hashtext('shared-services-map:publication')`;

export async function holdPublicationLock(tx: Tx, mode: "shared" | "exclusive"): Promise<void> {
  await tx.execute(
    mode === "shared"
      ? sql`select pg_advisory_xact_lock_shared(${KEY})`
      : sql`select pg_advisory_xact_lock(${KEY})`,
  );
}

/**
 * The database's clock now (not the transaction's start), as an exact timestamptz literal:
 * taken after the lock, it is later than every edition already named.
 */
export async function databaseNow(tx: Tx): Promise<{ text: string; date: Date }> {
  const { at } = await checkedRow(
    tx,
    z.object({ at: columns.isoTimestamp }),
    sql`select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`,
  );
  return { text: at, date: new Date(at) };
}
