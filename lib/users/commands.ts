import "server-only";
import { and, count, eq, gt, sql as raw } from "drizzle-orm";
import type { z } from "zod";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { authTokens, organisations, sessions, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { createSession, endSession, type CurrentUser } from "@/lib/auth/sessions";
import type { RequestInfo } from "@/lib/auth/sign-in";
import { signInThrottle } from "@/lib/auth/throttle";
import {
  consumeToken,
  issueToken,
  peekToken,
  revokeTokens,
  type TokenProblem,
  type TokenPurpose,
} from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import {
  changeOrganisationSchema,
  changePasswordSchema,
  changeRoleSchema,
  inviteUserSchema,
  requestPasswordResetSchema,
  setPasswordSchema,
  setStatusSchema,
  updateNameSchema,
  userIdSchema,
  type ChangeOrganisationInput,
  type ChangePasswordInput,
  type ChangeRoleInput,
  type InviteUserInput,
  type SetPasswordInput,
  type SetStatusInput,
  type UserIdInput,
} from "./schemas";

/*
 * Commands on user accounts. Each validates its input, checks who is asking, and makes its
 * change and the change's audit event in one transaction, so either both exist or neither.
 * None of them puts a password, hash or token into an audit event.
 *
 * Anything that changes what a user may do (role, organisation, status, password) raises the
 * user's session_version in the same transaction: their existing sessions end on their next
 * request (lib/auth/sessions.ts).
 *
 * Admin commands take `options.db`: a transaction to run inside (as a savepoint), so a test
 * can set up a situation — "only one administrator left" — and roll all of it back.
 */

export type Failure = {
  ok: false;
  message?: string;
  errors?: Record<string, string>;
  /** Set when a reset or invitation link cannot be used, so the page can say what to do next. */
  reason?: TokenProblem;
};
export type Success<T extends object = object> = { ok: true; message: string } & T;
export type CommandResult<T extends object = object> = Success<T> | Failure;

type AdminOptions = { db?: DbOrTx };

/** Thrown inside a transaction to roll it back and answer with `result`. */
class Refusal extends Error {
  constructor(readonly result: Failure) {
    super(result.message ?? "refused");
  }
}

function refuse(result: Omit<Failure, "ok">): never {
  throw new Refusal({ ok: false, ...result });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  // Drizzle wraps the driver's error; postgres.js names the violated constraint.
  for (
    let e = error as { code?: string; constraint_name?: string; cause?: unknown } | undefined;
    e;
  ) {
    if (e.code === "23505" && e.constraint_name === constraint) return true;
    e = e.cause as typeof e;
  }
  return false;
}

const DUPLICATE_EMAIL = {
  errors: { email: "There is already an account with this email address" },
};

async function transact<T extends object>(
  writer: DbOrTx | undefined,
  work: (tx: Tx) => Promise<Success<T>>,
): Promise<CommandResult<T>> {
  try {
    return await (writer ?? db()).transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    if (isUniqueViolation(error, "users_email_lower_key")) return { ok: false, ...DUPLICATE_EMAIL };
    throw error;
  }
}

/** Zod issues → one message per field; the same mapping the server-action wrapper uses. */
function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | Failure {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues)
    errors[issue.path.join(".") || "_form"] ??= issue.message;
  return { ok: false, errors };
}

const bumpSessionVersion = raw`${users.sessionVersion} + 1`;

/** The site's address for links in mail (NEXTAUTH_URL; `npm run dev` sets it). */
function link(path: string, token: string): string {
  const url = new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000");
  url.searchParams.set("token", token);
  return url.toString();
}

/* Admin commands -------------------------------------------------------------------------- */

/**
 * Locks every active administrator's row, in id order (so two admin commands never deadlock),
 * and checks the actor is still one of them. Held to the end of the transaction, this is what
 * makes "never remove the last administrator" hold under concurrency: a second demotion waits
 * for the first, then sees one administrator fewer.
 */
async function lockAdmins(tx: Tx, actor: CurrentUser): Promise<number[]> {
  if (actor.role !== "admin") refuse({ message: "Only administrators can do this." });
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.status, "active")))
    .orderBy(users.id)
    .for("update");
  const ids = admins.map((a) => a.id);
  if (!ids.includes(actor.id)) {
    refuse({ message: "You are no longer an administrator, so nothing was changed." });
  }
  return ids;
}

