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
import { arrangementRevisions, arrangements, organisations, revisionPartners } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
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

/** Published arrangements the organisation leads or is a partner in (they stay when it ends). */
const publishedArrangementCount = sql<number>`(
  select count(distinct a.id)::int from ${arrangements} a
  join ${arrangementRevisions} r on r.id = a.published_revision_id and r.state = 'approved'
  join ${revisionPartners} rp on rp.revision_id = r.id
  where rp.organisation_id = ${organisations.id})`;

export type OrganisationListRow = {
  id: number;
  code: string;
  name: string;
  kind: "council" | "fire" | "police" | "health" | "other";
  councilType: string | null;
  region: string | null;
  startDate: string | null;
  endDate: string | null;
  replacedByName: string | null;
  arrangements: number;
};

export async function listOrganisations(
  actor: CurrentUser,
  input: ListOrganisationsInput = {},
  reader: DbOrTx = db(),
) {
  assertAdmin(actor, "manage organisations");
  const filters = listOrganisationsSchema.parse(input);
  const today = new Date().toISOString().slice(0, 10);
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
    where.push(or(isNull(organisations.endDate), gte(organisations.endDate, today)));
  if (filters.status === "ended")
    where.push(and(isNotNull(organisations.endDate), lt(organisations.endDate, today)));
  const condition = and(...where);
  const successor = alias(organisations, "successor");

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
      replacedByName: successor.name,
      arrangements: publishedArrangementCount,
    })
    .from(organisations)
    .leftJoin(successor, eq(successor.id, organisations.replacedById))
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

export type OrganisationDetail = OrganisationListRow & {
  shortName: string;
  gssCode: string | null;
  replacedById: number | null;
  replacedByCode: string | null;
  /** Send back with an edit: a change since the form was loaded is refused. */
  version: string;
  /** Arrangements it leads (any state): they stay, whatever happens to the organisation. */
  ledArrangements: number;
  predecessors: { id: number; name: string; endDate: string | null }[];
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
      replacedByCode: successor.code,
      arrangements: publishedArrangementCount,
      ledArrangements: sql<number>`(select count(*)::int from ${arrangements} a where a.lead_organisation_id = ${organisations.id})`,
      version: versionToken,
    })
    .from(organisations)
    .leftJoin(successor, eq(successor.id, organisations.replacedById))
    .where(eq(organisations.id, id));
  if (!row) return null;
  const predecessors = await reader
    .select({ id: organisations.id, name: organisations.name, endDate: organisations.endDate })
    .from(organisations)
    .where(eq(organisations.replacedById, id))
    .orderBy(asc(organisations.name));
  return { ...row, predecessors };
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
