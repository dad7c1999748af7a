"use client";

import { Bar, BarChart, XAxis, YAxis, usePlotArea, useXAxisScale } from "recharts";
import { CHART_COLOURS, RANKED_BAR_SIZE, RANKED_MARGIN, rankedChartHeight } from "./chart-parts";

/**
 * One bar. `value` (pounds, a plain number because BigInt cannot cross to the browser) only
 * sizes the bar; `valueLabel` is the figure written at its end, formatted on the server.
 */
export type RankedBarDatum = { name: string; value: number; valueLabel: string };

/** Roughly how wide a character of the labels is, to keep every label inside the chart. */
const NAME_CHARACTER = 7;
const VALUE_CHARACTER = 7.6;
const GAP = 6;

function shorten(text: string, characters: number): string {
  if (text.length <= characters) return text;
  return `${text.slice(0, Math.max(1, characters - 1)).trimEnd()}…`;
}

type TickProps = { y?: number; payload?: { index?: number } };

/**
 * Each row's direct labels: the name above its bar, from the left edge of the plot (shortened if
 * it would run past the right edge; the table has it whole), and the figure in bold at the end of
 * the bar, or just inside the end when there is no room after it. Drawn as the category axis's
 * tick so that a row whose bar has no length (nothing saved) is still labelled.
 */
function RowLabel({ y = 0, payload, data }: TickProps & { data: RankedBarDatum[] }) {
  const plot = usePlotArea();
  const scale = useXAxisScale();
  const row = data[payload?.index ?? -1];
  if (!row || !plot || !scale) return null;
  const end = Number(scale(row.value) ?? plot.x);
  const outside = end + GAP + row.valueLabel.length * VALUE_CHARACTER <= plot.x + plot.width;
  return (
    <g>
      <text x={plot.x} y={y - RANKED_BAR_SIZE / 2 - 6} fontSize={13} fill={CHART_COLOURS.ink}>
        {shorten(row.name, Math.floor(plot.width / NAME_CHARACTER))}
      </text>
      <text
        x={outside ? end + GAP : end - GAP}
        y={y + 4}
        fontSize={12}
        fontWeight={700}
        textAnchor={outside ? "start" : "end"}
        fill={outside ? CHART_COLOURS.ink : "#fff"}
      >
        {row.valueLabel}
      </text>
    </g>
  );
}

/**
 * Horizontal bars in the order given, each labelled directly with its name and figure: no
 * legend, no colour to decode, no scale to read. Loaded on demand by lazy-charts.tsx, which names
 * the chart for assistive technology.
 */
export function RankedBarChart({ data }: { data: RankedBarDatum[] }) {
  return (
    <BarChart
      responsive
      layout="vertical"
      data={data}
      style={{ width: "100%", height: rankedChartHeight(data.length) }}
      margin={RANKED_MARGIN}
      accessibilityLayer={false}
    >
      <XAxis type="number" dataKey="value" hide domain={[0, "dataMax"]} />
      <YAxis
        type="category"
        dataKey="name"
        width={1}
        axisLine={false}
        tickLine={false}
        interval={0}
        tick={<RowLabel data={data} />}
      />
      <Bar
        dataKey="value"
        fill={CHART_COLOURS.actual}
        barSize={RANKED_BAR_SIZE}
        isAnimationActive={false}
      />
    </BarChart>
  );
}
