"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/outbox", label: "Outbox" },
];

/** The administration area's own navigation; the current section is marked for screen readers. */
export function AdminNav() {
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
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
