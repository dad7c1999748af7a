"use server";

import { adminAction } from "@/lib/auth/access";
import { inviteUser } from "@/lib/users/commands";
import { toFormState } from "@/lib/commands/form-state";
import { inviteUserSchema } from "@/lib/users/schemas";

export const inviteUserAction = adminAction(inviteUserSchema, async (input, ctx) => {
  const result = await inviteUser(ctx.user, ctx.request, input);
  if (!result.ok) return toFormState(result, ctx.values);
  // The confirmation links to the new user's page.
  return {
    ok: true,
    message: result.message,
    values: { userId: String(result.userId), email: input.email, name: input.name },
  };
});
