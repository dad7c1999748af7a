"use client";

import type { ReactNode } from "react";
import { Bar, CartesianGrid } from "recharts";
import { CHART_COLOURS as COLOURS } from "./chart-parts";

/*
 * What the savings charts draw alike, loaded with them (Recharts), never with the page.
 */

/** Axis ticks in the muted ink, at the charts' small size. */
export const AXIS_TICK = { fill: COLOURS.text, fontSize: 12 };

/** Horizontal guide lines only, dashed and light. */
export function guideLines() {
  return <CartesianGrid vertical={false} stroke={COLOURS.grid} strokeDasharray="3 3" />;
}

const SERIES = [
  { dataKey: "actualPounds", name: "Actual" },
  { dataKey: "forecastPounds", name: "Forecast" },
] as const;

/**
 * A savings chart's two stacked bars: actual savings solid, forecasts hatched (`hatchId`, a
 * ForecastHatch in the chart's defs) and outlined, so they differ by more than colour.
 * `label` adds something inside each bar (its amount written above it).
 */
export function savingsBars({
  hatchId,
  stackId,
  yAxisId,
  maxBarSize,
  label,
}: {
  hatchId: string;
  stackId: string;
  yAxisId?: string;
  maxBarSize?: number;
  label?: (dataKey: string) => ReactNode;
}) {
  return SERIES.map(({ dataKey, name }) => {
    const forecast = dataKey === "forecastPounds";
    return (
      <Bar
        key={dataKey}
        yAxisId={yAxisId}
        dataKey={dataKey}
        name={name}
        stackId={stackId}
        fill={forecast ? `url(#${hatchId})` : COLOURS.actual}
        stroke={forecast ? COLOURS.forecast : undefined}
        strokeWidth={forecast ? 2 : undefined}
        isAnimationActive={false}
        maxBarSize={maxBarSize}
      >
        {label?.(dataKey)}
      </Bar>
    );
  });
}
