import {
  bands,
  keepInside,
  linearScale,
  niceTicks,
  shortYearLabel,
  textWidth,
  thinLabels,
} from "@/lib/charts/scale";
import { AXIS_FONT, axisWidth, plotBottom, underPlot, ValueAxis } from "./axes";
import { ChartFrame, ChartSvg, type ChartLayout } from "./chart-frame";
import { CHART_COLOURS, shortPounds } from "./chart-parts";
import { COMPARE_SERIES, CompareLegend, markerPath } from "./compare-series";

/**
 * One financial year: its label ("2016/17") and each council's share in pounds under `s0`, `s1`…
 * (plain numbers that only place the points; the table beside has the exact figures).
 */
export type CompareYearsDatum = { label: string } & Record<`s${number}`, number>;

const HEIGHTS = { narrow: 260, medium: 300, wide: 340 } as const;

function CompareYearsSvg({
  layout,
  data,
  names,
}: {
  layout: ChartLayout;
  data: CompareYearsDatum[];
  names: string[];
}) {
  const height = HEIGHTS[layout.name];
  const value = (d: CompareYearsDatum, s: number) => d[`s${s}`] ?? 0;
  const max = Math.max(0, ...data.flatMap((d) => names.map((_, s) => value(d, s))));
  const ticks = niceTicks(max, layout.name === "narrow" ? 4 : 5, true);
  const tickLabels = ticks.map(shortPounds);
  const left = axisWidth(tickLabels);
  const right = layout.width - 8;
  const bottom = plotBottom(height);
  const top = 12;
  const y = linearScale([0, ticks.at(-1)!], [bottom, top]);
  const x = bands(data.length, left, right);
  const labels = thinLabels(
    data.map((d) => d.label),
    x.slot,
    (label) => textWidth(label, AXIS_FONT),
    { short: shortYearLabel },
  );
  return (
    <ChartSvg layout={layout} height={height}>
      <ValueAxis ticks={ticks} labels={tickLabels} y={y} left={left} right={right} />
      {names.map((name, s) => {
        const style = COMPARE_SERIES[s % COMPARE_SERIES.length]!;
        const at = data.map((d, i) => [x.centre(i), y(value(d, s))] as const);
        return (
          <g key={`${s}-${name}`}>
            <path
              d={at
                .map(([px, py], i) => `${i ? "L" : "M"}${px.toFixed(1)} ${py.toFixed(1)}`)
                .join("")}
              fill="none"
              stroke={style.colour}
              strokeWidth={2.5}
              strokeDasharray={style.dash}
            />
            {at.map(([px, py], i) => (
              <path
                key={i}
                d={markerPath(style.shape, px, py, 4.5)}
                fill={style.colour}
                stroke="#fff"
                strokeWidth={1.5}
              />
            ))}
          </g>
        );
      })}
      <g fill={CHART_COLOURS.text} textAnchor="middle">
        {data.map((d, i) => (
          <g key={d.label}>
            <line
              x1={x.centre(i)}
              x2={x.centre(i)}
              y1={bottom}
              y2={bottom + (labels[i] ? 5 : 3)}
              stroke={CHART_COLOURS.text}
            />
            {labels[i] ? (
              <text
                x={keepInside(x.centre(i), textWidth(labels[i], AXIS_FONT), 2, layout.width - 2)}
                y={underPlot(bottom)}
              >
                {labels[i]}
              </text>
            ) : null}
          </g>
        ))}
      </g>
      {/* A native tooltip over each year's column: every council's share that year. */}
      <g fill="transparent">
        {data.map((d, i) => (
          <rect
            key={d.label}
            x={x.centre(i) - x.slot / 2}
            y={top}
            width={x.slot}
            height={bottom - top}
          >
            <title>
              {`${d.label}: ${names.map((n, s) => `${n} ${shortPounds(value(d, s))}`).join("; ")}`}
            </title>
          </rect>
        ))}
      </g>
    </ChartSvg>
  );
}

/**
 * Each council's share of its arrangements' savings by financial year, a line per council that
 * differs in colour, dash and marker (compare-series.tsx), with its legend, on one axis.
 */
export function CompareYearsFigure({
  data,
  names,
  summary,
}: {
  data: CompareYearsDatum[];
  names: string[];
  summary: string;
}) {
  return (
    <ChartFrame
      chart="compare-share-by-year"
      summary={summary}
      legend={<CompareLegend names={names} />}
    >
      {(layout) => <CompareYearsSvg layout={layout} data={data} names={names} />}
    </ChartFrame>
  );
}
