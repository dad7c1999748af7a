"use client";

import Link from "next/link";
import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { Radios } from "@/components/forms/radios";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { ROLE_OPTIONS } from "../role-options";
import { inviteUserAction } from "./actions";

const FIELDS = ["name", "email", "role", "organisationId"];

function Invited({ name, email, userId }: { name: string; email: string; userId: string }) {
  return (
    <SuccessPanel title="Invitation sent">
      <p>
        We have emailed {name} at <strong>{email}</strong> a link to set a password. It works for 7
        days.
      </p>
      <p>
        <Link href={`/admin/users/${userId}`}>View {name}&apos;s account</Link>
      </p>
      <p>
        <Link href={`/admin/users/invite?after=${userId}`}>Invite someone else</Link>
      </p>
    </SuccessPanel>
  );
}

export function InviteForm({ organisationGroups }: { organisationGroups: SelectGroup[] }) {
  const form = useActionState(inviteUserAction, {} as FormState);
  const [state] = form;
  const field = bindFields(state, { role: "council_editor" });
  if (state.ok) {
    const value = (name: string) => field(name).defaultValue;
    return <Invited name={value("name")} email={value("email")} userId={value("userId")} />;
  }
  return (
    <ActionForm form={form} submitLabel="Send invitation" fieldOrder={FIELDS}>
      <TextField {...field("name")} label="Full name" autoComplete="off" spellCheck={false} />
      <TextField
        {...field("email")}
        label="Email address"
        hint="Their work email address. The invitation is sent here and they sign in with it."
        type="email"
        autoComplete="off"
        spellCheck={false}
      />
      <Radios {...field("role")} legend="Role" options={ROLE_OPTIONS} />
      <SelectField
        {...field("organisationId")}
        label="Organisation (council editors only)"
        hint="The organisation whose arrangements they will keep up to date. Leave it for administrators."
        placeholder="Choose an organisation"
        groups={organisationGroups}
      />
    </ActionForm>
  );
}
