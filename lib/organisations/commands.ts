import "server-only";
import { and, eq, like, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { organisations, type Organisation } from "@/db/schema";
import { slugify, uniqueViolation } from "@/lib/arrangements/shared";
import type { RequestInfo } from "@/lib/arrangements/commands";
import { recordAudit } from "@/lib/audit";
import { fieldErrors, type CurrentUser } from "@/lib/auth/access";
import { recordPublicChange, revalidatePublicPages } from "@/lib/cache/public-cache";
import { formatLongDate } from "@/lib/financial-year";
import { nextDay } from "@/lib/editions/london-time";
import { versionToken } from "./queries";
import {
  createOrganisationSchema,
  GSS_PATTERN,
  markReplacedSchema,
  updateOrganisationSchema,
  type CreateOrganisationInput,
  type MarkReplacedInput,
  type UpdateOrganisationInput,
} from "./schemas";

/*
 * The administrators' commands on organisations. Each validates, locks the row it changes,
 * checks the form was loaded from the current version (two administrators editing at once:
 * the second is told, not silently overwritten), writes its audit event in the same
 * transaction and records a public change (organisation names and end dates show publicly).
 * A council's arrangements are never touched: when it is replaced they stay, and the public
 * pages say "now part of …".
 *
 * `options.db`: a transaction to run inside (as a savepoint), so a test can roll it all back.
 */

export type Failure = { ok: false; message?: string; errors?: Record<string, string> };
export type Success<T extends object = object> = { ok: true; message: string } & T;
export type CommandResult<T extends object = object> = Success<T> | Failure;

type Options = { db?: DbOrTx };
/** Typed values from code, or a submitted form's raw strings: both are parsed here. */
type Raw = Record<string, unknown>;

class Refusal extends Error {
  constructor(readonly result: Failure) {
    super(result.message ?? "refused");
  }
}

function refuse(result: Omit<Failure, "ok">): never {
  throw new Refusal({ ok: false, ...result });
}

function parse<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | Failure {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, errors: fieldErrors(parsed.error) };
}

const DUPLICATE_CODE = { errors: { code: "Another organisation already has this code" } };

async function transact<T extends object>(
  options: Options,
  work: (tx: Tx) => Promise<Success<T>>,
): Promise<CommandResult<T>> {
  let result: Success<T>;
  try {
    result = await (options.db ?? db()).transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    const constraint = uniqueViolation(error);
    if (constraint === "organisations_code_unique" || constraint === "organisations_gss_code_key")
      return { ok: false, ...DUPLICATE_CODE };
    throw error;
  }
  revalidatePublicPages();
  return result;
}

function notAdmin(actor: CurrentUser | null | undefined): Failure | null {
  return actor?.role === "admin"
    ? null
    : { ok: false, message: "Only administrators can do this." };
}

/** The audit trail's view of an organisation. */
function auditView(
  o: Pick<
    Organisation,
    "code" | "kind" | "name" | "shortName" | "region" | "startDate" | "endDate" | "replacedById"
  >,
) {
  return {
    code: o.code,
    kind: o.kind,
    name: o.name,
    shortName: o.shortName,
    region: o.region,
    startDate: o.startDate,
    endDate: o.endDate,
    replacedById: o.replacedById,
  };
}

async function lockOrganisation(tx: Tx, id: number, version: string | undefined) {
  const [row] = await tx
    .select({ organisation: organisations, version: versionToken })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for("update");
  if (!row) refuse({ message: "That organisation does not exist." });
  if (version && version !== row.version)
    refuse({
      message:
        "Someone else changed this organisation since you opened it. Nothing was saved: check the details below and make your change again.",
    });
  return row.organisation;
}

/** kind:short-name, or kind:short-name-2… when taken. */
async function generatedCode(tx: Tx, kind: string, shortName: string): Promise<string> {
  const base = `${kind}:${slugify(shortName).slice(0, 60)}`;
  const taken = new Set(
    (
      await tx
        .select({ code: organisations.code })
        .from(organisations)
        .where(or(eq(organisations.code, base), like(organisations.code, `${base}-%`)))
    ).map((r) => r.code),
  );
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/** Adds a fire and rescue service, police force, NHS body or other public body. */
export async function createOrganisation(
  actor: CurrentUser,
  input: CreateOrganisationInput | Raw,
  request: RequestInfo,
  options: Options = {},
): Promise<CommandResult<{ organisationId: number; code: string }>> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parse(createOrganisationSchema, input);
  if (!parsed.ok) return parsed;
  const values = parsed.data;
  const shortName = values.shortName || values.name;

  return transact(options, async (tx) => {
    const code = values.code || (await generatedCode(tx, values.kind, shortName));
    const [existing] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(or(eq(organisations.code, code), eq(organisations.gssCode, code)));
    if (existing) refuse(DUPLICATE_CODE);
    const [row] = await tx
      .insert(organisations)
      .values({
        code,
        gssCode: GSS_PATTERN.test(code) ? code : null,
        kind: values.kind,
        name: values.name,
        shortName,
        region: values.region,
        startDate: values.startDate,
        endDate: values.endDate,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: row!.id,
      action: "organisation.created",
      entityType: "organisation",
      entityId: row!.id,
      after: auditView(row!),
      requestId: request.requestId,
    });
    await recordPublicChange(tx);
    return { ok: true, message: `${row!.name} has been added`, organisationId: row!.id, code };
  });
}

