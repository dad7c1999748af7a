import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, type Organisation } from "@/db/schema";
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

/** Successions followed at most this far: a longer chain is a data error, not a merger. */
const MAX_SUCCESSIONS = 50;

/** True when `fromId`, or its successor, or that one's… (recorded replacements) is `targetId`. */
async function successionReaches(tx: Tx, fromId: number, targetId: number): Promise<boolean> {
  const replaced = await tx
    .select({ id: organisations.id, replacedById: organisations.replacedById })
    .from(organisations)
    .where(isNotNull(organisations.replacedById));
  const successorOf = new Map(replaced.map((o) => [o.id, o.replacedById]));
  let id: number | null | undefined = fromId;
  for (let depth = 0; id != null && depth <= MAX_SUCCESSIONS; depth++) {
    if (id === targetId) return true;
    id = successorOf.get(id);
  }
  return false;
}
