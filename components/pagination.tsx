import Link from "next/link";
import type { ReactNode } from "react";

/*
 * Pages of a list (explorer results, admin lists): previous and next, the first and last page
 * and the pages either side of this one. The current page is marked for screen readers
 * (aria-current) and by weight and border. Links keep the list's filters (`href`).
 */

/** Page numbers to show, with a gap where some are left out: 1 … 4 5 6 … 20. */
function pageItems(page: number, pages: number): (number | "gap")[] {
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const numbers = [...shown].sort((a, b) => a - b);
  return numbers.flatMap((n, i) => (i > 0 && n - numbers[i - 1]! > 1 ? ["gap" as const, n] : [n]));
}

function PageNumber({ item, page, href }: { item: number; page: number; href: string }) {
  if (item === page) {
    return (
      <span
        aria-current="page"
        className="inline-block min-w-9 border-2 border-ink px-2 py-1 text-center font-bold"
      >
        <span className="sr-only">Page </span>
        {item}
      </span>
    );
  }
  return (
    <Link href={href} className="inline-block min-w-9 px-2 py-1 text-center">
      <span className="sr-only">Page </span>
      {item}
    </Link>
  );
}

type PaginationProps = {
  page: number;
  pages: number;
  /** The address of a page number, with the list's filters. */
  href: (page: number) => string;
  /** What is paged, for the navigation's name ("Pages of submissions"). */
  label?: string;
  /** The links' words, where "Previous page" and "Next page" would mislead ("Older events"). */
  previous?: ReactNode;
  next?: ReactNode;
};

export function Pagination({
  page,
  pages,
  href,
  label = "Pages of results",
  previous = (
    <>
      Previous<span className="sr-only"> page</span>
    </>
  ),
  next = (
    <>
      Next<span className="sr-only"> page</span>
    </>
  ),
}: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="no-print mt-8">
      <ul className="flex flex-wrap items-center gap-x-2 gap-y-2">
        {page > 1 ? (
          <li>
            <Link
              href={href(Math.min(page - 1, pages))}
              rel="prev"
              className="inline-block px-2 py-1"
            >
              <span aria-hidden="true">‹ </span>
              {previous}
            </Link>
          </li>
        ) : null}
        {pageItems(page, pages).map((item, i) => (
          <li
            key={item === "gap" ? `gap-${i}` : item}
            aria-hidden={item === "gap" || undefined}
            className={item === "gap" ? "px-1" : undefined}
          >
            {item === "gap" ? "…" : <PageNumber item={item} page={page} href={href(item)} />}
          </li>
        ))}
        {page < pages ? (
          <li>
            <Link href={href(page + 1)} rel="next" className="inline-block px-2 py-1">
              {next}
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The address of a list page with some filters; empty values and page 1 are left out. */
export function listHref(
  path: string,
  filters: Record<string, string | number | undefined | null>,
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === "") continue;
    if (name === "page" && Number(value) <= 1) continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** "Showing 26 to 50 of 1,234" for a list's caption. */
export function showing({
  page,
  pageSize,
  total,
}: {
  page: number;
  pageSize: number;
  total: number;
}): string {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const n = (value: number) => value.toLocaleString("en-GB");
  return `Showing ${n(first)} to ${n(last)} of ${n(total)}`;
}
