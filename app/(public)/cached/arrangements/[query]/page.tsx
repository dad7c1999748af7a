import type { Metadata } from "next";
import Link from "next/link";
import { AppliedFilters } from "@/components/explorer/applied-filters";
import { describeFilters, explorerHref } from "@/components/explorer/describe-filters";
import { EmptyState } from "@/components/explorer/empty-state";
import { EXPLORER_FIELDS, ExplorerForm, SortControl } from "@/components/explorer/explorer-form";
import { organisationGroups } from "@/components/explorer/organisation-groups";
import { Pagination } from "@/components/explorer/pagination";
import { ResultList } from "@/components/explorer/result-list";
import { ErrorSummary } from "@/components/forms/error-summary";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { formatPence } from "@/lib/money";
import { listPublishedArrangements, type ArrangementList } from "@/lib/public/arrangements";
import {
  listQueryToParams,
  parseListQuery,
  SORT_LABELS,
  type ListQuery,
} from "@/lib/public/filters";
import { getOrganisationOptions } from "@/lib/public/organisations";
import { publicHref, queryFromSegment } from "@/lib/public-routes";

// Cached whole per query (proxy.ts rewrites "/arrangements?…" here; lib/public-routes.ts),
// rendered on first request rather than at build, and dropped when the register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ query: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseListQuery(queryFromSegment((await params).query));
  const q = parsed.ok ? parsed.value.filters.q : undefined;
  return {
    title: q ? `“${q}”: search shared service arrangements` : "Search shared service arrangements",
    description:
      "Search and filter the national register of English councils' shared service arrangements " +
      "by service, region, organisation, partners, stage, start year and savings.",
  };
}

/** The first value of each parameter, as typed: the form shows these back. */
function rawValues(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of search) out[name] ??= value;
  return out;
}

function countText(total: number): string {
  return `${total.toLocaleString("en-GB")} arrangement${total === 1 ? "" : "s"}`;
}

export default async function ArrangementsExplorerPage({ params }: Props) {
  const search = queryFromSegment((await params).query);
  const parsed = parseListQuery(search);
  const query: ListQuery | null = parsed.ok ? parsed.value : null;
  const [options, list]: [
    Awaited<ReturnType<typeof getOrganisationOptions>>,
    ArrangementList | null,
  ] = await Promise.all([
    getOrganisationOptions(),
    query ? listPublishedArrangements(query) : null,
  ]);
  const names = new Map(options.map((o) => [o.code, o.name]));
  const errors = parsed.ok ? {} : parsed.errors;
  // The page number has no field of its own: its message stands alone in the summary.
  const { page: pageError, ...fieldErrors } = errors;
  const applied = query ? describeFilters(query, (code) => names.get(code)) : [];
  const selectedOrganisation = query?.filters.organisation;

  const results = (
    <section aria-labelledby="results-heading">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-3">
        <div>
          <h2 id="results-heading" className="text-2xl font-bold" data-testid="result-count">
            {list ? countText(list.total) : "No results"}
          </h2>
          {list && list.total > 0 ? (
            <p className="text-ink-muted">
              {formatPence(list.totalPence)} of savings in all
              {list.pages > 1 ? ` · page ${list.page} of ${list.pages}` : ""}
              {" · "}
              {SORT_LABELS[list.sort].toLowerCase()}
            </p>
          ) : null}
        </div>
        {!list || list.total > 1 ? (
          <SortControl sort={list?.sort ?? "newest"} error={fieldErrors.sort} />
        ) : null}
      </div>
      <AppliedFilters applied={applied} />

      {!list ? (
        <p className="mt-4 border-l-8 border-error bg-surface p-4" data-testid="explorer-invalid">
          Nothing is shown until the search is corrected: see the problem described above.
        </p>
      ) : list.rows.length > 0 ? (
        <>
          <IllustrativeBanner illustrativeCount={list.illustrativeCount} totalCount={list.total} />
          <ResultList rows={list.rows} />
        </>
      ) : list.total > 0 ? (
        <p
          className="mt-4 border-l-8 border-rule-strong bg-surface p-4"
          data-testid="explorer-empty"
        >
          There is no page {list.page}: these results fill {list.pages} page
          {list.pages === 1 ? "" : "s"}.{" "}
          <Link href={explorerHref({ ...query!, page: list.pages })}>Go to the last page</Link>.
        </p>
      ) : (
        <EmptyState applied={applied} />
      )}

      {list && query ? (
        <>
          <Pagination
            page={list.page}
            pages={list.pages}
            href={(page) => explorerHref({ ...query, page })}
          />
          <p className="no-print mt-8 text-sm text-ink-muted">
            These results as open data:{" "}
            <a href={publicHref("/api/v1/arrangements", listQueryToParams(query))}>JSON</a> (
            <a href="/api/v1/openapi.json">how the API works</a>).
          </p>
        </>
      ) : null}
    </section>
  );

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">Shared service arrangements</h1>
      <p className="mt-3 mb-6 max-w-3xl text-lg text-ink-muted">
        Search every published arrangement between English councils and their partners, and narrow
        the list by service, place, partners, stage, start year and savings.
      </p>

      <ErrorSummary errors={fieldErrors} message={pageError} fieldOrder={EXPLORER_FIELDS} />

      <ExplorerForm
        values={rawValues(search)}
        errors={fieldErrors}
        sort={list?.sort ?? "newest"}
        organisationGroups={organisationGroups(options, selectedOrganisation)}
        filtersOpen={!parsed.ok || applied.some((f) => f.key !== "q")}
        appliedCount={applied.filter((f) => f.key !== "q").length}
        results={results}
      />
    </>
  );
}
