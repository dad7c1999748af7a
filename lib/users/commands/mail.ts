import "server-only";
import type { Tx } from "@/db/client";
import type { User } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-log/actions";
import type { CurrentUser } from "@/lib/auth/sessions";
import { issueToken, type TokenPurpose } from "@/lib/auth/tokens";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { notAllowed, type CommandResult } from "@/lib/commands/result";
import { transact, type CommandContext, type CommandOptions } from "@/lib/commands/transact";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";
import type { RequestInfo } from "@/lib/request";
import { userIdSchema, type UserIdInput } from "../schemas";
import { lockAdmins, lockUser } from "./locks";

/* The mail the user commands send: invitations and password reset links. */

/** The site's address for links in mail (NEXTAUTH_URL; `npm run dev` sets it). */
function link(path: string, token: string): string {
  const url = new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000");
  url.searchParams.set("token", token);
  return url.toString();
}

type MailContent = { subject: string; text: string };

export function invitationMail(
  actor: CurrentUser,
  name: string,
  organisation: string | undefined,
  token: string,
): MailContent {
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

export function resetMail(name: string, token: string): MailContent {
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
 * An administrator sends `target` a fresh link (the earlier one stops working): issued,
 * audited as `action` and mailed in the command's transaction, so a refusal sends nothing.
 */
export async function mailNewLink(
  cx: CommandContext,
  actor: CurrentUser,
  target: User,
  link: { purpose: TokenPurpose; action: AuditAction; mail: (token: string) => MailContent },
): Promise<void> {
  const token = await issueToken(cx.tx, {
    userId: target.id,
    purpose: link.purpose,
    createdById: actor.id,
  });
  await cx.audit({
    actorUserId: actor.id,
    organisationId: target.organisationId,
    action: link.action,
    entityType: "user",
    entityId: target.id,
    after: { email: target.email },
  });
  await sendMail({ to: target.email, ...link.mail(token) }, { tx: cx.tx });
}

/** What differs between an administrator's "send this user a fresh link" commands. */
type FreshLink = {
  purpose: TokenPurpose;
  action: AuditAction;
  /** Why the target's account cannot have this link now, or null when it can. */
  refusal: (target: User) => string | null;
  mail: (tx: Tx, actor: CurrentUser, target: User) => Promise<(token: string) => MailContent>;
  /** The confirmation the administrator sees. */
  sent: (target: User) => string;
};

/**
 * The command by which an administrator sends the user `input` names a fresh link: with the
 * administrators locked (lockAdmins), the target locked and checked, then the link issued,
 * audited and mailed (mailNewLink).
 */
export function freshLinkCommand(link: FreshLink) {
  return async function sendFreshLink(
    actor: CurrentUser,
    request: RequestInfo,
    input: UserIdInput,
    options: CommandOptions = {},
  ): Promise<CommandResult> {
    const parsed = parseInput(userIdSchema, input);
    if (!parsed.ok) return parsed;

    return transact({ ...options, request }, async (cx) => {
      await lockAdmins(cx.tx, actor);
      const target = await lockUser(cx.tx, parsed.data.userId);
      const refusal = link.refusal(target);
      if (refusal) refuse(notAllowed(refusal));
      const mail = await link.mail(cx.tx, actor, target);
      await mailNewLink(cx, actor, target, { ...link, mail });
      return { ok: true, message: link.sent(target) };
    });
  };
}
