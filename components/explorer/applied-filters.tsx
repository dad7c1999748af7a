import Link from "next/link";
import type { AppliedFilter } from "./describe-filters";

/** What the results are narrowed by, each with a link that removes it. */
export function AppliedFilters({ applied }: { applied: AppliedFilter[] }) {
  if (applied.length === 0) return null;
  return (
    <div className="mt-3">
      <h3 className="sr-only">Applied filters</h3>
      <ul className="flex flex-wrap gap-2" data-testid="applied-filters">
        {applied.map((f) => (
          <li key={f.key} className="border border-rule-strong bg-surface px-2 py-1 text-sm">
            <span className="font-semibold">{f.label}:</span> {f.value}{" "}
            <Link href={f.removeHref} className="no-print ml-1">
              Remove<span className="sr-only"> the {f.label.toLowerCase()} filter</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
