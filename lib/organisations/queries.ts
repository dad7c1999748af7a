import "server-only";
import { assertAdmin } from "@/lib/auth/admin-only";
import {
  and,
  asc,
  count,
  eq,
  gte,
  ilike,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db/client";
import {
  arrangementRevisions,
  arrangements,
  organisations,
  organisationSuccessions,
  revisionPartners,
  users,
} from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { today } from "@/lib/clock";
import { listOrganisationsSchema, type ListOrganisationsInput } from "./schemas";

/*
 * Reads for the administrators' organisation pages.
 */

export const ORGANISATIONS_PAGE_SIZE = 50;

/** A token that changes whenever the row does (microseconds, unlike a JavaScript Date). */
export const versionToken = sql<string>`to_char(${organisations.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/*
 * The subqueries below name the outer table written out: inside a subquery Drizzle leaves its
 * columns unqualified, ambiguous beside the subquery's own "id".
 */
const OUTER_ID = sql.raw(`"organisations"."id"`);

/** Published arrangements the organisation leads or is a partner in (they stay when it ends). */
const publishedArrangementCount = sql<number>`(
  select count(distinct a.id)::int from ${arrangements} a
  join ${arrangementRevisions} r on r.id = a.published_revision_id and r.state = 'approved'
  join ${revisionPartners} rp on rp.revision_id = r.id
  where rp.organisation_id = ${OUTER_ID})`;

const successorNames = sql<string[]>`ARRAY(
  SELECT n.name FROM organisation_successions s JOIN organisations n ON n.id = s.successor_id
  WHERE s.predecessor_id = ${OUTER_ID} ORDER BY n.name)`;

export type OrganisationListRow = {
  id: number;
  code: string;
  name: string;
  kind: "council" | "fire" | "police" | "health" | "other";
  councilType: string | null;
  region: string | null;
  startDate: string | null;
  endDate: string | null;
  /** The councils that took (or will take) over from it, by name. */
  successorNames: string[];
  arrangements: number;
};

export async function listOrganisations(
  actor: CurrentUser,
  input: ListOrganisationsInput = {},
  reader: DbOrTx = db(),
) {
  assertAdmin(actor, "manage organisations");
  const filters = listOrganisationsSchema.parse(input);
  const day = today();
  const where: (SQL | undefined)[] = [];
  if (filters.q) {
    const pattern = likePattern(filters.q);
    where.push(
      or(
        ilike(organisations.name, pattern),
        ilike(organisations.shortName, pattern),
        ilike(organisations.code, pattern),
      ),
    );
  }
  if (filters.kind) where.push(eq(organisations.kind, filters.kind));
  if (filters.status === "current")
    where.push(or(isNull(organisations.endDate), gte(organisations.endDate, day)));
  if (filters.status === "ended")
    where.push(and(isNotNull(organisations.endDate), lt(organisations.endDate, day)));
  const condition = and(...where);

  const [totals] = await reader.select({ n: count() }).from(organisations).where(condition);
  const total = totals?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / ORGANISATIONS_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows: OrganisationListRow[] = await reader
    .select({
      id: organisations.id,
      code: organisations.code,
      name: organisations.name,
      kind: organisations.kind,
      councilType: organisations.councilType,
      region: organisations.region,
      startDate: organisations.startDate,
      endDate: organisations.endDate,
      successorNames: successorNames,
      arrangements: publishedArrangementCount,
    })
    .from(organisations)
    .where(condition)
    .orderBy(asc(sql`lower(${organisations.name})`), asc(organisations.id))
    .limit(ORGANISATIONS_PAGE_SIZE)
    .offset((page - 1) * ORGANISATIONS_PAGE_SIZE);
  return {
    rows,
    total,
    page,
    pages,
    pageSize: ORGANISATIONS_PAGE_SIZE,
    filters: { q: filters.q || undefined, kind: filters.kind, status: filters.status },
  };
}

/** One side of a succession, as the administrators' page lists it. */
export type SuccessionLink = {
  id: number;
  name: string;
  /** The successor's first day in charge. */
  effectiveDate: string;
  shareBp: number;
};

export type OrganisationDetail = OrganisationListRow & {
  shortName: string;
  gssCode: string | null;
  replacedById: number | null;
  replacedByName: string | null;
  /** Send back with an edit: a change since the form was loaded is refused. */
  version: string;
  /** Arrangements it leads (any state): they stay, whatever happens to the organisation. */
  ledArrangements: number;
  /** Council editor accounts (any status) that belong to it. */
  editors: number;
  /** The councils that took over from it, and those it took over from. */
  successors: SuccessionLink[];
  predecessors: SuccessionLink[];
};

export async function getOrganisation(
  actor: CurrentUser,
  id: number,
  reader: DbOrTx = db(),
): Promise<OrganisationDetail | null> {
  assertAdmin(actor, "manage organisations");
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const successor = alias(organisations, "successor");
  const [row] = await reader
    .select({
      id: organisations.id,
      code: organisations.code,
      gssCode: organisations.gssCode,
      name: organisations.name,
      shortName: organisations.shortName,
      kind: organisations.kind,
      councilType: organisations.councilType,
      region: organisations.region,
      startDate: organisations.startDate,
      endDate: organisations.endDate,
      replacedById: organisations.replacedById,
      replacedByName: successor.name,
      successorNames,
      arrangements: publishedArrangementCount,
      ledArrangements: sql<number>`(select count(*)::int from ${arrangements} a where a.lead_organisation_id = ${OUTER_ID})`,
      editors: sql<number>`(select count(*)::int from ${users} u
        where u.organisation_id = ${OUTER_ID} and u.role = 'council_editor')`,
      version: versionToken,
    })
    .from(organisations)
    .leftJoin(successor, eq(successor.id, organisations.replacedById))
    .where(eq(organisations.id, id));
  if (!row) return null;
  const [successors, predecessors] = await Promise.all([
    successionLinks(reader, "successor", id),
    successionLinks(reader, "predecessor", id),
  ]);
  return { ...row, successors, predecessors };
}

/** The organisations on the other side of `id`'s successions, by first day then name. */
function successionLinks(
  reader: DbOrTx,
  other: "successor" | "predecessor",
  id: number,
): Promise<SuccessionLink[]> {
  const s = organisationSuccessions;
  const [mine, theirs] =
    other === "successor" ? [s.predecessorId, s.successorId] : [s.successorId, s.predecessorId];
  return reader
    .select({
      id: organisations.id,
      name: organisations.name,
      effectiveDate: s.effectiveDate,
      shareBp: s.shareBp,
    })
    .from(s)
    .innerJoin(organisations, eq(organisations.id, theirs))
    .where(eq(mine, id))
    .orderBy(asc(s.effectiveDate), asc(organisations.name));
}

/** Councils, for "replaced by": every council but the one being edited, by name. */
export async function councilChoices(
  actor: CurrentUser,
  exceptId: number,
  reader: DbOrTx = db(),
): Promise<{ id: number; name: string; startDate: string | null; endDate: string | null }[]> {
  assertAdmin(actor, "manage organisations");
  const rows = await reader
    .select({
      id: organisations.id,
      name: organisations.name,
      startDate: organisations.startDate,
      endDate: organisations.endDate,
    })
    .from(organisations)
    .where(eq(organisations.kind, "council"))
    .orderBy(asc(organisations.name));
  return rows.filter((r) => r.id !== exceptId);
}
