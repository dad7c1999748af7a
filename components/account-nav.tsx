"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, type ComponentProps } from "react";
import { SESSION_CHANGED } from "./session-events";
import { SignOutButton } from "./sign-out-button";

type Session =
  | { signedIn: false }
  | {
      signedIn: true;
      name: string;
      role: "admin" | "council_editor";
      hasWorkspace: boolean;
    };

const linkClass = "text-white visited:text-white";

/** Who is signed in, asked of /api/session after every navigation and every sign-in change. */
function useSession(): Session | null {
  const pathname = usePathname();
  const [session, setSession] = useState<Session | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const onChange = () => setChanges((n) => n + 1);
    window.addEventListener(SESSION_CHANGED, onChange);
    return () => window.removeEventListener(SESSION_CHANGED, onChange);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/session", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<Session>) : null))
      .then((next) => {
        if (next) setSession(next);
      })
      .catch(() => {
        // Offline or aborted by the next navigation: keep what is shown.
      });
    return () => controller.abort();
  }, [pathname, changes]);

  return session;
}

/**
 * The header's account links. Public pages are cached and the same for everyone, so the page
 * never carries who is signed in: the browser asks /api/session (never cached) and fills this in,
 * again after every navigation. Without JavaScript it offers "Sign in". The sign-out action comes
 * from the root layout, as components never import from app/.
 */
export function AccountNav({
  signOut,
}: {
  signOut: ComponentProps<typeof SignOutButton>["signOut"];
}) {
  const session = useSession();
  if (!session?.signedIn) {
    return (
      <nav aria-label="Account" className="min-h-6">
        {session === null ? (
          <noscript>
            <a href="/login" className={linkClass}>
              Sign in
            </a>
          </noscript>
        ) : (
          <Link href="/login" className={linkClass}>
            Sign in
          </Link>
        )}
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="flex min-h-6 flex-wrap items-center gap-x-4 gap-y-1">
      <span className="text-brand-light">{session.name}</span>
      {session.role === "admin" ? (
        <Link href="/admin/review" className={linkClass}>
          Administration
        </Link>
      ) : null}
      {session.hasWorkspace ? (
        <Link href="/workspace" className={linkClass}>
          Workspace
        </Link>
      ) : null}
      <Link href="/account" className={linkClass}>
        Your account
      </Link>
      <SignOutButton signOut={signOut} />
    </nav>
  );
}
