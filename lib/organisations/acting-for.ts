import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkedRow } from "@/db/checked-rows";
import type { DbOrTx } from "@/db/client";
import { organisationSuccessions } from "@/db/schema";
import { today } from "@/lib/clock";

/*
 * Whose arrangements a council's editors may edit: their own council's, and — from the vesting
 * day — those of every council it took over from, and of those that council took over from, and
 * so on (successions effective on or before the day). A split's predecessor is taken over by
 * each of its successors, so the editors of each may edit what it led. Nobody else's: an
 * arrangement led by any other organisation reads as not found.
 */

/** The ids of `organisationId` and the councils it had taken over from by `day`, as a subquery. */
export function actedFor(organisationId: number, day: string = today()): SQL {
  return sql`(WITH RECURSIVE acted(id) AS (
      SELECT ${organisationId}::int
      UNION
      SELECT s.predecessor_id FROM acted a
      JOIN ${organisationSuccessions} s ON s.successor_id = a.id
      WHERE s.effective_date <= ${day}::date
    ) SELECT id FROM acted)`;
}

/** True when an editor of `organisationId` may act for `leadId` on `day` (today by default). */
export async function actsFor(
  reader: DbOrTx,
  organisationId: number,
  leadId: number,
  day: string = today(),
): Promise<boolean> {
  if (organisationId === leadId) return true;
  const row = await checkedRow(
    reader,
    z.object({ acts: z.boolean() }),
    sql`SELECT ${leadId}::int IN ${actedFor(organisationId, day)} AS acts`,
  );
  return row.acts;
}
