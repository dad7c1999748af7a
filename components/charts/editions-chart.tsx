import { placePointLabels } from "@/lib/charts/label-placement";
import { linearScale, niceTicks, textWidth, thinLabels } from "@/lib/charts/scale";
import { AXIS_FONT, axisWidth, plotBottom, underPlot, ValueAxis } from "./axes";
import { ChartFrame, ChartSvg, type ChartLayout } from "./chart-frame";
import { CHART_COLOURS, shortPounds } from "./chart-parts";

/**
 * One point: an edition of the register, or one of the LGA's published editions. Plain numbers;
 * exact figures are in the tables beside the chart.
 */
export type EditionPoint = {
  /** Milliseconds since 1970: where the point sits on the time line. */
  time: number;
  value: number;
  /** "2017 edition", "LGA 2017". */
  label: string;
};

type Unit = "count" | "pounds";
type SeriesKey = "register" | "lga";

const COLOURS = { register: CHART_COLOURS.actual, lga: CHART_COLOURS.forecast };
const LABEL_FONT = 12;
const HEIGHTS = { narrow: 280, medium: 300, wide: 320 } as const;
const DAY = 24 * 3600 * 1000;

function formatValue(value: number, unit: Unit): string {
  return unit === "pounds" ? shortPounds(value) : value.toLocaleString("en-GB");
}

/** The time axis: half a year either side of the points, a tick at each new year. */
function timeAxis(points: EditionPoint[]) {
  const times = points.map((p) => p.time);
  const pad = 180 * DAY;
  const domain: [number, number] = times.length
    ? [Math.min(...times) - pad, Math.max(...times) + pad]
    : [0, 365 * DAY];
  const years: number[] = [];
  const last = new Date(domain[1]).getUTCFullYear();
  for (let y = new Date(domain[0]).getUTCFullYear() + 1; y <= last; y++) years.push(y);
  return { domain, years };
}

/** Our editions and the LGA's: shape, line and colour differ. */
const SERIES: readonly { key: SeriesKey; bold: boolean; dash?: string }[] = [
  { key: "register", bold: true },
  { key: "lga", bold: false, dash: "6 4" },
];

function Marker({ kind, x, y }: { kind: SeriesKey; x: number; y: number }) {
  return kind === "register" ? (
    <circle cx={x} cy={y} r={5} fill={COLOURS.register} stroke="#fff" strokeWidth={1.5} />
  ) : (
    <path
      d={`M${x} ${y - 6}L${x + 6} ${y}L${x} ${y + 6}L${x - 6} ${y}Z`}
      fill={COLOURS.lga}
      stroke="#fff"
      strokeWidth={1.5}
    />
  );
}

/** Scales, axes and where each direct label goes, for one layout. */
function geometry(layout: ChartLayout, points: Record<SeriesKey, EditionPoint[]>, unit: Unit) {
  const height = HEIGHTS[layout.name];
  const all = [...points.register, ...points.lga];
  const ticks = niceTicks(
    Math.max(0, ...all.map((p) => p.value)),
    layout.name === "narrow" ? 4 : 5,
    true, // whole arrangements, whole pounds
  );
  const tickLabels = ticks.map((t) => formatValue(t, unit));
  const left = axisWidth(tickLabels);
  const right = layout.width - 12;
  const bottom = plotBottom(height);
  const top = 12;
  const { domain, years } = timeAxis(all);
  const x = linearScale(domain, [left, right]);
  const y = linearScale([0, ticks.at(-1)!], [bottom, top]);
  const yearWidth = x(Date.UTC(2001, 0, 1)) - x(Date.UTC(2000, 0, 1));
  const yearLabels = thinLabels(years.map(String), yearWidth, (l) => textWidth(l, AXIS_FONT));
  // Direct labels: ours first (they matter most here), the LGA's trying below their points first.
  const labels = SERIES.flatMap((series) =>
    points[series.key].map((p) => ({
      series,
      text: formatValue(p.value, unit),
      at: { x: x(p.time), y: y(p.value) },
    })),
  );
  const places = placePointLabels(
    labels.map((l) => ({
      ...l.at,
      width: textWidth(l.text, LABEL_FONT, l.series.bold),
      below: l.series.key === "lga",
    })),
    { bounds: { x0: left, y0: 0, x1: layout.width - 2, y1: bottom - 2 }, fontSize: LABEL_FONT },
  );
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
    years,
    yearLabels,
    labels,
    places,
  };
}

type Geometry = ReturnType<typeof geometry>;

