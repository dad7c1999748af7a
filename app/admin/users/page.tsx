import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups, ROLE_LABELS, STATUS_LABELS } from "@/lib/users/labels";
import { formatDateTime } from "@/lib/format/dates";
import { listUsers, organisationsWithUsers } from "@/lib/users/queries";
import { UsersSearchForm } from "./users-search-form";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
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
  const { filters } = list;

  const pageHref = (page: number) => {
    const query = new URLSearchParams();
    if (filters.q) query.set("q", filters.q);
    if (filters.organisationId) query.set("organisation", String(filters.organisationId));
    if (filters.role) query.set("role", filters.role);
    if (filters.status) query.set("status", filters.status);
    if (page > 1) query.set("page", String(page));
    const text = query.toString();
    return text ? `/admin/users?${text}` : "/admin/users";
  };
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.page * list.pageSize, list.total);
  const filtered = Boolean(filters.q || filters.role || filters.status || filters.organisationId);

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Users</h1>
        <Link href="/admin/users/invite" className="button">
          Invite a user
        </Link>
      </div>
      <p className="mt-2 mb-6 text-ink-muted">
        Council editors keep their organisation&apos;s arrangements up to date; administrators
        review submissions and manage users.
      </p>

      <UsersSearchForm
        // Keyed by the filters, so following a link (e.g. "Clear filters") resets the fields.
        key={JSON.stringify(filters)}
        q={filters.q}
        role={filters.role}
        status={filters.status}
        organisationId={filters.organisationId ? String(filters.organisationId) : undefined}
        organisationGroups={organisationGroups(organisations)}
      />

      {list.total === 0 ? (
        <p role="status" className="text-lg">
          {filtered ? "No users match your search." : "There are no users yet."}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left text-lg font-semibold">
              {filtered ? "Users matching your search" : "All users"}
              <span className="block text-base font-normal text-ink-muted">
                Showing {first.toLocaleString("en-GB")} to {last.toLocaleString("en-GB")} of{" "}
                {list.total.toLocaleString("en-GB")}
              </span>
            </caption>
            <thead>
              <tr className="border-b-2 border-rule-strong">
                <th scope="col" className="py-2 pr-4">
                  Name
                </th>
                <th scope="col" className="py-2 pr-4">
                  Email address
                </th>
                <th scope="col" className="py-2 pr-4">
                  Organisation
                </th>
                <th scope="col" className="py-2 pr-4">
                  Role
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2">
                  Last signed in
                </th>
              </tr>
            </thead>
            <tbody>
              {list.users.map((user) => (
                <tr key={user.id} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-4 font-normal">
                    <Link prefetch={false} href={`/admin/users/${user.id}`}>
                      {user.name}
                    </Link>
                  </th>
                  <td className="py-2 pr-4 break-all">{user.email}</td>
                  <td className="py-2 pr-4">{user.organisationName ?? "None"}</td>
                  <td className="py-2 pr-4">{ROLE_LABELS[user.role]}</td>
                  <td className="py-2 pr-4">
                    <span className={user.status === "disabled" ? "font-semibold text-error" : ""}>
                      {STATUS_LABELS[user.status]}
                    </span>
                  </td>
                  <td className="py-2">{formatDateTime(user.lastSignInAt) || "Never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pages > 1 ? (
        <nav aria-label="Pages of users" className="mt-6 flex flex-wrap items-center gap-6">
          {list.page > 1 ? (
            <Link prefetch={false} href={pageHref(list.page - 1)} rel="prev">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {list.page} of {list.pages}
          </span>
          {list.page < list.pages ? (
            <Link prefetch={false} href={pageHref(list.page + 1)} rel="next">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
