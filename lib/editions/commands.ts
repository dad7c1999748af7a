import "server-only";
import { sql } from "drizzle-orm";
import { editions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { invalid, notAllowed, type CommandResult } from "@/lib/commands/result";
import { transact } from "@/lib/commands/transact";
import { formatDateTime } from "@/lib/format/dates";
import type { RequestInfo } from "@/lib/request";
import { databaseNow, holdPublicationLock } from "@/lib/review/publication-lock";
import { londonToInstant } from "./london-time";
import { createEditionSchema, type CreateEditionInput } from "./schemas";

/*
 * Naming an edition. It stores a name and a moment, never a copy of figures: the edition's
 * figures are computed from the approval history (./queries.ts). It takes the publication lock
 * exclusively, so every decision stamped at or before the moment has committed before the
 * edition exists and every later one is stamped after it: the figures can never change.
 */

const DUPLICATE_NAME = invalid({ name: "There is already an edition with this name" });

export async function createEdition(
  actor: CurrentUser,
  input: CreateEditionInput | Record<string, unknown>,
  request: RequestInfo,
): Promise<CommandResult<{ editionId: number; asOf: Date }>> {
  if (actor?.role !== "admin") return notAllowed("Only administrators can do this.");
  const parsed = parseInput(createEditionSchema, input);
  if (!parsed.ok) return parsed;
  const { name, asOfDate, asOfTime, description } = parsed.data;
  const asOf = londonToInstant(asOfDate, asOfTime);

  return transact(
    { request, duplicates: { editions_name_unique: DUPLICATE_NAME } },
    async ({ tx, audit, publicChanged }) => {
      await holdPublicationLock(tx, "exclusive");
      const now = await databaseNow(tx);
      if (asOf.getTime() > now.date.getTime())
        refuse(
          invalid({
            asOfDate: `The edition's moment must be now or in the past (it is ${formatDateTime(now.date)} now). For today, enter a time that has passed.`,
          }),
        );
      const [existing] = await tx
        .select({ id: editions.id })
        .from(editions)
        .where(sql`lower(${editions.name}) = lower(${name})`);
      if (existing) refuse(DUPLICATE_NAME);
      const [row] = await tx
        .insert(editions)
        .values({ name, description, asOf, createdById: actor.id })
        .returning({ id: editions.id });
      await audit({
        actorUserId: actor.id,
        action: "edition.created",
        entityType: "edition",
        entityId: row!.id,
        after: { name, asOf: asOf.toISOString(), description },
      });
      await publicChanged();
      return {
        ok: true,
        message: `${name} has been published: the register as it stood at ${formatDateTime(asOf)}`,
        editionId: row!.id,
        asOf,
      };
    },
  );
}
