"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS as COLOURS, ForecastHatch, LegendSwatch, shortPounds } from "./chart-parts";

/**
 * One financial year of one arrangement. Pounds are plain numbers because BigInt cannot cross
 * to a client component; they only size the bars. Exact figures are in the table beside it.
 */
export type ArrangementSavingsDatum = {
  /** "2016/17" */
  label: string;
  kind: "actual" | "forecast";
  /** The year's saving in the series it belongs to; 0 in the other. */
  actualPounds: number;
  forecastPounds: number;
};

/** Each bar's amount written above it, so the chart reads without the axis or a hover. */
function amountLabel(value: unknown): string {
  return typeof value === "number" && value > 0 ? shortPounds(value) : "";
}

/**
 * A small bar chart of an arrangement's savings by financial year: actual savings as solid bars,
 * forecasts hatched and outlined, each bar labelled with its amount and each year's kind named
 * under it. One image to assistive technology, named by `summary`; the table is its equivalent.
 */
export function ArrangementSavingsChart({
  data,
  summary,
}: {
  data: ArrangementSavingsDatum[];
  summary: string;
}) {
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const hatchId = `arrangement-forecast-${baseId}`;
  const legendHatchId = `arrangement-forecast-legend-${baseId}`;
  const hasForecast = data.some((d) => d.kind === "forecast");
  const hasActual = data.some((d) => d.kind === "actual");

  return (
    <div role="img" aria-label={summary} className="w-full" data-chart="arrangement-savings">
      <ul className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
        {hasActual ? (
          <li className="flex items-center gap-2">
            <LegendSwatch kind="actual" hatchId={legendHatchId} /> Actual (solid)
          </li>
        ) : null}
        {hasForecast ? (
          <li className="flex items-center gap-2">
            <LegendSwatch kind="forecast" hatchId={legendHatchId} /> Forecast (hatched)
          </li>
        ) : null}
      </ul>
      <BarChart
        responsive
        data={data}
        style={{ width: "100%", maxWidth: Math.max(320, data.length * 96), height: 240 }}
        margin={{ top: 24, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <defs>
          <ForecastHatch id={hatchId} />
        </defs>
        <CartesianGrid vertical={false} stroke={COLOURS.grid} strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={{ fill: COLOURS.text, fontSize: 12 }}
          tickMargin={6}
          interval={0}
          // The kind under each year, in words as well as in the bar's fill.
          tickFormatter={(label: string, index: number) =>
            data[index]?.kind === "forecast" ? `${label} (f)` : label
          }
        />
        <YAxis tickFormatter={shortPounds} tick={{ fill: COLOURS.text, fontSize: 12 }} width={56} />
        <Tooltip
          formatter={(value, name) => [shortPounds(Number(value)), String(name)]}
          cursor={{ fill: "var(--color-surface)" }}
        />
        <Bar
          dataKey="actualPounds"
          name="Actual"
          stackId="saving"
          fill={COLOURS.actual}
          isAnimationActive={false}
          maxBarSize={56}
        >
          <LabelList
            dataKey="actualPounds"
            position="top"
            formatter={amountLabel}
            fill={COLOURS.text}
            fontSize={12}
          />
        </Bar>
        <Bar
          dataKey="forecastPounds"
          name="Forecast"
          stackId="saving"
          fill={`url(#${hatchId})`}
          stroke={COLOURS.forecast}
          strokeWidth={2}
          isAnimationActive={false}
          maxBarSize={56}
        >
          <LabelList
            dataKey="forecastPounds"
            position="top"
            formatter={amountLabel}
            fill={COLOURS.text}
            fontSize={12}
          />
        </Bar>
      </BarChart>
      {hasForecast ? (
        <p className="mt-1 text-sm text-ink-muted">(f) marks a forecast year.</p>
      ) : null}
    </div>
  );
}
