"use client";

import { useActionState } from "react";
import { signOutAction } from "@/app/login/actions";
import type { FormState } from "@/lib/auth/access";

export function SignOutButton() {
  const [, action] = useActionState(signOutAction, {} as FormState);
  return (
    <form action={action}>
      <button type="submit" className="cursor-pointer text-white underline">
        Sign out
      </button>
    </form>
  );
}
