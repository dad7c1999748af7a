"use client";

import dynamic from "next/dynamic";
import { useRef } from "react";
import { useNearViewport } from "./near-viewport";
import type { ProfileRangeDatum, ProfileYearDatum } from "./profile-charts";
import { GROUP_COLOURS, PROFILE_RANGE_HEIGHT, PROFILE_YEARS_HEIGHT } from "./profile-parts";

/*
 * The profile's charts as the council page uses them: legends, accessible names and placeholders
 * of the charts' exact height render with the page; Recharts loads when a chart comes near the
 * screen (as lazy-charts.tsx does for the dashboard's).
 */

function Placeholder({ height }: { height: number }) {
  return <div style={{ height }} className="bg-surface" data-chart-placeholder="" />;
}

const RangeChart = dynamic(() => import("./profile-charts").then((m) => m.ProfileRangeChart), {
  ssr: false,
  loading: () => <Placeholder height={PROFILE_RANGE_HEIGHT} />,
});

const YearsChart = dynamic(() => import("./profile-charts").then((m) => m.ProfileYearsChart), {
  ssr: false,
  loading: () => <Placeholder height={PROFILE_YEARS_HEIGHT} />,
});

function Swatch({ kind }: { kind: "council" | "median" | "band" | "line" }) {
  return (
    <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
      {kind === "council" && (
        <path d="M14 1 L21 8 L14 15 L7 8 Z" fill={GROUP_COLOURS.council} stroke="#fff" />
      )}
      {kind === "line" && (
        <>
          <line x1="1" y1="8" x2="27" y2="8" stroke={GROUP_COLOURS.council} strokeWidth="3" />
          <circle cx="14" cy="8" r="4" fill={GROUP_COLOURS.council} stroke="#fff" strokeWidth="2" />
        </>
      )}
      {kind === "median" && (
        <line
          x1="1"
          y1="8"
          x2="27"
          y2="8"
          stroke={GROUP_COLOURS.line}
          strokeWidth="3"
          strokeDasharray="6 4"
        />
      )}
      {kind === "band" && (
        <rect
          x="1"
          y="2"
          width="26"
          height="12"
          fill={GROUP_COLOURS.band}
          stroke={GROUP_COLOURS.line}
          strokeWidth="2"
        />
      )}
    </svg>
  );
}

/** What the marks mean, in words as well as shapes. */
export function ProfileLegend({ council, years }: { council: string; years?: boolean }) {
  return (
    <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
      <li className="flex items-center gap-2">
        <Swatch kind={years ? "line" : "council"} /> {council} (
        {years ? "solid line with dots" : "diamond"})
      </li>
      <li className="flex items-center gap-2">
        <Swatch kind="band" /> Middle half of its similar councils (lower to upper quartile)
      </li>
      <li className="flex items-center gap-2">
        <Swatch kind="median" /> Their median (dashed{years ? " line" : ""})
      </li>
    </ul>
  );
}

/** One measure's chart, named by `summary` ("Harrow's share … is above the upper quartile"). */
export function ProfileRangeFigure({
  label,
  datum,
  summary,
}: {
  label: string;
  datum: ProfileRangeDatum;
  summary: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div className="mt-3">
      <p className="text-sm font-semibold">{label}</p>
      <div
        ref={box}
        role="img"
        aria-label={summary}
        style={{ height: PROFILE_RANGE_HEIGHT }}
        data-chart="profile-range"
      >
        {near ? (
          <RangeChart datum={datum} height={PROFILE_RANGE_HEIGHT} />
        ) : (
          <Placeholder height={PROFILE_RANGE_HEIGHT} />
        )}
      </div>
    </div>
  );
}

export function ProfileYearsFigure({
  council,
  data,
  summary,
}: {
  council: string;
  data: ProfileYearDatum[];
  summary: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  return (
    <div role="img" aria-label={summary} className="w-full" data-chart="profile-years">
      <ProfileLegend council={council} years />
      <div ref={box} style={{ minHeight: PROFILE_YEARS_HEIGHT }}>
        {near ? (
          <YearsChart data={data} height={PROFILE_YEARS_HEIGHT} />
        ) : (
          <Placeholder height={PROFILE_YEARS_HEIGHT} />
        )}
      </div>
    </div>
  );
}
