import "server-only";
import { asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organisations, organisationSuccessions, type Organisation } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { today } from "@/lib/clock";
import { parseInput } from "@/lib/commands/parse";
import { refuse } from "@/lib/commands/refusal";
import { invalid, type CommandResult, type FieldErrors } from "@/lib/commands/result";
import { transact, type CommandOptions } from "@/lib/commands/transact";
import { previousDay } from "@/lib/editions/london-time";
import { formatLongDate } from "@/lib/format/dates";
import { namesText } from "@/lib/format/names";
import type { RequestInfo } from "@/lib/request";
import { auditView, notAdmin } from "./commands";
import {
  recordReorganisationSchema,
  rowFields,
  type NewCouncil,
  type RecordReorganisationInput,
} from "./reorganisation-schema";
import { sharesByWeight, WHOLE_BP } from "./shares";

/*
 * An administrator records a reorganisation: councils that end on the day before the vesting
 * day, and the new councils formed on it, in one transaction with its audit events. Each council
 * that ends passes to the new councils whose rows name it, whole (a merger) or in shares (a
 * split: as given, else by the new councils' populations, else equally).
 *
 * The vesting day may be in the future: the councils that end carry on until then, and the rule
 * of who takes part on a date (register_participants) and the editors' access (./acting-for.ts)
 * follow the successions only from the vesting day. Nothing about an arrangement is copied.
 */

const DUPLICATE = invalid({ _form: "One of the new councils' ONS codes is already taken" });
const DUPLICATES = { organisations_code_unique: DUPLICATE, organisations_gss_code_key: DUPLICATE };

type Predecessor = Pick<
  Organisation,
  "id" | "code" | "gssCode" | "name" | "shortName" | "startDate" | "endDate" | "replacedById"
> & { succeeded: boolean };

/** Which new councils take which part of each council that ends. */
type Part = { predecessor: Predecessor; council: NewCouncil; bp: number };

/** The councils the rows' lines could name (by code, name or short name), locked. */
async function candidates(tx: Tx, councils: NewCouncil[]): Promise<Predecessor[]> {
  const refs = [...new Set(councils.flatMap((c) => c.from.map((l) => l.reference.toLowerCase())))];
  const o = organisations;
  return tx
    .select({
      id: o.id,
      code: o.code,
      gssCode: o.gssCode,
      name: o.name,
      shortName: o.shortName,
      startDate: o.startDate,
      endDate: o.endDate,
      replacedById: o.replacedById,
      succeeded: sql<boolean>`EXISTS (SELECT 1 FROM ${organisationSuccessions} s
        WHERE s.predecessor_id = ${o.id})`,
    })
    .from(o)
    .where(
      sql`${o.kind} = 'council' AND ${or(
        inArray(sql`lower(${o.code})`, refs),
        inArray(sql`lower(${o.name})`, refs),
        inArray(sql`lower(${o.shortName})`, refs),
      )}`,
    )
    .orderBy(asc(o.id))
    .for("update");
}

/** The council a line names, or why it names none: a code first, then a name, a short name. */
function resolve(reference: string, found: Predecessor[], lastDay: string): Predecessor | string {
  const ref = reference.toLowerCase();
  const operating = (p: Predecessor) =>
    (!p.startDate || p.startDate <= lastDay) && (!p.endDate || p.endDate >= lastDay);
  for (const key of ["code", "name", "shortName"] as const) {
    const matches = found.filter((p) => p[key].toLowerCase() === ref);
    if (matches.length === 0) continue;
    const current = matches.length > 1 ? matches.filter(operating) : matches;
    if (current.length === 1) return current[0]!;
    return `More than one council is called “${reference}”: give its ONS code instead`;
  }
  return `No council has the code or name “${reference}”: check the organisations list`;
}

/** Why the council cannot end on `lastDay` and pass to new councils, or null. */
function endingProblem(p: Predecessor, lastDay: string): string | null {
  if (p.succeeded) return `${p.name} is already recorded as replaced`;
  if (p.endDate && p.endDate !== lastDay)
    return `${p.name} already ended on ${formatLongDate(p.endDate)}`;
  if (p.startDate && p.startDate > lastDay)
    return `${p.name} only started on ${formatLongDate(p.startDate)}, after ${formatLongDate(lastDay)}`;
  return null;
}

/** Each line resolved, checked, and given its share; field errors by row for what is wrong. */
function partsOf(councils: NewCouncil[], found: Predecessor[], lastDay: string): Part[] {
  const errors: FieldErrors = {};
  const named: { predecessor: Predecessor; council: NewCouncil; bp: number | null }[] = [];
  for (const council of councils) {
    const field = rowFields(council.row).from;
    const seen = new Set<number>();
    for (const line of council.from) {
      const p = resolve(line.reference, found, lastDay);
      const problem =
        typeof p === "string"
          ? p
          : seen.has(p.id)
            ? `${p.name} is listed twice`
            : endingProblem(p, lastDay);
      if (problem) errors[field] ??= problem;
      else if (typeof p !== "string") {
        seen.add(p.id);
        named.push({ predecessor: p, council, bp: line.bp });
      }
    }
  }
  if (Object.keys(errors).length) refuse(invalid(errors));

  const parts: Part[] = [];
  for (const id of new Set(named.map((n) => n.predecessor.id))) {
    const mine = named.filter((n) => n.predecessor.id === id);
    const { name } = mine[0]!.predecessor;
    const field = rowFields(mine[0]!.council.row).from;
    const given = mine.filter((n) => n.bp !== null).length;
    if (given > 0 && given < mine.length)
      errors[field] ??=
        `Give ${name}’s percentage in every new council it is divided between, or in none`;
    const shares =
      given === 0
        ? sharesByWeight(mine.map((n) => n.council.population))
        : mine.map((n) => n.bp ?? 0);
    const total = shares.reduce((a, b) => a + b, 0);
    if (given === mine.length && total !== WHOLE_BP)
      errors[field] ??= `${name}’s percentages add up to ${total / 100}%: they must add up to 100%`;
    mine.forEach((n, i) => parts.push({ ...n, bp: shares[i]! }));
  }
  if (Object.keys(errors).length) refuse(invalid(errors));
  return parts;
}

