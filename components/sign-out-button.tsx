"use client";

import { useActionState, useEffect, useRef } from "react";
import type { FormState } from "@/lib/auth/access";
import { SESSION_CHANGED } from "./session-events";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** `signOut` is the server action (app/login/actions.ts), passed down from the root layout. */
export function SignOutButton({ signOut }: { signOut: Action }) {
  const [, action, pending] = useActionState(signOut, {} as FormState);
  // The action redirects home, which may be the page already shown: tell the header's account
  // links to ask again once the action (and its navigation) has finished.
  const wasPending = useRef(false);
  useEffect(() => {
    if (wasPending.current && !pending) window.dispatchEvent(new Event(SESSION_CHANGED));
    wasPending.current = pending;
  }, [pending]);
  return (
    <form action={action}>
      <button type="submit" className="cursor-pointer text-white underline" disabled={pending}>
        Sign out
      </button>
    </form>
  );
}
