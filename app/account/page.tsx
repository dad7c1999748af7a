import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/access";
import { ROLE_LABELS } from "@/lib/users/labels";
import { formatDateTime } from "@/lib/format/dates";
import { getOwnAccount } from "@/lib/users/queries";
import { NameForm, PasswordForm } from "./account-forms";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const account = await getOwnAccount(user);
  if (!account) redirect("/login");
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Your account</h1>

      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 border-t border-rule pt-4 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Email address</dt>
        <dd>
          {account.email}
          <span className="block text-ink-muted">To change it, ask an administrator.</span>
        </dd>
        <dt className="font-semibold">Role</dt>
        <dd>{ROLE_LABELS[account.role]}</dd>
        {account.organisationName ? (
          <>
            <dt className="font-semibold">Organisation</dt>
            <dd>{account.organisationName}</dd>
          </>
        ) : null}
        <dt className="font-semibold">Last signed in</dt>
        <dd>{formatDateTime(account.lastSignInAt) || "Not recorded"}</dd>
      </dl>

      <section aria-labelledby="name-heading" className="mt-10">
        <h2 id="name-heading" className="mb-4 text-2xl font-bold">
          Your name
        </h2>
        <NameForm name={account.name} />
      </section>

      <section aria-labelledby="password-heading" className="mt-10">
        <h2 id="password-heading" className="mb-2 text-2xl font-bold">
          Change your password
        </h2>
        {account.hasPassword ? (
          <>
            <p className="mb-4 text-ink-muted">
              Changing your password signs you out on every other device.
            </p>
            <PasswordForm />
          </>
        ) : (
          <p>
            You sign in with your organisation&apos;s account, so you have no password here. To set
            one as well, use <Link href="/forgot-password">forgotten your password</Link>.
          </p>
        )}
      </section>
    </div>
  );
}