/** Refuses new codes that an organisation already has. */
async function checkCodesFree(tx: Tx, councils: NewCouncil[]): Promise<void> {
  const codes = councils.map((c) => c.code);
  const taken = await tx
    .select({ code: organisations.code, gssCode: organisations.gssCode, name: organisations.name })
    .from(organisations)
    .where(or(inArray(organisations.code, codes), inArray(organisations.gssCode, codes)));
  const errors: FieldErrors = {};
  for (const c of councils) {
    const other = taken.find((t) => t.code === c.code || t.gssCode === c.code);
    if (other) errors[rowFields(c.row).code] = `${other.name} already has the ONS code ${c.code}`;
  }
  if (Object.keys(errors).length) refuse(invalid(errors));
}

function message(vesting: string, parts: Part[], made: { name: string }[]): string {
  const ending = namesText([...new Set(parts.map((p) => p.predecessor.name))]);
  const formed = namesText(made.map((m) => m.name));
  return vesting > today()
    ? `Recorded: from ${formatLongDate(vesting)}, ${formed} will take over from ${ending}. Until then they carry on as before.`
    : `Recorded: on ${formatLongDate(vesting)}, ${formed} took over from ${ending}. Their arrangements stay.`;
}

export async function recordReorganisation(
  actor: CurrentUser,
  input: RecordReorganisationInput,
  request: RequestInfo,
  options: CommandOptions = {},
): Promise<CommandResult<{ organisationIds: number[] }>> {
  const refused = notAdmin(actor);
  if (refused) return refused;
  const parsed = parseInput(recordReorganisationSchema, input);
  if (!parsed.ok) return parsed;
  const { vestingDate, councils } = parsed.data;
  const lastDay = previousDay(vestingDate);

  return transact(
    { ...options, request, duplicates: DUPLICATES },
    async ({ tx, audit, publicChanged }) => {
      const parts = partsOf(councils, await candidates(tx, councils), lastDay);
      await checkCodesFree(tx, councils);
      const made = await tx
        .insert(organisations)
        .values(
          councils.map((c) => ({
            code: c.code,
            gssCode: c.code,
            kind: "council" as const,
            councilType: c.councilType,
            name: c.name,
            shortName: c.shortName,
            region: c.region,
            startDate: vestingDate,
            population: c.population,
          })),
        )
        .returning();
      const idOf = (c: NewCouncil) => made.find((m) => m.code === c.code)!;
      await tx.insert(organisationSuccessions).values(
        parts.map((p) => ({
          predecessorId: p.predecessor.id,
          successorId: idOf(p.council).id,
          effectiveDate: vestingDate,
          shareBp: p.bp,
        })),
      );
      const view = (p: Part) => ({
        code: idOf(p.council).code,
        name: p.council.name,
        shareBp: p.bp,
      });

      for (const council of councils) {
        const row = idOf(council);
        await audit({
          actorUserId: actor.id,
          organisationId: row.id,
          action: "organisation.created",
          entityType: "organisation",
          entityId: row.id,
          after: {
            ...auditView(row),
            councilType: row.councilType,
            population: row.population,
            formedFrom: parts
              .filter((p) => p.council === council)
              .map((p) => ({ code: p.predecessor.code, name: p.predecessor.name, shareBp: p.bp })),
          },
        });
      }
      for (const predecessor of new Set(parts.map((p) => p.predecessor))) {
        const mine = parts.filter((p) => p.predecessor === predecessor);
        const largest = mine.reduce((a, b) => (b.bp > a.bp ? b : a));
        const [after] = await tx
          .update(organisations)
          .set({
            endDate: lastDay,
            replacedById: idOf(largest.council).id,
            updatedAt: sql`clock_timestamp()`,
          })
          .where(eq(organisations.id, predecessor.id))
          .returning();
        await audit({
          actorUserId: actor.id,
          organisationId: predecessor.id,
          action: "organisation.replaced",
          entityType: "organisation",
          entityId: predecessor.id,
          before: { code: predecessor.code, name: predecessor.name, endDate: predecessor.endDate },
          after: { ...auditView(after!), effectiveDate: vestingDate, successors: mine.map(view) },
        });
      }
      await publicChanged();
      return {
        ok: true,
        message: message(vestingDate, parts, made),
        organisationIds: councils.map((c) => idOf(c).id),
      };
    },
  );
}
