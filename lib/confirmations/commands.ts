import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/db/client";
import {
  arrangementRevisions,
  arrangements,
  organisations,
  partnerConfirmations,
} from "@/db/schema";
import { refuseAccess } from "@/lib/arrangements/commands/access";
import { editorOrganisation } from "@/lib/arrangements/workspace";
import type { CurrentUser } from "@/lib/auth/access";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { notFound, type CommandResult, type Invalid, type NotFound } from "@/lib/commands/result";
import { transact, type CommandOptions } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import { notifyAdminsOfDispute, type DisputeNotice } from "@/lib/review/notifications";
import { askedRevision, type AskedRevision } from "./asked";
import { ANSWERED_NOTICES, type AnsweredNotice } from "./labels";
import { confirmSchema, disputeSchema, type ConfirmInput, type DisputeInput } from "./schemas";

/*
 * A partner organisation's editor confirms that it takes part in an arrangement, or disputes
 * it with a reason. The organisation is the editor's own, from the session; the arrangement id
 * from the browser only says which arrangement. Anyone whose organisation the arrangement does
 * not name as a partner (in the submission waiting for review, or in the published version) —
 * another council, the lead itself, an administrator — is answered `not-found`, audited as
 * `arrangement.access_refused`. The answer and its audit event are written in one transaction,
 * with the arrangement locked so a submission or approval cannot interleave; when the
 * published version names the organisation, the public page (which marks a disputed partner
 * "not confirmed") is refreshed. A new dispute is mailed to every administrator in the same
 * transaction.
 */

export type Answered = {
  arrangementId: number;
  state: "confirmed" | "disputed";
  /** Which notice the partner's list shows (./labels.ts). */
  notice: AnsweredNotice;
};
export type AnswerFailure = NotFound | Invalid;

type Answer = { state: "confirmed" | "disputed"; reason: string | null };

export async function confirmPartnership(
  user: CurrentUser,
  input: ConfirmInput,
  request: RequestInfo,
  options: CommandOptions = {},
): Promise<CommandResult<Answered, AnswerFailure>> {
  const parsed = parseInput(confirmSchema, input);
  if (!parsed.ok) return parsed;
  const answer = { state: "confirmed", reason: null } as const;
  return answerAsPartner(user, parsed.data.arrangementId, answer, request, options);
}

export async function disputePartnership(
  user: CurrentUser,
  input: DisputeInput,
  request: RequestInfo,
  options: CommandOptions = {},
): Promise<CommandResult<Answered, AnswerFailure>> {
  const parsed = parseInput(disputeSchema, input);
  if (!parsed.ok) return parsed;
  const answer = { state: "disputed", reason: parsed.data.reason } as const;
  return answerAsPartner(user, parsed.data.arrangementId, answer, request, options);
}

async function answerAsPartner(
  user: CurrentUser,
  arrangementId: number,
  answer: Answer,
  request: RequestInfo,
  options: CommandOptions,
): Promise<CommandResult<Answered, AnswerFailure>> {
  const command = answer.state === "confirmed" ? "confirm-partner" : "dispute-partner";
  const organisationId = editorOrganisation(user);
  // Checked before the transaction too, whose rollback would take the refusal's audit with it.
  if (
    organisationId === null ||
    !(await askedRevision(options.db ?? db(), arrangementId, organisationId))
  )
    return refuseAccess(user, command, arrangementId, request);

  return transact<Answered, AnswerFailure>({ request, db: options.db }, async (cx) => {
    await cx.tx
      .select({ id: arrangements.id })
      .from(arrangements)
      .where(eq(arrangements.id, arrangementId))
      .for("update");
    const asked = await askedRevision(cx.tx, arrangementId, organisationId);
    if (!asked) refuse(notFound());
    const key = and(
      eq(partnerConfirmations.arrangementId, arrangementId),
      eq(partnerConfirmations.organisationId, organisationId),
    );
    const [before] = await cx.tx
      .select({ state: partnerConfirmations.state, reason: partnerConfirmations.reason })
      .from(partnerConfirmations)
      .where(key);
    const values = {
      revisionId: asked.revisionId,
      state: answer.state,
      reason: answer.reason,
      answeredById: user.id,
      answeredAt: sql`now()`,
    };
    await cx.tx
      .insert(partnerConfirmations)
      .values({ arrangementId, organisationId, ...values })
      .onConflictDoUpdate({
        target: [partnerConfirmations.arrangementId, partnerConfirmations.organisationId],
        set: values,
      });
    await cx.audit({
      actorUserId: user.id,
      organisationId,
      action: `arrangement.partner_${answer.state}`,
      entityType: "arrangement",
      entityId: arrangementId,
      before: before ?? { state: "pending" },
      after: { ...answer, revisionId: asked.revisionId, version: asked.version },
    });
    const wasDisputed = before?.state === "disputed";
    if (asked.namedInPublished && wasDisputed !== (answer.state === "disputed"))
      await cx.publicChanged();
    if (answer.state === "disputed" && !wasDisputed)
      await notifyAdminsOfDispute(cx.tx, await disputeNotice(cx.tx, asked, organisationId, answer));
    const notice = answeredNotice(answer.state, asked.state === "approved");
    return {
      ok: true,
      message: ANSWERED_NOTICES[notice],
      notice,
      arrangementId,
      state: answer.state,
    };
  });
}

async function disputeNotice(
  tx: Tx,
  asked: AskedRevision,
  partnerId: number,
  answer: Answer,
): Promise<DisputeNotice> {
  const partner = alias(organisations, "partner");
  const lead = alias(organisations, "lead");
  const [row] = await tx
    .select({ title: arrangementRevisions.title, partnerName: partner.name, leadName: lead.name })
    .from(arrangementRevisions)
    .innerJoin(partner, eq(partner.id, partnerId))
    .innerJoin(lead, eq(lead.id, asked.leadOrganisationId))
    .where(eq(arrangementRevisions.id, asked.revisionId));
  const published = asked.state === "approved";
  return {
    ...row!,
    reason: answer.reason ?? "",
    published,
    path: published ? `/arrangements/${asked.slug}` : `/admin/review/${asked.revisionId}`,
  };
}

function answeredNotice(state: Answer["state"], published: boolean): AnsweredNotice {
  if (state === "confirmed") return "confirmed";
  return published ? "disputed-published" : "disputed";
}
