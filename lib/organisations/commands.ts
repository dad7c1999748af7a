import "server-only";
import { eq, like, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, type Organisation } from "@/db/schema";
import { slugify } from "@/lib/arrangements/shared";
import type { CurrentUser } from "@/lib/auth/access";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import {
  conflict,
  invalid,
  notAllowed,
  notFound,
  type CommandResult,
  type NotAllowed,
} from "@/lib/commands/result";
import { transact, type CommandOptions } from "@/lib/commands/transact";
import { formatLongDate } from "@/lib/format/dates";
import type { RequestInfo } from "@/lib/request";
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
import { checkSuccession, recordSuccession } from "./replacement";

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

/** Typed values from code, or a submitted form's raw strings: both are parsed here. */
type Raw = Record<string, unknown>;

const DUPLICATE_CODE = invalid({ code: "Another organisation already has this code" });
const DUPLICATES = {
  organisations_code_unique: DUPLICATE_CODE,
  organisations_gss_code_key: DUPLICATE_CODE,
};

export function notAdmin(actor: CurrentUser | null | undefined): NotAllowed | null {
  return actor?.role === "admin" ? null : notAllowed("Only administrators can do this.");
}

/** The audit trail's view of an organisation. */
export function auditView(
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

export async function lockOrganisation(tx: Tx, id: number, version: string | undefined) {
  const [row] = await tx
    .select({ organisation: organisations, version: versionToken })
    .from(organisations)
    .where(eq(organisations.id, id))
    .for("update");
  if (!row) refuse(notFound("That organisation does not exist."));
  if (version && version !== row.version)
    refuse(
      conflict(
        "Someone else changed this organisation since you opened it. Nothing was saved: check the details below and make your change again.",
      ),
    );
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
  options: CommandOptions = {},
): Promise<CommandResult<{ organisationId: number; code: string }>> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parseInput(createOrganisationSchema, input);
  if (!parsed.ok) return parsed;
  const values = parsed.data;
  const shortName = values.shortName || values.name;

  return transact(
    { ...options, request, duplicates: DUPLICATES },
    async ({ tx, audit, publicChanged }) => {
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
      await audit({
        actorUserId: actor.id,
        organisationId: row!.id,
        action: "organisation.created",
        entityType: "organisation",
        entityId: row!.id,
        after: auditView(row!),
      });
      await publicChanged();
      return { ok: true, message: `${row!.name} has been added`, organisationId: row!.id, code };
    },
  );
}

/** Edits a body that is not a council (councils follow the ONS reference data). */
export async function updateOrganisation(
  actor: CurrentUser,
  input: UpdateOrganisationInput | Raw,
  request: RequestInfo,
  options: CommandOptions = {},
): Promise<CommandResult<{ organisationId: number }>> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parseInput(updateOrganisationSchema, input);
  if (!parsed.ok) return parsed;
  const { organisationId, version, ...values } = parsed.data;

  return transact(
    { ...options, request, duplicates: DUPLICATES },
    async ({ tx, audit, publicChanged }) => {
      const before = await lockOrganisation(tx, organisationId, version);
      if (before.kind === "council")
        refuse(
          notAllowed(
            "Councils come from the ONS reference data and cannot be edited here. You can record that a council was replaced.",
          ),
        );
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
      await audit({
        actorUserId: actor.id,
        organisationId,
        action: "organisation.updated",
        entityType: "organisation",
        entityId: organisationId,
        before: auditView(before),
        after: auditView(after!),
      });
      await publicChanged();
      return { ok: true, message: `${after!.name} has been saved`, organisationId };
    },
  );
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
  options: CommandOptions = {},
): Promise<CommandResult<{ organisationId: number }>> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parseInput(markReplacedSchema, input);
  if (!parsed.ok) return parsed;
  const { organisationId, version, endDate, replacedById } = parsed.data;

  return transact(
    { ...options, request, duplicates: DUPLICATES },
    async ({ tx, audit, publicChanged }) => {
      const before = await lockOrganisation(tx, organisationId, version);
      const successor = await checkSuccession(tx, before, endDate, replacedById);
      const [after] = await tx
        .update(organisations)
        .set({ endDate, replacedById, updatedAt: sql`clock_timestamp()` })
        .where(eq(organisations.id, organisationId))
        .returning();
      await recordSuccession(tx, organisationId, replacedById, endDate);
      await audit({
        actorUserId: actor.id,
        organisationId,
        action: "organisation.replaced",
        entityType: "organisation",
        entityId: organisationId,
        before: auditView(before),
        after: { ...auditView(after!), replacedByName: successor.name },
      });
      await publicChanged();
      return {
        ok: true,
        message: `Recorded: ${before.name}'s last day was ${formatLongDate(endDate)}, and it is now part of ${successor.name}. Its arrangements stay.`,
        organisationId,
      };
    },
  );
}
