import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { editions } from "@/db/schema";
import type { RequestInfo } from "@/lib/arrangements/commands";
import { uniqueViolation } from "@/lib/arrangements/shared";
import { recordAudit } from "@/lib/audit";
import { fieldErrors, type CurrentUser } from "@/lib/auth/access";
import { recordPublicChange, revalidatePublicPages } from "@/lib/cache/public-cache";
import { databaseNow, holdPublicationLock } from "@/lib/review/publication-lock";
import { formatDateTime } from "@/lib/users/labels";
import { londonToInstant } from "./london-time";
import { createEditionSchema, type CreateEditionInput } from "./schemas";

/*
 * Naming an edition. It stores a name and a moment, never a copy of figures: the edition's
 * figures are computed from the approval history (./queries.ts). It takes the publication lock
 * exclusively, so every decision stamped at or before the moment has committed before the
 * edition exists and every later one is stamped after it: the figures can never change.
 */

export type Failure = { ok: false; message?: string; errors?: Record<string, string> };
export type CommandResult = { ok: true; message: string; editionId: number; asOf: Date } | Failure;

class Refusal extends Error {
  constructor(readonly result: Failure) {
    super(result.message ?? "refused");
  }
}

const DUPLICATE_NAME: Failure = {
  ok: false,
  errors: { name: "There is already an edition with this name" },
};

export async function createEdition(
  actor: CurrentUser,
  input: CreateEditionInput | Record<string, unknown>,
  request: RequestInfo,
): Promise<CommandResult> {
  if (actor?.role !== "admin") return { ok: false, message: "Only administrators can do this." };
  const parsed = createEditionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { name, asOfDate, asOfTime, description } = parsed.data;
  const asOf = londonToInstant(asOfDate, asOfTime);

  let result: CommandResult;
  try {
    result = await db().transaction(async (tx) => {
      await holdPublicationLock(tx, "exclusive");
      const now = await databaseNow(tx);
      if (asOf.getTime() > now.date.getTime())
        throw new Refusal({
          ok: false,
          errors: {
            asOfDate: `The edition's moment must be now or in the past (it is ${formatDateTime(now.date)} now). For today, enter a time that has passed.`,
          },
        });
      const [existing] = await tx
        .select({ id: editions.id })
        .from(editions)
        .where(sql`lower(${editions.name}) = lower(${name})`);
      if (existing) throw new Refusal(DUPLICATE_NAME);
      const [row] = await tx
        .insert(editions)
        .values({ name, description, asOf, createdById: actor.id })
        .returning({ id: editions.id });
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: "edition.created",
        entityType: "edition",
        entityId: row!.id,
        after: { name, asOf: asOf.toISOString(), description },
        requestId: request.requestId,
      });
      await recordPublicChange(tx);
      return {
        ok: true as const,
        message: `${name} has been published: the register as it stood at ${formatDateTime(asOf)}`,
        editionId: row!.id,
        asOf,
      };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (uniqueViolation(error) === "editions_name_unique") return DUPLICATE_NAME;
    throw error;
  }
  revalidatePublicPages();
  return result;
}
