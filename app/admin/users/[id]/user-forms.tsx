"use client";

import { useActionState } from "react";
import { bindFields, type FieldBinder } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
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

/** The confirmation or the problems, above a small form. */
function Outcome({ state, fieldOrder }: { state: FormState; fieldOrder?: string[] }) {
  if (state.ok) return <SuccessPanel title={state.message ?? "Done"} />;
  return <ErrorSummary errors={state.errors} message={state.message} fieldOrder={fieldOrder} />;
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
  const [state, action, pending] = useActionState(changeRoleAction, initial);
  const field = bindFields(
    state,
    { role, organisationId: String(organisationId ?? "") },
    { clearOnSuccess: true },
  );
  return (
    <form action={action} noValidate>
      <Outcome state={state} fieldOrder={["role", "organisationId"]} />
      <input type="hidden" name="userId" value={userId} />
      <Radios {...field("role")} legend="Role" options={ROLE_OPTIONS} />
      <OrganisationSelect
        field={field}
        label="Organisation (council editors only)"
        hint="Administrators do not belong to an organisation: this is ignored for them."
        groups={organisationGroups}
      />
      <button type="submit" className="button" disabled={pending}>
        Change role
      </button>
    </form>
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
  const [state, action, pending] = useActionState(changeOrganisationAction, initial);
  const field = bindFields(
    state,
    { organisationId: String(organisationId ?? "") },
    { clearOnSuccess: true },
  );
  return (
    <form action={action} noValidate>
      <Outcome state={state} fieldOrder={["organisationId"]} />
      <input type="hidden" name="userId" value={userId} />
      <OrganisationSelect
        field={field}
        label="Organisation"
        hint="They will be able to edit only this organisation's arrangements."
        groups={organisationGroups}
      />
      <button type="submit" className="button" disabled={pending}>
        Change organisation
      </button>
    </form>
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
  const [state, action, pending] = useActionState(serverAction, initial);
  return (
    <form action={action}>
      <Outcome state={state} />
      <input type="hidden" name="userId" value={userId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className={warning ? "button button-warning" : "button button-secondary"}
        disabled={pending}
      >
        {label}
      </button>
    </form>
  );
}
