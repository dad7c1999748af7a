import "server-only";
import type { User } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/sessions";
import { issueToken, type TokenPurpose } from "@/lib/auth/tokens";
import type { CommandContext } from "@/lib/commands/transact";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail";

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
  link: { purpose: TokenPurpose; action: string; mail: (token: string) => MailContent },
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
