"use client";

import {
  CartesianGrid,
  LabelList,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { shortPounds } from "./chart-parts";

/**
 * One point: an edition of the register, or one of the LGA's published editions. Plain numbers
 * (BigInt cannot cross to a client component); exact figures are in the tables beside it.
 */
export type EditionPoint = {
  /** Milliseconds since 1970: where the point sits on the time line. */
  time: number;
  value: number;
  /** "2017 edition", "LGA 2017". */
  label: string;
};

const COLOURS = {
  register: "var(--color-chart-actual)",
  lga: "var(--color-chart-forecast)",
  grid: "var(--color-rule)",
  text: "var(--color-ink-muted)",
};

function year(time: number): string {
  return String(new Date(time).getUTCFullYear());
}

function formatValue(value: number, unit: "count" | "pounds"): string {
  return unit === "pounds" ? shortPounds(value) : value.toLocaleString("en-GB");
}

function PointTooltip({
  active,
  payload,
  unit,
}: TooltipContentProps & { unit: "count" | "pounds" }) {
  const point = payload?.[0]?.payload as EditionPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="border border-rule-strong bg-paper px-3 py-2 text-sm text-ink shadow">
      <p className="font-bold">{point.label}</p>
      <p>{formatValue(point.value, unit)}</p>
    </div>
  );
}

function Swatch({ kind }: { kind: "register" | "lga" }) {
  return (
    <svg width="34" height="16" viewBox="0 0 34 16" aria-hidden="true" focusable="false">
      {kind === "register" ? (
        <>
          <line x1="1" y1="8" x2="33" y2="8" stroke={COLOURS.register} strokeWidth="3" />
          <circle cx="17" cy="8" r="5" fill={COLOURS.register} stroke="#fff" strokeWidth="1.5" />
        </>
      ) : (
        <>
          <line
            x1="1"
            y1="8"
            x2="33"
            y2="8"
            stroke={COLOURS.lga}
            strokeWidth="3"
            strokeDasharray="5 3"
          />
          <path d="M17 2 L23 8 L17 14 L11 8 Z" fill={COLOURS.lga} stroke="#fff" strokeWidth="1.5" />
        </>
      )}
    </svg>
  );
}

/** Our editions and the LGA's: shape, line and colour differ, and each point is labelled. */
const SERIES = [
  {
    key: "lga",
    name: "LGA",
    shape: "diamond",
    line: { stroke: COLOURS.lga, strokeWidth: 3, strokeDasharray: "6 4" },
    label: { position: "bottom", style: { fill: COLOURS.lga, fontSize: 11 } },
  },
  {
    key: "register",
    name: "Register",
    shape: "circle",
    line: { stroke: COLOURS.register, strokeWidth: 3 },
    label: {
      position: "top",
      style: { fill: COLOURS.register, fontSize: 11, fontWeight: 600 },
    },
  },
] as const;

/** The time axis: half a year either side of the points, a tick at each new year. */
function timeAxis(points: EditionPoint[]) {
  const times = points.map((p) => p.time);
  const pad = 180 * 24 * 3600 * 1000;
  const domain: [number, number] = times.length
    ? [Math.min(...times) - pad, Math.max(...times) + pad]
    : [0, 1];
  const ticks: number[] = [];
  const last = new Date(domain[1]).getUTCFullYear();
  for (let y = new Date(domain[0]).getUTCFullYear() + 1; y <= last; y++)
    ticks.push(Date.UTC(y, 0, 1));
  return { domain, ticks };
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

type EditionsChartProps = {
  register: EditionPoint[];
  lga: EditionPoint[];
  unit: "count" | "pounds";
  summary: string;
  title: string;
};

/**
 * The register's editions beside the LGA's published figures over time: ours as circles on a
 * solid line, the LGA's as diamonds on a dashed line (shape and dash, not colour alone), each
 * point labelled directly. One image to assistive technology, named by `summary`; the tables
 * beside it are its accessible equivalent.
 */
export function EditionsChart({ register, lga, unit, summary, title }: EditionsChartProps) {
  const { domain, ticks } = timeAxis([...register, ...lga]);
  const points = { register, lga };
  const format = (v: unknown) => formatValue(Number(v), unit);
  return (
    <figure className="min-w-0">
      <figcaption className="mb-2 text-lg font-semibold">{title}</figcaption>
      <div role="img" aria-label={summary} className="w-full" data-chart="editions">
        <Legend />
        <ScatterChart
          responsive
          style={{ width: "100%", height: 320 }}
          margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={COLOURS.grid} strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="time"
            domain={domain}
            ticks={ticks}
            tickFormatter={year}
            tick={{ fill: COLOURS.text, fontSize: 12 }}
            name="Date"
          />
          <YAxis
            type="number"
            dataKey="value"
            tickFormatter={format}
            tick={{ fill: COLOURS.text, fontSize: 12 }}
            width={64}
            domain={[0, "auto"]}
          />
          <Tooltip content={(props) => <PointTooltip {...props} unit={unit} />} />
          {SERIES.map((series) => (
            <Scatter
              key={series.key}
              name={series.name}
              data={points[series.key]}
              fill={COLOURS[series.key]}
              shape={series.shape}
              line={series.line}
              isAnimationActive={false}
            >
              <LabelList dataKey="value" formatter={format} {...series.label} />
            </Scatter>
          ))}
        </ScatterChart>
      </div>
    </figure>
  );
}
