"use client";

import { signIn } from "next-auth/react";

/**
 * Starts the OpenID Connect sign-in. With JavaScript it posts straight to next-auth; without
 * it, the link opens next-auth's own provider page, which posts the same form.
 */
export function SsoButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <a
      href={`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}
      className="button"
      onClick={(event) => {
        event.preventDefault();
        void signIn("oidc", { callbackUrl });
      }}
    >
      {label}
    </a>
  );
}
