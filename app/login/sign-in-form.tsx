"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ErrorSummary } from "@/components/forms/error-summary";
import { EmailField } from "@/components/forms/account-fields";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, {} as FormState);
  const field = bindFields(state);
  return (
    <form action={action} noValidate>
      <ErrorSummary
        errors={state.errors}
        message={state.message}
        fieldOrder={["email", "password"]}
      />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <EmailField field={field} />
      <TextField
        {...field("password")}
        label="Password"
        type="password"
        autoComplete="current-password"
      />
      <button type="submit" className="button" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
