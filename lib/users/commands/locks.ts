import "server-only";
import { and, eq, sql as raw } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, users, type User } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/sessions";
import { refuse } from "@/lib/commands/refusal";
import { invalid, notAllowed, notFound } from "@/lib/commands/result";

/* What the user commands check and lock before they change an account. */

/** Raises session_version: the user's existing sessions end on their next request. */
export const bumpSessionVersion = raw`${users.sessionVersion} + 1`;

/**
 * Locks every active administrator's row, in id order (so two admin commands never deadlock),
 * and checks the actor is still one of them. Held to the end of the transaction, this is what
 * makes "never remove the last administrator" hold under concurrency: a second demotion waits
 * for the first, then sees one administrator fewer.
 */
export async function lockAdmins(tx: Tx, actor: CurrentUser): Promise<number[]> {
  if (actor.role !== "admin") refuse(notAllowed("Only administrators can do this."));
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(users.id)
    .for("update");
  const ids = admins.map((a) => a.id);
  if (!ids.includes(actor.id))
    refuse(notAllowed("You are no longer an administrator, so nothing was changed."));
  return ids;
}

export async function lockUser(tx: Tx, id: number): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  if (!user) refuse(notFound("That user does not exist."));
  return user;
}

export async function findOrganisation(tx: Tx, id: number) {
  const [organisation] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!organisation) refuse(invalid({ organisationId: "Select an organisation from the list" }));
  return organisation;
}

/** Refuses to take away the last active administrator. */
export function keepLastAdmin(target: User, admins: number[]): void {
  if (target.role === "admin" && target.status === "active" && admins.length <= 1)
    refuse(
      notAllowed(
        `${target.name} is the only active administrator. Make someone else an administrator first.`,
      ),
    );
}
