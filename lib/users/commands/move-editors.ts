import "server-only";
import { and, asc, eq, inArray, sql as raw } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { organisations, organisationSuccessions, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/sessions";
import { today } from "@/lib/clock";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { invalid, notAllowed, type CommandResult } from "@/lib/commands/result";
import { transact, type CommandOptions } from "@/lib/commands/transact";
import { formatLongDate } from "@/lib/format/dates";
import type { RequestInfo } from "@/lib/request";
import { moveEditorsSchema, type MoveEditorsInput } from "../schemas";
import { bumpSessionVersion, lockAdmins } from "./locks";

/*
 * After a reorganisation has vested, an administrator moves every editor account of a council
 * that ended to one of the councils that took over from it, in one step: each is audited as an
 * organisation change, and each one's sessions end on their next request (session_version), as
 * when one editor is moved (./admin-changes.ts changeOrganisation).
 */

export async function moveEditors(
  actor: CurrentUser,
  request: RequestInfo,
  input: MoveEditorsInput,
  options: CommandOptions = {},
): Promise<CommandResult<{ moved: number }>> {
  const parsed = parseInput(moveEditorsSchema, input);
  if (!parsed.ok) return parsed;
  const { predecessorId, successorId } = parsed.data;

  return transact({ ...options, request }, async ({ tx, audit }) => {
    await lockAdmins(tx, actor);
    const predecessor = alias(organisations, "predecessor");
    const successor = alias(organisations, "successor");
    const [succession] = await tx
      .select({
        effectiveDate: organisationSuccessions.effectiveDate,
        from: predecessor.name,
        to: successor.name,
      })
      .from(organisationSuccessions)
      .innerJoin(predecessor, eq(predecessor.id, organisationSuccessions.predecessorId))
      .innerJoin(successor, eq(successor.id, organisationSuccessions.successorId))
      .where(
        and(
          eq(organisationSuccessions.predecessorId, predecessorId),
          eq(organisationSuccessions.successorId, successorId),
        ),
      );
    if (!succession)
      refuse(invalid({ successorId: "Select one of the councils that took over from it" }));
    if (succession.effectiveDate > today())
      refuse(
        notAllowed(
          `${succession.to} takes over from ${succession.from} on ${formatLongDate(succession.effectiveDate)}: its editors can be moved from then.`,
        ),
      );
    const editors = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.organisationId, predecessorId), eq(users.role, "council_editor")))
      .orderBy(asc(users.id))
      .for("update");
    if (editors.length === 0) refuse(notAllowed(`${succession.from} has no editors to move.`));

    await tx
      .update(users)
      .set({
        organisationId: successorId,
        sessionVersion: bumpSessionVersion,
        updatedAt: raw`now()`,
      })
      .where(
        inArray(
          users.id,
          editors.map((e) => e.id),
        ),
      );
    for (const editor of editors)
      await audit({
        actorUserId: actor.id,
        organisationId: successorId,
        action: "user.organisation_changed",
        entityType: "user",
        entityId: editor.id,
        before: { organisationId: predecessorId },
        after: { organisationId: successorId, reason: "reorganisation" },
      });
    const n = editors.length;
    return {
      ok: true,
      moved: n,
      message: `${n === 1 ? "1 editor" : `${n} editors`} of ${succession.from} now work for ${succession.to}. They have been signed out and will see the change when they sign in again.`,
    };
  });
}