async function lockUser(tx: Tx, id: number): Promise<User> {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  if (!user) refuse({ message: "That user does not exist." });
  return user;
}

async function findOrganisation(tx: Tx, id: number) {
  const [organisation] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  if (!organisation) refuse({ errors: { organisationId: "Select an organisation from the list" } });
  return organisation;
}

function lastAdminRefusal(target: User): never {
  refuse({
    message: `${target.name} is the only active administrator. Make someone else an administrator first.`,
  });
}

function withArticle(role: User["role"]): string {
  return role === "admin" ? "an administrator" : "a council editor";
}

/** Creates an invited user (no password) and mails them a link to set one, valid for 7 days. */
export async function inviteUser(
  actor: CurrentUser,
  request: RequestInfo,
  input: InviteUserInput,
  options: AdminOptions = {},
): Promise<CommandResult<{ userId: number }>> {
  const parsed = parse(inviteUserSchema, input);
  if (!parsed.ok) return parsed;
  const { email, name, role } = parsed.data;
  // Administrators belong to no organisation; a choice left in the form is ignored.
  const organisationId = role === "admin" ? null : parsed.data.organisationId;

  return transact(options.db, async (tx) => {
    await lockAdmins(tx, actor);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(raw`lower(${users.email})`, email.toLowerCase()));
    if (existing) refuse(DUPLICATE_EMAIL);
    const organisation = organisationId ? await findOrganisation(tx, organisationId) : null;

    const [user] = await tx
      .insert(users)
      .values({ email, name, role, organisationId, status: "invited", passwordHash: null })
      .returning({ id: users.id });
    const token = await issueToken(tx, {
      userId: user!.id,
      purpose: "invite",
      createdById: actor.id,
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      action: "user.invited",
      entityType: "user",
      entityId: user!.id,
      after: { email, name, role, organisationId, status: "invited" },
      requestId: request.requestId,
    });
    // Last: with SMTP the mail leaves at once, and a refusal rolls the invitation back.
    await sendMail(
      { to: email, ...invitationMail(actor, name, organisation?.name, token) },
      { tx },
    );
    return { ok: true, message: `Invitation sent to ${email}`, userId: user!.id };
  });
}

function invitationMail(
  actor: CurrentUser,
  name: string,
  organisation: string | undefined,
  token: string,
) {
  return {
    subject: "You have been invited to the Council Shared Services Map",
    text: [
      `Hello ${name},`,
      "",
      `${actor.name} has invited you to help keep the Council Shared Services Map up to date` +
        (organisation ? ` for ${organisation}.` : " as an administrator."),
      "",
      "To accept, choose a password here:",
      link("/invite/accept", token),
      "",
      "The link works once and expires in 7 days.",
      "If you were not expecting this invitation, you can ignore this email.",
    ].join("\n"),
  };
}

/** Makes a user a council editor (of an organisation) or an administrator. */
export async function changeRole(
  actor: CurrentUser,
  request: RequestInfo,
  input: ChangeRoleInput,
  options: AdminOptions = {},
): Promise<CommandResult> {
  const parsed = parse(changeRoleSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, role } = parsed.data;
  const organisationId = role === "admin" ? null : parsed.data.organisationId;

  return transact(options.db, async (tx) => {
    const admins = await lockAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    if (target.role === role)
      refuse({ errors: { role: `${target.name} is already ${withArticle(role)}` } });
    if (target.role === "admin" && target.status === "active" && admins.length <= 1) {
      lastAdminRefusal(target);
    }
    if (target.id === actor.id) {
      refuse({ message: "You cannot change your own role. Ask another administrator to do it." });
    }
    if (organisationId) await findOrganisation(tx, organisationId);

    await tx
      .update(users)
      .set({ role, organisationId, sessionVersion: bumpSessionVersion, updatedAt: raw`now()` })
      .where(eq(users.id, target.id));
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: organisationId ?? target.organisationId,
      action: "user.role_changed",
      entityType: "user",
      entityId: target.id,
      before: { role: target.role, organisationId: target.organisationId },
      after: { role, organisationId },
      requestId: request.requestId,
    });
    return {
      ok: true,
      message: `${target.name} is now ${withArticle(role)}. They have been signed out and will see the change when they sign in again.`,
    };
  });
}

