"use client";

import { useActionState, useEffect } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { NewPasswordFields } from "@/components/forms/account-fields";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import { SESSION_CHANGED } from "@/components/session-events";
import type { FormState } from "@/lib/auth/access";
import { changePasswordAction, updateNameAction } from "./actions";

export function NameForm({ name }: { name: string }) {
  const form = useActionState(updateNameAction, {} as FormState);
  const [state] = form;
  // The header shows the name; it is filled in by the browser, so tell it to ask again.
  useEffect(() => {
    if (state.ok) window.dispatchEvent(new Event(SESSION_CHANGED));
  }, [state]);
  const field = bindFields(state, { name });
  return (
    <ActionForm
      form={form}
      submitLabel="Save name"
      fieldOrder={["name"]}
      labelledBy="name-heading"
      success={<SuccessPanel title={state.message ?? "Saved"} />}
    >
      <TextField
        {...field("name")}
        label="Full name"
        hint="Shown to administrators and in the audit trail."
        autoComplete="name"
        spellCheck={false}
      />
    </ActionForm>
  );
}

export function PasswordForm() {
  const form = useActionState(changePasswordAction, {} as FormState);
  const [state] = form;
  const field = bindFields(state);
  return (
    <ActionForm
      form={form}
      submitLabel="Change password"
      fieldOrder={["currentPassword", "newPassword", "confirmPassword"]}
      labelledBy="password-heading"
      success={
        <SuccessPanel title="Password changed">
          <p>{state.message}</p>
        </SuccessPanel>
      }
    >
      <TextField
        {...field("currentPassword")}
        label="Current password"
        type="password"
        autoComplete="current-password"
      />
      <NewPasswordFields field={field} name="newPassword" />
    </ActionForm>
  );
}
