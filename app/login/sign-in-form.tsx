"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(signInAction, {} as FormState);
  const email = typeof state.values?.email === "string" ? state.values.email : "";
  return (
    <form action={action} noValidate>
      <ErrorSummary
        errors={state.errors}
        message={state.message}
        fieldOrder={["email", "password"]}
      />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="username"
        spellCheck={false}
        defaultValue={email}
        key={`email-${email}`}
        error={state.errors?.email}
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={state.errors?.password}
      />
      <button type="submit" className="button" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
