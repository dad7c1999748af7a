import type { ReactNode } from "react";
import { RankedBarFigure } from "@/components/charts/ranked-bar-chart";
import { SavingsByYearFigure } from "@/components/charts/savings-by-year-chart";
import {
  groupBars,
  groupSummary,
  savingsByYearSummary,
  topSummary,
  yearBars,
} from "@/lib/stats/charts";
import type { Dashboard } from "@/lib/stats/dashboard";
import type { DashboardFilters } from "@/lib/stats/filters";
import type { DashboardChart } from "@/lib/stats/tables";

/** One chart section of the dashboard, as ChartSection draws it (its table comes from lib/stats). */
export type DashboardSection = {
  chart: DashboardChart;
  title: (d: Dashboard) => string;
  /** What the chart counts, under the heading. */
  description: (filters: DashboardFilters) => ReactNode;
  figure: (d: Dashboard) => ReactNode;
  layout?: "above";
  /** Which column heads each row of the table, when not the first (a rank). */
  rowHeader?: number;
  note?: string;
};

/** A ranked bar chart of groups (categories, regions, partner types), named in words. */
function rankedGroups(
  chart: DashboardChart,
  groups: Dashboard["categories"],
  title: string,
  noun: string,
  order: "largest first" | "in a fixed order",
) {
  const summary = groupSummary(title, groups, noun, order);
  return <RankedBarFigure chart={chart} data={groupBars(groups)} summary={summary} />;
}

/** The dashboard's five charts, in page order. */
export const DASHBOARD_SECTIONS: DashboardSection[] = [
  {
    chart: "savings-by-year",
    title: () => "Savings by financial year",
    layout: "above",
    description: () => (
      <p>
        Financial years run from 1 April to 31 March. Actual savings have been achieved; forecast
        savings are what councils expect. A forecast for a year that has ended is one the council
        has not yet confirmed: the headline figures give the total with and without these.
      </p>
    ),
    figure: (d) => (
      <SavingsByYearFigure
        data={yearBars(d.years)}
        summary={savingsByYearSummary(d.years, d.headline.totalPence)}
      />
    ),
    note: "Chart of the figures in the table below, which also gives the running total of actual savings.",
  },
  {
    chart: "savings-by-category",
    title: () => "By service category",
    description: (filters) => (
      <p>
        Each arrangement is counted once, under its main service category, so the rows add up to the
        headline figures.
        {filters.category
          ? " The category filter also finds arrangements where it is a further category, so other main categories can appear."
          : null}
      </p>
    ),
    figure: (d) =>
      rankedGroups(
        "savings-by-category",
        d.categories,
        "Savings by main service category",
        d.categories.length === 1 ? "category" : "categories",
        "largest first",
      ),
  },
  {
    chart: "savings-by-region",
    title: () => "By region",
    description: () => (
      <p>
        An arrangement belongs to the region of its lead organisation, even when partners elsewhere
        take part.
      </p>
    ),
    figure: (d) =>
      rankedGroups(
        "savings-by-region",
        d.regions,
        "Savings by region of the lead organisation",
        d.regions.length === 1 ? "region" : "regions",
        "largest first",
      ),
  },
  {
    chart: "savings-by-partner-type",
    title: () => "By partner type",
    description: () => (
      <>
        <p>
          &ldquo;Councils only&rdquo; arrangements have no partner other than councils. The
          &ldquo;with &hellip;&rdquo; groups count every arrangement that includes at least one such
          partner.
        </p>
        <p>
          <strong className="text-ink">An arrangement can be in several groups</strong> (one with
          both fire and police partners is counted in each), so these rows add up to more than the
          headline figures.
        </p>
      </>
    ),
    figure: (d) =>
      rankedGroups(
        "savings-by-partner-type",
        d.partnerTypes,
        "Savings by partner type, in overlapping groups",
        "partner types",
        "in a fixed order",
      ),
  },
  {
    chart: "top-arrangements",
    title: (d) =>
      d.top.length === 10
        ? "The ten largest arrangements by savings"
        : "The largest arrangements by savings",
    layout: "above",
    rowHeader: 1,
    description: () => (
      <p>
        Ranked by total savings, actual and forecast, over all years. Follow a link for the
        arrangement&rsquo;s partners and savings year by year.
      </p>
    ),
    figure: (d) => (
      <RankedBarFigure
        chart="top-arrangements"
        data={groupBars(d.top)}
        summary={topSummary(d.top)}
      />
    ),
  },
];