/** Moves a council editor to another organisation. */
export async function changeOrganisation(
  actor: CurrentUser,
  request: RequestInfo,
  input: ChangeOrganisationInput,
  options: AdminOptions = {},
): Promise<CommandResult> {
  const parsed = parse(changeOrganisationSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, organisationId } = parsed.data;

  return transact(options.db, async (tx) => {
    await lockAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    if (target.role !== "council_editor") {
      refuse({ message: "Administrators do not belong to an organisation." });
    }
    if (target.organisationId === organisationId) {
      refuse({ errors: { organisationId: `${target.name} already belongs to this organisation` } });
    }
    const organisation = await findOrganisation(tx, organisationId);

    await tx
      .update(users)
      .set({ organisationId, sessionVersion: bumpSessionVersion, updatedAt: raw`now()` })
      .where(eq(users.id, target.id));
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      action: "user.organisation_changed",
      entityType: "user",
      entityId: target.id,
      before: { organisationId: target.organisationId },
      after: { organisationId },
      requestId: request.requestId,
    });
    return {
      ok: true,
      message: `${target.name} now works for ${organisation.name}. They have been signed out and will see the change when they sign in again.`,
    };
  });
}

/** Disables an account (ending its sessions and unused links at once) or enables it again. */
export async function setStatus(
  actor: CurrentUser,
  request: RequestInfo,
  input: SetStatusInput,
  options: AdminOptions = {},
): Promise<CommandResult> {
  const parsed = parse(setStatusSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, status } = parsed.data;

  return transact(options.db, async (tx) => {
    const admins = await lockAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    let next: User["status"];
    if (status === "disabled") {
      if (target.status === "disabled")
        refuse({ message: `${target.name}'s account is already disabled.` });
      if (target.role === "admin" && target.status === "active" && admins.length <= 1) {
        lastAdminRefusal(target);
      }
      if (target.id === actor.id) {
        refuse({
          message: "You cannot disable your own account. Ask another administrator to do it.",
        });
      }
      next = "disabled";
    } else {
      if (target.status !== "disabled")
        refuse({ message: `${target.name}'s account is already enabled.` });
      // Someone who never accepted their invitation goes back to "invited", not "active".
      next = target.passwordHash ? "active" : "invited";
    }

    await tx
      .update(users)
      .set({ status: next, sessionVersion: bumpSessionVersion, updatedAt: raw`now()` })
      .where(eq(users.id, target.id));
    if (next === "disabled") await revokeTokens(tx, target.id);
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: target.organisationId,
      action: next === "disabled" ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: target.id,
      before: { status: target.status },
      after: { status: next },
      requestId: request.requestId,
    });
    return {
      ok: true,
      message:
        next === "disabled"
          ? `${target.name}'s account is disabled. They have been signed out and cannot sign in.`
          : next === "invited"
            ? `${target.name}'s account is enabled. They have not set a password yet: resend their invitation.`
            : `${target.name}'s account is enabled. They can sign in again.`,
    };
  });
}

/** Mails an active user a link to choose a new password (valid for 1 hour). */
export async function sendPasswordReset(
  actor: CurrentUser,
  request: RequestInfo,
  input: UserIdInput,
  options: AdminOptions = {},
): Promise<CommandResult> {
  const parsed = parse(userIdSchema, input);
  if (!parsed.ok) return parsed;

  return transact(options.db, async (tx) => {
    await lockAdmins(tx, actor);
    const target = await lockUser(tx, parsed.data.userId);
    if (target.status === "disabled") {
      refuse({
        message: `${target.name}'s account is disabled. Enable it before sending a reset link.`,
      });
    }
    if (target.status === "invited") {
      refuse({
        message: `${target.name} has not accepted their invitation yet. Resend the invitation instead.`,
      });
    }
    const token = await issueToken(tx, {
      userId: target.id,
      purpose: "reset",
      createdById: actor.id,
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: target.organisationId,
      action: "auth.password_reset_sent",
      entityType: "user",
      entityId: target.id,
      after: { email: target.email },
      requestId: request.requestId,
    });
    await sendMail({ to: target.email, ...resetMail(target.name, token) }, { tx });
    return {
      ok: true,
      message: `A link to reset their password has been sent to ${target.email}. It works for 1 hour.`,
    };
  });
}

