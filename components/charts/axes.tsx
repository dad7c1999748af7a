import { ASCENT, LINE_HEIGHT, textWidth } from "@/lib/charts/scale";
import { CHART_COLOURS } from "./chart-parts";

/*
 * What the charts with a value axis draw alike: the axis (dashed guide lines, its labels on the
 * left) and the labels under the plot. One axis per chart.
 */

export const AXIS_FONT = 13;

/** Room for the value axis's labels, right-aligned, left of the plot. */
export function axisWidth(labels: readonly string[]): number {
  return Math.ceil(Math.max(0, ...labels.map((label) => textWidth(label, AXIS_FONT)))) + 10;
}

/** The plot's lowest y: room under it for `lines` lines of labels. */
export function plotBottom(height: number, lines = 1): number {
  return height - 10 - AXIS_FONT * LINE_HEIGHT * lines;
}

/** Baseline of the first line of labels under the plot. */
export function underPlot(bottom: number): number {
  return bottom + 8 + AXIS_FONT * ASCENT;
}

export function ValueAxis({
  ticks,
  labels,
  y,
  left,
  right,
}: {
  ticks: readonly number[];
  labels: readonly string[];
  y: (value: number) => number;
  left: number;
  right: number;
}) {
  return (
    <g fill={CHART_COLOURS.text}>
      {ticks.map((tick, i) => (
        <g key={tick}>
          <line
            x1={left}
            x2={right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={CHART_COLOURS.grid}
            strokeDasharray={tick === 0 ? undefined : "3 3"}
          />
          <text x={left - 8} y={y(tick) + AXIS_FONT * 0.35} textAnchor="end">
            {labels[i]}
          </text>
        </g>
      ))}
    </g>
  );
}
