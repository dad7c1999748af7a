import { financialYearLabel } from "@/lib/financial-year";
import { formatHeadlinePounds, penceToChartPounds } from "@/lib/money";
import type { GroupFigure, SavingsYear, TopArrangement } from "./queries";

/*
 * What the chart islands receive: plain numbers for geometry, labels already formatted, and a
 * sentence that names each chart for assistive technology. Pure module: the figures come in.
 */

export type YearBar = {
  label: string;
  actualPounds: number;
  forecastPounds: number;
};

export type RankedBar = { name: string; value: number; valueLabel: string };

export function arrangementsPhrase(n: number): string {
  return `${n.toLocaleString("en-GB")} arrangement${n === 1 ? "" : "s"}`;
}

export function yearBars(years: SavingsYear[]): YearBar[] {
  return years.map((year) => ({
    label: financialYearLabel(year.financialYear),
    actualPounds: penceToChartPounds(year.actualPence),
    forecastPounds: penceToChartPounds(year.forecastPence),
  }));
}

/**
 * A bar per group or arrangement, labelled with its savings ("£120m"); the number of
 * arrangements is in the table (on a phone, a longer label would leave no room for the bar).
 */
export function groupBars(rows: (GroupFigure | TopArrangement)[]): RankedBar[] {
  return rows.map((row) => ({
    name: "title" in row ? row.title : row.name,
    value: penceToChartPounds(row.totalPence),
    valueLabel: formatHeadlinePounds(row.totalPence),
  }));
}

export function savingsByYearSummary(years: SavingsYear[], totalPence: bigint): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (!first || !last) return "Savings by financial year: no savings have been published yet.";
  let peak = first;
  for (const row of years) if (row.totalPence > peak.totalPence) peak = row;
  return (
    `Savings by financial year, ${financialYearLabel(first.financialYear)} to ` +
    `${financialYearLabel(last.financialYear)}: bars show each year's actual and forecast ` +
    `savings. The largest year was ` +
    `${financialYearLabel(peak.financialYear)} at ${formatHeadlinePounds(peak.totalPence)}; ` +
    `${formatHeadlinePounds(totalPence)} in all. ` +
    `Figures to the pound are in the table that follows.`
  );
}

/**
 * "Savings by region: a bar for each of 9 regions, largest first, labelled with its savings. The
 * largest is London at £120m (45 arrangements). Figures to the pound are in the table that follows."
 */
export function groupSummary(
  title: string,
  groups: GroupFigure[],
  noun: string,
  order: "largest first" | "in a fixed order",
): string {
  if (groups.length === 0) return `${title}: nothing to show.`;
  let top = groups[0]!;
  for (const g of groups) if (g.totalPence > top.totalPence) top = g;
  const figure = `${formatHeadlinePounds(top.totalPence)} (${arrangementsPhrase(top.arrangements)})`;
  const bars =
    groups.length === 1
      ? `one bar, for ${top.name} at ${figure}.`
      : `a bar for each of ${groups.length} ${noun}, ${order}, labelled with its savings. ` +
        `The largest is ${top.name} at ${figure}.`;
  return `${title}: ${bars} Figures to the pound are in the table that follows.`;
}

export function topSummary(items: TopArrangement[]): string {
  const first = items[0];
  if (!first) return "The largest arrangements by savings: none have savings yet.";
  return (
    `The ${items.length} largest arrangements by total savings, a bar each, largest first. ` +
    `The largest is ${first.title} at ${formatHeadlinePounds(first.totalPence)}. ` +
    `Figures to the pound, with links, are in the table that follows.`
  );
}
