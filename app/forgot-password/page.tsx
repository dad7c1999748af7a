import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgotten your password" };

export default async function ForgotPasswordPage() {
  // Rendered per request, so its scripts carry the request's CSP nonce (lib/csp.ts).
  await connection();
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Forgotten your password?</h1>
      <p className="mt-2 mb-6 text-ink-muted">
        Enter your email address and we will send you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
      <p className="mt-6">
        <Link href="/login">Back to sign in</Link>
      </p>
    </div>
  );
}
