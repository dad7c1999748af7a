import Link from "next/link";

/**
 * Pages of results: previous and next, the first and last, and the pages either side of this
 * one. The current page is marked for screen readers (aria-current) and by weight and border.
 */
export function Pagination({
  page,
  pages,
  href,
  label = "Pages of results",
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (pages <= 1) return null;
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const numbers = [...shown].sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1]! > 1) items.push("gap");
    items.push(n);
  });

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
              <span aria-hidden="true">‹ </span>Previous<span className="sr-only"> page</span>
            </Link>
          </li>
        ) : null}
        {items.map((item, i) =>
          item === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={item}>
              {item === page ? (
                <span
                  aria-current="page"
                  className="inline-block min-w-9 border-2 border-ink px-2 py-1 text-center font-bold"
                >
                  <span className="sr-only">Page </span>
                  {item}
                </span>
              ) : (
                <Link href={href(item)} className="inline-block min-w-9 px-2 py-1 text-center">
                  <span className="sr-only">Page </span>
                  {item}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link href={href(page + 1)} rel="next" className="inline-block px-2 py-1">
              Next<span className="sr-only"> page</span>
              <span aria-hidden="true"> ›</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
