import Link from "next/link";
import type { ReactNode } from "react";

/** "Back to …": the way up from a record to its list. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-4">
      <Link href={href}>{children}</Link>
    </p>
  );
}

/**
 * The top of a signed-in page: the way back, the heading with the page's main action beside
 * it, and a line on what the page is for.
 */
export function PageHeader({
  title,
  back,
  action,
  children,
}: {
  title: ReactNode;
  back?: { href: string; label: string };
  action?: ReactNode;
  /** What the page is for, under the heading. */
  children?: ReactNode;
}) {
  return (
    <>
      {back ? <BackLink href={back.href}>{back.label}</BackLink> : null}
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="min-w-0 text-3xl font-bold wrap-anywhere">{title}</h1>
        {action}
      </div>
      {children ? <p className="mt-2 mb-6 max-w-3xl text-ink-muted">{children}</p> : null}
    </>
  );
}

/** A list's caption: what it holds, and which of them are shown ("Showing 1 to 25 of 40"). */
export function ListCaption({ title, detail }: { title: string; detail: string }) {
  return (
    <>
      {title}
      <span className="block text-base font-normal text-ink-muted">{detail}</span>
    </>
  );
}
