import Link from "next/link";
import { IllustrativeTag } from "@/components/arrangement/illustrative-notice";
import { formatWholePounds } from "@/lib/money";
import type { ArrangementSummary } from "@/lib/public/arrangements";
import { STAGE_LABELS } from "@/lib/public/filters";

/** One page of explorer results: each a heading link with its lead, service, stage, start and savings. */
export function ResultList({ rows }: { rows: ArrangementSummary[] }) {
  return (
    <ul className="mt-4 border-t border-rule" data-testid="explorer-results">
      {rows.map((row) => (
        <li key={row.slug} className="border-b border-rule py-4 break-inside-avoid">
          <h3 className="text-lg font-bold">
            <Link href={`/arrangements/${row.slug}`}>{row.title}</Link>
          </h3>
          {row.isIllustrative ? (
            <p className="mt-1">
              <IllustrativeTag />
              <span className="sr-only"> demo record, not real data</span>
            </p>
          ) : null}
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-sm sm:flex sm:flex-wrap sm:gap-x-6">
            <div className="contents sm:flex sm:gap-1">
              <dt className="text-ink-muted">Lead</dt>
              <dd>{row.lead.name}</dd>
            </div>
            <div className="contents sm:flex sm:gap-1">
              <dt className="text-ink-muted">Service</dt>
              <dd>{row.mainCategory.name}</dd>
            </div>
            <div className="contents sm:flex sm:gap-1">
              <dt className="text-ink-muted">Stage</dt>
              <dd>{STAGE_LABELS[row.stage]}</dd>
            </div>
            <div className="contents sm:flex sm:gap-1">
              <dt className="text-ink-muted">Started</dt>
              <dd>{row.startDate ? row.startDate.slice(0, 4) : "Not given"}</dd>
            </div>
            <div className="contents sm:flex sm:gap-1">
              <dt className="text-ink-muted">Savings</dt>
              <dd className="font-semibold" data-testid="result-savings">
                {row.totalPence > 0n ? formatWholePounds(row.totalPence) : "No savings figure"}
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
