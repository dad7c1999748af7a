"use client";

import { useId } from "react";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { formatPence } from "@/lib/money";

/**
 * One financial year for the chart. Pounds are plain numbers because BigInt cannot cross from
 * a server component to a client one; they only size bars and axes. Exact figures live in the
 * server-rendered table beside the chart.
 */
export type SavingsByYearDatum = {
  /** "2016/17" */
  label: string;
  actualPounds: number;
  forecastPounds: number;
  cumulativePounds: number;
};

export const COLOURS = {
  actual: "var(--color-chart-actual)",
  forecast: "var(--color-chart-forecast)",
  forecastBackground: "var(--color-chart-forecast-bg)",
  cumulative: "var(--color-chart-cumulative)",
  grid: "var(--color-rule)",
  text: "var(--color-ink-muted)",
};

/** Axis ticks and tooltips in the short headline style, e.g. "£120m". */
export function shortPounds(pounds: number): string {
  return formatPence(BigInt(Math.round(pounds * 100)), "short");
}

/** Forecast bars: diagonal hatching, so they differ from actual savings by more than hue. */
export function ForecastHatch({ id, size = 8 }: { id: string; size?: number }) {
  return (
    <pattern
      id={id}
      width={size}
      height={size}
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width={size} height={size} fill={COLOURS.forecastBackground} />
      <rect width={size / 2.5} height={size} fill={COLOURS.forecast} />
    </pattern>
  );
}

export function LegendSwatch({
  kind,
  hatchId,
}: {
  kind: "actual" | "forecast" | "cumulative";
  hatchId: string;
}) {
  return (
    <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
      {kind === "actual" && <rect x="1" y="1" width="26" height="14" fill={COLOURS.actual} />}
      {kind === "forecast" && (
        <>
          <defs>
            <ForecastHatch id={hatchId} size={6} />
          </defs>
          <rect
            x="1"
            y="1"
            width="26"
            height="14"
            fill={`url(#${hatchId})`}
            stroke={COLOURS.forecast}
            strokeWidth="2"
          />
        </>
      )}
      {kind === "cumulative" && (
        <>
          <line x1="1" y1="8" x2="27" y2="8" stroke={COLOURS.cumulative} strokeWidth="3" />
          <circle cx="14" cy="8" r="4" fill={COLOURS.cumulative} stroke="#fff" strokeWidth="2" />
        </>
      )}
    </svg>
  );
}

function YearTooltip({ active, payload, label }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as SavingsByYearDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="border border-rule-strong bg-paper px-3 py-2 text-sm text-ink shadow">
      <p className="font-bold">{label}</p>
      <p>Actual: {shortPounds(datum.actualPounds)}</p>
      <p>Forecast: {shortPounds(datum.forecastPounds)}</p>
      <p>Cumulative: {shortPounds(datum.cumulativePounds)}</p>
    </div>
  );
}

/**
 * Savings by financial year: stacked bars (actual solid, forecast hatched and outlined) on the
 * left axis, and the running total as a line on the right axis.
 *
 * The whole chart is one image to assistive technology, named by `summary`; its accessible
 * equivalent is the data table the page renders beside it.
 */
export function SavingsByYearChart({
  data,
  summary,
}: {
  data: SavingsByYearDatum[];
  summary: string;
}) {
  // useId keeps pattern ids unique if the chart appears twice; strip characters that would
  // need escaping inside url(#…).
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const hatchId = `forecast-hatch-${baseId}`;
  const legendHatchId = `forecast-hatch-legend-${baseId}`;

  return (
    <div role="img" aria-label={summary} className="w-full" data-chart="savings-by-year">
      <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
        <li className="flex items-center gap-2">
          <LegendSwatch kind="actual" hatchId={legendHatchId} /> Actual savings (solid bars)
        </li>
        <li className="flex items-center gap-2">
          <LegendSwatch kind="forecast" hatchId={legendHatchId} /> Forecast savings (hatched bars)
        </li>
        <li className="flex items-center gap-2">
          <LegendSwatch kind="cumulative" hatchId={legendHatchId} /> Cumulative total (line, right
          axis)
        </li>
      </ul>
      <ComposedChart
        responsive
        data={data}
        style={{ width: "100%", height: 360 }}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        // The chart is a single image to screen readers (see above), so Recharts' own keyboard
        // layer would add focus stops that lead nowhere.
        accessibilityLayer={false}
      >
        <defs>
          <ForecastHatch id={hatchId} />
        </defs>
        <CartesianGrid vertical={false} stroke={COLOURS.grid} strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fill: COLOURS.text, fontSize: 12 }} tickMargin={6} />
        <YAxis
          yAxisId="year"
          tickFormatter={shortPounds}
          tick={{ fill: COLOURS.text, fontSize: 12 }}
          width={64}
          label={{
            value: "In year",
            angle: -90,
            position: "insideLeft",
            fill: COLOURS.text,
            fontSize: 12,
          }}
        />
        <YAxis
          yAxisId="cumulative"
          orientation="right"
          tickFormatter={shortPounds}
          tick={{ fill: COLOURS.text, fontSize: 12 }}
          width={64}
          label={{
            value: "Cumulative",
            angle: 90,
            position: "insideRight",
            fill: COLOURS.text,
            fontSize: 12,
          }}
        />
        <Tooltip content={YearTooltip} />
        <Bar
          yAxisId="year"
          dataKey="actualPounds"
          name="Actual"
          stackId="savings"
          fill={COLOURS.actual}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="year"
          dataKey="forecastPounds"
          name="Forecast"
          stackId="savings"
          fill={`url(#${hatchId})`}
          stroke={COLOURS.forecast}
          strokeWidth={2}
          isAnimationActive={false}
        />
        {/* A white casing under the line keeps it visible where it crosses the dark bars. */}
        <Line
          yAxisId="cumulative"
          dataKey="cumulativePounds"
          stroke="#fff"
          strokeWidth={7}
          dot={false}
          activeDot={false}
          legendType="none"
          tooltipType="none"
          isAnimationActive={false}
        />
        <Line
          yAxisId="cumulative"
          dataKey="cumulativePounds"
          name="Cumulative"
          stroke={COLOURS.cumulative}
          strokeWidth={3}
          dot={{ r: 4, fill: COLOURS.cumulative, stroke: "#fff", strokeWidth: 2 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
