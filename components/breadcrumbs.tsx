import Link from "next/link";

/** A page's place in the site: links to the pages above it, then its own name (current). */
export function Breadcrumbs({
  trail,
  current,
}: {
  trail: readonly { href: string; label: string }[];
  current: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className="no-print text-sm">
      <ol className="flex flex-wrap gap-x-2">
        {trail.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{item.label}</Link> <span aria-hidden="true">›</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
