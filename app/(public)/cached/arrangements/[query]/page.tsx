import type { Metadata } from "next";
import { describeFilters } from "@/components/explorer/describe-filters";
import { EXPLORER_FIELDS, ExplorerForm } from "@/components/explorer/explorer-form";
import { organisationGroups } from "@/components/explorer/organisation-groups";
import { ErrorSummary } from "@/components/forms/error-summary";
import { listPublishedArrangements, type ArrangementList } from "@/lib/public/arrangements";
import { parseListQuery, type ListQuery } from "@/lib/public/filters";
import { getOrganisationOptions } from "@/lib/public/organisations";
import { queryFromSegment } from "@/lib/public-routes";
import { ExplorerResults } from "./explorer-results";

// The public "/arrangements" (proxy.ts rewrites "/arrangements?…" here: ../../README.md). Cached
// whole per query, rendered on first request rather than at build, and dropped when the register
// changes.
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
    <ExplorerResults list={list} query={query} applied={applied} sortError={fieldErrors.sort} />
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
