import { csvDocument, type CsvValue } from "@/lib/csv/writer";
import { financialYearLabel } from "@/lib/financial-year";
import { perResidentText, POPULATION_ESTIMATE } from "@/lib/councils/population";
import { formatWholePounds, penceToPoundsString } from "@/lib/money";
import type { GroupFigure, Headline, SavingsYear, TopArrangement } from "./queries";

/*
 * Each dashboard chart's figures as one table model, rendered twice: as the HTML table beside
 * the chart (components/charts/figure-table.tsx) and as its CSV download
 * (/data/dashboard/<chart>.csv). Both come from the same cells, so the download holds exactly
 * the table's figures. Pure module (the query results come in as arguments).
 *
 * The HTML table shows money in whole pounds (a total row rounded from the exact sum, not
 * added up from rounded rows); the CSV keeps every penny. In CSV a money column becomes two: pounds with two decimals ("1250000.50") and integer pence;
 * a financial year becomes its label ("2016/17") and the year it starts (2016); a link becomes
 * its text and its path. The table's total row (if any) is left out of the CSV so that the
 * columns can be summed.
 */

export const DASHBOARD_CHARTS = [
  "savings-by-year",
  "savings-by-category",
  "savings-by-region",
  "savings-by-partner-type",
  "top-arrangements",
] as const;

export type DashboardChart = (typeof DASHBOARD_CHARTS)[number];

export function isDashboardChart(value: string): value is DashboardChart {
  return (DASHBOARD_CHARTS as readonly string[]).includes(value);
}

/** "per-resident" holds its text already made ("£6.81 per resident"): HTML tables only. */
export type ColumnKind = "text" | "link" | "count" | "money" | "financial-year" | "per-resident";

export type Column = {
  /** Header in the HTML table. */
  label: string;
  /** Header (or header stem) in the CSV. */
  csv: string;
  kind: ColumnKind;
};

export type LinkCell = { text: string; href: string };
/** A cell's value; its column's kind says which: text | link | count | money | financial year. */
export type Cell = string | LinkCell | number | bigint | null;

export type FigureTable = {
  /** Names the table (its id and test id): a dashboard chart's name, or another page's table. */
  chart: DashboardChart | (string & {});
  caption: string;
  columns: Column[];
  /** The first cell of each row is its row header. */
  rows: Cell[][];
  /** A total row (its header, then a cell per column after the first): not in the CSV. */
  footer?: { label: string; cells: Cell[] };
};

/* Text --------------------------------------------------------------------------------------- */

/** A cell as the HTML table shows it. */
export function cellText(column: Column, value: Cell): string {
  if (value === null) return "";
  switch (column.kind) {
    case "money":
      return formatWholePounds(value as bigint);
    case "count":
      return (value as number).toLocaleString("en-GB");
    case "financial-year":
      return financialYearLabel(value as number);
    case "link":
      return (value as LinkCell).text;
    case "text":
    case "per-resident":
      return value as string;
  }
}

/* CSV ---------------------------------------------------------------------------------------- */

export function csvHeader(columns: readonly Column[]): string[] {
  return columns.flatMap((column) => {
    switch (column.kind) {
      case "money":
        return [`${column.csv}_pounds`, `${column.csv}_pence`];
      case "financial-year":
        return [column.csv, `${column.csv}_start`];
      case "link":
        return [column.csv, `${column.csv}_path`];
      default:
        return [column.csv];
    }
  });
}

function csvCells(column: Column, value: Cell): CsvValue[] {
  switch (column.kind) {
    case "money":
      return value === null
        ? [null, null]
        : [penceToPoundsString(value as bigint), value as bigint];
    case "financial-year":
      return value === null ? [null, null] : [financialYearLabel(value as number), value as number];
    case "link":
      return value === null ? [null, null] : [(value as LinkCell).text, (value as LinkCell).href];
    case "count":
      return [value as number | null];
    case "text":
    case "per-resident":
      return [value as string | null];
  }
}

/** The table as a CSV document (BOM, header, one line per body row). */
export function tableToCsv(table: FigureTable): string {
  return csvDocument(
    csvHeader(table.columns),
    table.rows.map((row) => row.flatMap((value, i) => csvCells(table.columns[i]!, value))),
  );
}

/* The dashboard's tables ------------------------------------------------------------------------ */

const money = (label: string, csv: string): Column => ({ label, csv, kind: "money" });
const count = (label: string, csv: string): Column => ({ label, csv, kind: "count" });

