import Link from "next/link";
import { AppliedFilters } from "@/components/explorer/applied-filters";
import { explorerHref, type AppliedFilter } from "@/components/explorer/describe-filters";
import { EmptyState } from "@/components/explorer/empty-state";
import { SortControl } from "@/components/explorer/explorer-form";
import { ResultList } from "@/components/explorer/result-list";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { UnconfirmedNote } from "@/components/unconfirmed-note";
import { Pagination } from "@/components/pagination";
import { formatWholePounds } from "@/lib/money";
import type { ArrangementList } from "@/lib/public/arrangements";
import {
  downloadQueryToParams,
  listQueryToParams,
  SORT_LABELS,
  type ListQuery,
} from "@/lib/public/filters";
import { publicHref } from "@/lib/public-routes";

function countText(total: number): string {
  return `${total.toLocaleString("en-GB")} arrangement${total === 1 ? "" : "s"}`;
}

/** How many were found, what they save, and the order, beside the control that changes it. */
function ResultsHeading({ list, sortError }: { list: ArrangementList | null; sortError?: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
      <div>
        <h2 id="results-heading" className="text-2xl font-bold" data-testid="result-count">
          {list ? countText(list.total) : "No results"}
        </h2>
        {list && list.total > 0 ? (
          <>
            <p className="text-ink-muted">
              {formatWholePounds(list.totalPence)} of savings in all (to the nearest pound)
              {list.pages > 1 ? ` · page ${list.page} of ${list.pages}` : ""}
              {" · "}
              {SORT_LABELS[list.sort].toLowerCase()}
            </p>
            <UnconfirmedNote
              pence={list.unconfirmedPence}
              totalPence={list.totalPence}
              testId="result-unconfirmed"
              className="block text-ink-muted"
            />
          </>
        ) : null}
      </div>
      {!list || list.total > 1 ? (
        <SortControl sort={list?.sort ?? "newest"} error={sortError} />
      ) : null}
    </div>
  );
}

/** The page of results, or why there is none: a bad search, a page past the end, no match. */
function ResultsBody({
  list,
  query,
  applied,
}: {
  list: ArrangementList | null;
  query: ListQuery | null;
  applied: AppliedFilter[];
}) {
  if (!list || !query) {
    return (
      <p className="mt-4 border-l-8 border-error bg-surface p-4" data-testid="explorer-invalid">
        Nothing is shown until the search is corrected: see the problem described above.
      </p>
    );
  }
  if (list.rows.length > 0) {
    return (
      <>
        <IllustrativeBanner illustrativeCount={list.illustrativeCount} totalCount={list.total} />
        <ResultList rows={list.rows} />
      </>
    );
  }
  if (list.total === 0) return <EmptyState applied={applied} />;
  return (
    <p className="mt-4 border-l-8 border-rule-strong bg-surface p-4" data-testid="explorer-empty">
      There is no page {list.page}: these results fill {list.pages} page
      {list.pages === 1 ? "" : "s"}.{" "}
      <Link href={explorerHref({ ...query, page: list.pages })}>Go to the last page</Link>.
    </p>
  );
}

/**
 * The results as open data: every match as CSV, in the list's order (a download, with the same
 * filters and sort), and this page as JSON from the API.
 */
function OpenDataLinks({ list, query }: { list: ArrangementList; query: ListQuery }) {
  if (list.total === 0) return null;
  const csv = publicHref(
    "/data/arrangements.csv",
    downloadQueryToParams({ filters: query.filters, sort: list.sort }),
  );
  return (
    <p className="no-print mt-8 text-sm text-ink-muted" data-testid="explorer-open-data">
      These results as open data:{" "}
      <a href={csv} download>
        CSV
      </a>{" "}
      (all {countText(list.total)}, in this order) or{" "}
      <a href={publicHref("/api/v1/arrangements", listQueryToParams(query))}>JSON</a> (
      {list.pages > 1 ? "this page, " : ""}
      from the API: <Link href="/data/api">how the API works</Link>).
    </p>
  );
}

/** The explorer's results: count and order, applied filters, the list and its pages. */
export function ExplorerResults({
  list,
  query,
  applied,
  sortError,
}: {
  list: ArrangementList | null;
  query: ListQuery | null;
  applied: AppliedFilter[];
  sortError?: string;
}) {
  return (
    <section aria-labelledby="results-heading">
      <ResultsHeading list={list} sortError={sortError} />
      <AppliedFilters applied={applied} />
      <ResultsBody list={list} query={query} applied={applied} />
      {list && query ? (
        <>
          <Pagination
            page={list.page}
            pages={list.pages}
            href={(page) => explorerHref({ ...query, page })}
          />
          <OpenDataLinks list={list} query={query} />
        </>
      ) : null}
    </section>
  );
}
