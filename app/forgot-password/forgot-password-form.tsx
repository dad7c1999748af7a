"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/account-fields";
import { SuccessPanel } from "@/components/forms/success-panel";
import type { FormState } from "@/lib/auth/access";
import { requestResetAction } from "./actions";

export function ForgotPasswordForm() {
  const form = useActionState(requestResetAction, {} as FormState);
  const [state] = form;
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
    <ActionForm form={form} submitLabel="Send reset link" fieldOrder={["email"]}>
      <EmailField field={field} hint="The address you sign in with." />
    </ActionForm>
  );
}
