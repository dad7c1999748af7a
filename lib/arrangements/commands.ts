import "server-only";
import { and, eq, inArray, sql as raw } from "drizzle-orm";
import { db, type DbOrTx, type Tx } from "@/db/client";
import {
  arrangementRevisions,
  arrangements,
  organisations,
  revisionCategories,
  revisionPartners,
  revisionSavings,
  serviceCategories,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/access";
import { notifyAdminsOfSubmission, type SubmissionNotice } from "@/lib/review/notifications";
import {
  activeOn,
  editorOrganisation,
  readArrangementState,
  readRevisionContent,
  type ArrangementState,
} from "./queries";
import {
  EMPTY_FORM_VALUES,
  parseArrangementForm,
  revisionToFormValues,
  type ArrangementFormValues,
  type ArrangementInput,
} from "./schema";
import { auditContent, freeSlugs, uniqueViolation } from "./shared";
import { canDo, refusalMessage, type EditorCommand, type WorkspaceStatus } from "./state";

/*
 * The council editor's commands on arrangements. Each one
 *   1. checks who is asking: only a council editor, and only on an arrangement whose lead
 *      organisation is their own. Anything else answers `not-found` — the same answer as an
 *      arrangement that does not exist, so ids reveal nothing — and leaves an
 *      `arrangement.access_refused` audit event. Administrators are not editors: they approve
 *      or reject (lib/review) and get `not-found` here too;
 *   2. validates its input;
 *   3. locks the arrangement row, re-checks ownership and the state machine (./state.ts)
 *      under the lock, compares the caller's baseVersion with the arrangement's lock_version,
 *      makes the change and its audit event in one transaction, and raises lock_version.
 *
 * Concurrency: every form carries `baseVersion` (arrangements.lock_version when it was
 * loaded). Every change to an arrangement or its revisions raises it — code elsewhere that
 * changes revisions (review decisions) must raise it too — so a save from an older form is
 * told who changed it and when, and is given the stored values; nothing is written.
 *
 * Idempotency: saveDraft takes the rendered form's token. It is stored on the revision it
 * wrote (unique in the database), so the same form sent twice — a double click, a retry,
 * two parallel requests — writes once; the repeat answers with the first one's result.
 */

export type RequestInfo = { requestId: string | null };

export type ConflictDetails = {
  changedByName: string;
  changedAt: Date;
  /** What is stored now, as form values, to show beside what the user typed. */
  stored: ArrangementFormValues;
  /** The version to send with a new attempt, once the user has reviewed the differences. */
  baseVersion: number;
};

export type Failure =
  | { ok: false; reason: "not-found"; message: string }
  | { ok: false; reason: "invalid"; message: string; errors: Record<string, string> }
  | { ok: false; reason: "not-allowed"; message: string; status: WorkspaceStatus }
  | { ok: false; reason: "conflict"; message: string; conflict: ConflictDetails };

export type Success<T extends object = object> = { ok: true; message: string } & T;
export type CommandResult<T extends object = object> = Success<T> | Failure;

export type SaveDraftInput = {
  /** Absent to create a new arrangement. */
  arrangementId?: number | null;
  /** The arrangement's lock_version when the form was loaded; required with arrangementId. */
  baseVersion?: number | null;
  /** One per rendered form (a random UUID in a hidden field). */
  idempotencyKey: string;
  values: Record<string, unknown>;
};

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

export type ArrangementCommandInput = {
  arrangementId: number;
  /** Optional for these commands: when given, a change since the page was loaded refuses. */
  baseVersion?: number | null;
};

const NOT_FOUND: Failure = {
  ok: false,
  reason: "not-found",
  message: "Page not found",
};

/** Thrown inside a transaction to roll it back and answer with `result`. */
class Refusal extends Error {
  constructor(readonly result: Failure) {
    super(result.message);
  }
}

function refuse(result: Failure): never {
  throw new Refusal(result);
}

function invalid(errors: Record<string, string>): Failure {
  return { ok: false, reason: "invalid", message: "There is a problem", errors };
}

/** A refusal for someone acting outside their organisation: answered as not-found, audited. */
async function refuseAccess(
  user: CurrentUser,
  command: EditorCommand | "create",
  arrangementId: number | null | undefined,
  request: RequestInfo,
): Promise<Failure> {
  await db().transaction((tx) =>
    recordAudit(tx, {
      actorUserId: user.id,
      organisationId: user.organisationId,
      action: "arrangement.access_refused",
      entityType: "arrangement",
      entityId: arrangementId ?? null,
      after: { command, role: user.role },
      requestId: request.requestId,
    }),
  );
  return NOT_FOUND;
}

/**
 * Runs `work` on a locked arrangement the user's organisation leads. Ownership is checked
 * before the transaction (to audit a refusal) and again under the row lock.
 */
async function onOwnArrangement<T extends object>(
  user: CurrentUser,
  command: EditorCommand,
  input: ArrangementCommandInput,
  request: RequestInfo,
  work: (tx: Tx, state: ArrangementState, organisationId: number) => Promise<Success<T>>,
): Promise<CommandResult<T>> {
  const organisationId = editorOrganisation(user);
  const id = input.arrangementId;
  if (organisationId === null || !Number.isSafeInteger(id) || id <= 0)
    return refuseAccess(user, command, Number.isSafeInteger(id) ? id : null, request);
  const peek = await readArrangementState(db(), id);
  if (!peek || peek.leadOrganisationId !== organisationId)
    return refuseAccess(user, command, id, request);

  try {
    return await db().transaction(async (tx) => {
      const state = await readArrangementState(tx, id, { lock: true });
      if (!state || state.leadOrganisationId !== organisationId) refuse(NOT_FOUND);
      if (input.baseVersion != null && input.baseVersion !== state.lockVersion)
        refuse(await conflict(tx, state));
      if (!canDo(command, state.status))
        refuse({
          ok: false,
          reason: "not-allowed",
          message: refusalMessage(command),
          status: state.status,
        });
      return work(tx, state, organisationId);
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** Equal content whatever the order of partners, categories, benefits and savings rows. */
function sameContent(a: ArrangementInput, b: ArrangementInput): boolean {
  const canonical = (v: ArrangementInput) =>
    JSON.stringify(
      {
        ...v,
        partners: [...v.partners].sort(),
        furtherCategories: [...v.furtherCategories].sort(),
        benefits: [...v.benefits].sort(),
        savings: [...v.savings].sort((x, y) => x.financialYear - y.financialYear),
      },
      (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x),
    );
  return canonical(a) === canonical(b);
}

async function conflict(tx: DbOrTx, state: ArrangementState): Promise<Failure> {
  const [editor] = state.updatedById
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, state.updatedById))
    : [];
  const content = await readRevisionContent(tx, state.editableRevisionId);
  const changedByName = editor?.name ?? "another user";
  return {
    ok: false,
    reason: "conflict",
    message: `This record was changed by ${changedByName} at ${state.updatedAt.toISOString()} since you opened it.`,
    conflict: {
      changedByName,
      changedAt: state.updatedAt,
      stored: content ? revisionToFormValues(content) : { ...EMPTY_FORM_VALUES },
      baseVersion: state.lockVersion,
    },
  };
}

/**
 * The tail every state change on an existing arrangement shares: raise lock_version (so open
 * forms notice) and write the audit event, in the command's transaction. Returns the new
 * version for the form.
 */
async function recordStateChange(
  tx: Tx,
  user: CurrentUser,
  organisationId: number,
  state: ArrangementState,
  change: { action: string; before?: Record<string, unknown>; after?: unknown },
  request: RequestInfo,
): Promise<number> {
  const baseVersion = await touch(tx, state.arrangementId, user);
  await recordAudit(tx, {
    actorUserId: user.id,
    organisationId,
    action: change.action,
    entityType: "arrangement",
    entityId: state.arrangementId,
    before: {
      status: state.status,
      revisionId: state.newest.id,
      version: state.newest.version,
      ...change.before,
    },
    after: change.after,
    requestId: request.requestId,
  });
  return baseVersion;
}

/**
 * Raises lock_version and records who changed the arrangement: every command calls this, and
 * so do the administrators' decisions (lib/review/commands.ts).
 */
export async function touch(tx: Tx, arrangementId: number, user: CurrentUser): Promise<number> {
  const [row] = await tx
    .update(arrangements)
    .set({
      lockVersion: raw`${arrangements.lockVersion} + 1`,
      updatedAt: raw`now()`,
      updatedById: user.id,
    })
    .where(eq(arrangements.id, arrangementId))
    .returning({ lockVersion: arrangements.lockVersion });
  return row!.lockVersion;
}

/* Save ------------------------------------------------------------------------------------------- */

/** Database ids for the input's references, or field errors for what the database refuses. */
async function resolveReferences(
  tx: Tx,
  input: ArrangementInput,
  leadOrganisationId: number,
): Promise<{ mainCategoryId: number; furtherCategoryIds: number[]; partnerIds: number[] }> {
  const slugs = [input.mainCategory, ...input.furtherCategories];
  const categories = await tx
    .select({ id: serviceCategories.id, slug: serviceCategories.slug })
    .from(serviceCategories)
    .where(inArray(serviceCategories.slug, slugs));
  const categoryId = new Map(categories.map((c) => [c.slug, c.id]));

  const found = await tx
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      active: input.startDate ? raw<boolean>`${activeOn(input.startDate)!}` : raw<boolean>`true`,
    })
    .from(organisations)
    .where(inArray(organisations.code, input.partners));
  const byCode = new Map(found.map((o) => [o.code, o]));

  const errors: Record<string, string> = {};
  if (!categoryId.has(input.mainCategory))
    errors.mainCategory = "Select a service category from the list";
  if (input.furtherCategories.some((s) => !categoryId.has(s)))
    errors.furtherCategories = "Select further categories from the list";
  const unknown = input.partners.filter((code) => !byCode.has(code));
  const partners = input.partners.map((code) => byCode.get(code)).filter((o) => !!o);
  if (unknown.length)
    errors.partners = `No organisation has the code ${unknown.join(", ")}: select partners from the list`;
  else if (partners.some((o) => o.id === leadOrganisationId))
    errors.partners = "Your own organisation is the lead: list only the other partners";
  else {
    const inactive = partners.find((o) => !o.active);
    if (inactive)
      errors.partners = `${inactive.name} was not operating on the start date: check the partner or the date`;
  }
  if (Object.keys(errors).length) refuse(invalid(errors));

  return {
    mainCategoryId: categoryId.get(input.mainCategory)!,
    furtherCategoryIds: input.furtherCategories.map((s) => categoryId.get(s)!),
    partnerIds: partners.map((o) => o.id),
  };
}

async function writeRevisionChildren(
  tx: Tx,
  revisionId: number,
  leadOrganisationId: number,
  refs: { furtherCategoryIds: number[]; partnerIds: number[] },
  input: ArrangementInput,
) {
  await tx.insert(revisionPartners).values([
    { revisionId, organisationId: leadOrganisationId, role: "lead" as const },
    ...refs.partnerIds.map((organisationId) => ({
      revisionId,
      organisationId,
      role: "partner" as const,
    })),
  ]);
  if (refs.furtherCategoryIds.length)
    await tx
      .insert(revisionCategories)
      .values(refs.furtherCategoryIds.map((categoryId) => ({ revisionId, categoryId })));
  if (input.savings.length)
    await tx.insert(revisionSavings).values(input.savings.map((s) => ({ revisionId, ...s })));
}

function revisionFields(input: ArrangementInput, mainCategoryId: number) {
  return {
    title: input.title,
    description: input.description,
    mainCategoryId,
    stage: input.stage,
    startDate: input.startDate,
    endDate: input.endDate,
    benefits: input.benefits,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    noSavingsReason: input.noSavingsReason,
  };
}

/** What the audit trail keeps of a revision's content (no personal data beyond the contact). */
/** The title's slug, or the first free "slug-2", "slug-3"… (the unique index settles races). */
async function freeSlug(tx: Tx, title: string): Promise<string> {
  const [slug] = await freeSlugs(tx, [title]);
  return slug!;
}

/** The answer to a repeat of a save already made with this token, if there was one. */
async function replay(
  reader: DbOrTx,
  key: string,
  organisationId: number,
  values: ArrangementInput,
): Promise<CommandResult<SavedDraft> | null> {
  const [row] = await reader
    .select({
      arrangementId: arrangements.id,
      slug: arrangements.slug,
      leadOrganisationId: arrangements.leadOrganisationId,
      lockVersion: arrangements.lockVersion,
      revisionId: arrangementRevisions.id,
      version: arrangementRevisions.version,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .where(eq(arrangementRevisions.idempotencyKey, key));
  if (!row) return null;
  // A token is a random UUID per rendered form; another organisation's cannot be reused.
  if (row.leadOrganisationId !== organisationId) return NOT_FOUND;
  // The same form sent again with other values (Back, edit, save) is not a repeat: the record
  // has moved on since that form was loaded, so it is answered as a conflict, nothing lost.
  const stored = await readRevisionContent(reader, row.revisionId);
  const again = stored ? parseArrangementForm(revisionToFormValues(stored)) : null;
  if (!again?.ok || sameContent(again.data, values) === false) {
    const state = await readArrangementState(reader, row.arrangementId);
    if (state) return conflict(reader, state);
  }
  return {
    ok: true,
    message: "Your draft has been saved",
    arrangementId: row.arrangementId,
    slug: row.slug,
    revisionId: row.revisionId,
    version: row.version,
    baseVersion: row.lockVersion,
    created: false,
    replayed: true,
  };
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * Saves the form as a draft: creates the arrangement (lead: the user's organisation) with
 * draft v1; or updates its open draft in place; or, when it is published or its newest
 * revision was rejected, starts draft v(max+1). The published revision stays public.
 */
export async function saveDraft(
  user: CurrentUser,
  input: SaveDraftInput,
  request: RequestInfo,
): Promise<CommandResult<SavedDraft>> {
  const organisationId = editorOrganisation(user);
  const arrangementId = input.arrangementId ?? null;
  const creating = arrangementId === null;
  if (organisationId === null)
    return refuseAccess(user, creating ? "create" : "save", arrangementId, request);
  if (!creating) {
    const peek = Number.isSafeInteger(arrangementId)
      ? await readArrangementState(db(), arrangementId)
      : null;
    if (!peek || peek.leadOrganisationId !== organisationId)
      return refuseAccess(user, "save", arrangementId, request);
  }

  const key = typeof input.idempotencyKey === "string" ? input.idempotencyKey.trim() : "";
  if (!IDEMPOTENCY_KEY.test(key))
    return {
      ok: false,
      reason: "invalid",
      message: "This form has expired. Reload the page and try again.",
      errors: { _form: "This form has expired. Reload the page and try again." },
    };
  const parsed = parseArrangementForm(input.values);
  if (!parsed.ok) return invalid(parsed.errors);
  const values = parsed.data;

  // A parallel create with the same token, or a slug race with another form, fails on a
  // unique index; the retry then finds the first save (or the next free slug).
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().transaction(async (tx) =>
        creating
          ? createArrangement(tx, user, organisationId, key, values, request)
          : updateArrangement(
              tx,
              user,
              organisationId,
              arrangementId,
              input.baseVersion,
              key,
              values,
              request,
            ),
      );
    } catch (error) {
      if (error instanceof Refusal) return error.result;
      const constraint = uniqueViolation(error);
      if (constraint === null || attempt >= 3) throw error;
      const first = await replay(db(), key, organisationId, values);
      if (first) return first;
    }
  }
}

async function createArrangement(
  tx: Tx,
  user: CurrentUser,
  organisationId: number,
  key: string,
  values: ArrangementInput,
  request: RequestInfo,
): Promise<Success<SavedDraft>> {
  const first = await replay(tx, key, organisationId, values);
  if (first) {
    if (!first.ok) refuse(first);
    return first;
  }
  const refs = await resolveReferences(tx, values, organisationId);
  const slug = await freeSlug(tx, values.title);
  const [arrangement] = await tx
    .insert(arrangements)
    .values({
      slug,
      leadOrganisationId: organisationId,
      createdById: user.id,
      updatedById: user.id,
    })
    .returning({ id: arrangements.id, lockVersion: arrangements.lockVersion });
  const [revision] = await tx
    .insert(arrangementRevisions)
    .values({
      arrangementId: arrangement!.id,
      version: 1,
      ...revisionFields(values, refs.mainCategoryId),
      state: "draft",
      authorId: user.id,
      idempotencyKey: key,
    })
    .returning({ id: arrangementRevisions.id });
  await writeRevisionChildren(tx, revision!.id, organisationId, refs, values);
  await recordAudit(tx, {
    actorUserId: user.id,
    organisationId,
    action: "arrangement.created",
    entityType: "arrangement",
    entityId: arrangement!.id,
    after: { slug, revisionId: revision!.id, ...auditContent(values, 1) },
    requestId: request.requestId,
  });
  return {
    ok: true,
    message: "Your draft has been saved",
    arrangementId: arrangement!.id,
    slug,
    revisionId: revision!.id,
    version: 1,
    baseVersion: arrangement!.lockVersion,
    created: true,
    replayed: false,
  };
}

async function updateArrangement(
  tx: Tx,
  user: CurrentUser,
  organisationId: number,
  arrangementId: number,
  baseVersion: number | null | undefined,
  key: string,
  values: ArrangementInput,
  request: RequestInfo,
): Promise<Success<SavedDraft>> {
  const state = await readArrangementState(tx, arrangementId, { lock: true });
  if (!state || state.leadOrganisationId !== organisationId) refuse(NOT_FOUND);
  // Under the lock: a repeat of a save that has just committed answers with its result.
  const first = await replay(tx, key, organisationId, values);
  if (first) {
    if (!first.ok) refuse(first); // e.g. the same form re-sent with other values: a conflict
    if (first.arrangementId !== arrangementId) refuse(NOT_FOUND);
    return first;
  }
  if (baseVersion == null || !Number.isSafeInteger(baseVersion))
    refuse(invalid({ _form: "This form has expired. Reload the page and try again." }));
  if (baseVersion !== state.lockVersion) refuse(await conflict(tx, state));
  if (!canDo("save", state.status))
    refuse({
      ok: false,
      reason: "not-allowed",
      message: refusalMessage("save"),
      status: state.status,
    });

  const refs = await resolveReferences(tx, values, organisationId);
  let revisionId: number;
  let version: number;
  let action: string;
  if (state.newest.state === "draft") {
    // The open draft is updated in place; its partners, categories and savings replaced.
    revisionId = state.newest.id;
    version = state.newest.version;
    action = "arrangement.draft_saved";
    await tx
      .update(arrangementRevisions)
      .set({
        ...revisionFields(values, refs.mainCategoryId),
        idempotencyKey: key,
        authorId: user.id,
        updatedAt: raw`now()`,
      })
      .where(eq(arrangementRevisions.id, revisionId));
    await tx.delete(revisionPartners).where(eq(revisionPartners.revisionId, revisionId));
    await tx.delete(revisionCategories).where(eq(revisionCategories.revisionId, revisionId));
    await tx.delete(revisionSavings).where(eq(revisionSavings.revisionId, revisionId));
  } else {
    // Published or rejected: a new draft; earlier revisions stay exactly as they were.
    version = state.newest.version + 1;
    action = "arrangement.draft_started";
    const [revision] = await tx
      .insert(arrangementRevisions)
      .values({
        arrangementId,
        version,
        ...revisionFields(values, refs.mainCategoryId),
        state: "draft",
        authorId: user.id,
        idempotencyKey: key,
      })
      .returning({ id: arrangementRevisions.id });
    revisionId = revision!.id;
  }
  await writeRevisionChildren(tx, revisionId, organisationId, refs, values);
  const lockVersion = await touch(tx, arrangementId, user);
  await recordAudit(tx, {
    actorUserId: user.id,
    organisationId,
    action,
    entityType: "arrangement",
    entityId: arrangementId,
    before: { status: state.status, version: state.newest.version },
    after: { revisionId, ...auditContent(values, version) },
    requestId: request.requestId,
  });
  return {
    ok: true,
    message: "Your draft has been saved",
    arrangementId,
    slug: state.slug,
    revisionId,
    version,
    baseVersion: lockVersion,
    created: false,
    replayed: false,
  };
}

/* State changes ---------------------------------------------------------------------------------- */

export type StateChanged = {
  arrangementId: number;
  status: WorkspaceStatus | "deleted";
  baseVersion: number | null;
};

/** What the administrators' notice of a new submission says. */
async function submissionNotice(tx: Tx, state: ArrangementState): Promise<SubmissionNotice> {
  const [row] = await tx
    .select({
      title: arrangementRevisions.title,
      submittedAt: arrangementRevisions.submittedAt,
      organisationName: organisations.name,
    })
    .from(arrangementRevisions)
    .innerJoin(arrangements, eq(arrangements.id, arrangementRevisions.arrangementId))
    .innerJoin(organisations, eq(organisations.id, arrangements.leadOrganisationId))
    .where(eq(arrangementRevisions.id, state.newest.id));
  return {
    arrangementId: state.arrangementId,
    revisionId: state.newest.id,
    title: row!.title,
    organisationName: row!.organisationName,
    isEdit: state.publishedRevisionId !== null,
    submittedAt: row!.submittedAt ?? new Date(),
  };
}

/** draft → submitted: the draft goes to the administrators' review queue. */
export async function submitForReview(
  user: CurrentUser,
  input: ArrangementCommandInput,
  request: RequestInfo,
): Promise<CommandResult<StateChanged>> {
  return onOwnArrangement(user, "submit", input, request, async (tx, state, organisationId) => {
    await tx
      .update(arrangementRevisions)
      .set({
        state: "submitted",
        submittedById: user.id,
        submittedAt: raw`now()`,
        updatedAt: raw`now()`,
      })
      .where(
        and(eq(arrangementRevisions.id, state.newest.id), eq(arrangementRevisions.state, "draft")),
      );
    const baseVersion = await recordStateChange(
      tx,
      user,
      organisationId,
      state,
      { action: "arrangement.submitted", after: { state: "submitted" } },
      request,
    );
    // Administrators hear of it in the same transaction: no mail for a submit that failed.
    await notifyAdminsOfSubmission(tx, await submissionNotice(tx, state));
    return {
      ok: true,
      message: "Submitted for review. An administrator will check it before it is published.",
      arrangementId: state.arrangementId,
      status: state.publishedRevisionId ? "published-submitted" : "submitted",
      baseVersion,
    };
  });
}

/** submitted → draft: taken back from the review queue, editable again. */
export async function withdrawSubmission(
  user: CurrentUser,
  input: ArrangementCommandInput,
  request: RequestInfo,
): Promise<CommandResult<StateChanged>> {
  return onOwnArrangement(user, "withdraw", input, request, async (tx, state, organisationId) => {
    await tx
      .update(arrangementRevisions)
      .set({ state: "draft", submittedById: null, submittedAt: null, updatedAt: raw`now()` })
      .where(
        and(
          eq(arrangementRevisions.id, state.newest.id),
          eq(arrangementRevisions.state, "submitted"),
        ),
      );
    const baseVersion = await recordStateChange(
      tx,
      user,
      organisationId,
      state,
      { action: "arrangement.withdrawn", after: { state: "draft" } },
      request,
    );
    return {
      ok: true,
      message: "Withdrawn from review. It is a draft again.",
      arrangementId: state.arrangementId,
      status: state.publishedRevisionId ? "published-draft" : "draft",
      baseVersion,
    };
  });
}

/**
 * Deletes a draft. Never published: the whole arrangement goes (its audit events keep what it
 * held). Published: only the open draft goes; the published revision is untouched.
 */
export async function deleteDraft(
  user: CurrentUser,
  input: ArrangementCommandInput,
  request: RequestInfo,
): Promise<CommandResult<StateChanged>> {
  return onOwnArrangement(
    user,
    "delete-draft",
    input,
    request,
    async (tx, state, organisationId) => {
      const content = await readRevisionContent(tx, state.newest.id);
      const snapshot = content && {
        ...content,
        savings: content.savings.map((s) => ({ ...s, amountPence: s.amountPence.toString() })),
      };
      if (state.publishedRevisionId === null) {
        // Revisions, partners, categories and savings go with it (ON DELETE CASCADE).
        await tx.delete(arrangements).where(eq(arrangements.id, state.arrangementId));
        await recordAudit(tx, {
          actorUserId: user.id,
          organisationId,
          action: "arrangement.deleted",
          entityType: "arrangement",
          entityId: state.arrangementId,
          before: {
            slug: state.slug,
            status: state.status,
            version: state.newest.version,
            content: snapshot,
          },
          requestId: request.requestId,
        });
        return {
          ok: true,
          message: "The draft has been deleted",
          arrangementId: state.arrangementId,
          status: "deleted",
          baseVersion: null,
        };
      }
      await tx
        .delete(arrangementRevisions)
        .where(
          and(
            eq(arrangementRevisions.id, state.newest.id),
            eq(arrangementRevisions.state, "draft"),
          ),
        );
      const baseVersion = await recordStateChange(
        tx,
        user,
        organisationId,
        state,
        { action: "arrangement.draft_deleted", before: { content: snapshot } },
        request,
      );
      return {
        ok: true,
        message: "The draft has been deleted. The published version is unchanged.",
        arrangementId: state.arrangementId,
        status: "published",
        baseVersion,
      };
    },
  );
}

/**
 * Drops pending changes to a published arrangement: the open draft is deleted; a rejected
 * revision is kept (every reviewed revision is) but marked discarded, so it no longer shows
 * as pending.
 */
export async function discardChanges(
  user: CurrentUser,
  input: ArrangementCommandInput,
  request: RequestInfo,
): Promise<CommandResult<StateChanged>> {
  return onOwnArrangement(
    user,
    "discard-changes",
    input,
    request,
    async (tx, state, organisationId) => {
      if (state.newest.state === "draft") {
        await tx
          .delete(arrangementRevisions)
          .where(
            and(
              eq(arrangementRevisions.id, state.newest.id),
              eq(arrangementRevisions.state, "draft"),
            ),
          );
      } else {
        await tx
          .update(arrangementRevisions)
          .set({ discardedAt: raw`now()` })
          .where(eq(arrangementRevisions.id, state.newest.id));
      }
      const baseVersion = await recordStateChange(
        tx,
        user,
        organisationId,
        state,
        { action: "arrangement.changes_discarded", after: { status: "published" } },
        request,
      );
      return {
        ok: true,
        message: "The changes have been discarded. The published version is unchanged.",
        arrangementId: state.arrangementId,
        status: "published",
        baseVersion,
      };
    },
  );
}
