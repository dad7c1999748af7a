"use client";

import {
  Area,
  ComposedChart,
  Line,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { shortPounds } from "./chart-parts";
import { GROUP_COLOURS } from "./profile-parts";
import { AXIS_TICK, guideLines } from "./savings-bars";

/*
 * A council's profile against its similar councils (app/(public)/councils/[code]): where its
 * figure falls beside the group's quartiles, and its share by financial year beside the
 * group's. Loaded on demand by profile-figures.tsx, which draws the legends and names each
 * chart for assistive technology; the tables beside them hold the exact figures. Plain numbers
 * (pounds, counts): BigInt cannot cross to a client component.
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

function formatValue(value: number, unit: ProfileUnit): string {
  if (unit === "pounds") return shortPounds(value);
  if (unit === "per-resident")
    return `£${value.toLocaleString("en-GB", { maximumFractionDigits: 2 })}`;
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

/** The council's mark: a diamond, so it differs from the group's band by shape, not only hue. */
function Diamond({ cx = 0, cy = 0 }: { cx?: number; cy?: number }) {
  const r = 9;
  return (
    <path
      d={`M${cx} ${cy - r} L${cx + r} ${cy} L${cx} ${cy + r} L${cx - r} ${cy} Z`}
      fill={GROUP_COLOURS.council}
      stroke="#fff"
      strokeWidth={2}
    />
  );
}

/**
 * One measure on its own scale from 0: the group's middle half (lower to upper quartile) as a
 * band, its median as a dashed line across it, the council as a diamond.
 */
export function ProfileRangeChart({ datum, height }: { datum: ProfileRangeDatum; height: number }) {
  const top = Math.max(datum.council, datum.upperQuartile);
  return (
    <ScatterChart
      responsive
      style={{ width: "100%", height }}
      margin={{ top: 12, right: 24, bottom: 0, left: 24 }}
      accessibilityLayer={false}
    >
      <XAxis
        type="number"
        dataKey="x"
        domain={[0, top > 0 ? "auto" : 1]}
        tickFormatter={(v: number) => formatValue(v, datum.unit)}
        tick={AXIS_TICK}
      />
      <YAxis type="number" dataKey="y" domain={[0, 1]} hide />
      <ReferenceArea
        x1={datum.lowerQuartile}
        x2={datum.upperQuartile}
        y1={0.15}
        y2={0.85}
        fill={GROUP_COLOURS.band}
        fillOpacity={1}
        stroke={GROUP_COLOURS.line}
        strokeWidth={2}
        ifOverflow="extendDomain"
      />
      <ReferenceLine
        segment={[
          { x: datum.median, y: 0.05 },
          { x: datum.median, y: 0.95 },
        ]}
        stroke={GROUP_COLOURS.line}
        strokeWidth={3}
        strokeDasharray="5 3"
        ifOverflow="extendDomain"
      />
      <Scatter data={[{ x: datum.council, y: 0.5 }]} shape={Diamond} isAnimationActive={false} />
    </ScatterChart>
  );
}

function YearTooltip({ active, payload, label }: TooltipContentProps) {
  const datum = payload?.[0]?.payload as ProfileYearDatum | undefined;
  if (!active || !datum) return null;
  return (
    <div className="border border-rule-strong bg-paper px-3 py-2 text-sm text-ink shadow">
      <p className="font-bold">{label}</p>
      <p>This council: {shortPounds(datum.council)}</p>
      <p>Median: {shortPounds(datum.median)}</p>
      <p>
        Middle half: {shortPounds(datum.range[0])} to {shortPounds(datum.range[1])}
      </p>
    </div>
  );
}

/**
 * The council's share by financial year (a solid line with dots) over its group's middle half
 * (a band) and median (a dashed line).
 */
export function ProfileYearsChart({ data, height }: { data: ProfileYearDatum[]; height: number }) {
  return (
    <ComposedChart
      responsive
      data={data}
      style={{ width: "100%", height }}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      {guideLines()}
      <XAxis dataKey="label" tick={AXIS_TICK} tickMargin={6} />
      <YAxis tickFormatter={shortPounds} tick={AXIS_TICK} width={64} />
      <Tooltip content={YearTooltip} />
      <Area
        dataKey="range"
        fill={GROUP_COLOURS.band}
        fillOpacity={1}
        stroke={GROUP_COLOURS.line}
        strokeWidth={1}
        isAnimationActive={false}
        activeDot={false}
      />
      <Line
        dataKey="median"
        stroke={GROUP_COLOURS.line}
        strokeWidth={3}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="council"
        stroke={GROUP_COLOURS.council}
        strokeWidth={3}
        dot={{ r: 4, fill: GROUP_COLOURS.council, stroke: "#fff", strokeWidth: 2 }}
        isAnimationActive={false}
      />
    </ComposedChart>
  );
}
