"use client";

import dynamic from "next/dynamic";
import { useId, useRef } from "react";
import { useNearViewport } from "./near-viewport";
import type { RankedBarDatum } from "./ranked-bar-chart";
import type { SavingsByYearDatum } from "./savings-by-year-chart";
import type { CompareYearsDatum } from "./compare-years-chart";
import { COMPARE_YEARS_HEIGHT, CompareLegend } from "./compare-series";
import { rankedChartHeight, SAVINGS_BY_YEAR_HEIGHT, SavingsByYearLegend } from "./chart-parts";

/*
 * The charts as the pages use them. Recharts is most of a chart page's JavaScript, so the charts
 * themselves load after the page, in their own chunk (next/dynamic, not rendered on the server).
 * What is here renders with the page: the chart's accessible name (the whole chart is one image
 * to assistive technology; its equivalent is the data table beside it), the legend, and a
 * placeholder of the chart's exact height, so nothing on the page moves when the chart arrives.
 * A chart starts loading only when it comes within a screen of the viewport (or for printing).
 */

function Placeholder({ height }: { height: number }) {
  return (
    <div style={{ height }} className="bg-surface" data-chart-placeholder="">
      <noscript>
        <p className="p-4 text-ink-muted">
          The chart needs JavaScript. The table has the same figures.
        </p>
      </noscript>
    </div>
  );
}

const SavingsByYearChart = dynamic(
  () => import("./savings-by-year-chart").then((m) => m.SavingsByYearChart),
  { ssr: false, loading: () => <Placeholder height={SAVINGS_BY_YEAR_HEIGHT} /> },
);

const RankedBarChart = dynamic(
  () => import("./ranked-bar-chart").then((m) => m.RankedBarChart),
  // The loading placeholder cannot see the props, so the wrapper below sizes the box instead.
  { ssr: false, loading: () => <div className="h-full bg-surface" data-chart-placeholder="" /> },
);

/** Prints at the page's width: Recharts draws at screen width, its SVG has a viewBox. */
const PRINT_FIT = "w-full print:[&_svg]:h-auto print:[&_svg]:max-w-full";

export function SavingsByYearFigure({
  data,
  summary,
}: {
  data: SavingsByYearDatum[];
  summary: string;
}) {
  const hatchId = `forecast-hatch-legend-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div role="img" aria-label={summary} className={PRINT_FIT} data-chart="savings-by-year">
      <SavingsByYearLegend hatchId={hatchId} />
      <div ref={box} style={{ minHeight: SAVINGS_BY_YEAR_HEIGHT }}>
        {near ? (
          <SavingsByYearChart data={data} />
        ) : (
          <Placeholder height={SAVINGS_BY_YEAR_HEIGHT} />
        )}
      </div>
    </div>
  );
}

export function RankedBarFigure({
  chart,
  data,
  summary,
}: {
  /** Names the chart for tests and styles: "savings-by-category", … */
  chart: string;
  data: RankedBarDatum[];
  summary: string;
}) {
  const height = rankedChartHeight(data.length);
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div role="img" aria-label={summary} className={PRINT_FIT} data-chart={chart}>
      <div ref={box} style={{ height }}>
        {near ? <RankedBarChart data={data} /> : <Placeholder height={height} />}
      </div>
    </div>
  );
}

const CompareYearsChart = dynamic(
  () => import("./compare-years-chart").then((m) => m.CompareYearsChart),
  { ssr: false, loading: () => <Placeholder height={COMPARE_YEARS_HEIGHT} /> },
);

/** The compare page's shares by year: a line per council, its legend, and its accessible name. */
export function CompareYearsFigure({
  data,
  names,
  summary,
}: {
  data: CompareYearsDatum[];
  names: string[];
  summary: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div role="img" aria-label={summary} className={PRINT_FIT} data-chart="compare-share-by-year">
      <CompareLegend names={names} />
      <div ref={box} style={{ minHeight: COMPARE_YEARS_HEIGHT }}>
        {near ? (
          <CompareYearsChart data={data} names={names} />
        ) : (
          <Placeholder height={COMPARE_YEARS_HEIGHT} />
        )}
      </div>
    </div>
  );
}
