import type { SelectGroup } from "@/components/forms/select-field";
import { SummaryList } from "@/components/summary-list";
import { ROLE_LABELS, STATUS_LABELS } from "@/lib/users/labels";
import type { UserDetail } from "@/lib/users/queries";
import { ButtonForm, OrganisationForm, RoleForm } from "./user-forms";
import { formatDateTime } from "@/lib/format/dates";

/** A section of the user's record: a heading, what it does, and its form. */
function Section({
  id,
  heading,
  intro,
  children,
}: {
  id: string;
  heading: string;
  intro?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className={`${intro ? "mb-2" : "mb-4"} text-2xl font-bold`}>
        {heading}
      </h2>
      {intro ? <p className="mb-4">{intro}</p> : null}
      {children}
    </section>
  );
}

export function UserFacts({ user }: { user: UserDetail }) {
  return (
    <SummaryList
      termWidth="sm:grid-cols-[12rem_minmax(0,1fr)]"
      rows={[
        { term: "Email address", value: user.email, className: "break-all" },
        { term: "Role", value: ROLE_LABELS[user.role] },
        {
          term: "Organisation",
          value: user.organisationName ?? "None (administrators belong to no organisation)",
        },
        {
          term: "Status",
          value: (
            <>
              <span className={user.status === "disabled" ? "font-semibold text-error" : ""}>
                {STATUS_LABELS[user.status]}
              </span>
              {user.status === "invited" ? (
                <span className="block text-ink-muted">Has not set a password yet.</span>
              ) : null}
            </>
          ),
        },
        { term: "Last signed in", value: formatDateTime(user.lastSignInAt) || "Never" },
        { term: "Added", value: formatDateTime(user.createdAt) },
      ]}
    />
  );
}

/** Role, organisation and access: what another administrator may change. */
export function ManageSections({ user, groups }: { user: UserDetail; groups: SelectGroup[] }) {
  const disabled = user.status === "disabled";
  return (
    <>
      <Section id="role-heading" heading="Role">
        <RoleForm
          userId={user.id}
          role={user.role}
          organisationId={user.organisationId}
          organisationGroups={groups}
        />
      </Section>
      {user.role === "council_editor" ? (
        <Section id="organisation-heading" heading="Organisation">
          <OrganisationForm
            userId={user.id}
            organisationId={user.organisationId}
            organisationGroups={groups}
          />
        </Section>
      ) : null}
      <Section
        id="access-heading"
        heading="Access"
        intro={
          disabled
            ? "This account is disabled: they cannot sign in and any links sent to them no longer work."
            : "Disabling the account signs them out at once and stops them signing in. Their records and history stay."
        }
      >
        <ButtonForm
          userId={user.id}
          kind={disabled ? "enable" : "disable"}
          label={disabled ? "Enable account" : "Disable account"}
          warning={!disabled}
        />
      </Section>
    </>
  );
}

/** A new invitation, or a password reset link: for any account not disabled. */
export function LinkSection({ user }: { user: UserDetail }) {
  if (user.status === "disabled") return null;
  const invited = user.status === "invited";
  return (
    <Section
      id="password-heading"
      heading={invited ? "Invitation" : "Password"}
      intro={
        invited
          ? "Send a new invitation email. It works for 7 days; any earlier invitation stops working."
          : "Send an email with a link to choose a new password. It works for 1 hour. Their current password keeps working until they use it."
      }
    >
      <ButtonForm
        userId={user.id}
        kind={invited ? "invite" : "reset"}
        label={invited ? "Resend invitation" : "Send password reset email"}
      />
    </Section>
  );
}
