"use server";

import { publicAction } from "@/lib/auth/access";
import { requestPasswordReset } from "@/lib/users/commands";
import { toFormState } from "@/lib/commands/form-state";
import { requestPasswordResetSchema } from "@/lib/users/schemas";

export const requestResetAction = publicAction(
  requestPasswordResetSchema,
  async (input, { request, values }) => {
    const result = await requestPasswordReset(request, input);
    // The address is kept so the confirmation can say where the link went (if anywhere).
    return { ...toFormState(result, values), values: { email: input.email } };
  },
);
