"use server";

import { refresh } from "next/cache";
import { adminAction } from "@/lib/auth/access";
import {
  changeOrganisation,
  changeRole,
  resendInvitation,
  sendPasswordReset,
  setStatus,
} from "@/lib/users/commands";
import { toFormState } from "@/lib/commands/form-state";
import {
  changeOrganisationSchema,
  changeRoleSchema,
  setStatusSchema,
  userIdSchema,
} from "@/lib/users/schemas";

// Each action re-renders the user's page in the same round trip when something changed, so
// the summary at the top shows the new role, organisation or status beside the confirmation.

export const changeRoleAction = adminAction(changeRoleSchema, async (input, ctx) => {
  const result = await changeRole(ctx.user, ctx.request, input);
  if (result.ok) refresh();
  return toFormState(result, ctx.values);
});

export const changeOrganisationAction = adminAction(
  changeOrganisationSchema,
  async (input, ctx) => {
    const result = await changeOrganisation(ctx.user, ctx.request, input);
    if (result.ok) refresh();
    return toFormState(result, ctx.values);
  },
);

export const setStatusAction = adminAction(setStatusSchema, async (input, ctx) => {
  const result = await setStatus(ctx.user, ctx.request, input);
  if (result.ok) refresh();
  return toFormState(result, ctx.values);
});

export const sendPasswordResetAction = adminAction(userIdSchema, async (input, ctx) => {
  const result = await sendPasswordReset(ctx.user, ctx.request, input);
  return toFormState(result, ctx.values);
});

export const resendInvitationAction = adminAction(userIdSchema, async (input, ctx) => {
  const result = await resendInvitation(ctx.user, ctx.request, input);
  return toFormState(result, ctx.values);
});
