import "server-only";
import { eq, sql as raw } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createSession, endSession, type CurrentUser } from "@/lib/auth/sessions";
import { signInThrottle } from "@/lib/auth/throttle";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import {
  conflict,
  invalid,
  notAllowed,
  notFound,
  type CommandResult,
  type CommonFailure,
} from "@/lib/commands/result";
import { transact } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import { changePasswordSchema, updateNameSchema, type ChangePasswordInput } from "../schemas";
import { bumpSessionVersion, lockUser } from "./locks";
import { newPasswordErrors } from "./new-password";

/* Self-service: the signed-in user's own account. */

export async function updateOwnName(
  user: CurrentUser,
  request: RequestInfo,
  input: z.input<typeof updateNameSchema>,
): Promise<CommandResult> {
  const parsed = parseInput(updateNameSchema, input);
  if (!parsed.ok) return parsed;
  const { name } = parsed.data;

  return transact({ request }, async ({ tx, audit }) => {
    const current = await lockUser(tx, user.id);
    if (current.name === name) return { ok: true, message: "Your name is unchanged." };
    await tx
      .update(users)
      .set({ name, updatedAt: raw`now()` })
      .where(eq(users.id, user.id));
    await audit({
      actorUserId: user.id,
      organisationId: current.organisationId,
      action: "user.name_changed",
      entityType: "user",
      entityId: user.id,
      before: { name: current.name },
      after: { name },
    });
    return { ok: true, message: `Your name has been changed to ${name}.` };
  });
}

/**
 * Checks the current password as sign-in would: throttled per account, and a wrong guess
 * counts against the account and is audited. Returns the stored hash, or why not.
 */
async function checkCurrentPassword(
  user: CurrentUser,
  request: RequestInfo,
  currentPassword: string,
): Promise<{ email: string; passwordHash: string } | CommonFailure> {
  const [row] = await db()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row) return notFound("Your account no longer exists.");
  if (!row.passwordHash)
    return notAllowed(
      "You do not have a password for this site: you sign in with your organisation's account.",
    );
  const decision = await signInThrottle().check(row.email, request.ip);
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    return notAllowed(
      `Too many wrong passwords. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    );
  }
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    await signInThrottle().recordFailure(row.email, request.ip);
    await recordAudit(db(), {
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "user.password_change_failed",
      entityType: "user",
      entityId: user.id,
      after: { reason: "wrong-current-password" },
      requestId: request.requestId,
    });
    return invalid({ currentPassword: "Your current password is not correct" });
  }
  return { email: row.email, passwordHash: row.passwordHash };
}

/**
 * Changes the signed-in user's password. The current password is required (and wrong guesses
 * count against the account's sign-in throttle, as they would at sign-in). Every session of
 * the user ends, this one included; a new session for this browser is returned, for the action
 * to put in the cookie, so only the user's *other* sessions are signed out.
 */
export async function changeOwnPassword(
  user: CurrentUser,
  request: RequestInfo,
  input: ChangePasswordInput,
): Promise<CommandResult<{ secret: string }>> {
  const parsed = parseInput(changePasswordSchema, input);
  if (!parsed.ok) return parsed;
  const { currentPassword, newPassword, confirmPassword } = parsed.data;
  const current = await checkCurrentPassword(user, request, currentPassword);
  if ("ok" in current) return current;
  const errors =
    newPassword === currentPassword
      ? { newPassword: "Your new password must be different from your current password" }
      : newPasswordErrors(newPassword, confirmPassword, {
          password: "newPassword",
          confirm: "confirmPassword",
        });
  if (errors) return invalid(errors);
  const passwordHash = await hashPassword(newPassword);

  const result = await transact<{ secret: string }>({ request }, async ({ tx, audit }) => {
    const locked = await lockUser(tx, user.id);
    if (locked.passwordHash !== current.passwordHash)
      refuse(conflict("Your password was changed a moment ago, somewhere else. Sign in again."));
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: bumpSessionVersion, updatedAt: raw`now()` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    const [session] = await tx
      .select({ provider: sessions.provider })
      .from(sessions)
      .where(eq(sessions.id, user.sessionId));
    await endSession(tx, user.sessionId, "password-changed");
    const secret = await createSession(tx, {
      userId: user.id,
      sessionVersion: updated!.sessionVersion,
      provider: session?.provider ?? "password",
      ip: request.ip,
      userAgent: request.userAgent,
    });
    await audit({
      actorUserId: user.id,
      organisationId: locked.organisationId,
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      after: { otherSessionsEnded: true },
    });
    return {
      ok: true,
      secret,
      message: "Your password has been changed. You have been signed out everywhere else.",
    };
  });
  if (result.ok) await signInThrottle().recordSuccess(current.email, request.ip);
  return result;
}
