import { SERVICE_CATEGORIES } from "@/lib/categories";
import type { Cell, Column, FigureTable } from "@/lib/stats/tables";
import type { Comparison } from "./compare";
import { councilTypeLabel } from "./labels";
import { perResidentText, POPULATION_ESTIMATE } from "./population";

/*
 * The compare page's tables as models (lib/stats/tables.ts), each rendered twice: as the HTML
 * table on the page (whole pounds) and as its CSV download, /compare.csv?councils=…&table=…
 * (the same rows and columns, money to the penny as pounds and as pence). Pure module.
 */

export const COMPARE_TABLES = ["councils", "share-by-year", "services"] as const;
export type CompareTable = (typeof COMPARE_TABLES)[number];

export function isCompareTable(value: string): value is CompareTable {
  return (COMPARE_TABLES as readonly string[]).includes(value);
}

const money = (label: string, csv: string): Column => ({ label, csv, kind: "money" });
const count = (label: string, csv: string): Column => ({ label, csv, kind: "count" });
const text = (label: string, csv: string): Column => ({ label, csv, kind: "text" });

/** One row per council, in the order asked: who it is, and its figures today. */
export function councilsTable(comparison: Comparison): FigureTable {
  return {
    chart: "compare-councils",
    caption:
      "The councils compared, with the shared arrangements each takes part in today, its share of their savings, that share per resident, and the savings of the whole partnerships (which overlap between councils); amounts in pounds, rounded to the nearest pound, per resident to the penny",
    columns: [
      { label: "Council", csv: "council", kind: "link" },
      text("Code", "code"),
      text("Type", "type"),
      text("Region", "region"),
      count(`Population (${POPULATION_ESTIMATE})`, "population"),
      count("Shared arrangements", "arrangements"),
      money("Its share of their savings", "share"),
      { label: "Its share per resident", csv: "share_per_resident", kind: "per-resident" },
      money("Savings of the whole partnerships", "whole_partnership_savings"),
    ],
    rows: comparison.councils.map((c): Cell[] => [
      { text: c.council.name, href: `/councils/${c.council.code}` },
      c.council.code,
      councilTypeLabel(c.council.councilType),
      c.council.region ?? "Not recorded",
      c.council.population,
      c.arrangements,
      c.sharePence,
      perResidentText(c.sharePence, c.council.population) ?? "Not known",
      c.totalPence,
    ]),
  };
}

/** Every financial year from the first any council has savings in to the last. */
export function comparisonYears(comparison: Comparison): number[] {
  const all = comparison.councils.flatMap((c) => c.shareYears.map((y) => y.financialYear));
  if (all.length === 0) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A column per council: its short name on the page, its code in the CSV. */
function councilColumns(comparison: Comparison, kind: "money" | "count", stem: string): Column[] {
  return comparison.councils.map((c) => ({
    label: c.council.shortName,
    csv: `${c.council.code}_${stem}`,
    kind,
  }));
}

/**
 * Each council's share of its arrangements' savings by financial year (a column each), every
 * year from the first to the last; the total row sums each council's years.
 */
export function shareByYearTable(comparison: Comparison): FigureTable {
  const byCouncil = comparison.councils.map(
    (c) => new Map(c.shareYears.map((y) => [y.financialYear, y.sharePence])),
  );
  return {
    chart: "compare-share-by-year",
    caption:
      "Each council's share of its arrangements' savings by financial year, in pounds (rounded to the nearest pound)",
    columns: [
      { label: "Financial year", csv: "financial_year", kind: "financial-year" },
      ...councilColumns(comparison, "money", "share"),
    ],
    rows: comparisonYears(comparison).map((year) => [
      year,
      ...byCouncil.map((years) => years.get(year) ?? 0n),
    ]),
    footer: {
      label: "Total",
      cells: comparison.councils.map((c) => c.shareYears.reduce((s, y) => s + y.sharePence, 0n)),
    },
  };
}

/** The services any of the councils shares, in the categories' order. */
export function comparisonServices(comparison: Comparison): { slug: string; name: string }[] {
  const shared = new Set(comparison.councils.flatMap((c) => c.services.map((s) => s.slug)));
  return SERVICE_CATEGORIES.filter((c) => shared.has(c.slug)).map(({ slug, name }) => ({
    slug,
    name,
  }));
}

/** A row per service any of them shares, a column per council: its shared arrangements. */
export function servicesTable(comparison: Comparison): FigureTable {
  const byCouncil = comparison.councils.map(
    (c) => new Map(c.services.map((s) => [s.slug, s.arrangements])),
  );
  return {
    chart: "compare-services",
    caption:
      "The services the councils share: how many of each council's shared arrangements have it as their main service",
    columns: [
      { label: "Service", csv: "service", kind: "link" },
      ...councilColumns(comparison, "count", "arrangements"),
    ],
    rows: comparisonServices(comparison).map((service) => [
      { text: service.name, href: `/services/${service.slug}` },
      ...byCouncil.map((services) => services.get(service.slug) ?? 0),
    ]),
  };
}

export function compareTable(comparison: Comparison, table: CompareTable): FigureTable {
  if (table === "share-by-year") return shareByYearTable(comparison);
  if (table === "services") return servicesTable(comparison);
  return councilsTable(comparison);
}
