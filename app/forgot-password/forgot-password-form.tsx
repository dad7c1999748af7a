"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SuccessPanel } from "@/components/forms/success-panel";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { requestResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestResetAction, {} as FormState);
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  if (state.ok) {
    return (
      <SuccessPanel title="Check your email">
        <p>{state.message} The link works for 1 hour.</p>
        <p>
          You entered <strong className="break-all">{email}</strong>. Nothing arrived after a few
          minutes? Check your spam folder, or <a href="/forgot-password">try again</a>.
        </p>
      </SuccessPanel>
    );
  }
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.errors} message={state.message} fieldOrder={["email"]} />
      <TextField
        name="email"
        label="Email address"
        hint="The address you sign in with."
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={email}
        key={`email-${email}`}
        error={state.errors?.email}
      />
      <button type="submit" className="button" disabled={pending}>
        Send reset link
      </button>
    </form>
  );
}
