"use client";

import Link from "next/link";
import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { Radios } from "@/components/forms/radios";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { inviteUserAction } from "./actions";

const FIELDS = ["name", "email", "role", "organisationId"];

export function InviteForm({ organisationGroups }: { organisationGroups: SelectGroup[] }) {
  const [state, action, pending] = useActionState(inviteUserAction, {} as FormState);
  const value = (name: string) => {
    const v = state.values?.[name];
    return typeof v === "string" ? v : "";
  };
  if (state.ok) {
    return (
      <SuccessPanel title="Invitation sent">
        <p>
          We have emailed {value("name")} at <strong>{value("email")}</strong> a link to set a
          password. It works for 7 days.
        </p>
        <p>
          <Link href={`/admin/users/${value("userId")}`}>View {value("name")}&apos;s account</Link>
        </p>
        <p>
          <Link href={`/admin/users/invite?after=${value("userId")}`}>Invite someone else</Link>
        </p>
      </SuccessPanel>
    );
  }
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.errors} message={state.message} fieldOrder={FIELDS} />
      <TextField
        name="name"
        label="Full name"
        autoComplete="off"
        spellCheck={false}
        defaultValue={value("name")}
        key={`name-${value("name")}`}
        error={state.errors?.name}
      />
      <TextField
        name="email"
        label="Email address"
        hint="Their work email address. The invitation is sent here and they sign in with it."
        type="email"
        autoComplete="off"
        spellCheck={false}
        defaultValue={value("email")}
        key={`email-${value("email")}`}
        error={state.errors?.email}
      />
      <Radios
        name="role"
        legend="Role"
        defaultValue={value("role") || "council_editor"}
        key={`role-${value("role")}`}
        error={state.errors?.role}
        options={[
          {
            value: "council_editor",
            label: "Council editor",
            hint: "Keeps one organisation's arrangements up to date and submits them for approval.",
          },
          {
            value: "admin",
            label: "Administrator",
            hint: "Reviews submissions for every organisation and manages users.",
          },
        ]}
      />
      <SelectField
        name="organisationId"
        label="Organisation (council editors only)"
        hint="The organisation whose arrangements they will keep up to date. Leave it for administrators."
        placeholder="Choose an organisation"
        groups={organisationGroups}
        defaultValue={value("organisationId")}
        key={`organisation-${value("organisationId")}`}
        error={state.errors?.organisationId}
      />
      <button type="submit" className="button" disabled={pending}>
        Send invitation
      </button>
    </form>
  );
}
