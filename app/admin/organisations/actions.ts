"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/auth/access";
import { createOrganisation, markReplaced, updateOrganisation } from "@/lib/organisations/commands";
import {
  createOrganisationSchema,
  markReplacedSchema,
  updateOrganisationSchema,
} from "@/lib/organisations/schemas";
import { toFormState } from "@/lib/commands/form-state";
import { recordReorganisation } from "@/lib/organisations/reorganisation";
import {
  changeSharesSchema,
  recordReorganisationSchema,
} from "@/lib/organisations/reorganisation-schema";
import { changeSuccessionShares } from "@/lib/organisations/succession-shares";
import { moveEditors } from "@/lib/users/commands";
import { moveEditorsSchema } from "@/lib/users/schemas";

// The wrapper validates the form for its field errors; each command parses the same raw values
// again itself, so a caller that is not this form cannot skip the rules.

export const createOrganisationAction = adminAction(
  createOrganisationSchema,
  async (_input, ctx) => {
    const result = await createOrganisation(ctx.user, ctx.values, ctx.request);
    if (!result.ok) return toFormState(result, ctx.values);
    redirect(`/admin/organisations/${result.organisationId}?notice=created`);
  },
);

// Edits re-render the page in the same round trip, so the details show the new values.
export const updateOrganisationAction = adminAction(
  updateOrganisationSchema,
  async (_input, ctx) => {
    const result = await updateOrganisation(ctx.user, ctx.values, ctx.request);
    if (result.ok) refresh();
    return toFormState(result, ctx.values);
  },
);

export const markReplacedAction = adminAction(markReplacedSchema, async (_input, ctx) => {
  const result = await markReplaced(ctx.user, ctx.values, ctx.request);
  if (result.ok) refresh();
  return toFormState(result, ctx.values);
});

export const recordReorganisationAction = adminAction(
  recordReorganisationSchema,
  async (_input, ctx) => {
    const result = await recordReorganisation(ctx.user, ctx.values, ctx.request);
    if (!result.ok) return toFormState(result, ctx.values);
    redirect(`/admin/organisations/${result.organisationIds[0]}?notice=reorganised`);
  },
);

export const changeSharesAction = adminAction(changeSharesSchema, async (_input, ctx) => {
  const result = await changeSuccessionShares(ctx.user, ctx.values, ctx.request);
  if (result.ok) refresh();
  return toFormState(result, ctx.values);
});

export const moveEditorsAction = adminAction(moveEditorsSchema, async (input, ctx) => {
  const result = await moveEditors(ctx.user, ctx.request, input);
  if (result.ok) refresh();
  return toFormState(result, ctx.values);
});
