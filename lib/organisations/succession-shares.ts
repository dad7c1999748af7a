import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { organisations, organisationSuccessions } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { invalid, notAllowed, type CommandResult } from "@/lib/commands/result";
import { transact, type CommandOptions } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import { lockOrganisation, notAdmin } from "./commands";
import { changeSharesSchema, type ChangeSharesInput } from "./reorganisation-schema";
import { bpToPercent, WHOLE_BP } from "./shares";

/*
 * An administrator corrects how a council divided between several successors was shared (by
 * population unless told otherwise). The shares still add up to 100%; the change is audited and
 * changes the public figures that follow the council to its successors. The seed never undoes
 * it (db/seed/index.ts: an organisation an administrator has changed is left as they made it).
 */

export async function changeSuccessionShares(
  actor: CurrentUser,
  input: ChangeSharesInput,
  request: RequestInfo,
  options: CommandOptions = {},
): Promise<CommandResult> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parseInput(changeSharesSchema, input);
  if (!parsed.ok) return parsed;
  const { predecessorId, version, shares } = parsed.data;

  return transact({ ...options, request }, async ({ tx, audit, publicChanged }) => {
    const predecessor = await lockOrganisation(tx, predecessorId, version);
    const rows = await tx
      .select({
        successorId: organisationSuccessions.successorId,
        shareBp: organisationSuccessions.shareBp,
        code: organisations.code,
        name: organisations.name,
      })
      .from(organisationSuccessions)
      .innerJoin(organisations, eq(organisations.id, organisationSuccessions.successorId))
      .where(eq(organisationSuccessions.predecessorId, predecessorId))
      .orderBy(asc(organisations.name))
      .for("update", { of: organisationSuccessions });
    if (rows.length < 2)
      refuse(
        notAllowed(
          `${predecessor.name} passed whole to one council, so there is no share to change.`,
        ),
      );
    const missing = rows.find((r) => !shares.has(r.successorId));
    if (missing || shares.size !== rows.length)
      refuse(invalid({ _form: "Enter a share for each council that took over, and only those" }));
    const total = rows.reduce((sum, r) => sum + shares.get(r.successorId)!, 0);
    if (total !== WHOLE_BP)
      refuse(
        invalid({
          [`share${rows[0]!.successorId}`]: `The shares add up to ${bpToPercent(total)}%: they must add up to 100%`,
        }),
      );

    for (const r of rows)
      await tx
        .update(organisationSuccessions)
        .set({ shareBp: shares.get(r.successorId)! })
        .where(
          and(
            eq(organisationSuccessions.predecessorId, predecessorId),
            eq(organisationSuccessions.successorId, r.successorId),
          ),
        );
    await tx
      .update(organisations)
      .set({ updatedAt: sql`clock_timestamp()` })
      .where(eq(organisations.id, predecessorId));
    const byCode = (bp: (r: (typeof rows)[number]) => number) =>
      Object.fromEntries(rows.map((r) => [r.code, bp(r)]));
    await audit({
      actorUserId: actor.id,
      organisationId: predecessorId,
      action: "organisation.shares_changed",
      entityType: "organisation",
      entityId: predecessorId,
      before: { sharesBp: byCode((r) => r.shareBp) },
      after: { sharesBp: byCode((r) => shares.get(r.successorId)!) },
    });
    await publicChanged();
    const described = rows
      .map((r) => `${r.name} ${bpToPercent(shares.get(r.successorId)!)}%`)
      .join(", ");
    return { ok: true, message: `${predecessor.name}’s shares are now: ${described}.` };
  });
}
