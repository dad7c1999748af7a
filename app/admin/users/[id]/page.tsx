import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/access";
import { organisationGroups, ROLE_LABELS, STATUS_LABELS } from "@/lib/users/labels";
import { formatDateTime } from "@/lib/format/dates";
import { getUser, organisationOptions } from "@/lib/users/queries";
import { ButtonForm, OrganisationForm, RoleForm } from "./user-forms";

export const metadata: Metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id } = await params;
  const user = /^\d{1,10}$/.test(id) ? await getUser(admin, Number(id)) : null;
  if (!user) notFound();
  const groups = organisationGroups(await organisationOptions({ include: user.organisationId }));
  const self = user.id === admin.id;

  return (
    <div className="max-w-3xl">
      <p className="mb-4">
        <Link href="/admin/users">Back to users</Link>
      </p>
      <h1 className="text-3xl font-bold">{user.name}</h1>

      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 border-t border-rule pt-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Email address</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-semibold">Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="font-semibold">Organisation</dt>
        <dd>{user.organisationName ?? "None (administrators belong to no organisation)"}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          <span className={user.status === "disabled" ? "font-semibold text-error" : ""}>
            {STATUS_LABELS[user.status]}
          </span>
          {user.status === "invited" ? (
            <span className="block text-ink-muted">Has not set a password yet.</span>
          ) : null}
        </dd>
        <dt className="font-semibold">Last signed in</dt>
        <dd>{formatDateTime(user.lastSignInAt) || "Never"}</dd>
        <dt className="font-semibold">Added</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>

      {self ? (
        <p className="mt-8 border-l-4 border-rule-strong bg-surface p-4">
          This is your own account. Another administrator must change your role or disable it;
          change your name and password on <Link href="/account">your account page</Link>.
        </p>
      ) : (
        <>
          <section aria-labelledby="role-heading" className="mt-10">
            <h2 id="role-heading" className="mb-4 text-2xl font-bold">
              Role
            </h2>
            <RoleForm
              userId={user.id}
              role={user.role}
              organisationId={user.organisationId}
              organisationGroups={groups}
            />
          </section>

          {user.role === "council_editor" ? (
            <section aria-labelledby="organisation-heading" className="mt-10">
              <h2 id="organisation-heading" className="mb-4 text-2xl font-bold">
                Organisation
              </h2>
              <OrganisationForm
                userId={user.id}
                organisationId={user.organisationId}
                organisationGroups={groups}
              />
            </section>
          ) : null}

          <section aria-labelledby="access-heading" className="mt-10">
            <h2 id="access-heading" className="mb-2 text-2xl font-bold">
              Access
            </h2>
            <p className="mb-4">
              {user.status === "disabled"
                ? "This account is disabled: they cannot sign in and any links sent to them no longer work."
                : "Disabling the account signs them out at once and stops them signing in. Their records and history stay."}
            </p>
            <ButtonForm
              userId={user.id}
              kind={user.status === "disabled" ? "enable" : "disable"}
              label={user.status === "disabled" ? "Enable account" : "Disable account"}
              warning={user.status !== "disabled"}
            />
          </section>
        </>
      )}

      {user.status !== "disabled" ? (
        <section aria-labelledby="password-heading" className="mt-10">
          <h2 id="password-heading" className="mb-2 text-2xl font-bold">
            {user.status === "invited" ? "Invitation" : "Password"}
          </h2>
          <p className="mb-4">
            {user.status === "invited"
              ? "Send a new invitation email. It works for 7 days; any earlier invitation stops working."
              : "Send an email with a link to choose a new password. It works for 1 hour. Their current password keeps working until they use it."}
          </p>
          <ButtonForm
            userId={user.id}
            kind={user.status === "invited" ? "invite" : "reset"}
            label={user.status === "invited" ? "Resend invitation" : "Send password reset email"}
          />
        </section>
      ) : null}
    </div>
  );
}
