import type { Metadata } from "next";
import { RoundingNote } from "@/components/rounding-note";
import Link from "next/link";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { filtersToParams } from "@/lib/public/filters";
import { publicHref, queryFromSegment } from "@/lib/public-routes";
import { dashboardTables, loadDashboard, type Dashboard } from "@/lib/stats/dashboard";
import {
  describeDashboardFilters,
  hasDashboardFilters,
  readDashboardQuery,
  type DashboardFilters,
} from "@/lib/stats/filters";
import { ChartSection } from "./chart-section";
import { DashboardFilterForm } from "./dashboard-filter-form";
import { DASHBOARD_SECTIONS } from "./dashboard-sections";
import { HeadlineSection } from "./headline-section";

type Props = { params: Promise<{ query: string }> };

const TITLE = "Shared services in England: the national picture";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { filters } = readDashboardQuery(queryFromSegment((await params).query));
  // The layout's title template adds " – Council Shared Services Map" (this page is a child segment).
  const scope = hasDashboardFilters(filters) ? ` (${describeDashboardFilters(filters)})` : "";
  return {
    title: `${TITLE}${scope}`,
    description:
      "How many shared service arrangements English councils run, how many councils take part, " +
      "and what they have saved: by year, service, region and partner type.",
  };
}

// The public "/" (proxy.ts rewrites "/?…" here: ../../README.md). Cached whole per query,
// rendered on first request rather than at build (which has no database), and dropped when the
// register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

function FiltersSection({
  filters,
  errors,
}: {
  filters: DashboardFilters;
  errors: Record<string, string>;
}) {
  const clearable = hasDashboardFilters(filters) || Object.keys(errors).length > 0;
  return (
    <section aria-label="Filters" className="mt-8">
      <DashboardFilterForm region={filters.region} category={filters.category} errors={errors} />
      <p className="mt-4 text-lg" data-testid="filter-summary">
        <strong>Showing:</strong> {describeDashboardFilters(filters)}.{" "}
        {clearable ? (
          <Link href="/" className="no-print">
            Clear filters<span className="sr-only"> and show the national picture</span>
          </Link>
        ) : null}
      </p>
    </section>
  );
}

function ChartSections({ dashboard }: { dashboard: Dashboard }) {
  const { filters } = dashboard;
  const tables = dashboardTables(dashboard);
  const captionSuffix = hasDashboardFilters(filters)
    ? describeDashboardFilters(filters)
    : undefined;
  return DASHBOARD_SECTIONS.map((section) => (
    <ChartSection
      key={section.chart}
      title={section.title(dashboard)}
      description={section.description(filters)}
      chart={section.figure(dashboard)}
      table={tables[section.chart]}
      csvHref={publicHref(`/data/dashboard/${section.chart}.csv`, filtersToParams(filters))}
      captionSuffix={captionSuffix}
      layout={section.layout}
      rowHeader={section.rowHeader}
      note={section.note}
    />
  ));
}

export default async function HomePage({ params }: Props) {
  const { filters, errors } = readDashboardQuery(queryFromSegment((await params).query));
  const dashboard = await loadDashboard(filters);
  const { headline } = dashboard;

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">{TITLE}</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Councils share services with each other and with fire and rescue, police and NHS bodies to
        save money, improve services and become more resilient. These figures count the arrangements
        councils have recorded and that have been published after review.
      </p>

      <FiltersSection filters={filters} errors={errors} />

      <IllustrativeBanner
        illustrativeCount={headline.illustrativeCount}
        totalCount={headline.arrangements}
      />

      <HeadlineSection headline={headline} unconfirmed={dashboard.unconfirmed} filters={filters} />

      {headline.arrangements === 0 ? (
        <p className="mt-12 text-lg" data-testid="no-results">
          No published arrangements match these filters.
        </p>
      ) : (
        <>
          <ChartSections dashboard={dashboard} />
          <RoundingNote className="mt-8 max-w-3xl text-ink-muted" />
        </>
      )}

      <p className="mt-12 max-w-3xl">
        All the published arrangements and savings lines are on the{" "}
        <a href="/data">open data page</a> as CSV and JSON, and these figures as JSON at{" "}
        <a href={publicHref("/api/v1/stats", filtersToParams(filters))}>/api/v1/stats</a>.
      </p>
    </>
  );
}
