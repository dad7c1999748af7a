import { formatHeadlinePounds } from "@/lib/money";

/*
 * What the charts and their placeholders share: colours, sizes, the forecast hatch and the
 * legend. No Recharts here (it would load with the page): the legend is rendered on the server,
 * and the placeholders take the charts' exact height, so nothing moves when a chart arrives.
 */

/** Height of the savings-by-year chart in pixels. */
export const SAVINGS_BY_YEAR_HEIGHT = 360;

/** Ranked bar charts: one row (a name above its bar) per item. */
export const RANKED_ROW_HEIGHT = 44;
export const RANKED_BAR_SIZE = 18;
export const RANKED_MARGIN = { top: 22, right: 4, bottom: 4, left: 4 };

export function rankedChartHeight(rows: number): number {
  return Math.max(1, rows) * RANKED_ROW_HEIGHT + RANKED_MARGIN.top + RANKED_MARGIN.bottom;
}

/** Axis ticks and tooltips in the short headline style, e.g. "£120m". */
export function shortPounds(pounds: number): string {
  return formatHeadlinePounds(BigInt(Math.round(pounds * 100)));
}

export const CHART_COLOURS = {
  actual: "var(--color-chart-actual)",
  forecast: "var(--color-chart-forecast)",
  forecastBackground: "var(--color-chart-forecast-bg)",
  cumulative: "var(--color-chart-cumulative)",
  grid: "var(--color-rule)",
  text: "var(--color-ink-muted)",
  ink: "var(--color-ink)",
};

/** Forecast bars: diagonal hatching, so they differ from actual savings by more than hue. */
export function ForecastHatch({ id, size = 8 }: { id: string; size?: number }) {
  return (
    <pattern
      id={id}
      width={size}
      height={size}
      patternUnits="userSpaceOnUse"
      patternTransform="rotate(45)"
    >
      <rect width={size} height={size} fill={CHART_COLOURS.forecastBackground} />
      <rect width={size / 2.5} height={size} fill={CHART_COLOURS.forecast} />
    </pattern>
  );
}

export function LegendSwatch({
  kind,
  hatchId,
}: {
  kind: "actual" | "forecast" | "cumulative";
  hatchId: string;
}) {
  return (
    <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
      {kind === "actual" && <rect x="1" y="1" width="26" height="14" fill={CHART_COLOURS.actual} />}
      {kind === "forecast" && (
        <>
          <defs>
            <ForecastHatch id={hatchId} size={6} />
          </defs>
          <rect
            x="1"
            y="1"
            width="26"
            height="14"
            fill={`url(#${hatchId})`}
            stroke={CHART_COLOURS.forecast}
            strokeWidth="2"
          />
        </>
      )}
      {kind === "cumulative" && (
        <>
          <line x1="1" y1="8" x2="27" y2="8" stroke={CHART_COLOURS.cumulative} strokeWidth="3" />
          <circle
            cx="14"
            cy="8"
            r="4"
            fill={CHART_COLOURS.cumulative}
            stroke="#fff"
            strokeWidth="2"
          />
        </>
      )}
    </svg>
  );
}

/** The savings-by-year legend: what solid, hatched and line mean, in words as well as marks. */
export function SavingsByYearLegend({ hatchId }: { hatchId: string }) {
  return (
    <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
      <li className="flex items-center gap-2">
        <LegendSwatch kind="actual" hatchId={hatchId} /> Actual savings (solid bars)
      </li>
      <li className="flex items-center gap-2">
        <LegendSwatch kind="forecast" hatchId={hatchId} /> Forecast savings (hatched bars)
      </li>
      <li className="flex items-center gap-2">
        <LegendSwatch kind="cumulative" hatchId={hatchId} /> Cumulative total (line, right axis)
      </li>
    </ul>
  );
}
