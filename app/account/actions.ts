"use server";

import { cookies } from "next/headers";
import { refresh } from "next/cache";
import { userAction } from "@/lib/auth/access";
import { encodeSessionCookie, sessionCookie } from "@/lib/auth/cookie";
import { ABSOLUTE_TIMEOUT_SECONDS } from "@/lib/auth/sessions";
import { changeOwnPassword, updateOwnName } from "@/lib/users/commands";
import { toFormState } from "@/lib/commands/form-state";
import { changePasswordSchema, updateNameSchema } from "@/lib/users/schemas";

export const updateNameAction = userAction(
  updateNameSchema,
  async (input, { user, request, values }) => {
    const result = await updateOwnName(user, request, input);
    // The header shows the name: re-render it in this same round trip.
    if (result.ok) refresh();
    return toFormState(result, values);
  },
);

export const changePasswordAction = userAction(
  changePasswordSchema,
  async (input, { user, request, values }) => {
    const result = await changeOwnPassword(user, request, input);
    if (!result.ok) return toFormState(result, values);
    // Every session of this user has ended; this browser carries on with the new one.
    const cookie = sessionCookie();
    (await cookies()).set(cookie.name, await encodeSessionCookie(result.secret), {
      ...cookie.options,
      maxAge: ABSOLUTE_TIMEOUT_SECONDS,
    });
    return { ok: true, message: result.message };
  },
);
