import Link from "next/link";

/** "Previous page · Page 2 of 5 · Next page" for the admin lists; links keep the filters. */
export function Pagination({
  page,
  pages,
  href,
  label,
  previous = "Previous page",
  next = "Next page",
}: {
  page: number;
  pages: number;
  /** The address of a page number, with the list's filters. */
  href: (page: number) => string;
  /** What is paged, for the navigation's name ("Pages of submissions"). */
  label: string;
  previous?: string;
  next?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-6">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {previous}
        </Link>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link href={href(page + 1)} rel="next">
          {next}
        </Link>
      ) : null}
    </nav>
  );
}

/** The address of a list page with some filters; empty values and page 1 are left out. */
export function listHref(
  path: string,
  filters: Record<string, string | number | undefined | null>,
) {
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
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  const n = (value: number) => value.toLocaleString("en-GB");
  return `Showing ${n(first)} to ${n(last)} of ${n(total)}`;
}
