"use client";

import { Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { shortPounds } from "./chart-parts";
import { COMPARE_SERIES, COMPARE_YEARS_HEIGHT, markerPath } from "./compare-series";
import { AXIS_TICK, guideLines } from "./savings-bars";

/**
 * One financial year: its label ("2016/17") and each council's share in pounds under `s0`, `s1`…
 * (plain numbers: BigInt cannot cross to a client component; the table beside has the exact
 * figures).
 */
export type CompareYearsDatum = { label: string } & Record<`s${number}`, number>;

type DotProps = { cx?: number; cy?: number; index?: number };

/** A point's marker: the council's shape, in its colour, outlined in white. */
function renderMarker(series: number, { cx, cy, index }: DotProps) {
  const style = COMPARE_SERIES[series % COMPARE_SERIES.length]!;
  if (cx === undefined || cy === undefined) return <g key={index} />;
  return (
    <path
      key={index}
      d={markerPath(style.shape, cx, cy, 4.5)}
      fill={style.colour}
      stroke="#fff"
      strokeWidth={1.5}
    />
  );
}

function YearTooltip({ active, payload, label }: TooltipContentProps) {
  if (!active || !payload?.length) return null;
  return (
    <div className="border border-rule-strong bg-paper px-3 py-2 text-sm text-ink shadow">
      <p className="font-bold">{label}</p>
      {payload.map((entry) => (
        <p key={String(entry.dataKey)}>
          {entry.name}: {shortPounds(Number(entry.value))}
        </p>
      ))}
    </div>
  );
}

/**
 * Each council's share of its arrangements' savings by financial year, a line per council that
 * differs in colour, dash and marker (components/charts/compare-series.tsx). Loaded on demand by
 * lazy-charts.tsx, which draws the legend and names the chart for assistive technology.
 */
export function CompareYearsChart({ data, names }: { data: CompareYearsDatum[]; names: string[] }) {
  return (
    <LineChart
      responsive
      data={data}
      style={{ width: "100%", height: COMPARE_YEARS_HEIGHT }}
      margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
      accessibilityLayer={false}
    >
      {guideLines()}
      <XAxis dataKey="label" tick={AXIS_TICK} tickMargin={6} />
      <YAxis tickFormatter={shortPounds} tick={AXIS_TICK} width={64} />
      <Tooltip content={YearTooltip} />
      {names.map((name, i) => {
        const style = COMPARE_SERIES[i % COMPARE_SERIES.length]!;
        return (
          <Line
            key={`s${i}`}
            dataKey={`s${i}`}
            name={name}
            stroke={style.colour}
            strokeWidth={2.5}
            strokeDasharray={style.dash}
            dot={(props: DotProps) => renderMarker(i, props)}
            activeDot={false}
            isAnimationActive={false}
          />
        );
      })}
    </LineChart>
  );
}
