import type { Metadata } from "next";
import Link from "next/link";
import type { Column } from "@/components/data-table";
import type { FieldSpec } from "@/components/forms/field-list";
import { FilterForm } from "@/components/forms/filter-form";
import type { SelectGroup } from "@/components/forms/select-field";
import { PageHeader } from "@/components/page-header";
import { listHref, showing } from "@/components/pagination";
import { RecordList } from "@/components/record-list";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups, ROLE_LABELS, STATUS_LABELS } from "@/lib/users/labels";
import { listUsers, organisationsWithUsers, type UserListRow } from "@/lib/users/queries";
import { one, type SearchParams } from "../list-params";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Users" };

function filterFields(organisations: SelectGroup[]): FieldSpec[] {
  return [
    { kind: "text", type: "search", name: "q", label: "Name or email address" },
    {
      name: "organisation",
      label: "Organisation",
      placeholder: "Any organisation",
      groups: organisations,
    },
    {
      name: "role",
      label: "Role",
      placeholder: "Any role",
      options: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })),
    },
    {
      name: "status",
      label: "Status",
      placeholder: "Any status",
      options: (["active", "invited", "disabled"] as const).map((value) => ({
        value,
        label: STATUS_LABELS[value],
      })),
    },
  ];
}

const COLUMNS: Column<UserListRow>[] = [
  {
    label: "Name",
    rowHeader: true,
    cell: (user) => (
      <Link prefetch={false} href={`/admin/users/${user.id}`}>
        {user.name}
      </Link>
    ),
  },
  { label: "Email address", cellClassName: "break-all", cell: (user) => user.email },
  { label: "Organisation", cell: (user) => user.organisationName ?? "None" },
  { label: "Role", cell: (user) => ROLE_LABELS[user.role] },
  {
    label: "Status",
    cell: (user) => (
      <span className={user.status === "disabled" ? "font-semibold text-error" : ""}>
        {STATUS_LABELS[user.status]}
      </span>
    ),
  },
  { label: "Last signed in", cell: (user) => formatDateTime(user.lastSignInAt) || "Never" },
];

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

      <FilterForm
        action="/admin/users"
        label="Users"
        submitLabel="Search"
        fields={filterFields(organisationGroups(organisations))}
        values={filters}
      />

      <RecordList
        id="users"
        title={filtered ? "Users matching your search" : "All users"}
        detail={showing(list)}
        columns={COLUMNS}
        rows={list.users}
        rowKey={(user) => user.id}
        list={list}
        empty={filtered ? "No users match your search." : "There are no users yet."}
        href={(page) => listHref("/admin/users", { ...filters, page })}
        label="Pages of users"
      />
    </div>
  );
}
