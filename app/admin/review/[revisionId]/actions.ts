"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { adminAction, echoValues, type FormState, type FormValues } from "@/lib/auth/access";
import { approveRevision, rejectRevision, type DecisionFailure } from "@/lib/review/commands";
import { approveSchema, rejectSchema } from "@/lib/review/schemas";

/*
 * The review page's two decisions. The commands re-read and check everything under a lock;
 * a decision that came too late, or on a page older than the submission, is told why and
 * nothing changes. On success the administrator goes back to the queue, whose count (in the
 * admin navigation) is rebuilt.
 */

function failureState(result: DecisionFailure, values: FormValues): FormState {
  if (result.reason === "not-found") notFound();
  if (result.reason === "invalid") return { errors: result.errors, values: echoValues(values) };
  return { message: result.message, values: echoValues(values) };
}

export const approveAction = adminAction(approveSchema, async (input, ctx) => {
  const result = await approveRevision(ctx.user, input, ctx.request);
  if (!result.ok) return failureState(result, ctx.values);
  revalidatePath("/admin", "layout");
  redirect("/admin/review?decided=approved");
});

export const rejectAction = adminAction(rejectSchema, async (input, ctx) => {
  const result = await rejectRevision(ctx.user, input, ctx.request);
  if (!result.ok) return failureState(result, ctx.values);
  revalidatePath("/admin", "layout");
  redirect("/admin/review?decided=rejected");
});
