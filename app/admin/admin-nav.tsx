"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/review", label: "Review" },
  { href: "/admin/audit", label: "Audit" },
  { href: "/admin/organisations", label: "Organisations" },
  { href: "/admin/editions", label: "Editions" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/outbox", label: "Outbox" },
];

/**
 * The administration area's own navigation; the current section is marked for screen readers.
 * "Review" carries the number of submissions waiting, in words for screen readers too.
 */
export function AdminNav({ reviewCount }: { reviewCount: number }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="mb-8 border-b-2 border-rule">
      <ul className="flex flex-wrap gap-x-6">
        {LINKS.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-0.5 inline-block border-b-4 py-2 font-semibold ${current ? "border-brand text-ink no-underline" : "border-transparent"}`}
              >
                {link.label}
                {link.href === "/admin/review" ? (
                  <>
                    {" "}
                    <span
                      className="ml-1 inline-block min-w-6 rounded-full bg-brand px-2 text-center text-sm text-white"
                      data-testid="review-count"
                      aria-hidden="true"
                    >
                      {reviewCount.toLocaleString("en-GB")}
                    </span>
                    <span className="sr-only">({reviewCount.toLocaleString("en-GB")} waiting)</span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
