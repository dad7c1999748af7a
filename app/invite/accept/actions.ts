"use server";

import { publicAction } from "@/lib/auth/access";
import { acceptInvitation } from "@/lib/users/commands";
import { toFormState } from "@/lib/commands/form-state";
import { setPasswordSchema } from "@/lib/users/schemas";

export const acceptInvitationAction = publicAction(
  setPasswordSchema,
  async (input, { request, values: { token: _token, ...values } }) =>
    // The token is not sent back: the form has it already, and it is a secret.
    toFormState(await acceptInvitation(request, input), values),
);
