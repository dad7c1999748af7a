"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/auth/access";
import { bindFields } from "./bind-fields";
import { ErrorSummary } from "./error-summary";
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
  const [state, action, pending] = useActionState(serverAction, {} as FormState);
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
      <form action={action} noValidate>
        <ErrorSummary
          errors={state.errors}
          message={state.message}
          fieldOrder={["password", "confirmPassword"]}
        />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields
          field={bindFields(state)}
          name="password"
          hint={`${NEW_PASSWORD_HINT} Very common passwords are not accepted.`}
        />
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
      </form>
      <div className="mt-6 text-ink-muted">{wayForward}</div>
    </>
  );
}
