import {
  bands,
  keepInside,
  LINE_HEIGHT,
  linearScale,
  niceTicks,
  shortYearLabel,
  textWidth,
  thinLabels,
} from "@/lib/charts/scale";
import { AXIS_FONT, axisWidth, plotBottom, underPlot, ValueAxis } from "./axes";
import { ChartSvg, type ChartLayout } from "./chart-frame";
import { CHART_COLOURS as COLOURS, ForecastHatch, shortPounds } from "./chart-parts";

/**
 * One financial year. Pounds are plain numbers: they only size the bars and pick the axis;
 * labels are written from them in the headline style, and exact figures are in the table.
 */
export type YearBarDatum = {
  /** "2016/17" */
  label: string;
  actualPounds: number;
  forecastPounds: number;
  /** Marks the year's label "(f)" when its figure is a forecast (an arrangement's years). */
  kind?: "actual" | "forecast";
};

const AMOUNT_FONT = 12;
const HEIGHTS = { narrow: 240, medium: 280, wide: 320 } as const;

type Rect = { x: number; y: number; w: number; h: number };

/** Bars as one path: a chart's actual (or forecast) bars are one element, not one each. */
function barsPath(rects: Rect[]): string {
  const n = (v: number) => v.toFixed(1);
  return rects
    .filter((r) => r.h > 0)
    .map((r) => `M${n(r.x)} ${n(r.y)}h${n(r.w)}v${n(r.h)}h${n(-r.w)}z`)
    .join("");
}

function tooltip(d: YearBarDatum): string {
  if (d.kind) return `${d.label}: ${shortPounds(d.actualPounds + d.forecastPounds)} ${d.kind}`;
  return `${d.label}: ${shortPounds(d.actualPounds)} actual, ${shortPounds(d.forecastPounds)} forecast`;
}

/** Scales, bars and which labels fit, for one layout. */
function geometry(layout: ChartLayout, data: readonly YearBarDatum[], amounts: boolean) {
  const height = HEIGHTS[layout.name];
  const totals = data.map((d) => d.actualPounds + d.forecastPounds);
  // Whole pounds at least: a tiny saving would otherwise give ticks that round alike ("£1").
  const ticks = niceTicks(Math.max(0, ...totals), layout.name === "narrow" ? 4 : 5, true);
  const tickLabels = ticks.map(shortPounds);
  const left = axisWidth(tickLabels);
  const right = layout.width - 8;
  const top = amounts ? 22 : 12;
  const marks = data.some((d) => d.kind === "forecast");
  const bottom = plotBottom(height, marks ? 2 : 1);
  const y = linearScale([0, ticks.at(-1)!], [bottom, top]);
  const x = bands(data.length, left, right, 0.7, 56);
  const labels = thinLabels(
    data.map((d) => d.label),
    x.slot,
    (label) => textWidth(label, AXIS_FONT),
    { short: shortYearLabel },
  );
  // Every bar's amount, or none: a few amounts over a row of bars would look like a pattern.
  const amountTexts = totals.map(shortPounds);
  const allFit = amountTexts.every((text) => textWidth(text, AMOUNT_FONT) + 6 <= x.slot);
  const bar = (i: number, from: number, to: number): Rect => ({
    x: x.left(i),
    y: y(to),
    w: x.bar,
    h: y(from) - y(to),
  });
  return {
    height,
    ticks,
    tickLabels,
    left,
    right,
    top,
    bottom,
    x,
    y,
    labels,
    marks,
    amounts: amounts && allFit ? amountTexts : [],
    actual: data.map((d, i) => bar(i, 0, d.actualPounds)),
    forecast: data.map((d, i) => bar(i, d.actualPounds, d.actualPounds + d.forecastPounds)),
    labelX: (i: number) =>
      keepInside(x.centre(i), textWidth(labels[i] ?? "", AXIS_FONT), 2, layout.width - 2),
  };
}

type Geometry = ReturnType<typeof geometry>;

/** Each year's tick, its label (thinned or short where they would touch) and "(f)" under it. */
function YearLabels({ g, data }: { g: Geometry; data: readonly YearBarDatum[] }) {
  return (
    <g fill={COLOURS.text} textAnchor="middle">
      {data.map((d, i) => (
        <g key={d.label}>
          <line
            x1={g.x.centre(i)}
            x2={g.x.centre(i)}
            y1={g.bottom}
            y2={g.bottom + (g.labels[i] ? 5 : 3)}
            stroke={COLOURS.text}
          />
          {g.labels[i] ? (
            <text x={g.labelX(i)} y={underPlot(g.bottom)}>
              {g.labels[i]}
              {g.marks && d.kind === "forecast" ? (
                <tspan x={g.labelX(i)} dy={AXIS_FONT * LINE_HEIGHT}>
                  (f)
                </tspan>
              ) : null}
            </text>
          ) : null}
        </g>
      ))}
    </g>
  );
}

/** Each bar's amount above it, when all fit. */
function Amounts({ g }: { g: Geometry }) {
  return (
    <g fill={COLOURS.ink} fontSize={AMOUNT_FONT} textAnchor="middle">
      {g.amounts.map((text, i) =>
        g.forecast[i]!.y < g.bottom ? (
          <text key={i} x={g.x.centre(i)} y={g.forecast[i]!.y - 6}>
            {text}
          </text>
        ) : null,
      )}
    </g>
  );
}

/**
 * Bars by financial year on one value axis: actual savings solid, forecasts hatched and
 * outlined (stacked when a year has both), so the two differ by more than colour. The year
 * labels are thinned or shortened ("16/17") where they would touch; `amounts` writes each bar's
 * amount above it when every amount fits. Hovering a year's column gives its figures.
 */
export function YearBarsSvg({
  layout,
  data,
  hatchId,
  amounts = false,
}: {
  layout: ChartLayout;
  data: readonly YearBarDatum[];
  hatchId: string;
  amounts?: boolean;
}) {
  const g = geometry(layout, data, amounts);
  return (
    <ChartSvg layout={layout} height={g.height}>
      <defs>
        <ForecastHatch id={hatchId} />
      </defs>
      <ValueAxis ticks={g.ticks} labels={g.tickLabels} y={g.y} left={g.left} right={g.right} />
      <path d={barsPath(g.actual)} fill={COLOURS.actual} />
      <path
        d={barsPath(g.forecast)}
        fill={`url(#${hatchId})`}
        stroke={COLOURS.forecast}
        strokeWidth={2}
      />
      <YearLabels g={g} data={data} />
      <Amounts g={g} />
      {/* Last, so that they are on top: a native tooltip over each year's whole column. */}
      <g fill="transparent">
        {data.map((d, i) => (
          <rect
            key={d.label}
            x={g.x.centre(i) - g.x.slot / 2}
            y={g.top}
            width={g.x.slot}
            height={g.bottom - g.top}
          >
            <title>{tooltip(d)}</title>
          </rect>
        ))}
      </g>
    </ChartSvg>
  );
}
