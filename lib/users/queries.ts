import "server-only";
import { assertAdmin } from "@/lib/auth/admin-only";
import { and, asc, count, eq, ilike, or, sql as raw, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { organisations, users, type Organisation, type User } from "@/db/schema";
import type { CurrentUser } from "@/lib/auth/sessions";
import { listUsersSchema, type ListUsersInput } from "./schemas";

/** What the list of users shows; the detail page adds to it. Never the password hash. */
const listColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  lastSignInAt: users.lastSignInAt,
};

export const USERS_PAGE_SIZE = 25;

/** Backslash-escapes LIKE's wildcards so a search for "50%" finds "50%", not everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type UserListRow = Pick<
  User,
  "id" | "email" | "name" | "role" | "status" | "organisationId" | "lastSignInAt"
> & { organisationName: string | null };

export type UserList = {
  users: UserListRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  filters: {
    q?: string;
    role?: User["role"];
    status?: User["status"];
    organisationId: number | null;
  };
};

/** Users matching a search (name or email, any case), with their organisation's name, 25 a page. */
export async function listUsers(
  actor: CurrentUser,
  input: ListUsersInput = {},
  reader: DbOrTx = db(),
): Promise<UserList> {
  assertAdmin(actor, "read user accounts");
  const filters = listUsersSchema.parse(input);
  const conditions: (SQL | undefined)[] = [];
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (filters.role) conditions.push(eq(users.role, filters.role));
  if (filters.status) conditions.push(eq(users.status, filters.status));
  if (filters.organisationId) conditions.push(eq(users.organisationId, filters.organisationId));
  const where = and(...conditions);

  const [totals] = await reader
    .select({ total: count() })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where);
  const total = totals?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const rows = await reader
    .select(listColumns)
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(where)
    .orderBy(asc(raw`lower(${users.name})`), asc(users.id))
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE);
  return {
    users: rows,
    total,
    page,
    pages,
    pageSize: USERS_PAGE_SIZE,
    filters: {
      q: filters.q || undefined,
      role: filters.role,
      status: filters.status,
      organisationId: filters.organisationId,
    },
  };
}

export type UserDetail = Pick<
  User,
  | "id"
  | "email"
  | "name"
  | "role"
  | "status"
  | "organisationId"
  | "lastSignInAt"
  | "createdAt"
  | "updatedAt"
> & { organisationName: string | null; hasPassword: boolean };

const detailColumns = {
  ...listColumns,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  hasPassword: raw<boolean>`${users.passwordHash} IS NOT NULL`,
};

/** One user for the admin page, or null for an id that does not exist. Never the password hash. */
export async function getUser(
  actor: CurrentUser,
  id: number,
  reader: DbOrTx = db(),
): Promise<UserDetail | null> {
  assertAdmin(actor, "read user accounts");
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const [row] = await reader
    .select(detailColumns)
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id));
  return row ?? null;
}

/** The signed-in user's own account, for /account. */
export async function getOwnAccount(
  user: CurrentUser,
  reader: DbOrTx = db(),
): Promise<UserDetail | null> {
  const [row] = await reader
    .select(detailColumns)
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, user.id));
  return row ?? null;
}

export type OrganisationOption = Pick<Organisation, "id" | "name" | "kind">;

/**
 * Organisations a user can belong to: those that exist today (councils that have been merged
 * away are left out), ordered by name, plus `include` (a user's current organisation) even if
 * it has since ended, so a form can show what is set now.
 */
export async function organisationOptions(
  options: { include?: number | null } = {},
  reader: DbOrTx = db(),
): Promise<OrganisationOption[]> {
  const current = and(
    raw`(${organisations.startDate} IS NULL OR ${organisations.startDate} <= current_date)`,
    raw`(${organisations.endDate} IS NULL OR ${organisations.endDate} >= current_date)`,
  );
  return reader
    .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .where(options.include ? or(current, eq(organisations.id, options.include)) : current)
    .orderBy(asc(organisations.name), asc(organisations.id));
}

/** Organisations that have at least one user, by name: the filter on the users page. */
export async function organisationsWithUsers(
  actor: CurrentUser,
  reader: DbOrTx = db(),
): Promise<OrganisationOption[]> {
  assertAdmin(actor, "read user accounts");
  return reader
    .selectDistinct({ id: organisations.id, name: organisations.name, kind: organisations.kind })
    .from(organisations)
    .innerJoin(users, eq(users.organisationId, organisations.id))
    .orderBy(asc(organisations.name), asc(organisations.id));
}
