"use client";

import { useActionState, useEffect } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { NewPasswordFields } from "@/components/forms/account-fields";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import { SESSION_CHANGED } from "@/components/session-events";
import type { FormState } from "@/lib/auth/access";
import { changePasswordAction, updateNameAction } from "./actions";

/** What went wrong, unless it worked (then the form says so itself). */
function Problems({ state, fieldOrder }: { state: FormState; fieldOrder: string[] }) {
  return (
    <ErrorSummary
      errors={state.errors}
      message={state.ok ? undefined : state.message}
      fieldOrder={fieldOrder}
    />
  );
}

export function NameForm({ name }: { name: string }) {
  const [state, action, pending] = useActionState(updateNameAction, {} as FormState);
  // The header shows the name; it is filled in by the browser, so tell it to ask again.
  useEffect(() => {
    if (state.ok) window.dispatchEvent(new Event(SESSION_CHANGED));
  }, [state]);
  const field = bindFields(state, { name });
  return (
    <form action={action} noValidate aria-labelledby="name-heading">
      {state.ok ? <SuccessPanel title={state.message ?? "Saved"} /> : null}
      <Problems state={state} fieldOrder={["name"]} />
      <TextField
        {...field("name")}
        label="Full name"
        hint="Shown to administrators and in the audit trail."
        autoComplete="name"
        spellCheck={false}
      />
      <button type="submit" className="button" disabled={pending}>
        Save name
      </button>
    </form>
  );
}

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, {} as FormState);
  const field = bindFields(state);
  return (
    <form action={action} noValidate aria-labelledby="password-heading">
      {state.ok ? (
        <SuccessPanel title="Password changed">
          <p>{state.message}</p>
        </SuccessPanel>
      ) : null}
      <Problems state={state} fieldOrder={["currentPassword", "newPassword", "confirmPassword"]} />
      <TextField
        {...field("currentPassword")}
        label="Current password"
        type="password"
        autoComplete="current-password"
      />
      <NewPasswordFields field={field} name="newPassword" />
      <button type="submit" className="button" disabled={pending}>
        Change password
      </button>
    </form>
  );
}
