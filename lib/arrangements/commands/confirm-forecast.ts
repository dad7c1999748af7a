import "server-only";
import { z } from "zod";
import { db } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { invalid, notFound, type CommandResult } from "@/lib/commands/result";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence, parsePounds } from "@/lib/money";
import type { RequestInfo } from "@/lib/request";
import { getPastForecast, type PastForecast } from "../past-forecasts";
import { readArrangementState, readRevisionContent } from "../queries";
import { revisionToFormValues, type ArrangementFormValues } from "../schema";
import { leadOrganisation } from "./access";
import type { ArrangementFailure } from "./failures";
import { saveDraft } from "./save-draft";
import { DECLARATION_REQUIRED, submitForReview } from "./state-changes";

/*
 * Confirming a forecast for a financial year that has ended (issue 12, item 7): the council says
 * what was actually saved, or that the saving was not achieved. There is no path around review:
 * the answer becomes an edit of the arrangement made by the editor's own commands — saveDraft
 * (session, organisation, lock, version check, lifetime rule, audit in its transaction) and,
 * when the arrangement had no other change pending, submitForReview — so an administrator
 * approves it like any edit before the public pages change. With a draft or returned change
 * already open, the confirmation is added to it and the editor submits it with the rest.
 *
 * "Not achieved" is stored as an actual saving of £0 for that year, with no flag and no new
 * kind of line. An actual of £0 says exactly that nothing was saved; every total, chart,
 * edition, download and trigger-kept sum already adds lines, so it counts as nothing
 * everywhere with no special case, and the record keeps the year: the public page shows
 * "not achieved" beside it, the review diff shows "forecast £X → actual £0", and the change
 * history keeps what was forecast. Removing the line instead would make a year that was asked
 * about and answered look like one never reported (and an arrangement whose only line it was
 * would need a "no savings" reason before the form could be saved at all).
 */

export const OUTCOMES = ["actual", "not-achieved"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type ConfirmForecastInput = {
  arrangementId: number;
  /** The arrangement's lock_version when the page was loaded. */
  baseVersion: number | null;
  /** The rendered form's token: the same form sent twice confirms once. */
  idempotencyKey: string;
  values: Record<string, unknown>;
};

export type ForecastConfirmed = {
  arrangementId: number;
  financialYear: number;
  /** True when the change went to the review queue; false when it waits in the editor's draft. */
  submitted: boolean;
};

const confirmationSchema = z
  .object({
    financialYear: z.coerce.number({ error: "Not a financial year" }).int().min(2000).max(2100),
    outcome: z.enum(OUTCOMES, { error: "Select whether the saving was achieved" }),
    amount: z.string().optional(),
    // The same declaration as "Submit for review": the confirmation may go to review at once.
    declaration: z.literal("yes", { error: DECLARATION_REQUIRED }),
  })
  .transform((v, ctx) => {
    if (v.outcome === "not-achieved") return { ...v, actualPence: 0n };
    const amount = parsePounds(v.amount ?? "");
    if (!amount.ok) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: amount.message });
      return z.NEVER;
    }
    return { ...v, actualPence: amount.pence };
  });

/** The form the arrangement's edit would start from, with the year's line made the actual. */
function confirmedValues(
  base: ArrangementFormValues,
  financialYear: number,
  actualPence: bigint,
): ArrangementFormValues {
  const year = String(financialYear);
  const at = base.savingsYear.indexOf(year);
  const put = <T>(list: T[], value: T) =>
    at === -1 ? [...list, value] : list.map((v, i) => (i === at ? value : v));
  return {
    ...base,
    savingsYear: put(base.savingsYear, year),
    savingsAmount: put(base.savingsAmount, formatPence(actualPence)),
    savingsKind: put(base.savingsKind, "actual"),
    noSavingsReason: "",
  };
}

/** The arrangement's editable content (the open change, else the published revision) as form values. */
async function editableValues(arrangementId: number): Promise<ArrangementFormValues | null> {
  const state = await readArrangementState(db(), arrangementId);
  const content = state && (await readRevisionContent(db(), state.editableRevisionId));
  return content ? revisionToFormValues(content) : null;
}

/** A save that fails on the arrangement's other fields: say so, since this form shows none. */
function elsewhere(failure: ArrangementFailure): ArrangementFailure {
  if (failure.reason !== "invalid") return failure;
  const { _form: form, ...fields } = failure.errors;
  const problems = [form, ...Object.values(fields)].filter(Boolean).join(" ");
  return invalid({
    _form: `The arrangement's record needs correcting before this can be saved: ${problems} Edit the arrangement, then confirm the saving.`,
  });
}

/**
 * Records what was saved in a financial year that has ended, in place of its forecast, as an
 * edit of the arrangement for review (see above). Only on a forecast the user's organisation's
 * published arrangement holds for an ended year; anything else answers not-found.
 */
export async function confirmForecast(
  user: CurrentUser,
  input: ConfirmForecastInput,
  request: RequestInfo,
): Promise<CommandResult<ForecastConfirmed, ArrangementFailure>> {
  const organisationId = await leadOrganisation(user, "save", input.arrangementId, request);
  if (typeof organisationId !== "number") return organisationId;
  const parsed = confirmationSchema.safeParse(input.values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[issue.path.join(".") || "_form"] ??= issue.message;
    return invalid(errors);
  }
  const { financialYear, outcome, actualPence } = parsed.data;
  const line = await getPastForecast(user, input.arrangementId, financialYear);
  const base = line && (await editableValues(line.arrangementId));
  if (!line || !base) return notFound();

  const saved = await saveDraft(
    user,
    {
      arrangementId: line.arrangementId,
      baseVersion: input.baseVersion,
      idempotencyKey: input.idempotencyKey,
      values: confirmedValues(base, financialYear, actualPence),
      audit: {
        action: "arrangement.forecast_confirmed",
        detail: { confirmed: detail(line, outcome, actualPence) },
      },
    },
    request,
  );
  if (!saved.ok) return elsewhere(saved);
  const answer = (submitted: boolean, message: string) => ({
    ok: true as const,
    message: `${financialYearLabel(financialYear)} ${message}`,
    arrangementId: line.arrangementId,
    financialYear,
    submitted,
  });
  if (saved.replayed) {
    // The same form sent again: answer as the first one left it.
    const now = await readArrangementState(db(), line.arrangementId);
    if (now?.status === "published-submitted") return answer(true, SENT);
  }
  // Only a change that holds nothing but this confirmation goes to review by itself.
  if (line.status !== "published" || saved.replayed) return answer(false, IN_DRAFT);
  const submitted = await submitForReview(
    user,
    { arrangementId: line.arrangementId, baseVersion: saved.baseVersion, declared: true },
    request,
  );
  return submitted.ok
    ? answer(true, SENT)
    : answer(
        false,
        `is confirmed in a draft, but it could not be sent for review: ${submitted.message}`,
      );
}

const SENT =
  "confirmed and sent for review. The public pages change once an administrator approves it.";
const IN_DRAFT = "is confirmed in your draft. Submit the draft for review when it is ready.";

/** What the audit event records about the confirmation, beside the revision's content. */
function detail(line: PastForecast, outcome: Outcome, actualPence: bigint) {
  return {
    financialYear: line.financialYear,
    forecastPence: line.forecastPence.toString(),
    outcome,
    actualPence: actualPence.toString(),
  };
}
