import "server-only";
import { and, count, eq, gt, sql as raw } from "drizzle-orm";
import type { z } from "zod";
import { authTokens, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { signInThrottle } from "@/lib/auth/throttle";
import {
  consumeToken,
  issueToken,
  peekToken,
  revokeTokens,
  type TokenProblem,
  type TokenPurpose,
} from "@/lib/auth/tokens";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import {
  invalid,
  notFound,
  type CommandResult,
  type CommonFailure,
  type Failure,
  type Success,
} from "@/lib/commands/result";
import { transact, type CommandContext } from "@/lib/commands/transact";
import { sendMail } from "@/lib/mail";
import type { RequestInfo } from "@/lib/request";
import { requestPasswordResetSchema, setPasswordSchema, type SetPasswordInput } from "../schemas";
import { bumpSessionVersion } from "./locks";
import { resetMail } from "./mail";
import { newPasswordErrors } from "./new-password";

/* Self-service with a link from a mail: forgotten passwords and accepting an invitation. */

/** The one answer to a reset request, whether or not an account exists: no enumeration. */
export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we have sent a link to reset the password.";

/** Reset mails to one account in an hour; beyond this a request is answered but sends nothing. */
export const RESETS_PER_HOUR = 5;

/**
 * Mails a reset link to an active account with this email. Answers the same whether or not
 * there is one; only the audit trail records which it was. At most RESETS_PER_HOUR mails an
 * hour reach one account, so the form cannot be used to flood someone's inbox.
 */
export async function requestPasswordReset(
  request: RequestInfo,
  input: z.input<typeof requestPasswordResetSchema>,
): Promise<CommandResult> {
  const parsed = parseInput(requestPasswordResetSchema, input);
  if (!parsed.ok) return parsed;
  const email = parsed.data.email.toLowerCase();

  return transact({ request }, async ({ tx, audit }) => {
    // Locked so that concurrent requests for one account count each other's tokens.
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(raw`lower(${users.email})`, email))
      .for("update");
    let outcome: string = !user ? "unknown-email" : user.status;
    let token: string | null = null;
    if (user?.status === "active") {
      const [recent] = await tx
        .select({ n: count() })
        .from(authTokens)
        .where(
          and(
            eq(authTokens.userId, user.id),
            eq(authTokens.purpose, "reset"),
            gt(authTokens.createdAt, raw`now() - interval '1 hour'`),
          ),
        );
      if ((recent?.n ?? 0) < RESETS_PER_HOUR) {
        token = await issueToken(tx, { userId: user.id, purpose: "reset", createdById: null });
        outcome = "sent";
      } else {
        outcome = "too-many-requests";
      }
    }
    await audit({
      actorUserId: null,
      organisationId: user?.organisationId ?? null,
      action: "auth.password_reset_requested",
      entityType: "user",
      entityId: user?.id ?? null,
      after: { email, outcome, ip: request.ip ?? null },
    });
    if (user && token) await sendMail({ to: user.email, ...resetMail(user.name, token) }, { tx });
    return { ok: true, message: RESET_REQUESTED_MESSAGE };
  });
}

const TOKEN_MESSAGES: Record<TokenPurpose, Record<TokenProblem, string>> = {
  reset: {
    invalid:
      "This password reset link is not valid. Check you copied the whole link from the email.",
    expired: "This password reset link has expired. Links work for 1 hour.",
    used: "This password reset link has already been used, or a newer one has been sent.",
  },
  invite: {
    invalid: "This invitation link is not valid. Check you copied the whole link from the email.",
    expired: "This invitation has expired. Invitations work for 7 days.",
    used: "This invitation has already been accepted, or a newer one has been sent.",
  },
};

export function tokenProblemMessage(purpose: TokenPurpose, reason: TokenProblem): string {
  return TOKEN_MESSAGES[purpose][reason];
}

/** A link that cannot be used: expired, used, or (not-found) never one of ours. */
export type LinkFailure = CommonFailure | Failure<"expired" | "used">;

function linkFailure(purpose: TokenPurpose, problem: TokenProblem): LinkFailure {
  const message = tokenProblemMessage(purpose, problem);
  return problem === "invalid" ? notFound(message) : { ok: false, reason: problem, message };
}

async function setPasswordWithToken(
  purpose: TokenPurpose,
  request: RequestInfo,
  input: SetPasswordInput,
): Promise<CommandResult<{ email: string }, LinkFailure>> {
  const parsed = parseInput(setPasswordSchema, input);
  if (!parsed.ok) return parsed;
  const { token, password, confirmPassword } = parsed.data;

  // A dead link is the first thing to tell someone: no point fixing a password for it. This
  // only reads; the transaction consumes it (activate).
  const peek = await peekToken(token, purpose);
  if (!peek.ok) return linkFailure(purpose, peek.reason);
  const errors = newPasswordErrors(password, confirmPassword, {
    password: "password",
    confirm: "confirmPassword",
  });
  if (errors) return invalid(errors);
  // Hashing takes a moment: done before the transaction, which then holds its locks briefly.
  const passwordHash = await hashPassword(password);

  const result = await transact<{ email: string }, LinkFailure>({ request }, (cx) =>
    activate(cx, purpose, token, passwordHash),
  );
  if (result.ok && purpose === "reset") {
    // Someone locked out by failed sign-ins who proves they own the mailbox may sign in at once.
    await signInThrottle()
      .recordSuccess(result.email, request.ip)
      .catch((error: unknown) => console.error("Could not clear sign-in failures", error));
  }
  return result;
}

/** Uses the link up and sets the password: the account is active, its other sessions end. */
async function activate(
  cx: CommandContext,
  purpose: TokenPurpose,
  token: string,
  passwordHash: string,
): Promise<Success<{ email: string }>> {
  // The authority: peekToken only read. Of two submissions, one consumes the token.
  const consumed = await consumeToken(cx.tx, token, purpose);
  if (!consumed.ok) refuse(linkFailure(purpose, consumed.reason));
  const user = consumed.user;
  const usable = purpose === "invite" ? user.status === "invited" : user.status !== "disabled";
  if (!usable) refuse(linkFailure(purpose, "invalid"));

  await cx.tx
    .update(users)
    .set({
      passwordHash,
      status: "active",
      sessionVersion: bumpSessionVersion,
      updatedAt: raw`now()`,
    })
    .where(eq(users.id, user.id));
  await revokeTokens(cx.tx, user.id);
  await cx.audit({
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: purpose === "reset" ? "auth.password_reset" : "user.invitation_accepted",
    entityType: "user",
    entityId: user.id,
    before: { status: user.status },
    after: { status: "active" },
  });
  return {
    ok: true,
    email: user.email,
    message:
      purpose === "reset"
        ? "Your password has been changed. Any other sessions have been signed out."
        : "Your password has been set and your account is ready.",
  };
}

/** Sets a new password from a reset link: ends every session and uses the link up. */
export function resetPassword(request: RequestInfo, input: SetPasswordInput) {
  return setPasswordWithToken("reset", request, input);
}

/** Sets the first password from an invitation link and makes the account active. */
export function acceptInvitation(request: RequestInfo, input: SetPasswordInput) {
  return setPasswordWithToken("invite", request, input);
}
