import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql as raw } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { authTokens, users, type User } from "@/db/schema";

/*
 * Single-use tokens for password reset and invitations. The plain token exists only in the
 * link that is mailed; the database keeps its SHA-256, so a copy of the database (or of the
 * audit trail, which never sees either) cannot be used to take over an account.
 */

export type TokenPurpose = "reset" | "invite";
export type TokenProblem = "invalid" | "expired" | "used";

export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = {
  reset: 60 * 60,
  invite: 7 * 24 * 60 * 60,
};

// 32 random bytes in base64url: exactly 43 characters from this alphabet.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a token and returns it in plain form, for the link. Any older unused token of the same
 * purpose for the same user stops working: only the latest email's link is good.
 */
export async function issueToken(
  writer: DbOrTx,
  input: { userId: number; purpose: TokenPurpose; createdById: number | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await writer
    .update(authTokens)
    .set({ usedAt: raw`now()` })
    .where(
      and(
        eq(authTokens.userId, input.userId),
        eq(authTokens.purpose, input.purpose),
        isNull(authTokens.usedAt),
      ),
    );
  await writer.insert(authTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: hashToken(token),
    expiresAt: raw`now() + ${TOKEN_LIFETIME_SECONDS[input.purpose]}::float8 * interval '1 second'`,
    createdById: input.createdById,
  });
  return token;
}

/** Marks every unused token of a user as used (the account was disabled, or a password set). */
export async function revokeTokens(writer: DbOrTx, userId: number): Promise<void> {
  await writer
    .update(authTokens)
    .set({ usedAt: raw`now()` })
    .where(and(eq(authTokens.userId, userId), isNull(authTokens.usedAt)));
}

export type ConsumeResult = { ok: true; user: User } | { ok: false; reason: TokenProblem };

/**
 * Uses a token up. One conditional UPDATE decides, so of two requests with the same token at
 * the same moment exactly one gets the user; the other waits for the row lock and then finds
 * it used. Pass the transaction that makes the change the token allows: if that change fails,
 * the token stays unused. The user's row comes back locked for that transaction.
 */
export async function consumeToken(
  tx: DbOrTx,
  token: string,
  purpose: TokenPurpose,
): Promise<ConsumeResult> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "invalid" };
  const tokenHash = hashToken(token);
  const [used] = await tx
    .update(authTokens)
    .set({ usedAt: raw`now()` })
    .where(
      and(
        eq(authTokens.tokenHash, tokenHash),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, raw`now()`),
      ),
    )
    .returning({ userId: authTokens.userId });
  if (!used) return { ok: false, reason: await whyUnusable(tx, tokenHash, purpose) };
  const [user] = await tx.select().from(users).where(eq(users.id, used.userId)).for("update");
  return user ? { ok: true, user } : { ok: false, reason: "invalid" };
}

export type PeekResult =
  | { ok: true; user: Pick<User, "id" | "email" | "name" | "status">; expiresAt: Date }
  | { ok: false; reason: TokenProblem };

/** Whether a token would work now, without using it: for rendering the page behind a link. */
export async function peekToken(
  token: string | null | undefined,
  purpose: TokenPurpose,
  reader: DbOrTx = db(),
): Promise<PeekResult> {
  if (!token || !TOKEN_SHAPE.test(token)) return { ok: false, reason: "invalid" };
  const tokenHash = hashToken(token);
  const [row] = await reader
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      expiresAt: authTokens.expiresAt,
      usedAt: authTokens.usedAt,
      expired: raw<boolean>`${authTokens.expiresAt} <= now()`,
    })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose)));
  if (!row) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expired) return { ok: false, reason: "expired" };
  const { expiresAt, id, email, name, status } = row;
  return { ok: true, user: { id, email, name, status }, expiresAt };
}

async function whyUnusable(
  reader: DbOrTx,
  tokenHash: string,
  purpose: TokenPurpose,
): Promise<TokenProblem> {
  const [row] = await reader
    .select({
      usedAt: authTokens.usedAt,
      expired: raw<boolean>`${authTokens.expiresAt} <= now()`,
    })
    .from(authTokens)
    .where(and(eq(authTokens.tokenHash, tokenHash), eq(authTokens.purpose, purpose)));
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  return row.expired ? "expired" : "invalid";
}
