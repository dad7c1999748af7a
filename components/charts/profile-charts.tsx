import {
  ASCENT,
  bands,
  keepInside,
  linearScale,
  niceTicks,
  shortYearLabel,
  textWidth,
  thinLabels,
} from "@/lib/charts/scale";
import { AXIS_FONT, axisWidth, plotBottom, underPlot, ValueAxis } from "./axes";
import { ChartSvg, type ChartLayout } from "./chart-frame";
import { CHART_COLOURS, shortPounds } from "./chart-parts";
import { GROUP_COLOURS } from "./profile-parts";

/*
 * A council's profile against its similar councils (app/(public)/councils/[code]): where its
 * figure falls beside the group's quartiles, and its share by financial year beside the
 * group's. Drawn on the server for each layout (chart-frame.tsx); profile-figures.tsx adds the
 * legends and names each chart for assistive technology; the tables beside them hold the exact
 * figures. Plain numbers (pounds, counts) only place the marks.
 */

export type ProfileUnit = "count" | "pounds" | "per-resident";

/** One measure: the council's figure and its group's quartiles. */
export type ProfileRangeDatum = {
  unit: ProfileUnit;
  council: number;
  lowerQuartile: number;
  median: number;
  upperQuartile: number;
};

export type ProfileYearDatum = {
  /** "2016/17" */
  label: string;
  council: number;
  median: number;
  /** Lower and upper quartile: the band drawn behind the lines. */
  range: [number, number];
};

