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
import { CHART_COLOURS, ForecastHatch, SAVINGS_BY_YEAR_HEIGHT, shortPounds } from "./chart-parts";

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

const COLOURS = CHART_COLOURS;

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
 * left axis, and the running total as a line on the right axis. Loaded on demand by
 * lazy-charts.tsx, which also draws the legend and names the chart for assistive technology.
 */
export function SavingsByYearChart({ data }: { data: SavingsByYearDatum[] }) {
  // useId keeps pattern ids unique if the chart appears twice; strip characters that would
  // need escaping inside url(#…).
  const hatchId = `forecast-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;

  return (
    <ComposedChart
      responsive
      data={data}
      style={{ width: "100%", height: SAVINGS_BY_YEAR_HEIGHT }}
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
  );
}