/** Edits a body that is not a council (councils follow the ONS reference data). */
export async function updateOrganisation(
  actor: CurrentUser,
  input: UpdateOrganisationInput | Raw,
  request: RequestInfo,
  options: Options = {},
): Promise<CommandResult<{ organisationId: number }>> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parse(updateOrganisationSchema, input);
  if (!parsed.ok) return parsed;
  const { organisationId, version, ...values } = parsed.data;

  return transact(options, async (tx) => {
    const before = await lockOrganisation(tx, organisationId, version);
    if (before.kind === "council")
      refuse({
        message:
          "Councils come from the ONS reference data and cannot be edited here. You can record that a council was replaced.",
      });
    const [after] = await tx
      .update(organisations)
      .set({
        kind: values.kind,
        name: values.name,
        shortName: values.shortName || values.name,
        region: values.region,
        startDate: values.startDate,
        endDate: values.endDate,
        updatedAt: sql`clock_timestamp()`,
      })
      .where(eq(organisations.id, organisationId))
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      action: "organisation.updated",
      entityType: "organisation",
      entityId: organisationId,
      before: auditView(before),
      after: auditView(after!),
      requestId: request.requestId,
    });
    await recordPublicChange(tx);
    return { ok: true, message: `${after!.name} has been saved`, organisationId };
  });
}

/**
 * Records that a council ended and which council replaced it (a merger or reorganisation).
 * Its arrangements stay as they are. The successor must be a different council operating on
 * the day after the last day, and must not itself (through its own successors) lead back here.
 */
export async function markReplaced(
  actor: CurrentUser,
  input: MarkReplacedInput | Raw,
  request: RequestInfo,
  options: Options = {},
): Promise<CommandResult<{ organisationId: number }>> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parse(markReplacedSchema, input);
  if (!parsed.ok) return parsed;
  const { organisationId, version, endDate, replacedById } = parsed.data;

  return transact(options, async (tx) => {
    const before = await lockOrganisation(tx, organisationId, version);
    if (before.kind !== "council")
      refuse({ message: "Only a council can be recorded as replaced here." });
    if (before.startDate && endDate < before.startDate)
      refuse({
        errors: {
          endDate: `Last day must be on or after the day it started, ${formatLongDate(before.startDate)}`,
        },
      });
    if (replacedById === organisationId)
      refuse({ errors: { replacedById: "A council cannot replace itself: select its successor" } });
    const [successor] = await tx
      .select()
      .from(organisations)
      .where(and(eq(organisations.id, replacedById), eq(organisations.kind, "council")));
    if (!successor)
      refuse({ errors: { replacedById: "Select the council that replaced it from the list" } });
    const firstDay = nextDay(endDate);
    if (
      (successor.startDate && successor.startDate > firstDay) ||
      (successor.endDate && successor.endDate < firstDay)
    )
      refuse({
        errors: {
          replacedById: `${successor.name} was not operating on ${formatLongDate(firstDay)}, the day after the last day: check the council or the date`,
        },
      });
    // Follow the successor's own successors: none may be this council.
    const chain = await tx.execute<{ id: number }>(sql`
      WITH RECURSIVE chain(id, depth) AS (
        SELECT ${replacedById}::int, 0
        UNION ALL
        SELECT o.replaced_by_id, c.depth + 1 FROM organisations o JOIN chain c ON o.id = c.id
        WHERE o.replaced_by_id IS NOT NULL AND c.depth < 50)
      SELECT id FROM chain`);
    if (chain.some((r) => Number(r.id) === organisationId))
      refuse({
        errors: {
          replacedById: `${successor.name} is itself recorded as replaced by this council`,
        },
      });

    const [after] = await tx
      .update(organisations)
      .set({ endDate, replacedById, updatedAt: sql`clock_timestamp()` })
      .where(eq(organisations.id, organisationId))
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      action: "organisation.replaced",
      entityType: "organisation",
      entityId: organisationId,
      before: auditView(before),
      after: { ...auditView(after!), replacedByName: successor.name },
      requestId: request.requestId,
    });
    await recordPublicChange(tx);
    return {
      ok: true,
      message: `Recorded: ${before.name}'s last day was ${formatLongDate(endDate)}, and it is now part of ${successor.name}. Its arrangements stay.`,
      organisationId,
    };
  });
}
