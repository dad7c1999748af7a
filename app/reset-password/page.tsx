import type { Metadata } from "next";
import Link from "next/link";
import { SetPasswordForm } from "@/components/forms/set-password-form";
import { TokenProblem } from "@/components/token-problem";
import { peekToken } from "@/lib/auth/tokens";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = {
  title: "Choose a new password",
  // The address carries a live token: keep it out of search engines and Referer headers.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : null;
  const peek = await peekToken(value, "reset");
  if (!peek.ok) return <TokenProblem purpose="reset" reason={peek.reason} />;
  if (peek.user.status === "disabled") return <TokenProblem purpose="reset" reason="invalid" />;
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Choose a new password</h1>
      <p className="mt-2 mb-6 text-ink-muted">
        For <strong className="text-ink">{peek.user.email}</strong>. When you save it, you will be
        signed out everywhere and can sign in with the new password.
      </p>
      <SetPasswordForm
        action={resetPasswordAction}
        token={value!}
        submitLabel="Save new password"
        successTitle="Password changed"
        wayForward={
          <p>
            Link not working? <Link href="/forgot-password">Get a new link</Link>.
          </p>
        }
      />
    </div>
  );
}
