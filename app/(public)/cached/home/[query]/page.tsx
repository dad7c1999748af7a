import type { Metadata } from "next";
import Link from "next/link";
import { RankedBarFigure, SavingsByYearFigure } from "@/components/charts/lazy-charts";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { formatLongDate } from "@/lib/format/dates";
import { formatPence } from "@/lib/money";
import { filtersToParams } from "@/lib/public/filters";
import { publicHref, queryFromSegment } from "@/lib/public-routes";
import {
  groupBars,
  groupSummary,
  savingsByYearSummary,
  topSummary,
  yearBars,
} from "@/lib/stats/charts";
import { dashboardTables, loadDashboard } from "@/lib/stats/dashboard";
import {
  describeDashboardFilters,
  hasDashboardFilters,
  readDashboardQuery,
  regionPhrase,
  type DashboardFilters,
} from "@/lib/stats/filters";
import type { DashboardChart } from "@/lib/stats/tables";
import { ChartSection } from "./chart-section";
import { DashboardFilterForm } from "./dashboard-filter-form";

type Props = { params: Promise<{ query: string }> };

const TITLE = "Shared services in England: the national picture";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { filters } = readDashboardQuery(queryFromSegment((await params).query));
  // The layout's title template only reaches child segments, and this page shares its segment.
  const scope = hasDashboardFilters(filters) ? ` (${describeDashboardFilters(filters)})` : "";
  return {
    title: `${TITLE}${scope} – Council Shared Services Map`,
    description:
      "How many shared service arrangements English councils run, how many councils take part, " +
      "and what they have saved: by year, service, region and partner type.",
  };
}

function formatCount(value: number): string {
  return value.toLocaleString("en-GB");
}

/**
 * Share of councils involved, to one decimal place, rounded down: the page should never claim
 * 100% (or 98%) when a council is still missing.
 */
function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "0%";
  const tenths = Math.floor((part * 1000) / whole);
  return `${(tenths / 10).toFixed(1)}%`;
}

function csvHref(chart: DashboardChart, filters: DashboardFilters): string {
  return publicHref(`/data/dashboard/${chart}.csv`, filtersToParams(filters));
}

