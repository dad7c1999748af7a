import "server-only";
import { assertAdmin } from "@/lib/auth/admin-only";
import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { auditEvents, organisations, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { londonDayStart, nextDay } from "@/lib/editions/london-time";
import { auditChanges, type AuditChange } from "./diff";
import type { AuditFilters } from "./schemas";

/*
 * Reads of the audit trail for administrators: a filtered, paged list with each event's
 * before/after as a readable diff, and the same filtered set in batches for the CSV export.
 * The trail is append-only (a trigger refuses UPDATE, DELETE and TRUNCATE: migration 0001);
 * nothing here or anywhere else in the app writes to it except lib/audit.ts (recordAudit,
 * recordAudits).
 */

export const AUDIT_PAGE_SIZE = 50;

function conditions(filters: AuditFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [];
  if (filters.organisation) where.push(eq(auditEvents.organisationId, filters.organisation));
  if (filters.user) where.push(eq(auditEvents.actorUserId, filters.user));
  if (filters.action) where.push(eq(auditEvents.action, filters.action));
  if (filters.from) where.push(gte(auditEvents.at, londonDayStart(filters.from)));
  if (filters.to) where.push(lt(auditEvents.at, londonDayStart(nextDay(filters.to))));
  return and(...where);
}

export type AuditRow = {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  actorUserId: number | null;
  actorName: string | null;
  actorEmail: string | null;
  organisationId: number | null;
  organisationName: string | null;
  organisationCode: string | null;
  before: unknown;
  after: unknown;
  changes: AuditChange[];
};

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  requestId: auditEvents.requestId,
  actorUserId: auditEvents.actorUserId,
  actorName: users.name,
  actorEmail: users.email,
  organisationId: auditEvents.organisationId,
  organisationName: organisations.name,
  organisationCode: organisations.code,
  before: auditEvents.before,
  after: auditEvents.after,
};

async function select(reader: DbOrTx, where: SQL | undefined, limit: number, offset: number) {
  const rows = await reader
    .select(columns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(organisations, eq(organisations.id, auditEvents.organisationId))
    .where(where)
    // Ids follow the order events were written; newest first.
    .orderBy(desc(auditEvents.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r): AuditRow => ({ ...r, changes: auditChanges(r.before, r.after) }));
}

export type AuditPage = {
  events: AuditRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
};

export async function listAuditEvents(
  actor: CurrentUser,
  filters: AuditFilters,
  reader: DbOrTx = db(),
): Promise<AuditPage> {
  assertAdmin(actor, "read the audit log");
  const where = conditions(filters);
  const [totals] = await reader.select({ n: count() }).from(auditEvents).where(where);
  const total = totals?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const events = await select(reader, where, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE);
  return { events, total, page, pages, pageSize: AUDIT_PAGE_SIZE };
}

/**
 * The whole filtered set, newest first, `size` events at a time: the CSV export streams it
 * without holding it in memory. Keyset paging on the id, so events written meanwhile neither
 * repeat nor shift what follows.
 */
export async function* auditEventBatches(
  actor: CurrentUser,
  filters: AuditFilters,
  size = 1000,
  reader: DbOrTx = db(),
): AsyncGenerator<AuditRow[]> {
  assertAdmin(actor, "read the audit log");
  const where = conditions(filters);
  let below: number | null = null;
  for (;;) {
    const batch = await select(
      reader,
      below === null ? where : and(where, lt(auditEvents.id, below)),
      size,
      0,
    );
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < size) return;
    below = batch.at(-1)!.id;
  }
}

export type AuditFilterOptions = {
  actions: string[];
  users: { id: number; name: string; email: string }[];
  organisations: {
    id: number;
    name: string;
    kind: "council" | "fire" | "police" | "health" | "other";
  }[];
};

/** Choices for the filters: actions that occur, everyone who has acted, every organisation. */
export async function auditFilterOptions(
  actor: CurrentUser,
  reader: DbOrTx = db(),
): Promise<AuditFilterOptions> {
  assertAdmin(actor, "read the audit log");
  const actions = await reader
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(asc(auditEvents.action));
  const people = await reader
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      sql`exists (select 1 from ${auditEvents} where ${auditEvents.actorUserId} = ${users.id})`,
    )
    .orderBy(asc(sql`lower(${users.name})`), asc(users.id));
  const bodies = await reader
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .orderBy(asc(organisations.name));
  return { actions: actions.map((a) => a.action), users: people, organisations: bodies };
}
