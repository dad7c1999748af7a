import "server-only";
import { assertAdmin } from "@/lib/auth/admin-only";
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { arrangementRevisions, arrangements, auditEvents, organisations, users } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { londonDayStart, nextDay } from "@/lib/editions/london-time";
import { auditChanges, type AuditChange } from "./diff";
import type { AuditFilters } from "./schemas";
import {
  auditSentence,
  namedRevisionId,
  type NamedAuditEvent,
  type SentencePart,
} from "./sentences";

/*
 * Reads of the audit trail for administrators: a filtered, paged list with each event as a
 * sentence (./sentences.ts, with the names of the people, organisations and arrangements it
 * concerns looked up here) and its before/after as a readable diff, and the same filtered set
 * in batches for the CSV export.
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
  /** The event in words, with links: "Jo Bloggs (Devon County Council) signed in". */
  sentence: SentencePart[];
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
  return named(reader, rows);
}

type SelectedRow = Omit<AuditRow, "changes" | "sentence">;

/** Positive whole-number ids of the rows' entities of one type. */
function entityIds(rows: SelectedRow[], type: string): number[] {
  const ids = rows
    .filter((r) => r.entityType === type && r.entityId !== null && /^\d{1,9}$/.test(r.entityId))
    .map((r) => Number(r.entityId));
  return [...new Set(ids)];
}

/** The id of the row's entity, when it is an id ("user", "arrangement", "organisation"). */
function entityNumber(row: SelectedRow): number | null {
  return row.entityId !== null && /^\d{1,9}$/.test(row.entityId) ? Number(row.entityId) : null;
}

/**
 * The names the rows' ids stand for today, in three reads for the whole page or batch: the
 * accounts events are about, the arrangements (slug, newest title, whether published) and the
 * revisions they name (their titles; an administrator can open any revision but a draft on
 * the review page).
 */
async function lookUpNames(reader: DbOrTx, rows: SelectedRow[]) {
  const userIds = entityIds(rows, "user");
  const arrangementIds = entityIds(rows, "arrangement");
  const revisionIds = [
    ...new Set(
      rows
        .filter((r) => r.entityType === "arrangement")
        .map((r) => namedRevisionId(r.before, r.after))
        .filter((id): id is number => id !== null),
    ),
  ];
  const [people, records, revisions] = await Promise.all([
    userIds.length
      ? reader
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, userIds))
      : [],
    arrangementIds.length
      ? reader
          .select({
            id: arrangements.id,
            slug: arrangements.slug,
            published: sql<boolean>`exists (
              select 1 from ${arrangementRevisions} p
              where p.id = ${arrangements.publishedRevisionId} and p.state = 'approved')`,
            title: sql<string | null>`(
              select r.title from ${arrangementRevisions} r
              where r.arrangement_id = ${arrangements.id} order by r.version desc limit 1)`,
          })
          .from(arrangements)
          .where(inArray(arrangements.id, arrangementIds))
      : [],
    revisionIds.length
      ? reader
          .select({
            id: arrangementRevisions.id,
            arrangementId: arrangementRevisions.arrangementId,
            title: arrangementRevisions.title,
            draft: sql<boolean>`${arrangementRevisions.state} = 'draft'`,
          })
          .from(arrangementRevisions)
          .where(inArray(arrangementRevisions.id, revisionIds))
      : [],
  ]);
  return {
    people: new Map(people.map((p) => [p.id, p])),
    arrangements: new Map(records.map((a) => [a.id, a])),
    revisions: new Map(revisions.map((r) => [r.id, r])),
  };
}

type Names = Awaited<ReturnType<typeof lookUpNames>>;

/** The row with the names its ids stand for: what its sentence is made from. */
function namedEvent(row: SelectedRow, names: Names): NamedAuditEvent {
  const id = entityNumber(row);
  const found = row.entityType === "arrangement" && id !== null ? names.arrangements.get(id) : null;
  const revisionId = found ? namedRevisionId(row.before, row.after) : null;
  const named = revisionId === null ? undefined : names.revisions.get(revisionId);
  const revision = found && named?.arrangementId === found.id ? named : null;
  return {
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    actor:
      row.actorUserId === null
        ? null
        : { id: row.actorUserId, name: row.actorName ?? `User ${row.actorUserId}` },
    organisation:
      row.organisationId === null
        ? null
        : {
            id: row.organisationId,
            name: row.organisationName ?? `Organisation ${row.organisationId}`,
          },
    user: row.entityType === "user" && id !== null ? (names.people.get(id) ?? null) : null,
    arrangement: found
      ? {
          ...found,
          title: revision?.title ?? found.title,
          reviewRevisionId: revision && !revision.draft ? revision.id : null,
        }
      : null,
  };
}

async function named(reader: DbOrTx, rows: SelectedRow[]): Promise<AuditRow[]> {
  const names = await lookUpNames(reader, rows);
  return rows.map((r) => ({
    ...r,
    changes: auditChanges(r.before, r.after),
    sentence: auditSentence(namedEvent(r, names)),
  }));
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
