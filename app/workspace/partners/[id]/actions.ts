"use server";

import { notFound, redirect } from "next/navigation";
import { echoValues, userAction, type FormState, type FormValues } from "@/lib/auth/access";
import type { CommandResult } from "@/lib/commands/result";
import {
  confirmPartnership,
  disputePartnership,
  type AnswerFailure,
  type Answered,
} from "@/lib/confirmations/commands";
import { confirmSchema, disputeSchema } from "@/lib/confirmations/schemas";

/*
 * A partner organisation's answer. The command takes the organisation from the session and
 * answers not-found unless the arrangement names it as a partner: the id in the form only says
 * which arrangement. Done, the editor goes back to the list of requests, which says what
 * happened.
 */

function answered(result: CommandResult<Answered, AnswerFailure>, values: FormValues): FormState {
  if (result.ok) redirect(`/workspace/partners?answered=${result.notice}`);
  if (result.reason === "not-found") notFound();
  return { errors: result.errors, values: echoValues(values) };
}

export const confirmPartnershipAction = userAction(confirmSchema, async (input, ctx) =>
  answered(await confirmPartnership(ctx.user, input, ctx.request), ctx.values),
);

export const disputePartnershipAction = userAction(disputeSchema, async (input, ctx) =>
  answered(await disputePartnership(ctx.user, input, ctx.request), ctx.values),
);
