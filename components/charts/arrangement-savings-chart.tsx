"use client";

import { useId } from "react";
import { BarChart, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLOURS as COLOURS, ForecastHatch, LegendSwatch, shortPounds } from "./chart-parts";
import { AXIS_TICK, guideLines, savingsBars } from "./savings-bars";

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

function Legend({ data, hatchId }: { data: ArrangementSavingsDatum[]; hatchId: string }) {
  const kinds = [
    { kind: "actual", text: "Actual (solid)" },
    { kind: "forecast", text: "Forecast (hatched)" },
  ] as const;
  return (
    <ul className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
      {kinds
        .filter(({ kind }) => data.some((d) => d.kind === kind))
        .map(({ kind, text }) => (
          <li key={kind} className="flex items-center gap-2">
            <LegendSwatch kind={kind} hatchId={hatchId} /> {text}
          </li>
        ))}
    </ul>
  );
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
  return (
    <div role="img" aria-label={summary} className="w-full" data-chart="arrangement-savings">
      <Legend data={data} hatchId={`arrangement-forecast-legend-${baseId}`} />
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
        {guideLines()}
        <XAxis
          dataKey="label"
          tick={AXIS_TICK}
          tickMargin={6}
          interval={0}
          // The kind under each year, in words as well as in the bar's fill.
          tickFormatter={(label: string, index: number) =>
            data[index]?.kind === "forecast" ? `${label} (f)` : label
          }
        />
        <YAxis tickFormatter={shortPounds} tick={AXIS_TICK} width={56} />
        <Tooltip
          formatter={(value, name) => [shortPounds(Number(value)), String(name)]}
          cursor={{ fill: "var(--color-surface)" }}
        />
        {savingsBars({
          hatchId,
          stackId: "saving",
          maxBarSize: 56,
          label: (dataKey) => (
            <LabelList
              dataKey={dataKey}
              position="top"
              formatter={amountLabel}
              fill={COLOURS.text}
              fontSize={12}
            />
          ),
        })}
      </BarChart>
      {data.some((d) => d.kind === "forecast") ? (
        <p className="mt-1 text-sm text-ink-muted">(f) marks a forecast year.</p>
      ) : null}
    </div>
  );
}
