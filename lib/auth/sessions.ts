import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql as raw } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { sessions, users, type User } from "@/db/schema";

export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 60 * 60;
/** last_seen_at is refreshed at most this often, so reads do not all become writes. */
const TOUCH_EVERY_SECONDS = 60;

export type CurrentUser = Pick<User, "id" | "email" | "name" | "role" | "organisationId"> & {
  sessionId: string;
};

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

/** Starts a server-side session; returns the secret that goes (encrypted) into the cookie. */
export async function createSession(
  writer: DbOrTx,
  input: {
    userId: number;
    sessionVersion: number;
    provider: string;
    ip?: string | null;
    userAgent?: string | null;
  },
): Promise<string> {
  const secret = randomBytes(32).toString("base64url");
  await writer.insert(sessions).values({
    id: hashSecret(secret),
    userId: input.userId,
    sessionVersion: input.sessionVersion,
    provider: input.provider,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
  });
  return secret;
}

/**
 * The user behind a session secret, or null when the session has ended: logged out, idle for
 * 30 minutes, older than 12 hours, the user disabled, or the user's session version raised
 * (role, organisation or password changed) since it began. Checked on every request.
 */
export async function resolveSession(secret: string): Promise<CurrentUser | null> {
  const id = hashSecret(secret);
  const [row] = await db()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      organisationId: users.organisationId,
      status: users.status,
      userVersion: users.sessionVersion,
      sessionVersion: sessions.sessionVersion,
      endedAt: sessions.endedAt,
      idleSeconds: raw<number>`extract(epoch from now() - ${sessions.lastSeenAt})::float8`,
      ageSeconds: raw<number>`extract(epoch from now() - ${sessions.createdAt})::float8`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row || row.endedAt) return null;

  const ended =
    row.status !== "active"
      ? "user-disabled"
      : row.userVersion !== row.sessionVersion
        ? "user-changed"
        : row.idleSeconds > IDLE_TIMEOUT_SECONDS
          ? "idle-timeout"
          : row.ageSeconds > ABSOLUTE_TIMEOUT_SECONDS
            ? "absolute-timeout"
            : null;
  if (ended) {
    await endSession(db(), id, ended);
    return null;
  }
  if (row.idleSeconds > TOUCH_EVERY_SECONDS) {
    await db()
      .update(sessions)
      .set({ lastSeenAt: raw`now()` })
      .where(eq(sessions.id, id));
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisationId: row.organisationId,
    sessionId: id,
  };
}

export async function endSession(writer: DbOrTx, sessionId: string, reason: string): Promise<void> {
  await writer
    .update(sessions)
    .set({ endedAt: raw`now()`, endReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}
