import Link from "next/link";
import type { TokenProblem as Problem, TokenPurpose } from "@/lib/auth/tokens";

const TITLES: Record<TokenPurpose, Record<Problem, string>> = {
  reset: {
    invalid: "This link is not valid",
    expired: "This link has expired",
    used: "This link has already been used",
  },
  invite: {
    invalid: "This invitation link is not valid",
    expired: "This invitation has expired",
    used: "This invitation has already been used",
  },
};

/** Why an emailed link cannot be used, and what to do instead. */
export function TokenProblem({ purpose, reason }: { purpose: TokenPurpose; reason: Problem }) {
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">{TITLES[purpose][reason]}</h1>
      <div className="mt-4 space-y-4">
        {reason === "invalid" ? (
          <p>
            Check that you opened the whole link from the email: it may have been split over two
            lines.
          </p>
        ) : null}
        {purpose === "reset" ? (
          <>
            {reason === "expired" ? (
              <p>Password reset links work for 1 hour. You can ask for a new one.</p>
            ) : null}
            {reason === "used" ? (
              <p>
                Each link works once, and only the newest link sent to you works. If you have
                already chosen a new password, <Link href="/login">sign in</Link>.
              </p>
            ) : null}
            <p>
              <Link href="/forgot-password" className="button">
                Get a new link
              </Link>
            </p>
          </>
        ) : (
          <>
            {reason === "expired" ? (
              <p>
                Invitations work for 7 days. Ask the administrator who invited you to send a new
                one.
              </p>
            ) : null}
            {reason === "used" ? (
              <p>
                If you have already set your password, <Link href="/login">sign in</Link>. If you
                have forgotten it, <Link href="/forgot-password">reset your password</Link>. If a
                newer invitation was sent to you, use the link in that email.
              </p>
            ) : null}
            {reason === "invalid" ? (
              <p>
                If it still does not work, ask the administrator who invited you to send a new
                invitation.
              </p>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
