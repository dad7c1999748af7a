"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const SITE_SECTIONS = [
  { href: "/", label: "National picture" },
  { href: "/map", label: "Map" },
  { href: "/arrangements", label: "Arrangements" },
  { href: "/partners", label: "Find partners" },
  { href: "/editions", label: "Editions" },
  { href: "/data", label: "Open data" },
] as const;

/** The public sections, with the current one marked for screen readers and by a bar. */
export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="no-print border-b border-rule bg-surface">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 sm:px-6">
        {SITE_SECTIONS.map((section) => {
          const current =
            section.href === "/"
              ? pathname === "/"
              : pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`-mb-px inline-block border-b-4 py-2 font-semibold ${current ? "border-brand text-ink no-underline" : "border-transparent"}`}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
