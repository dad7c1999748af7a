import "server-only";
import { eq, sql as raw } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { arrangementRevisions } from "@/db/schema";
import type { AuditAction } from "@/lib/audit-log/actions";
import type { CurrentUser } from "@/lib/auth/access";
import { refuse } from "@/lib/commands/refusal";
import { invalid, notFound, type CommandResult, type Success } from "@/lib/commands/result";
import { transact, type CommandContext } from "@/lib/commands/transact";
import type { RequestInfo } from "@/lib/request";
import { recordContributions } from "../contributions";
import { insertDraftArrangements } from "../insert-drafts";
import { raiseLockVersion } from "../lock-version";
import { editorOrganisation, type ArrangementState } from "../queries";
import {
  deleteRevisionChildren,
  draftRevision,
  insertRevisionChildren,
  revisionFields,
  type RevisionReferences,
} from "../revision-rows";
import { parseDraftForm, type DraftInput } from "../schema";
import { savingsErrorsByYear } from "../savings-grid";
import { auditContent } from "../shared";
import { canDo } from "../state";
import { leadOrganisation, lockOwnArrangement, refuseAccess } from "./access";
import { conflictWith, notAllowedIn, type ArrangementFailure } from "./failures";
import { replay } from "./replay";
import { resolveReferences } from "./references";

export type SaveDraftInput = {
  /** Absent to create a new arrangement. */
  arrangementId?: number | null;
  /** The arrangement's lock_version when the form was loaded; required with arrangementId. */
  baseVersion?: number | null;
  /** One per rendered form (a random UUID in a hidden field). */
  idempotencyKey: string;
  values: Record<string, unknown>;
  /**
   * How the audit trail names a save another command makes on the editor's behalf (a forecast
   * confirmed, ./confirm-forecast.ts): its action, and what it records beside the content.
   */
  audit?: AuditAs;
};

type AuditAs = { action: AuditAction; detail: Record<string, unknown> };

export type SavedDraft = {
  arrangementId: number;
  slug: string;
  revisionId: number;
  version: number;
  /** The arrangement's new lock_version: the next form's baseVersion. */
  baseVersion: number;
  created: boolean;
  /** True when this answered a repeat of a save already made with the same token. */
  replayed: boolean;
};

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;
const EXPIRED = "This form has expired. Reload the page and try again.";

/**
 * Saves the form as a draft: creates the arrangement (lead: the user's organisation) with
 * draft v1; or updates its open draft in place; or, when it is published or its newest
 * revision was rejected, starts draft v(max+1). The published revision stays public.
 */
export async function saveDraft(
  user: CurrentUser,
  input: SaveDraftInput,
  request: RequestInfo,
): Promise<CommandResult<SavedDraft, ArrangementFailure>> {
  const arrangementId = input.arrangementId ?? null;
  const organisationId =
    arrangementId === null
      ? (editorOrganisation(user) ?? (await refuseAccess(user, "create", null, request)))
      : await leadOrganisation(user, "save", arrangementId, request);
  if (typeof organisationId !== "number") return organisationId;

  const key = typeof input.idempotencyKey === "string" ? input.idempotencyKey.trim() : "";
  if (!IDEMPOTENCY_KEY.test(key)) return invalid({ _form: EXPIRED }, EXPIRED);
  // Only what storing needs: a half-finished draft is kept as typed; the full rules run on
  // submission (./state-changes.ts).
  const parsed = parseDraftForm(input.values);
  if (!parsed.ok) return invalid(savingsErrorsByYear(parsed.errors, input.values));
  const values = parsed.data;

  // A parallel create with the same token, or a slug race with another form, fails on a
  // unique index; the retry then finds the first save (or the next free slug).
  return transact<SavedDraft, ArrangementFailure>(
    { request, afterRace: () => replay(db(), key, organisationId, values) },
    (cx) =>
      arrangementId === null
        ? createDraft(cx, user, organisationId, key, values)
        : updateDraft(cx, user, organisationId, key, values, {
            arrangementId,
            baseVersion: input.baseVersion,
            audit: input.audit,
          }),
  );
}

