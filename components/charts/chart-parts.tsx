import { formatHeadlinePounds } from "@/lib/money";

/*
 * What the charts share: colours, the forecast hatch, the legend swatches and the headline
 * style of their labels. Server components, like the charts.
 */

/** Axis ticks, labels and tooltips in the short headline style, e.g. "£120.0m". */
export function shortPounds(pounds: number): string {
  return formatHeadlinePounds(BigInt(Math.round(pounds * 100)));
}

export const CHART_COLOURS = {
  actual: "var(--color-chart-actual)",
  forecast: "var(--color-chart-forecast)",
  forecastBackground: "var(--color-chart-forecast-bg)",
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

export function LegendSwatch({ kind, hatchId }: { kind: "actual" | "forecast"; hatchId: string }) {
  return (
    <svg width="28" height="16" viewBox="0 0 28 16" aria-hidden="true" focusable="false">
      {kind === "actual" ? (
        <rect x="1" y="1" width="26" height="14" fill={CHART_COLOURS.actual} />
      ) : (
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
    </svg>
  );
}

/** What solid and hatched mean, in words as well as marks, for the kinds a chart shows. */
export function SavingsLegend({
  hatchId,
  kinds = ["actual", "forecast"],
}: {
  hatchId: string;
  kinds?: readonly ("actual" | "forecast")[];
}) {
  const text = {
    actual: "Actual savings (solid bars)",
    forecast: "Forecast savings (hatched bars)",
  };
  return (
    <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
      {kinds.map((kind) => (
        <li key={kind} className="flex items-center gap-2">
          <LegendSwatch kind={kind} hatchId={hatchId} /> {text[kind]}
        </li>
      ))}
    </ul>
  );
}
