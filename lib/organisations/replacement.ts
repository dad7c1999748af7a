import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow } from "@/db/checked-rows";
import type { Tx } from "@/db/client";
import { organisations, organisationSuccessions, type Organisation } from "@/db/schema";
import { refuse } from "@/lib/commands/refusal";
import { invalid, notAllowed } from "@/lib/commands/result";
import { nextDay } from "@/lib/editions/london-time";
import { formatLongDate } from "@/lib/format/dates";

/*
 * Whether one council may be recorded as replaced by another: the successor must be a
 * different council operating on the day after the last day, and must not itself (through its
 * own successors) lead back to the council it replaces.
 */

/** The council that replaces `before` from the day after `endDate`, or a refusal saying why not. */
export async function checkSuccession(
  tx: Tx,
  before: Organisation,
  endDate: string,
  replacedById: number,
): Promise<Organisation> {
  if (before.kind !== "council")
    refuse(notAllowed("Only a council can be recorded as replaced here."));
  if (before.startDate && endDate < before.startDate)
    refuse(
      invalid({
        endDate: `Last day must be on or after the day it started, ${formatLongDate(before.startDate)}`,
      }),
    );
  if (replacedById === before.id)
    refuse(invalid({ replacedById: "A council cannot replace itself: select its successor" }));
  const [successor] = await tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, replacedById), eq(organisations.kind, "council")));
  if (!successor)
    refuse(invalid({ replacedById: "Select the council that replaced it from the list" }));
  const firstDay = nextDay(endDate);
  if (
    (successor.startDate && successor.startDate > firstDay) ||
    (successor.endDate && successor.endDate < firstDay)
  )
    refuse(
      invalid({
        replacedById: `${successor.name} was not operating on ${formatLongDate(firstDay)}, the day after the last day: check the council or the date`,
      }),
    );
  if (await successionReaches(tx, replacedById, before.id))
    refuse(
      invalid({ replacedById: `${successor.name} is itself recorded as replaced by this council` }),
    );
  return successor;
}

/** True when `fromId`, or a council that succeeded it, or one that succeeded that… is `targetId`. */
async function successionReaches(tx: Tx, fromId: number, targetId: number): Promise<boolean> {
  const row = await checkedRow(
    tx,
    z.object({ reaches: z.boolean() }),
    sql`
    WITH RECURSIVE reached(id) AS (
      SELECT ${fromId}::int
      UNION
      SELECT s.successor_id FROM reached r
      JOIN ${organisationSuccessions} s ON s.predecessor_id = r.id
    )
    SELECT EXISTS (SELECT 1 FROM reached WHERE id = ${targetId}) AS reaches`,
  );
  return row.reaches;
}

/**
 * Records the succession in organisation_successions: the council passes whole (10000 basis
 * points) to its successor from the day after its last day, replacing any recorded before.
 */
export async function recordSuccession(
  tx: Tx,
  predecessorId: number,
  successorId: number,
  endDate: string,
): Promise<void> {
  await tx
    .delete(organisationSuccessions)
    .where(eq(organisationSuccessions.predecessorId, predecessorId));
  await tx.insert(organisationSuccessions).values({
    predecessorId,
    successorId,
    effectiveDate: nextDay(endDate),
    shareBp: 10_000,
  });
}
