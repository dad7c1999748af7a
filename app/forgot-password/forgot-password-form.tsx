"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { EmailField } from "@/components/forms/account-fields";
import { SuccessPanel } from "@/components/forms/success-panel";
import type { FormState } from "@/lib/auth/access";
import { requestResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestResetAction, {} as FormState);
  const field = bindFields(state);
  if (state.ok) {
    return (
      <SuccessPanel title="Check your email">
        <p>{state.message} The link works for 1 hour.</p>
        <p>
          You entered <strong className="break-all">{field("email").defaultValue}</strong>. Nothing
          arrived after a few minutes? Check your spam folder, or{" "}
          <a href="/forgot-password">try again</a>.
        </p>
      </SuccessPanel>
    );
  }
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={state.errors} message={state.message} fieldOrder={["email"]} />
      <EmailField field={field} hint="The address you sign in with." />
      <button type="submit" className="button" disabled={pending}>
        Send reset link
      </button>
    </form>
  );
}
