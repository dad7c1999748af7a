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
