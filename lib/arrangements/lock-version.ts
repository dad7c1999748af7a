import "server-only";
import { eq, sql as raw } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { arrangements, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";

/*
 * arrangements.lock_version, the one detector of concurrent change. Every change to an
 * arrangement or its revisions raises it — the editor's commands (./commands) and the
 * administrators' decisions (lib/review) alike — so a form or review page loaded before the
 * change is refused and told who changed the record and when; nothing is overwritten.
 */

/** Raises lock_version and records who changed the arrangement; returns the new version. */
export async function raiseLockVersion(
  tx: Tx,
  arrangementId: number,
  user: CurrentUser,
): Promise<number> {
  const [row] = await tx
    .update(arrangements)
    .set({
      lockVersion: raw`${arrangements.lockVersion} + 1`,
      updatedAt: raw`now()`,
      updatedById: user.id,
    })
    .where(eq(arrangements.id, arrangementId))
    .returning({ lockVersion: arrangements.lockVersion });
  return row!.lockVersion;
}

/** The name of whoever made the arrangement's last change, for a conflict message. */
export async function lastChangedBy(reader: DbOrTx, updatedById: number | null): Promise<string> {
  const [editor] = updatedById
    ? await reader.select({ name: users.name }).from(users).where(eq(users.id, updatedById))
    : [];
  return editor?.name ?? "another user";
}
