import type { Metadata } from "next";
import Link from "next/link";
import { AccountNav } from "@/components/account-nav";
import { SiteFooter } from "@/components/site-footer";
import { SiteNav } from "@/components/site-nav";
import { signOutAction } from "./login/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: "%s – Council Shared Services Map",
    default: "Council Shared Services Map",
  },
  description:
    "A national register of English councils' shared service arrangements: who shares what, " +
    "with whom, and what it saves.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col bg-paper font-sans text-ink">
        <a
          href="#main-content"
          className="skip-link bg-focus font-semibold text-focus-ink underline"
        >
          Skip to main content
        </a>
        <header className="bg-brand text-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-baseline justify-between gap-x-6 gap-y-1 px-4 py-4 sm:px-6">
            {/* Plain text colours here: the header link sits on the dark brand background. */}
            <Link
              href="/"
              className="text-xl font-bold text-white no-underline visited:text-white hover:underline sm:text-2xl"
            >
              Council Shared Services Map
            </Link>
            <p className="text-sm text-brand-light">
              Shared service arrangements between councils in England
            </p>
            <AccountNav signOut={signOutAction} />
          </div>
        </header>
        <SiteNav />
        {/* tabIndex -1 lets the skip link move keyboard focus here, not just scroll. */}
        <main
          id="main-content"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6"
        >
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
