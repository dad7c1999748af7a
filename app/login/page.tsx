import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current";
import { ssoProvider } from "@/lib/auth/next-auth";
import { landingPage, safeRedirectPath } from "@/lib/auth/redirects";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

const SSO_ERRORS: Record<string, string> = {
  "sso-unknown":
    "Your organisation's account is not registered here. Ask an administrator to invite you.",
  "sso-unverified": "Your organisation's account did not confirm your email address.",
  "sso-failed": "Single sign-on did not work. Try again, or sign in with your password.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeRedirectPath(typeof params.next === "string" ? params.next : null) ?? undefined;
  // Signed in already (a second visit, or back from single sign-on with no page asked for):
  // go where this person works.
  const user = await getCurrentUser();
  if (user) redirect(next ?? landingPage(user.role));
  const error = typeof params.error === "string" ? params.error : undefined;
  const sso = ssoProvider();
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold">Sign in</h1>
      <p className="mt-2 mb-6 text-ink-muted">
        For council staff and administrators who keep the register up to date. Everything published
        is open to everyone without signing in.
      </p>
      {error ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="text-xl font-bold">There is a problem</h2>
          <p className="mt-2 font-semibold text-error">
            {SSO_ERRORS[error] ?? SSO_ERRORS["sso-failed"]}
          </p>
        </div>
      ) : null}
      {sso ? (
        <section aria-labelledby="sso-heading" className="mb-8">
          <h2 id="sso-heading" className="text-xl font-bold">
            With your organisation&apos;s account
          </h2>
          <p className="mt-1 mb-3 text-ink-muted">Most councils use this.</p>
          <SsoButton label={`Sign in with ${sso.name}`} callbackUrl={next ?? "/login"} />
        </section>
      ) : null}
      <section aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-4 text-xl font-bold">
          {sso ? "Or with your email address and password" : "With your email address and password"}
        </h2>
        <SignInForm next={next} />
        <p className="mt-6">
          <Link href="/forgot-password">Forgotten your password?</Link>
        </p>
      </section>
      <section aria-labelledby="account-heading" className="mt-8">
        <h2 id="account-heading" className="text-xl font-bold">
          No account yet?
        </h2>
        <p className="mt-2">
          Accounts are for staff of councils and their partner bodies who keep their
          organisation&apos;s arrangements up to date. Ask an administrator of the register to
          invite you: see <Link href="/contact">how to contact us</Link>.
        </p>
      </section>
    </div>
  );
}
