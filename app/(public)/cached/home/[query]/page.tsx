import type { Metadata } from "next";
import {
  SavingsByYearChart,
  type SavingsByYearDatum,
} from "@/components/charts/savings-by-year-chart";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { financialYearLabel, formatLongDate } from "@/lib/financial-year";
import { formatPence, penceToChartPounds } from "@/lib/money";
import { getHeadline, getSavingsByYear, type SavingsYear } from "@/lib/stats/queries";

export const metadata: Metadata = {
  // The layout's title template only reaches child segments, and this page shares its segment.
  title: "Shared services in England: the national picture – Council Shared Services Map",
  description:
    "How many shared service arrangements English councils run, how many councils take part, " +
    "and what they have saved, year by year.",
};

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

function chartSummary(rows: SavingsYear[], totalPence: bigint): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return "Savings by financial year: no savings have been published yet.";
  let peak = first;
  for (const row of rows) if (row.totalPence > peak.totalPence) peak = row;
  return (
    `Savings by financial year, ${financialYearLabel(first.financialYear)} to ` +
    `${financialYearLabel(last.financialYear)}: bars show each year's actual and forecast ` +
    `savings and a line the running total. The largest year was ` +
    `${financialYearLabel(peak.financialYear)} at ${formatPence(peak.totalPence, "short")}; ` +
    `the cumulative total reaches ${formatPence(totalPence, "short")}. ` +
    `Exact figures are in the table that follows.`
  );
}

// Cached whole per query (proxy.ts rewrites "/?…" here; lib/public-routes.ts), rendered on first
// request rather than at build (which has no database), and dropped when the register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

export default async function HomePage() {
  const [headline, years] = await Promise.all([getHeadline(), getSavingsByYear()]);

  const referenceDateText = formatLongDate(headline.referenceDate);
  const chartData: SavingsByYearDatum[] = years.map((year) => ({
    label: financialYearLabel(year.financialYear),
    actualPounds: penceToChartPounds(year.actualPence),
    forecastPounds: penceToChartPounds(year.forecastPence),
    cumulativePounds: penceToChartPounds(year.cumulativePence),
  }));

  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">
        Shared services in England: the national picture
      </h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Councils share services with each other and with fire and rescue, police and NHS bodies to
        save money, improve services and become more resilient. These figures count the arrangements
        councils have recorded and that have been published after review.
      </p>

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
              {formatCount(headline.councilsExisting)} councils in England on {referenceDateText}
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

      <section aria-labelledby="savings-by-year-heading" className="mt-12">
        <h2 id="savings-by-year-heading" className="text-2xl font-bold">
          Savings by financial year
        </h2>
        <p className="mt-2 max-w-3xl text-ink-muted">
          Financial years run from 1 April to 31 March. Actual savings have been achieved; forecast
          savings are what councils expect.
        </p>

        {years.length === 0 ? (
          <p className="mt-4">No savings have been published yet.</p>
        ) : (
          // Chart above table rather than side by side: five columns of exact pounds need the
          // full width to be read without scrolling.
          <div className="mt-6 space-y-8">
            <figure className="min-w-0">
              <SavingsByYearChart
                data={chartData}
                summary={chartSummary(years, headline.totalPence)}
              />
              <figcaption className="mt-2 text-sm text-ink-muted">
                Chart of the figures in the table below. The line shows the running total on the
                right-hand scale.
              </figcaption>
            </figure>

            {/* Focusable so keyboard users can scroll the table when it is wider than the screen;
                relative so the visually hidden cell text stays inside the scrolling box. */}
            <div
              className="relative min-w-0 overflow-x-auto"
              role="region"
              aria-labelledby="savings-by-year-caption"
              tabIndex={0}
            >
              <table className="w-full border-collapse text-sm" data-testid="savings-by-year-table">
                <caption id="savings-by-year-caption" className="mb-2 text-left font-semibold">
                  Savings by financial year, in pounds (exact figures)
                </caption>
                <thead>
                  <tr className="border-b-2 border-rule-strong text-left">
                    <th scope="col" className="py-2 pr-3">
                      Financial year
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      Actual
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      Forecast
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      Total
                    </th>
                    <th scope="col" className="py-2 text-right">
                      Cumulative
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {years.map((year) => (
                    <tr key={year.financialYear} className="border-b border-rule">
                      <th scope="row" className="py-2 pr-3 text-left font-normal">
                        {financialYearLabel(year.financialYear)}
                      </th>
                      <td className="py-2 pr-3 text-right">
                        {formatPence(year.actualPence, "full")}
                      </td>
                      <td className="py-2 pr-3 text-right">
                        {formatPence(year.forecastPence, "full")}
                      </td>
                      <td className="py-2 pr-3 text-right">
                        {formatPence(year.totalPence, "full")}
                      </td>
                      <td className="py-2 text-right">
                        {formatPence(year.cumulativePence, "full")}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="border-t-2 border-rule-strong font-bold">
                    <th scope="row" className="py-2 pr-3 text-left">
                      Total
                    </th>
                    <td className="py-2 pr-3 text-right">
                      {formatPence(headline.actualPence, "full")}
                    </td>
                    <td className="py-2 pr-3 text-right">
                      {formatPence(headline.forecastPence, "full")}
                    </td>
                    <td className="py-2 pr-3 text-right">
                      {formatPence(headline.totalPence, "full")}
                    </td>
                    <td className="py-2 text-right">
                      <span className="sr-only">Not applicable</span>
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          </div>
        )}
      </section>
    </>
  );
}
