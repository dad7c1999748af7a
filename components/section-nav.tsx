"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export type NavItem = { href: string; label: string; extra?: ReactNode };

/** A section is current on its own page and every page below it ("/" only on itself). */
function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || (href !== "/" && pathname.startsWith(`${href}/`));
}

/**
 * A row of section links with the current one marked for screen readers (aria-current) and by
 * a bar under it, not colour alone: the site's main navigation and the administration area's.
 */
export function SectionNav({
  label,
  items,
  className,
  listClassName,
  linkClassName,
}: {
  label: string;
  items: readonly NavItem[];
  className: string;
  listClassName: string;
  /** Classes every link has (the current link adds its bar and colour). */
  linkClassName: string;
}) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className={className}>
      <ul className={listClassName}>
        {items.map((item) => {
          const current = isCurrent(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`${linkClassName} inline-block border-b-4 py-2 font-semibold ${current ? "border-brand text-ink no-underline" : "border-transparent"}`}
              >
                {item.label}
                {item.extra}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
