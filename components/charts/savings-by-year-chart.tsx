"use client";

import { useId } from "react";
import { ComposedChart, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import {
  CHART_COLOURS as COLOURS,
  ForecastHatch,
  SAVINGS_BY_YEAR_HEIGHT,
  shortPounds,
} from "./chart-parts";
import { AXIS_TICK, guideLines, savingsBars } from "./savings-bars";

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

/** The two value axes: the year's savings on the left, the running total on the right. */
const AXES = [
  { id: "year", orientation: "left", label: "In year", angle: -90, position: "insideLeft" },
  {
    id: "cumulative",
    orientation: "right",
    label: "Cumulative",
    angle: 90,
    position: "insideRight",
  },
] as const;

/** The running total: a white casing under the line keeps it visible across the dark bars. */
function cumulativeLine() {
  const line = { yAxisId: "cumulative", dataKey: "cumulativePounds", isAnimationActive: false };
  return [
    <Line
      key="casing"
      {...line}
      stroke="#fff"
      strokeWidth={7}
      dot={false}
      activeDot={false}
      legendType="none"
      tooltipType="none"
    />,
    <Line
      key="line"
      {...line}
      name="Cumulative"
      stroke={COLOURS.cumulative}
      strokeWidth={3}
      dot={{ r: 4, fill: COLOURS.cumulative, stroke: "#fff", strokeWidth: 2 }}
    />,
  ];
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
      {guideLines()}
      <XAxis dataKey="label" tick={AXIS_TICK} tickMargin={6} />
      {AXES.map((axis) => (
        <YAxis
          key={axis.id}
          yAxisId={axis.id}
          orientation={axis.orientation}
          tickFormatter={shortPounds}
          tick={AXIS_TICK}
          width={64}
          label={{ ...AXIS_TICK, value: axis.label, angle: axis.angle, position: axis.position }}
        />
      ))}
      <Tooltip content={YearTooltip} />
      {savingsBars({ hatchId, stackId: "savings", yAxisId: "year" })}
      {cumulativeLine()}
    </ComposedChart>
  );
}