/** A value as the chart writes it; a figure per resident outside the axis says so. */
export function formatProfileValue(value: number, unit: ProfileUnit, onAxis = false): string {
  if (unit === "pounds") return shortPounds(value);
  if (unit === "per-resident")
    return `£${value.toLocaleString("en-GB", { maximumFractionDigits: 2 })}${onAxis ? "" : " per resident"}`;
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

/** The council's mark: a diamond, so it differs from the group's band by shape, not only hue. */
export function Diamond({ x, y, r = 9 }: { x: number; y: number; r?: number }) {
  return (
    <path
      d={`M${x} ${y - r}L${x + r} ${y}L${x} ${y + r}L${x - r} ${y}Z`}
      fill={GROUP_COLOURS.council}
      stroke="#fff"
      strokeWidth={2}
    />
  );
}

const RANGE = { axis: 40, height: 62, edge: 12 };

/** The most ticks (up to `most`) whose labels do not touch across the axis's width. */
function rangeTicks(max: number, unit: ProfileUnit, width: number, most: number) {
  for (let count = most; ; count--) {
    const ticks = niceTicks(max, Math.max(1, count), unit !== "per-resident");
    const labels = ticks.map((t) => formatProfileValue(t, unit, true));
    const widest = Math.max(...labels.map((l) => textWidth(l, AXIS_FONT)));
    const room = (width - widest) / Math.max(1, ticks.length - 1);
    if (count <= 1 || widest + 8 <= room) return { ticks, labels, widest };
  }
}

/**
 * One measure on its own scale from 0: the group's middle half (lower to upper quartile) as a
 * band, its median as a dashed line across it, the council as a diamond.
 */
export function ProfileRangeSvg({
  layout,
  datum,
}: {
  layout: ChartLayout;
  datum: ProfileRangeDatum;
}) {
  const max = Math.max(datum.council, datum.upperQuartile);
  const most = { narrow: 4, medium: 5, wide: 7 }[layout.name];
  const { ticks, labels, widest } = rangeTicks(
    max,
    datum.unit,
    layout.width - 2 * RANGE.edge,
    most,
  );
  const inset = Math.max(RANGE.edge, widest / 2 + 2);
  const x = linearScale([0, ticks.at(-1)!], [inset, layout.width - inset]);
  const tooltip =
    `${formatProfileValue(datum.council, datum.unit)}; the group's median ` +
    `${formatProfileValue(datum.median, datum.unit)}, middle half ` +
    `${formatProfileValue(datum.lowerQuartile, datum.unit)} to ${formatProfileValue(datum.upperQuartile, datum.unit)}`;
  return (
    <ChartSvg layout={layout} height={RANGE.height}>
      <title>{tooltip}</title>
      <g fill={CHART_COLOURS.text} textAnchor="middle">
        <line
          x1={inset}
          x2={layout.width - inset}
          y1={RANGE.axis}
          y2={RANGE.axis}
          stroke={CHART_COLOURS.text}
        />
        {ticks.map((t, i) => (
          <g key={t}>
            <line
              x1={x(t)}
              x2={x(t)}
              y1={RANGE.axis}
              y2={RANGE.axis + 5}
              stroke={CHART_COLOURS.text}
            />
            <text x={x(t)} y={RANGE.axis + 6 + AXIS_FONT * ASCENT}>
              {labels[i]}
            </text>
          </g>
        ))}
      </g>
      <rect
        x={x(datum.lowerQuartile)}
        y={9}
        width={Math.max(1, x(datum.upperQuartile) - x(datum.lowerQuartile))}
        height={26}
        fill={GROUP_COLOURS.band}
        stroke={GROUP_COLOURS.line}
        strokeWidth={2}
      />
      <line
        x1={x(datum.median)}
        x2={x(datum.median)}
        y1={4}
        y2={RANGE.axis - 2}
        stroke={GROUP_COLOURS.line}
        strokeWidth={3}
        strokeDasharray="5 3"
      />
      <Diamond x={x(datum.council)} y={22} />
    </ChartSvg>
  );
}

const YEAR_HEIGHTS = { narrow: 240, medium: 280, wide: 320 } as const;

function yearTooltip(d: ProfileYearDatum, council: string): string {
  return (
    `${d.label}: ${council} ${shortPounds(d.council)}; median ${shortPounds(d.median)}; ` +
    `middle half ${shortPounds(d.range[0])} to ${shortPounds(d.range[1])}`
  );
}

/**
 * The council's share by financial year (a solid line with dots) over its group's middle half
 * (a band) and median (a dashed line), on one axis.
 */
export function ProfileYearsSvg({
  layout,
  data,
  council,
}: {
  layout: ChartLayout;
  data: ProfileYearDatum[];
  council: string;
}) {
  const height = YEAR_HEIGHTS[layout.name];
  const max = Math.max(0, ...data.flatMap((d) => [d.council, d.range[1], d.median]));
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
  const at = (i: number, value: number) => `${x.centre(i).toFixed(1)} ${y(value).toFixed(1)}`;
  const line = (pick: (d: ProfileYearDatum) => number) =>
    data.map((d, i) => `${i ? "L" : "M"}${at(i, pick(d))}`).join("");
  const band =
    data.map((d, i) => `${i ? "L" : "M"}${at(i, d.range[1])}`).join("") +
    data
      .map((d, i) => ({ d, i }))
      .reverse()
      .map(({ d, i }) => `L${at(i, d.range[0])}`)
      .join("") +
    "Z";
  return (
    <ChartSvg layout={layout} height={height}>
      <ValueAxis ticks={ticks} labels={tickLabels} y={y} left={left} right={right} />
      <path d={band} fill={GROUP_COLOURS.band} stroke={GROUP_COLOURS.line} strokeWidth={1} />
      <path
        d={line((d) => d.median)}
        fill="none"
        stroke={GROUP_COLOURS.line}
        strokeWidth={3}
        strokeDasharray="6 4"
      />
      <path d={line((d) => d.council)} fill="none" stroke={GROUP_COLOURS.council} strokeWidth={3} />
      <g fill={CHART_COLOURS.text} textAnchor="middle">
        {data.map((d, i) => (
          <g key={d.label}>
            <circle
              cx={x.centre(i)}
              cy={y(d.council)}
              r={4}
              fill={GROUP_COLOURS.council}
              stroke="#fff"
              strokeWidth={2}
            />
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
      <g fill="transparent">
        {data.map((d, i) => (
          <rect
            key={d.label}
            x={x.centre(i) - x.slot / 2}
            y={top}
            width={x.slot}
            height={bottom - top}
          >
            <title>{yearTooltip(d, council)}</title>
          </rect>
        ))}
      </g>
    </ChartSvg>
  );
}
