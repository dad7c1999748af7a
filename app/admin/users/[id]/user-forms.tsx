"use client";

import { useActionState } from "react";
import { bindFields, type FieldBinder } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { Radios } from "@/components/forms/radios";
import { SelectField, type SelectGroup } from "@/components/forms/select-field";
import { SuccessPanel } from "@/components/forms/success-panel";
import type { FormState } from "@/lib/auth/access";
import { ROLE_OPTIONS } from "../role-options";
import {
  changeOrganisationAction,
  changeRoleAction,
  resendInvitationAction,
  sendPasswordResetAction,
  setStatusAction,
} from "./actions";

const initial = {} as FormState;

/** The confirmation after a change to the user. */
function Done({ state }: { state: FormState }) {
  return <SuccessPanel title={state.message ?? "Done"} />;
}

function OrganisationSelect({
  field,
  label,
  hint,
  groups,
}: {
  field: FieldBinder;
  label: string;
  hint: string;
  groups: SelectGroup[];
}) {
  return (
    <SelectField
      {...field("organisationId")}
      label={label}
      hint={hint}
      placeholder="Choose an organisation"
      groups={groups}
    />
  );
}

export function RoleForm({
  userId,
  role,
  organisationId,
  organisationGroups,
}: {
  userId: number;
  role: string;
  organisationId: number | null;
  organisationGroups: SelectGroup[];
}) {
  const form = useActionState(changeRoleAction, initial);
  const [state] = form;
  const field = bindFields(
    state,
    { role, organisationId: String(organisationId ?? "") },
    { clearOnSuccess: true },
  );
  return (
    <ActionForm
      form={form}
      submitLabel="Change role"
      fieldOrder={["role", "organisationId"]}
      hidden={{ userId }}
      success={<Done state={state} />}
    >
      <Radios {...field("role")} legend="Role" options={ROLE_OPTIONS} />
      <OrganisationSelect
        field={field}
        label="Organisation (council editors only)"
        hint="Administrators do not belong to an organisation: this is ignored for them."
        groups={organisationGroups}
      />
    </ActionForm>
  );
}

export function OrganisationForm({
  userId,
  organisationId,
  organisationGroups,
}: {
  userId: number;
  organisationId: number | null;
  organisationGroups: SelectGroup[];
}) {
  const form = useActionState(changeOrganisationAction, initial);
  const [state] = form;
  const field = bindFields(
    state,
    { organisationId: String(organisationId ?? "") },
    { clearOnSuccess: true },
  );
  return (
    <ActionForm
      form={form}
      submitLabel="Change organisation"
      fieldOrder={["organisationId"]}
      hidden={{ userId }}
      success={<Done state={state} />}
    >
      <OrganisationSelect
        field={field}
        label="Organisation"
        hint="They will be able to edit only this organisation's arrangements."
        groups={organisationGroups}
      />
    </ActionForm>
  );
}

const BUTTON_ACTIONS = {
  disable: { action: setStatusAction, fields: { status: "disabled" } },
  enable: { action: setStatusAction, fields: { status: "active" } },
  reset: { action: sendPasswordResetAction, fields: {} },
  invite: { action: resendInvitationAction, fields: {} },
} as const;

/** One button that does one thing to the user (disable, enable, send a link), with its outcome. */
export function ButtonForm({
  userId,
  kind,
  label,
  warning = false,
}: {
  userId: number;
  kind: keyof typeof BUTTON_ACTIONS;
  label: string;
  warning?: boolean;
}) {
  const { action: serverAction, fields } = BUTTON_ACTIONS[kind];
  const form = useActionState(serverAction, initial);
  const [state] = form;
  return (
    <ActionForm
      form={form}
      submitLabel={label}
      submitClassName={warning ? "button button-warning" : "button button-secondary"}
      hidden={{ userId, ...fields }}
      success={<Done state={state} />}
    />
  );
}
