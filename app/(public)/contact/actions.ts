"use server";

import { publicAction } from "@/lib/auth/access";
import { toFormState } from "@/lib/commands/form-state";
import { submitFeedback } from "@/lib/feedback/commands";
import { feedbackSchema } from "@/lib/feedback/schemas";

// No account needed. The wrapper validates for the field errors; the command parses the raw
// values again, applies the rate limit per client address, stores, audits and mails.
export const sendFeedbackAction = publicAction(feedbackSchema, async (_input, ctx) => {
  const result = await submitFeedback(ctx.request, ctx.values);
  return toFormState(result, ctx.values);
});
