"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { echoValues, userAction, type FormState } from "@/lib/auth/access";
import { confirmForecast } from "@/lib/arrangements/commands";

/*
 * Confirming a forecast for a year that has ended (lib/arrangements/commands/confirm-forecast.ts
 * does the work through the editor's save and submit commands). The action only carries the
 * form's strings; the command checks the organisation, the year and the amount itself.
 */

const confirmSchema = z.object({
  arrangementId: z.string(),
  baseVersion: z.string(),
  idempotencyKey: z.string(),
  financialYear: z.string(),
  outcome: z.string().optional(),
  amount: z.string().optional(),
  declaration: z.string().optional(),
});

export const confirmForecastAction = userAction(
  confirmSchema,
  async (input, { user, request, values }): Promise<FormState> => {
    const { arrangementId, baseVersion, idempotencyKey, ...answer } = input;
    const result = await confirmForecast(
      user,
      {
        arrangementId: Number(arrangementId),
        baseVersion: baseVersion.trim() === "" ? null : Number(baseVersion),
        idempotencyKey,
        values: answer,
      },
      request,
    );
    if (!result.ok) {
      if (result.reason === "not-found") notFound();
      const { _form: message, ...errors } = result.reason === "invalid" ? result.errors : {};
      return {
        message:
          result.reason === "conflict"
            ? "This arrangement was changed since you opened this page. Reload the page to see it, then confirm again."
            : (message ?? result.message),
        errors,
        values: echoValues(values),
      };
    }
    redirect(
      result.submitted
        ? "/workspace?notice=confirmed"
        : `/workspace/${result.arrangementId}/preview?notice=confirmed-draft`,
    );
  },
);
