"use server";

import { adminAction } from "@/lib/auth/access";
import { createEdition } from "@/lib/editions/commands";
import { createEditionSchema } from "@/lib/editions/schemas";
import { formatDateTime } from "@/lib/format/dates";
import { toFormState } from "@/lib/commands/form-state";
import { refresh } from "next/cache";

// The wrapper validates the form for its field errors; the command parses the raw values again.
export const createEditionAction = adminAction(createEditionSchema, async (_input, ctx) => {
  const result = await createEdition(ctx.user, ctx.values, ctx.request);
  if (!result.ok) return toFormState(result, ctx.values);
  refresh();
  return { ok: true, message: `${result.message}. As of ${formatDateTime(result.asOf)}.` };
});
