"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/auth/access";
import { bindFields } from "./bind-fields";
import { ActionForm } from "./action-form";
import { SuccessPanel } from "./success-panel";
import { NEW_PASSWORD_HINT, NewPasswordFields } from "./account-fields";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * Choosing a password from an emailed link (reset or invitation): new password and its
 * confirmation, the link's token carried in a hidden field and checked again on submit.
 */
export function SetPasswordForm({
  action: serverAction,
  token,
  submitLabel,
  successTitle,
  wayForward,
}: {
  action: Action;
  token: string;
  submitLabel: string;
  successTitle: string;
  /** What to do if the link turns out not to work (shown under the form). */
  wayForward: ReactNode;
}) {
  const form = useActionState(serverAction, {} as FormState);
  const [state] = form;
  if (state.ok) {
    return (
      <SuccessPanel title={successTitle}>
        <p>{state.message}</p>
        <p>
          <Link href="/login" className="button">
            Sign in
          </Link>
        </p>
      </SuccessPanel>
    );
  }
  return (
    <>
      <ActionForm
        form={form}
        submitLabel={submitLabel}
        fieldOrder={["password", "confirmPassword"]}
        hidden={{ token }}
      >
        <NewPasswordFields
          field={bindFields(state)}
          name="password"
          hint={`${NEW_PASSWORD_HINT} Very common passwords are not accepted.`}
        />
      </ActionForm>
      <div className="mt-6 text-ink-muted">{wayForward}</div>
    </>
  );
}
