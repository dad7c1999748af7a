import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { PageHeader } from "@/components/page-header";
import { listHref, Pagination, showing } from "@/components/pagination";
import { requireAdmin } from "@/lib/auth/access";
import { formatDateTime, organisationGroups, ROLE_LABELS, STATUS_LABELS } from "@/lib/users/labels";
import { listUsers, organisationsWithUsers, type UserListRow } from "@/lib/users/queries";
import { one, type SearchParams } from "../list-params";
import { UsersSearchForm } from "./users-search-form";

export const metadata: Metadata = { title: "Users" };

const COLUMNS = [
  { label: "Name" },
  { label: "Email address" },
  { label: "Organisation" },
  { label: "Role" },
  { label: "Status" },
  { label: "Last signed in" },
];

function UsersTable({ users, caption }: { users: UserListRow[]; caption: React.ReactNode }) {
  return (
    <DataTable
      id="users"
      captionClassName="mb-2 text-left text-lg font-semibold"
      caption={caption}
      columns={COLUMNS}
    >
      {users.map((user) => (
        <tr key={user.id}>
          <th scope="row">
            <Link prefetch={false} href={`/admin/users/${user.id}`}>
              {user.name}
            </Link>
          </th>
          <td className="break-all">{user.email}</td>
          <td>{user.organisationName ?? "None"}</td>
          <td>{ROLE_LABELS[user.role]}</td>
          <td>
            <span className={user.status === "disabled" ? "font-semibold text-error" : ""}>
              {STATUS_LABELS[user.status]}
            </span>
          </td>
          <td>{formatDateTime(user.lastSignInAt) || "Never"}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin();
  const params = await searchParams;
  const list = await listUsers(admin, {
    q: one(params.q),
    role: one(params.role),
    status: one(params.status),
    organisationId: one(params.organisation),
    page: one(params.page),
  });
  const organisations = await organisationsWithUsers(admin);
  const filters = {
    q: list.filters.q,
    organisation: list.filters.organisationId ? String(list.filters.organisationId) : undefined,
    role: list.filters.role,
    status: list.filters.status,
  };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div>
      <PageHeader
        title="Users"
        action={
          <Link href="/admin/users/invite" className="button">
            Invite a user
          </Link>
        }
      >
        Council editors keep their organisation&apos;s arrangements up to date; administrators
        review submissions and manage users.
      </PageHeader>

      <UsersSearchForm values={filters} organisationGroups={organisationGroups(organisations)} />

      {list.total === 0 ? (
        <p role="status" className="text-lg">
          {filtered ? "No users match your search." : "There are no users yet."}
        </p>
      ) : (
        <UsersTable
          users={list.users}
          caption={
            <>
              {filtered ? "Users matching your search" : "All users"}
              <span className="block text-base font-normal text-ink-muted">{showing(list)}</span>
            </>
          }
        />
      )}

      <Pagination
        page={list.page}
        pages={list.pages}
        href={(page) => listHref("/admin/users", { ...filters, page })}
        label="Pages of users"
      />
    </div>
  );
}
