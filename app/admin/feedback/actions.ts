"use server";

import { refresh } from "next/cache";
import { adminAction } from "@/lib/auth/access";
import { toFormState } from "@/lib/commands/form-state";
import { markFeedbackHandled } from "@/lib/feedback/commands";
import { feedbackIdSchema } from "@/lib/feedback/schemas";

// The page is rendered again in the same round trip, so the row shows who handled it.
export const markHandledAction = adminAction(feedbackIdSchema, async (input, ctx) => {
  const result = await markFeedbackHandled(ctx.user, ctx.request, input);
  if (result.ok) refresh();
  return toFormState(result, ctx.values);
});
