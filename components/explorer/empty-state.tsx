import Link from "next/link";
import type { AppliedFilter } from "./describe-filters";
import { EXPLORER_PATH } from "./describe-filters";

/**
 * No results: say what was searched for, and how to widen it — each filter can be dropped on its
 * own, or all at once.
 */
export function EmptyState({ applied }: { applied: AppliedFilter[] }) {
  const search = applied.find((f) => f.key === "q");
  const filters = applied.filter((f) => f.key !== "q");
  return (
    <div className="mt-4 border-l-8 border-rule-strong bg-surface p-4" data-testid="explorer-empty">
      <p className="text-lg font-semibold">
        No published arrangements match
        {search ? <> the search {search.value}</> : " your filters"}
        {search && filters.length ? " with these filters" : ""}.
      </p>
      <p className="mt-3">You could:</p>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {search ? (
          <li>
            check the spelling, or try fewer or more general words (for example “legal” rather than
            “legal services team”)
          </li>
        ) : null}
        {applied.length > 1
          ? applied.map((f) => (
              <li key={f.key}>
                <Link href={f.removeHref}>
                  remove{" "}
                  {f.key === "q" ? "the search words" : `the ${f.label.toLowerCase()} filter`} (
                  {f.value})
                </Link>
              </li>
            ))
          : null}
        <li>
          <Link href={EXPLORER_PATH}>
            clear {applied.length > 1 ? "everything" : "it"} and see all arrangements
          </Link>
        </li>
      </ul>
    </div>
  );
}
