import "server-only";
import { db, type Tx } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/access";
import { refuse } from "@/lib/commands/refusal";
import { notFound, type CommandResult, type NotFound, type Success } from "@/lib/commands/result";
import { transact, type CommandContext } from "@/lib/commands/transact";
import { actsFor } from "@/lib/organisations/acting-for";
import type { RequestInfo } from "@/lib/request";
import { editorOrganisation, readArrangementState, type ArrangementState } from "../queries";
import { canDo, type EditorCommand } from "../state";
import { conflictWith, notAllowedIn, type ArrangementFailure } from "./failures";

/*
 * Who may act on an arrangement: a council editor, on one their own organisation leads, or
 * one led by a council theirs has taken over from (lib/organisations/acting-for.ts: successions
 * in effect today). The arrangement keeps its lead: the commands act for that organisation.
 * Anyone else — another council's editor, an administrator, an id that does not exist — is
 * answered `not-found` and leaves an `arrangement.access_refused` audit event.
 */

export type ArrangementCommandInput = {
  arrangementId: number;
  /** Optional for these commands: when given, a change since the page was loaded refuses. */
  baseVersion?: number | null;
};

/** A refusal for someone acting outside their organisation: answered as not-found, audited. */
export async function refuseAccess(
  user: CurrentUser,
  command: EditorCommand | "create" | "confirm-partner" | "dispute-partner",
  arrangementId: number | null,
  request: RequestInfo,
): Promise<NotFound> {
  await recordAudit(db(), {
    actorUserId: user.id,
    organisationId: user.organisationId,
    action: "arrangement.access_refused",
    entityType: "arrangement",
    entityId: arrangementId,
    after: { command, role: user.role },
    requestId: request.requestId,
  });
  return notFound();
}

/**
 * The arrangement's lead when the user's organisation is it or has taken it over, else an
 * audited not-found. Checked before the command's transaction, whose rollback would take the
 * audit event with it; the transaction checks again under the row lock (lockOwnArrangement).
 */
export async function leadOrganisation(
  user: CurrentUser,
  command: EditorCommand,
  arrangementId: number,
  request: RequestInfo,
): Promise<number | NotFound> {
  const organisationId = editorOrganisation(user);
  const safeId = Number.isSafeInteger(arrangementId) ? arrangementId : null;
  if (organisationId === null || safeId === null || safeId <= 0)
    return refuseAccess(user, command, safeId, request);
  const peek = await readArrangementState(db(), safeId);
  if (!peek || !(await actsFor(db(), organisationId, peek.leadOrganisationId)))
    return refuseAccess(user, command, safeId, request);
  return peek.leadOrganisationId;
}

/**
 * The arrangement, locked to the end of the transaction, while `leadId` leads it and the user
 * may act for it.
 */
export async function lockOwnArrangement(
  tx: Tx,
  user: CurrentUser,
  arrangementId: number,
  leadId: number,
): Promise<ArrangementState> {
  const state = await readArrangementState(tx, arrangementId, { lock: true });
  const editorOf = editorOrganisation(user);
  if (!state || state.leadOrganisationId !== leadId || editorOf === null) refuse(notFound());
  if (!(await actsFor(tx, editorOf, leadId))) refuse(notFound());
  return state;
}

/**
 * Runs `work` in a transaction on a locked arrangement the user's organisation leads, once
 * the page's baseVersion and the state machine (../state.ts) allow the command.
 */
export async function onOwnArrangement<T extends object>(
  user: CurrentUser,
  command: EditorCommand,
  input: ArrangementCommandInput,
  request: RequestInfo,
  work: (
    cx: CommandContext,
    state: ArrangementState,
    organisationId: number,
  ) => Promise<Success<T>>,
): Promise<CommandResult<T, ArrangementFailure>> {
  const organisationId = await leadOrganisation(user, command, input.arrangementId, request);
  if (typeof organisationId !== "number") return organisationId;
  return transact<T, ArrangementFailure>({ request }, async (cx) => {
    const state = await lockOwnArrangement(cx.tx, user, input.arrangementId, organisationId);
    if (input.baseVersion != null && input.baseVersion !== state.lockVersion)
      refuse(await conflictWith(cx.tx, state));
    if (!canDo(command, state.status)) refuse(notAllowedIn(command, state.status));
    return work(cx, state, organisationId);
  });
}
