import "server-only";
import { eq, sql as raw } from "drizzle-orm";
import { users, type User } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/sessions";
import { revokeTokens } from "@/lib/auth/tokens";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { invalid, notAllowed, type CommandResult } from "@/lib/commands/result";
import { transact, type CommandOptions } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import {
  changeOrganisationSchema,
  changeRoleSchema,
  setStatusSchema,
  type ChangeOrganisationInput,
  type ChangeRoleInput,
  type SetStatusInput,
} from "../schemas";
import { bumpSessionVersion, findOrganisation, keepLastAdmin, lockAdmins, lockUser } from "./locks";
import { freshLinkCommand, resetMail } from "./mail";

/* An administrator's changes to another user's account. */

function withArticle(role: User["role"]): string {
  return role === "admin" ? "an administrator" : "a council editor";
}

/** Makes a user a council editor (of an organisation) or an administrator. */
export async function changeRole(
  actor: CurrentUser,
  request: RequestInfo,
  input: ChangeRoleInput,
  options: CommandOptions = {},
): Promise<CommandResult> {
  const parsed = parseInput(changeRoleSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, role } = parsed.data;
  const organisationId = role === "admin" ? null : parsed.data.organisationId;

  return transact({ ...options, request }, async ({ tx, audit }) => {
    const admins = await lockAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    if (target.role === role)
      refuse(invalid({ role: `${target.name} is already ${withArticle(role)}` }));
    keepLastAdmin(target, admins);
    if (target.id === actor.id)
      refuse(notAllowed("You cannot change your own role. Ask another administrator to do it."));
    if (organisationId) await findOrganisation(tx, organisationId);

    await tx
      .update(users)
      .set({ role, organisationId, sessionVersion: bumpSessionVersion, updatedAt: raw`now()` })
      .where(eq(users.id, target.id));
    await audit({
      actorUserId: actor.id,
      organisationId: organisationId ?? target.organisationId,
      action: "user.role_changed",
      entityType: "user",
      entityId: target.id,
      before: { role: target.role, organisationId: target.organisationId },
      after: { role, organisationId },
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
  options: CommandOptions = {},
): Promise<CommandResult> {
  const parsed = parseInput(changeOrganisationSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, organisationId } = parsed.data;

  return transact({ ...options, request }, async ({ tx, audit }) => {
    await lockAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    if (target.role !== "council_editor")
      refuse(notAllowed("Administrators do not belong to an organisation."));
    if (target.organisationId === organisationId)
      refuse(invalid({ organisationId: `${target.name} already belongs to this organisation` }));
    const organisation = await findOrganisation(tx, organisationId);

    await tx
      .update(users)
      .set({ organisationId, sessionVersion: bumpSessionVersion, updatedAt: raw`now()` })
      .where(eq(users.id, target.id));
    await audit({
      actorUserId: actor.id,
      organisationId,
      action: "user.organisation_changed",
      entityType: "user",
      entityId: target.id,
      before: { organisationId: target.organisationId },
      after: { organisationId },
    });
    return {
      ok: true,
      message: `${target.name} now works for ${organisation.name}. They have been signed out and will see the change when they sign in again.`,
    };
  });
}

/** The status a status change leads to, or a refusal saying why it cannot be made. */
function nextStatus(
  actor: CurrentUser,
  target: User,
  admins: number[],
  wanted: SetStatusInput["status"],
): User["status"] {
  if (wanted === "disabled") {
    if (target.status === "disabled")
      refuse(notAllowed(`${target.name}'s account is already disabled.`));
    keepLastAdmin(target, admins);
    if (target.id === actor.id)
      refuse(
        notAllowed("You cannot disable your own account. Ask another administrator to do it."),
      );
    return "disabled";
  }
  if (target.status !== "disabled")
    refuse(notAllowed(`${target.name}'s account is already enabled.`));
  // Someone who never accepted their invitation goes back to "invited", not "active".
  return target.passwordHash ? "active" : "invited";
}

const STATUS_MESSAGES: Record<User["status"], (name: string) => string> = {
  disabled: (name) =>
    `${name}'s account is disabled. They have been signed out and cannot sign in.`,
  invited: (name) =>
    `${name}'s account is enabled. They have not set a password yet: resend their invitation.`,
  active: (name) => `${name}'s account is enabled. They can sign in again.`,
};

/** Disables an account (ending its sessions and unused links at once) or enables it again. */
export async function setStatus(
  actor: CurrentUser,
  request: RequestInfo,
  input: SetStatusInput,
  options: CommandOptions = {},
): Promise<CommandResult> {
  const parsed = parseInput(setStatusSchema, input);
  if (!parsed.ok) return parsed;
  const { userId, status } = parsed.data;

  return transact({ ...options, request }, async ({ tx, audit }) => {
    const admins = await lockAdmins(tx, actor);
    const target = await lockUser(tx, userId);
    const next = nextStatus(actor, target, admins, status);
    await tx
      .update(users)
      .set({ status: next, sessionVersion: bumpSessionVersion, updatedAt: raw`now()` })
      .where(eq(users.id, target.id));
    if (next === "disabled") await revokeTokens(tx, target.id);
    await audit({
      actorUserId: actor.id,
      organisationId: target.organisationId,
      action: next === "disabled" ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: target.id,
      before: { status: target.status },
      after: { status: next },
    });
    return { ok: true, message: STATUS_MESSAGES[next](target.name) };
  });
}

/** Mails an active user a link to choose a new password (valid for 1 hour). */
export const sendPasswordReset = freshLinkCommand({
  purpose: "reset",
  action: "auth.password_reset_sent",
  refusal: (target) =>
    target.status === "disabled"
      ? `${target.name}'s account is disabled. Enable it before sending a reset link.`
      : target.status === "invited"
        ? `${target.name} has not accepted their invitation yet. Resend the invitation instead.`
        : null,
  mail: async (_tx, _actor, target) => (token) => resetMail(target.name, token),
  sent: (target) =>
    `A link to reset their password has been sent to ${target.email}. It works for 1 hour.`,
});
