import "server-only";

import { today } from "@/lib/clock";
import { getUnconfirmedForecasts, type UnconfirmedForecasts } from "@/lib/public/unconfirmed";
import { getRegionPopulations, type RegionPopulation } from "./populations";
import type { DashboardFilters } from "./filters";
import {
  getHeadline,
  getSavingsByCategory,
  getSavingsByPartnerType,
  getSavingsByRegion,
  getSavingsByYear,
  getTopArrangements,
  type GroupFigure,
  type Headline,
  type PartnerTypeFigure,
  type SavingsYear,
  type TopArrangement,
} from "./queries";
import {
  savingsByCategoryTable,
  savingsByPartnerTypeTable,
  savingsByRegionTable,
  savingsByYearTable,
  topArrangementsTable,
  type DashboardChart,
  type FigureTable,
} from "./tables";

/** Everything the dashboard shows for one choice of filters (the page and /api/v1/stats). */
export type Dashboard = {
  filters: DashboardFilters;
  headline: Headline;
  years: SavingsYear[];
  categories: GroupFigure[];
  regions: GroupFigure[];
  /** The regions' populations today, for savings per resident. */
  regionPopulations: RegionPopulation[];
  partnerTypes: PartnerTypeFigure[];
  top: TopArrangement[];
  /** Forecasts for financial years that have ended, not yet confirmed (part of the totals). */
  unconfirmed: UnconfirmedForecasts;
};

export async function loadDashboard(filters: DashboardFilters): Promise<Dashboard> {
  const [headline, years, categories, regions, regionPopulations, partnerTypes, top, unconfirmed] =
    await Promise.all([
      getHeadline(filters),
      getSavingsByYear(filters),
      getSavingsByCategory(filters),
      getSavingsByRegion(filters),
      getRegionPopulations(today()),
      getSavingsByPartnerType(filters),
      getTopArrangements(filters),
      getUnconfirmedForecasts(filters),
    ]);
  return {
    filters,
    headline,
    years,
    categories,
    regions,
    regionPopulations,
    partnerTypes,
    top,
    unconfirmed,
  };
}

/** Each chart's table, from figures already loaded. */
export function dashboardTables(d: Dashboard): Record<DashboardChart, FigureTable> {
  return {
    "savings-by-year": savingsByYearTable(d.years, d.headline),
    "savings-by-category": savingsByCategoryTable(d.categories, d.headline),
    "savings-by-region": savingsByRegionTable(d.regions, d.headline, d.regionPopulations),
    "savings-by-partner-type": savingsByPartnerTypeTable(d.partnerTypes),
    "top-arrangements": topArrangementsTable(d.top),
  };
}

/** One chart's table (its CSV download), reading only what that table needs. */
export async function loadChartTable(
  chart: DashboardChart,
  filters: DashboardFilters,
): Promise<FigureTable> {
  switch (chart) {
    case "savings-by-year": {
      const [years, headline] = await Promise.all([
        getSavingsByYear(filters),
        getHeadline(filters),
      ]);
      return savingsByYearTable(years, headline);
    }
    case "savings-by-category": {
      const [groups, headline] = await Promise.all([
        getSavingsByCategory(filters),
        getHeadline(filters),
      ]);
      return savingsByCategoryTable(groups, headline);
    }
    case "savings-by-region": {
      const [groups, headline] = await Promise.all([
        getSavingsByRegion(filters),
        getHeadline(filters),
      ]);
      return savingsByRegionTable(groups, headline);
    }
    case "savings-by-partner-type":
      return savingsByPartnerTypeTable(await getSavingsByPartnerType(filters));
    case "top-arrangements":
      return topArrangementsTable(await getTopArrangements(filters));
  }
}
