import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/forms/set-password-form";
import { TokenProblem } from "@/components/token-problem";
import { peekToken } from "@/lib/auth/tokens";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = {
  title: "Accept your invitation",
  // The address carries a live token: keep it out of search engines and Referer headers.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function AcceptInvitationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : null;
  const peek = await peekToken(value, "invite");
  if (!peek.ok) return <TokenProblem purpose="invite" reason={peek.reason} />;
  // Accepted already (or the account was disabled since): the link has done its job.
  if (peek.user.status !== "invited") return <TokenProblem purpose="invite" reason="used" />;
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Accept your invitation</h1>
      <p className="mt-2 mb-6 text-ink-muted">
        Welcome, {peek.user.name}. Choose a password for{" "}
        <strong className="text-ink">{peek.user.email}</strong> to finish setting up your account.
      </p>
      <SetPasswordForm
        action={acceptInvitationAction}
        token={value!}
        submitLabel="Set password"
        successTitle="Your account is ready"
        wayForward={
          <p>Link not working? Ask the administrator who invited you to send a new invitation.</p>
        }
      />
    </div>
  );
}
