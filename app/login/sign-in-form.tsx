"use client";

import { useActionState } from "react";
import { bindFields } from "@/components/forms/bind-fields";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField } from "@/components/forms/account-fields";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/auth/access";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next?: string }) {
  const form = useActionState(signInAction, {} as FormState);
  const [state] = form;
  const field = bindFields(state);
  return (
    <ActionForm
      form={form}
      submitLabel="Sign in"
      fieldOrder={["email", "password"]}
      hidden={{ next }}
    >
      <EmailField field={field} />
      <TextField
        {...field("password")}
        label="Password"
        type="password"
        autoComplete="current-password"
      />
    </ActionForm>
  );
}