/**
 * The years' table; `totals` (the headline's, or a council's) makes its total row. Its running
 * total adds up actual savings only: a forecast is not yet a saving, so it is never added to them.
 */
export function savingsByYearTable(
  years: SavingsYear[],
  totals: Pick<Headline, "actualPence" | "forecastPence" | "totalPence">,
): FigureTable {
  let actualToDate = 0n;
  return {
    chart: "savings-by-year",
    caption: "Savings by financial year, in pounds (rounded to the nearest pound)",
    columns: [
      { label: "Financial year", csv: "financial_year", kind: "financial-year" },
      money("Actual", "actual"),
      money("Forecast", "forecast"),
      money("Total", "total"),
      money("Actual, running total", "actual_running_total"),
    ],
    rows: years.map((y) => [
      y.financialYear,
      y.actualPence,
      y.forecastPence,
      y.totalPence,
      (actualToDate += y.actualPence),
    ]),
    footer: {
      label: "Total",
      cells: [totals.actualPence, totals.forecastPence, totals.totalPence, null],
    },
  };
}

function groupTable(
  chart: DashboardChart,
  caption: string,
  first: Column,
  groups: GroupFigure[],
): FigureTable {
  return {
    chart,
    caption,
    columns: [first, count("Arrangements", "arrangements"), money("Savings", "savings")],
    rows: groups.map((g) => [g.name, g.arrangements, g.totalPence]),
  };
}

export function savingsByCategoryTable(groups: GroupFigure[], headline: Headline): FigureTable {
  return {
    ...groupTable(
      "savings-by-category",
      "Arrangements and savings by main service category (savings rounded to the nearest pound)",
      { label: "Service category", csv: "service_category", kind: "text" },
      groups,
    ),
    footer: { label: "Total", cells: [headline.arrangements, headline.totalPence] },
  };
}

/**
 * The regions' table. Given the regions' populations (the page does; the CSV download, whose
 * columns stay as published, does not), each row adds its savings per resident: the region's
 * savings over its population, to the penny.
 */
export function savingsByRegionTable(
  groups: GroupFigure[],
  headline: Headline,
  populations?: readonly { region: string; population: number | null }[],
): FigureTable {
  const table: FigureTable = {
    ...groupTable(
      "savings-by-region",
      "Arrangements and savings by region of the lead organisation (savings rounded to the nearest pound)",
      { label: "Region", csv: "region", kind: "text" },
      groups,
    ),
    footer: { label: "Total", cells: [headline.arrangements, headline.totalPence] },
  };
  if (!populations) return table;
  const byRegion = new Map(populations.map((p) => [p.region, p.population]));
  return {
    ...table,
    caption: `${table.caption}, and savings per resident (population ${POPULATION_ESTIMATE}, to the penny)`,
    columns: [
      ...table.columns,
      { label: "Savings per resident", csv: "savings_per_resident", kind: "per-resident" },
    ],
    rows: groups.map((g, i) => [
      ...table.rows[i]!,
      perResidentText(g.totalPence, byRegion.get(g.name) ?? null) ?? "Not known",
    ]),
    footer: { label: "Total", cells: [headline.arrangements, headline.totalPence, null] },
  };
}

/** No total row: the groups overlap, so a total would count some arrangements twice. */
export function savingsByPartnerTypeTable(groups: GroupFigure[]): FigureTable {
  return groupTable(
    "savings-by-partner-type",
    "Arrangements and savings by partner type (an arrangement can be in several groups; savings rounded to the nearest pound)",
    { label: "Partner type", csv: "partner_type", kind: "text" },
    groups,
  );
}

export function topArrangementsTable(items: TopArrangement[]): FigureTable {
  return {
    chart: "top-arrangements",
    caption: "The largest arrangements by total savings (rounded to the nearest pound)",
    columns: [
      { label: "Rank", csv: "rank", kind: "count" },
      { label: "Arrangement", csv: "arrangement", kind: "link" },
      { label: "Lead organisation", csv: "lead_organisation", kind: "text" },
      { label: "Region", csv: "region", kind: "text" },
      { label: "Main service category", csv: "service_category", kind: "text" },
      money("Savings", "savings"),
    ],
    rows: items.map((item) => [
      item.rank,
      { text: item.title, href: `/arrangements/${item.slug}` },
      item.leadName,
      item.region,
      item.categoryName,
      item.totalPence,
    ]),
  };
}