/** Sends an invited user a fresh invitation; the old link stops working. */
export async function resendInvitation(
  actor: CurrentUser,
  request: RequestInfo,
  input: UserIdInput,
  options: AdminOptions = {},
): Promise<CommandResult> {
  const parsed = parse(userIdSchema, input);
  if (!parsed.ok) return parsed;

  return transact(options.db, async (tx) => {
    await lockAdmins(tx, actor);
    const target = await lockUser(tx, parsed.data.userId);
    if (target.status !== "invited") {
      refuse({ message: `${target.name} has already accepted their invitation.` });
    }
    const organisation = target.organisationId
      ? await findOrganisation(tx, target.organisationId)
      : null;
    const token = await issueToken(tx, {
      userId: target.id,
      purpose: "invite",
      createdById: actor.id,
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: target.organisationId,
      action: "user.invitation_resent",
      entityType: "user",
      entityId: target.id,
      after: { email: target.email },
      requestId: request.requestId,
    });
    await sendMail(
      { to: target.email, ...invitationMail(actor, target.name, organisation?.name, token) },
      { tx },
    );
    return {
      ok: true,
      message: `A new invitation has been sent to ${target.email}. It works for 7 days; the earlier link no longer works.`,
    };
  });
}

/* Self-service: forgotten password and invitations --------------------------------------- */

/** The one answer to a reset request, whether or not an account exists: no enumeration. */
export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we have sent a link to reset the password.";

/** Reset mails to one account in an hour; beyond this a request is answered but sends nothing. */
export const RESETS_PER_HOUR = 5;

function resetMail(name: string, token: string) {
  return {
    subject: "Reset your password for the Council Shared Services Map",
    text: [
      `Hello ${name},`,
      "",
      "Someone asked to reset the password for your Council Shared Services Map account.",
      "To choose a new password, open this link:",
      link("/reset-password", token),
      "",
      "The link works once and expires in 1 hour.",
      "If you did not ask for this, you can ignore this email: your password has not changed.",
    ].join("\n"),
  };
}

/**
 * Mails a reset link to an active account with this email. Answers the same whether or not
 * there is one; only the audit trail records which it was. At most RESETS_PER_HOUR mails an
 * hour reach one account, so the form cannot be used to flood someone's inbox.
 */