/** A dashed guide at each new year, labelled where the labels do not touch. */
function TimeAxis({ g }: { g: Geometry }) {
  return (
    <g fill={CHART_COLOURS.text} textAnchor="middle">
      {g.years.map((year, i) => {
        const at = g.x(Date.UTC(year, 0, 1));
        return (
          <g key={year}>
            <line
              x1={at}
              x2={at}
              y1={g.top}
              y2={g.bottom + (g.yearLabels[i] ? 5 : 0)}
              stroke={CHART_COLOURS.grid}
              strokeDasharray="3 3"
            />
            {g.yearLabels[i] ? (
              <text x={at} y={underPlot(g.bottom)}>
                {g.yearLabels[i]}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/** A series' line and markers, each marker with its figure as a tooltip. */
function Series({
  g,
  series,
  points,
  unit,
}: {
  g: Geometry;
  series: (typeof SERIES)[number];
  points: EditionPoint[];
  unit: Unit;
}) {
  const line = points
    .slice()
    .sort((a, b) => a.time - b.time)
    .map((p, i) => `${i ? "L" : "M"}${g.x(p.time).toFixed(1)} ${g.y(p.value).toFixed(1)}`)
    .join("");
  return (
    <g>
      <path
        d={line}
        fill="none"
        stroke={COLOURS[series.key]}
        strokeWidth={3}
        strokeDasharray={series.dash}
      />
      {points.map((p) => (
        <g key={`${p.label}-${p.time}`}>
          <title>{`${p.label}: ${formatValue(p.value, unit)}`}</title>
          <Marker kind={series.key} x={g.x(p.time)} y={g.y(p.value)} />
        </g>
      ))}
    </g>
  );
}

/** The figures written beside the points, on a white halo so that lines do not cross them. */
function PointLabels({ g }: { g: Geometry }) {
  return (
    <g fontSize={LABEL_FONT} stroke="#fff" strokeWidth={3} paintOrder="stroke">
      {g.labels.map((label, i) => {
        const place = g.places[i];
        if (!place) return null;
        return (
          <text
            key={i}
            x={place.x}
            y={place.y}
            textAnchor={place.anchor}
            fill={COLOURS[label.series.key]}
            fontWeight={label.series.bold ? 600 : undefined}
          >
            {label.text}
          </text>
        );
      })}
    </g>
  );
}

function EditionsSvg({
  layout,
  points,
  unit,
}: {
  layout: ChartLayout;
  points: Record<SeriesKey, EditionPoint[]>;
  unit: Unit;
}) {
  const g = geometry(layout, points, unit);
  return (
    <ChartSvg layout={layout} height={g.height}>
      <ValueAxis ticks={g.ticks} labels={g.tickLabels} y={g.y} left={g.left} right={g.right} />
      <TimeAxis g={g} />
      {SERIES.map((series) => (
        <Series key={series.key} g={g} series={series} points={points[series.key]} unit={unit} />
      ))}
      <PointLabels g={g} />
    </ChartSvg>
  );
}

function Swatch({ kind }: { kind: SeriesKey }) {
  return (
    <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="8"
        x2="33"
        y2="8"
        stroke={COLOURS[kind]}
        strokeWidth="3"
        strokeDasharray={kind === "lga" ? "5 3" : undefined}
      />
      <Marker kind={kind} x={17} y={8} />
    </svg>
  );
}

function Legend() {
  return (
    <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
      <li className="flex items-center gap-2">
        <Swatch kind="register" /> This register&apos;s editions (circles, solid line)
      </li>
      <li className="flex items-center gap-2">
        <Swatch kind="lga" /> The LGA&apos;s published figures (diamonds, dashed line)
      </li>
    </ul>
  );
}

/**
 * The register's editions beside the LGA's published figures over time: ours as circles on a
 * solid line, the LGA's as diamonds on a dashed line (shape and dash, not colour alone), each
 * point labelled directly where its label touches no other (placed on the server; a label with
 * no room is left out, its figure in the point's tooltip and the tables). One image to
 * assistive technology, named by `summary`; the tables beside it are its accessible equivalent.
 */
export function EditionsChart({
  register,
  lga,
  unit,
  summary,
  title,
}: {
  register: EditionPoint[];
  lga: EditionPoint[];
  unit: Unit;
  summary: string;
  title: string;
}) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-lg font-semibold">{title}</figcaption>
      <ChartFrame chart="editions" summary={summary} legend={<Legend />}>
        {(layout) => <EditionsSvg layout={layout} points={{ register, lga }} unit={unit} />}
      </ChartFrame>
    </figure>
  );
}
