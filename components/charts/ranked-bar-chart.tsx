import { fitText, linearScale, textWidth } from "@/lib/charts/scale";
import { ChartFrame, ChartSvg, type ChartLayout } from "./chart-frame";
import { CHART_COLOURS } from "./chart-parts";

/**
 * One bar. `value` (pounds, or a count) only sizes the bar; `valueLabel` is the figure written
 * at its end, formatted on the server.
 */
export type RankedBarDatum = { name: string; value: number; valueLabel: string };

/** One row per item: its name above its bar. */
const ROW = 44;
const BAR = 18;
const NAME_FONT = 13;
const VALUE_FONT = 12;
const GAP = 6;
const EDGE = 4;

function RankedBarsSvg({ layout, data }: { layout: ChartLayout; data: RankedBarDatum[] }) {
  const right = layout.width - EDGE;
  const max = Math.max(0, ...data.map((d) => d.value));
  const x = linearScale([0, max || 1], [EDGE, right]);
  return (
    <ChartSvg layout={layout} height={Math.max(1, data.length) * ROW + EDGE}>
      {data.map((row, i) => {
        const top = EDGE + i * ROW;
        const barTop = top + 22;
        const end = x(row.value);
        const valueWidth = textWidth(row.valueLabel, VALUE_FONT, true);
        // The figure after the bar's end, or just inside it when there is no room after it.
        const outside = end + GAP + valueWidth <= right;
        return (
          <g key={`${i}-${row.name}`}>
            <title>{`${row.name}: ${row.valueLabel}`}</title>
            <text x={EDGE} y={top + NAME_FONT * 0.95 + 2} fill={CHART_COLOURS.ink}>
              {fitText(row.name, right - EDGE, NAME_FONT)}
            </text>
            <rect x={EDGE} y={barTop} width={end - EDGE} height={BAR} fill={CHART_COLOURS.actual} />
            <text
              x={outside ? end + GAP : end - GAP}
              y={barTop + BAR / 2 + VALUE_FONT * 0.35}
              fontSize={VALUE_FONT}
              fontWeight={700}
              textAnchor={outside ? "start" : "end"}
              fill={outside ? CHART_COLOURS.ink : "#fff"}
            >
              {row.valueLabel}
            </text>
          </g>
        );
      })}
    </ChartSvg>
  );
}

/**
 * Horizontal bars in the order given, each labelled directly with its name (shortened if it
 * would not fit; the table has it whole) and its figure: no legend, no colour to decode, no
 * scale to read.
 */
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
  return (
    <ChartFrame chart={chart} summary={summary}>
      {(layout) => <RankedBarsSvg layout={layout} data={data} />}
    </ChartFrame>
  );
}
