import "server-only";
import type { CurrentUser } from "@/lib/auth/sessions";
import { env } from "@/lib/env";

/* The mail the user commands send: invitations and password reset links. */

/** The site's address for links in mail (NEXTAUTH_URL; `npm run dev` sets it). */
function link(path: string, token: string): string {
  const url = new URL(path, env().NEXTAUTH_URL ?? "http://localhost:3000");
  url.searchParams.set("token", token);
  return url.toString();
}

export function invitationMail(
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

export function resetMail(name: string, token: string) {
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