function saved(draft: Omit<SavedDraft, "replayed">): Success<SavedDraft> {
  return { ok: true, message: "Your draft has been saved", ...draft, replayed: false };
}

async function createDraft(
  cx: CommandContext,
  user: CurrentUser,
  organisationId: number,
  key: string,
  values: DraftInput,
): Promise<Success<SavedDraft>> {
  const first = await replay(cx.tx, key, organisationId, values);
  if (first) return first.ok ? first : refuse(first);
  const refs = await resolveReferences(cx.tx, values, organisationId);
  const [made] = await insertDraftArrangements(cx, user, organisationId, [
    { input: values, refs, idempotencyKey: key },
  ]);
  return saved({
    arrangementId: made!.arrangementId,
    slug: made!.slug,
    revisionId: made!.revisionId,
    version: 1,
    baseVersion: made!.lockVersion,
    created: true,
  });
}

async function updateDraft(
  cx: CommandContext,
  user: CurrentUser,
  organisationId: number,
  key: string,
  values: DraftInput,
  target: { arrangementId: number; baseVersion: number | null | undefined; audit?: AuditAs },
): Promise<Success<SavedDraft>> {
  const state = await lockOwnArrangement(cx.tx, user, target.arrangementId, organisationId);
  // Under the lock: a repeat of a save that has just committed answers with its result.
  const first = await replay(cx.tx, key, organisationId, values);
  if (first) {
    if (!first.ok) refuse(first); // e.g. the same form re-sent with other values: a conflict
    if (first.arrangementId !== target.arrangementId) refuse(notFound());
    return first;
  }
  const { baseVersion } = target;
  if (baseVersion == null || !Number.isSafeInteger(baseVersion))
    refuse(invalid({ _form: EXPIRED }));
  if (baseVersion !== state.lockVersion) refuse(await conflictWith(cx.tx, state));
  if (!canDo("save", state.status)) refuse(notAllowedIn("save", state.status));

  const refs = await resolveReferences(cx.tx, values, organisationId);
  const { revisionId, version, action } = await writeDraft(cx.tx, user, state, key, values, refs);
  await insertRevisionChildren(cx.tx, organisationId, [{ revisionId, refs, input: values }]);
  const lockVersion = await raiseLockVersion(cx.tx, state.arrangementId, user);
  await cx.audit({
    actorUserId: user.id,
    organisationId,
    action: target.audit?.action ?? action,
    entityType: "arrangement",
    entityId: state.arrangementId,
    before: { status: state.status, version: state.newest.version },
    after: {
      revisionId,
      ...auditContent(values, version),
      ...(target.audit ? { draft: action, ...target.audit.detail } : {}),
    },
  });
  return saved({
    arrangementId: state.arrangementId,
    slug: state.slug,
    revisionId,
    version,
    baseVersion: lockVersion,
    created: false,
  });
}

/** The open draft rewritten in place (its children cleared), or a new draft version. */
async function writeDraft(
  tx: Tx,
  user: CurrentUser,
  state: ArrangementState,
  key: string,
  values: DraftInput,
  refs: RevisionReferences,
): Promise<{ revisionId: number; version: number; action: AuditAction }> {
  if (state.newest.state === "draft") {
    const revisionId = state.newest.id;
    await tx
      .update(arrangementRevisions)
      .set({
        ...revisionFields(values, refs.mainCategoryId),
        idempotencyKey: key,
        authorId: user.id,
        updatedAt: raw`now()`,
      })
      .where(eq(arrangementRevisions.id, revisionId));
    await deleteRevisionChildren(tx, revisionId);
    await recordContributions(tx, user.id, "saved", [revisionId]);
    return { revisionId, version: state.newest.version, action: "arrangement.draft_saved" };
  }
  // Published or rejected: a new draft; earlier revisions stay exactly as they were.
  const version = state.newest.version + 1;
  const [revision] = await tx
    .insert(arrangementRevisions)
    .values(draftRevision(state.arrangementId, version, values, refs, user.id, key))
    .returning({ id: arrangementRevisions.id });
  await recordContributions(tx, user.id, "created", [revision!.id]);
  return { revisionId: revision!.id, version, action: "arrangement.draft_started" };
}