// Cached whole per query (proxy.ts rewrites "/?…" here; lib/public-routes.ts), rendered on first
// request rather than at build (which has no database), and dropped when the register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function HomePage({ params }: Props) {
  const { filters, errors } = readDashboardQuery(queryFromSegment((await params).query));
  const dashboard = await loadDashboard(filters);
  const { headline, years, categories, regions, partnerTypes, top } = dashboard;
  const tables = dashboardTables(dashboard);
  const filtered = hasDashboardFilters(filters);
  const captionSuffix = filtered ? describeDashboardFilters(filters) : undefined;
  const councilsScope = filters.region ? regionPhrase(filters) : "England";

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">{TITLE}</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Councils share services with each other and with fire and rescue, police and NHS bodies to
        save money, improve services and become more resilient. These figures count the arrangements
        councils have recorded and that have been published after review.
      </p>

      <section aria-label="Filters" className="mt-8">
        <DashboardFilterForm region={filters.region} category={filters.category} errors={errors} />
        <p className="mt-4 text-lg" data-testid="filter-summary">
          <strong>Showing:</strong> {describeDashboardFilters(filters)}.{" "}
          {filtered || Object.keys(errors).length > 0 ? (
            <Link href="/" className="no-print">
              Clear filters<span className="sr-only"> and show the national picture</span>
            </Link>
          ) : null}
        </p>
      </section>

      <IllustrativeBanner
        illustrativeCount={headline.illustrativeCount}
        totalCount={headline.arrangements}
      />

      <section aria-labelledby="headline-heading" className="mt-8">
        <h2 id="headline-heading" className="text-2xl font-bold">
          Headline figures
        </h2>
        <dl className="mt-4 grid gap-4 md:grid-cols-3">
          <div
            className="border-t-4 border-brand bg-surface p-5"
            data-testid="headline-arrangements"
          >
            <dt className="font-semibold">Shared service arrangements</dt>
            <dd className="mt-1 text-4xl font-bold text-brand">
              {formatCount(headline.arrangements)}
            </dd>
            <dd className="mt-2 text-ink-muted">published in the register</dd>
          </div>

          <div className="border-t-4 border-brand bg-surface p-5" data-testid="headline-councils">
            <dt className="font-semibold">Councils involved</dt>
            <dd className="mt-1 text-4xl font-bold text-brand">
              {formatCount(headline.councilsInvolved)}
            </dd>
            <dd className="mt-2 text-ink-muted">
              {formatPercent(headline.councilsInvolved, headline.councilsExisting)} of the{" "}
              {formatCount(headline.councilsExisting)} councils in {councilsScope} on{" "}
              {formatLongDate(headline.referenceDate)}
            </dd>
          </div>

          <div className="border-t-4 border-brand bg-surface p-5" data-testid="headline-savings">
            <dt className="font-semibold">Savings</dt>
            <dd className="mt-1 text-4xl font-bold text-brand">
              {formatPence(headline.totalPence, "short")}
            </dd>
            <dd className="mt-2 text-ink-muted">
              {formatPence(headline.totalPence, "full")} in total:{" "}
              {formatPence(headline.actualPence, "full")} actual and{" "}
              {formatPence(headline.forecastPence, "full")} forecast
            </dd>
          </div>
        </dl>
      </section>

      {headline.arrangements === 0 ? (
        <p className="mt-12 text-lg" data-testid="no-results">
          No published arrangements match these filters.
        </p>
      ) : (
        <>
          <ChartSection
            title="Savings by financial year"
            layout="above"
            table={tables["savings-by-year"]}
            csvHref={csvHref("savings-by-year", filters)}
            captionSuffix={captionSuffix}
            description={
              <p>
                Financial years run from 1 April to 31 March. Actual savings have been achieved;
                forecast savings are what councils expect.
              </p>
            }
            chart={
              <SavingsByYearFigure
                data={yearBars(years)}
                summary={savingsByYearSummary(years, headline.totalPence)}
              />
            }
            note="Chart of the figures in the table below. The line shows the running total on the right-hand scale."
          />

          <ChartSection
            title="By service category"
            table={tables["savings-by-category"]}
            csvHref={csvHref("savings-by-category", filters)}
            captionSuffix={captionSuffix}
            description={
              <p>
                Each arrangement is counted once, under its main service category, so the rows add
                up to the headline figures.
                {filters.category
                  ? " The category filter also finds arrangements where it is a further category, so other main categories can appear."
                  : null}
              </p>
            }
            chart={
              <RankedBarFigure
                chart="savings-by-category"
                data={groupBars(categories)}
                summary={groupSummary(
                  "Savings by main service category",
                  categories,
                  categories.length === 1 ? "category" : "categories",
                  "largest first",
                )}
              />
            }
          />

          <ChartSection
            title="By region"
            table={tables["savings-by-region"]}
            csvHref={csvHref("savings-by-region", filters)}
            captionSuffix={captionSuffix}
            description={
              <p>
                An arrangement belongs to the region of its lead organisation, even when partners
                elsewhere take part.
              </p>
            }
            chart={
              <RankedBarFigure
                chart="savings-by-region"
                data={groupBars(regions)}
                summary={groupSummary(
                  "Savings by region of the lead organisation",
                  regions,
                  regions.length === 1 ? "region" : "regions",
                  "largest first",
                )}
              />
            }
          />

          <ChartSection
            title="By partner type"
            table={tables["savings-by-partner-type"]}
            csvHref={csvHref("savings-by-partner-type", filters)}
            captionSuffix={captionSuffix}
            description={
              <>
                <p>
                  &ldquo;Councils only&rdquo; arrangements have no partner other than councils. The
                  &ldquo;with &hellip;&rdquo; groups count every arrangement that includes at least
                  one such partner.
                </p>
                <p>
                  <strong className="text-ink">An arrangement can be in several groups</strong> (one
                  with both fire and police partners is counted in each), so these rows add up to
                  more than the headline figures.
                </p>
              </>
            }
            chart={
              <RankedBarFigure
                chart="savings-by-partner-type"
                data={groupBars(partnerTypes)}
                summary={groupSummary(
                  "Savings by partner type, in overlapping groups",
                  partnerTypes,
                  "partner types",
                  "in a fixed order",
                )}
              />
            }
          />

          <ChartSection
            title={
              top.length === 10
                ? "The ten largest arrangements by savings"
                : "The largest arrangements by savings"
            }
            table={tables["top-arrangements"]}
            layout="above"
            csvHref={csvHref("top-arrangements", filters)}
            captionSuffix={captionSuffix}
            rowHeader={1}
            description={
              <p>
                Ranked by total savings, actual and forecast, over all years. Follow a link for the
                arrangement&rsquo;s partners and savings year by year.
              </p>
            }
            chart={
              <RankedBarFigure
                chart="top-arrangements"
                data={groupBars(top)}
                summary={topSummary(top)}
              />
            }
          />
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
