"use client";

import { useActionState, useEffect } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import { SESSION_CHANGED } from "@/components/session-events";
import type { FormState } from "@/lib/auth/access";
import { changePasswordAction, updateNameAction } from "./actions";

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(updateNameAction, {} as FormState);
  const value = typeof state.values?.name === "string" ? state.values.name : name;
  // The header shows the name; it is filled in by the browser, so tell it to ask again.
  useEffect(() => {
    if (state.ok) window.dispatchEvent(new Event(SESSION_CHANGED));
  }, [state]);
  return (
    <form action={action} noValidate aria-labelledby="name-heading">
      {state.ok ? <SuccessPanel title={state.message ?? "Saved"} /> : null}
      <ErrorSummary
        errors={state.errors}
        message={state.ok ? undefined : state.message}
        fieldOrder={["name"]}
      />
      <TextField
        name="name"
        label="Full name"
        hint="Shown to administrators and in the audit trail."
        autoComplete="name"
        spellCheck={false}
        defaultValue={value}
        key={`name-${value}`}
        error={state.errors?.name}
      />
      <button type="submit" className="button" disabled={pending}>
        Save name
      </button>
    </form>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, {} as FormState);
  return (
    <form action={action} noValidate aria-labelledby="password-heading">
      {state.ok ? (
        <SuccessPanel title="Password changed">
          <p>{state.message}</p>
        </SuccessPanel>
      ) : null}
      <ErrorSummary
        errors={state.errors}
        message={state.ok ? undefined : state.message}
        fieldOrder={["currentPassword", "newPassword", "confirmPassword"]}
      />
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={state.errors?.currentPassword}
      />
      <TextField
        name="newPassword"
        label="New password"
        hint="At least 12 characters. Several unrelated words together make a strong password that is easy to remember."
        type="password"
        autoComplete="new-password"
        error={state.errors?.newPassword}
      />
      <TextField
        name="confirmPassword"
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={state.errors?.confirmPassword}
      />
      <button type="submit" className="button" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
