import { ChartFrame } from "./chart-frame";
import {
  ProfileRangeSvg,
  ProfileYearsSvg,
  type ProfileRangeDatum,
  type ProfileYearDatum,
} from "./profile-charts";
import { GROUP_COLOURS } from "./profile-parts";

/*
 * The profile's charts as the council page uses them: legends and accessible names around the
 * server-drawn charts of profile-charts.tsx.
 */

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
  return (
    <div className="mt-3">
      <p className="text-sm font-semibold">{label}</p>
      <ChartFrame chart="profile-range" summary={summary}>
        {(layout) => <ProfileRangeSvg layout={layout} datum={datum} />}
      </ChartFrame>
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
  return (
    <ChartFrame
      chart="profile-years"
      summary={summary}
      legend={<ProfileLegend council={council} years />}
    >
      {(layout) => <ProfileYearsSvg layout={layout} data={data} council={council} />}
    </ChartFrame>
  );
}
