import "server-only";
import { eq, sql as raw } from "drizzle-orm";
import { users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/sessions";
import { issueToken } from "@/lib/auth/tokens";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { invalid, type CommandResult } from "@/lib/commands/result";
import { transact, type CommandOptions } from "@/lib/commands/transact";
import { sendMail } from "@/lib/mail";
import type { RequestInfo } from "@/lib/request";
import { inviteUserSchema, type InviteUserInput } from "../schemas";
import { findOrganisation, lockAdmins } from "./locks";
import { freshLinkCommand, invitationMail } from "./mail";

const DUPLICATE_EMAIL = invalid({
  email: "There is already an account with this email address",
});

/** Creates an invited user (no password) and mails them a link to set one, valid for 7 days. */
export async function inviteUser(
  actor: CurrentUser,
  request: RequestInfo,
  input: InviteUserInput,
  options: CommandOptions = {},
): Promise<CommandResult<{ userId: number }>> {
  const parsed = parseInput(inviteUserSchema, input);
  if (!parsed.ok) return parsed;
  const { email, name, role } = parsed.data;
  // Administrators belong to no organisation; a choice left in the form is ignored.
  const organisationId = role === "admin" ? null : parsed.data.organisationId;

  return transact(
    { ...options, request, duplicates: { users_email_lower_key: DUPLICATE_EMAIL } },
    async ({ tx, audit }) => {
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
      await audit({
        actorUserId: actor.id,
        organisationId,
        action: "user.invited",
        entityType: "user",
        entityId: user!.id,
        after: { email, name, role, organisationId, status: "invited" },
      });
      // Last: with SMTP the mail leaves at once, and a refusal rolls the invitation back.
      await sendMail(
        { to: email, ...invitationMail(actor, name, organisation?.name, token) },
        { tx },
      );
      return { ok: true, message: `Invitation sent to ${email}`, userId: user!.id };
    },
  );
}

/** Sends an invited user a fresh invitation; the old link stops working. */
export const resendInvitation = freshLinkCommand({
  purpose: "invite",
  action: "user.invitation_resent",
  refusal: (target) =>
    target.status === "invited" ? null : `${target.name} has already accepted their invitation.`,
  mail: async (tx, actor, target) => {
    const organisation = target.organisationId
      ? await findOrganisation(tx, target.organisationId)
      : null;
    return (token) => invitationMail(actor, target.name, organisation?.name, token);
  },
  sent: (target) =>
    `A new invitation has been sent to ${target.email}. It works for 7 days; the earlier link no longer works.`,
});
