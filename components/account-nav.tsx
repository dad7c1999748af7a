import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current";
import { SignOutButton } from "./sign-out-button";

/** The signed-in user's links in the header, or "Sign in". */
export async function AccountNav() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <nav aria-label="Account">
        <Link href="/login" className="text-white visited:text-white">
          Sign in
        </Link>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <span className="text-brand-light">{user.name}</span>
      {user.role === "admin" ? (
        <>
          <Link href="/admin/users" className="text-white visited:text-white">
            Users
          </Link>
          <Link href="/admin/outbox" className="text-white visited:text-white">
            Outbox
          </Link>
        </>
      ) : null}
      {user.role === "council_editor" && user.organisationId !== null ? (
        <Link href="/workspace" className="text-white visited:text-white">
          Workspace
        </Link>
      ) : null}
      <Link href="/account" className="text-white visited:text-white">
        Your account
      </Link>
      <SignOutButton />
    </nav>
  );
}
