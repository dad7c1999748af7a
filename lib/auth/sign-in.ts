import "server-only";
import { eq, sql as raw } from "drizzle-orm";
import { db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { RequestInfo } from "@/lib/request";
import { verifyPassword } from "./password";
import { createSession } from "./sessions";
import { signInThrottle } from "./throttle";

/** One message for an unknown email, a wrong password and a disabled account: no enumeration. */
export const SIGN_IN_REFUSED = "Enter a correct email address and password";

export type SignInResult =
  | { ok: true; secret: string; userId: number; role: "admin" | "council_editor" }
  | { ok: false; message: string };

export async function findUserByEmail(email: string) {
  const [user] = await db()
    .select()
    .from(users)
    .where(eq(raw`lower(${users.email})`, email.trim().toLowerCase()));
  return user;
}

/**
 * Email + password sign-in: throttled per account and per IP (in PostgreSQL, so across app
 * instances), a password check that costs the same whether or not the account exists, and an
 * audit event either way — never with the password.
 */
export async function signInWithPassword(
  input: { email: string; password: string },
  request: RequestInfo,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const throttle = signInThrottle();
  const decision = await throttle.check(email, request.ip);
  if (!decision.allowed) {
    await recordAudit(db(), {
      actorUserId: null,
      action: "auth.sign_in_throttled",
      entityType: "user",
      after: { email, ip: request.ip ?? null },
      requestId: request.requestId,
    });
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    return {
      ok: false,
      message: `Too many failed attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again, or reset your password.`,
    };
  }

  const user = await findUserByEmail(email);
  const usable = user && user.status === "active" ? user.passwordHash : null;
  const ok = await verifyPassword(usable, input.password);
  if (!ok || !user) {
    await throttle.recordFailure(email, request.ip);
    await recordAudit(db(), {
      actorUserId: null,
      organisationId: user?.organisationId ?? null,
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id ?? null,
      after: {
        email,
        reason: !user ? "unknown-email" : user.status !== "active" ? user.status : "wrong-password",
      },
      requestId: request.requestId,
    });
    return { ok: false, message: SIGN_IN_REFUSED };
  }

  await throttle.recordSuccess(email, request.ip);
  const secret = await beginSession(user, "password", request);
  return { ok: true, secret, userId: user.id, role: user.role };
}

/**
 * Starts a session for a user who has just proved who they are (password or SSO): the
 * session row, their last sign-in time and the audit event, in one transaction. Returns the
 * secret for the cookie.
 */
export async function beginSession(
  user: Pick<User, "id" | "organisationId" | "sessionVersion">,
  provider: "password" | "oidc",
  request: RequestInfo,
): Promise<string> {
  return db().transaction(async (tx) => {
    const secret = await createSession(tx, {
      userId: user.id,
      sessionVersion: user.sessionVersion,
      provider,
      ip: request.ip,
      userAgent: request.userAgent,
    });
    await tx
      .update(users)
      .set({ lastSignInAt: raw`now()` })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "auth.sign_in",
      entityType: "user",
      entityId: user.id,
      after: { provider },
      requestId: request.requestId,
    });
    return secret;
  });
}