export async function requestPasswordReset(
  request: RequestInfo,
  input: z.input<typeof requestPasswordResetSchema>,
): Promise<CommandResult> {
  const parsed = parse(requestPasswordResetSchema, input);
  if (!parsed.ok) return parsed;
  const email = parsed.data.email.toLowerCase();

  return transact(undefined, async (tx) => {
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
    await recordAudit(tx, {
      actorUserId: null,
      organisationId: user?.organisationId ?? null,
      action: "auth.password_reset_requested",
      entityType: "user",
      entityId: user?.id ?? null,
      after: { email, outcome, ip: request.ip },
      requestId: request.requestId,
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

/** Field errors for a new password: the policy first, then the confirmation. */
function newPasswordErrors(
  password: string,
  confirm: string | undefined,
  names: { password: string; confirm: string },
): Record<string, string> | null {
  const problem = passwordProblem(password);
  if (problem) return { [names.password]: problem };
  if (confirm === undefined) return null;
  if (confirm === "") return { [names.confirm]: "Confirm your new password" };
  if (confirm !== password) return { [names.confirm]: "Enter the same password in both boxes" };
  return null;
}

async function setPasswordWithToken(
  purpose: TokenPurpose,
  request: RequestInfo,
  input: SetPasswordInput,
): Promise<CommandResult<{ email: string }>> {
  const parsed = parse(setPasswordSchema, input);
  if (!parsed.ok) return parsed;
  const { token, password, confirmPassword } = parsed.data;

  // A dead link is the first thing to tell someone: no point fixing a password for it.
  const peek = await peekToken(token, purpose);
  if (!peek.ok) {
    return { ok: false, reason: peek.reason, message: tokenProblemMessage(purpose, peek.reason) };
  }
  const errors = newPasswordErrors(password, confirmPassword, {
    password: "password",
    confirm: "confirmPassword",
  });
  if (errors) return { ok: false, errors };
  // Hashing takes a moment: done before the transaction, which then holds its locks briefly.
  const passwordHash = await hashPassword(password);

  const result = await transact(undefined, async (tx) => {
    // The authority: peekToken above only read. Of two submissions, one consumes the token.
    const consumed = await consumeToken(tx, token, purpose);
    if (!consumed.ok) {
      refuse({ reason: consumed.reason, message: tokenProblemMessage(purpose, consumed.reason) });
    }
    const user = consumed.user;
    const usable = purpose === "invite" ? user.status === "invited" : user.status !== "disabled";
    if (!usable) refuse({ reason: "invalid", message: tokenProblemMessage(purpose, "invalid") });

    await tx
      .update(users)
      .set({
        passwordHash,
        status: "active",
        sessionVersion: bumpSessionVersion,
        updatedAt: raw`now()`,
      })
      .where(eq(users.id, user.id));
    await revokeTokens(tx, user.id);
    await recordAudit(tx, {
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: purpose === "reset" ? "auth.password_reset" : "user.invitation_accepted",
      entityType: "user",
      entityId: user.id,
      before: { status: user.status },
      after: { status: "active" },
      requestId: request.requestId,
    });
    return {
      ok: true,
      email: user.email,
      message:
        purpose === "reset"
          ? "Your password has been changed. Any other sessions have been signed out."
          : "Your password has been set and your account is ready.",
    };
  });
  if (result.ok && purpose === "reset") {
    // Someone locked out by failed sign-ins who proves they own the mailbox may sign in at once.
    await signInThrottle()
      .recordSuccess(result.email, request.ip)
      .catch((error: unknown) => console.error("Could not clear sign-in failures", error));
  }
  return result;
}

/** Sets a new password from a reset link: ends every session and uses the link up. */
export function resetPassword(request: RequestInfo, input: SetPasswordInput) {
  return setPasswordWithToken("reset", request, input);
}

/** Sets the first password from an invitation link and makes the account active. */
export function acceptInvitation(request: RequestInfo, input: SetPasswordInput) {
  return setPasswordWithToken("invite", request, input);
}

/* Self-service: the signed-in user's own account ------------------------------------------ */

export async function updateOwnName(
  user: CurrentUser,
  request: RequestInfo,
  input: z.input<typeof updateNameSchema>,
): Promise<CommandResult> {
  const parsed = parse(updateNameSchema, input);
  if (!parsed.ok) return parsed;
  const { name } = parsed.data;

  return transact(undefined, async (tx) => {
    const current = await lockUser(tx, user.id);
    if (current.name === name) return { ok: true, message: "Your name is unchanged." };
    await tx
      .update(users)
      .set({ name, updatedAt: raw`now()` })
      .where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorUserId: user.id,
      organisationId: current.organisationId,
      action: "user.name_changed",
      entityType: "user",
      entityId: user.id,
      before: { name: current.name },
      after: { name },
      requestId: request.requestId,
    });
    return { ok: true, message: `Your name has been changed to ${name}.` };
  });
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
  const parsed = parse(changePasswordSchema, input);
  if (!parsed.ok) return parsed;
  const { currentPassword, newPassword, confirmPassword } = parsed.data;

  const [row] = await db()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row) return { ok: false, message: "Your account no longer exists." };
  if (!row.passwordHash) {
    return {
      ok: false,
      message:
        "You do not have a password for this site: you sign in with your organisation's account.",
    };
  }

  const throttle = signInThrottle();
  const decision = await throttle.check(row.email, request.ip);
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    return {
      ok: false,
      message: `Too many wrong passwords. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    };
  }
  if (!(await verifyPassword(row.passwordHash, currentPassword))) {
    await throttle.recordFailure(row.email, request.ip);
    await recordAudit(db(), {
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "user.password_change_failed",
      entityType: "user",
      entityId: user.id,
      after: { reason: "wrong-current-password" },
      requestId: request.requestId,
    });
    return { ok: false, errors: { currentPassword: "Your current password is not correct" } };
  }
  const errors =
    newPassword === currentPassword
      ? { newPassword: "Your new password must be different from your current password" }
      : newPasswordErrors(newPassword, confirmPassword, {
          password: "newPassword",
          confirm: "confirmPassword",
        });
  if (errors) return { ok: false, errors };
  const passwordHash = await hashPassword(newPassword);

  const result = await transact(undefined, async (tx) => {
    const current = await lockUser(tx, user.id);
    if (current.passwordHash !== row.passwordHash) {
      refuse({ message: "Your password was changed a moment ago, somewhere else. Sign in again." });
    }
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
    await recordAudit(tx, {
      actorUserId: user.id,
      organisationId: current.organisationId,
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
      after: { otherSessionsEnded: true },
      requestId: request.requestId,
    });
    return {
      ok: true,
      secret,
      message: "Your password has been changed. You have been signed out everywhere else.",
    };
  });
  if (result.ok) await throttle.recordSuccess(row.email, request.ip);
  return result;
}
