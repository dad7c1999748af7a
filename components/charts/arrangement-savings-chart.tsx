import { ChartFrame, useSvgId } from "./chart-frame";
import { SavingsLegend } from "./chart-parts";
import { YearBarsSvg } from "./year-bars";

/**
 * One financial year of one arrangement: its saving in the series of its kind, 0 in the other.
 * Pounds only size the bars; exact figures are in the table beside the chart.
 */
export type ArrangementSavingsDatum = {
  /** "2016/17" */
  label: string;
  kind: "actual" | "forecast";
  actualPounds: number;
  forecastPounds: number;
};

/**
 * A small bar chart of an arrangement's savings by financial year: actual savings as solid bars,
 * forecasts hatched and outlined, each bar's amount written above it when all fit and each
 * forecast year marked "(f)" under its label. One image to assistive technology, named by
 * `summary`; the table is its equivalent.
 */
export function ArrangementSavingsChart({
  data,
  summary,
}: {
  data: ArrangementSavingsDatum[];
  summary: string;
}) {
  const hatchId = useSvgId("arrangement-forecast");
  const kinds = (["actual", "forecast"] as const).filter((k) => data.some((d) => d.kind === k));
  return (
    <>
      <ChartFrame
        chart="arrangement-savings"
        summary={summary}
        legend={<SavingsLegend hatchId={`${hatchId}-legend`} kinds={kinds} />}
        // A few years need no more than about a hundred pixels each.
        maxWidth={Math.max(340, data.length * 110)}
      >
        {(layout) => (
          <YearBarsSvg layout={layout} data={data} hatchId={`${hatchId}-${layout.name}`} amounts />
        )}
      </ChartFrame>
      {kinds.includes("forecast") ? (
        <p className="mt-1 text-sm text-ink-muted">(f) marks a forecast year.</p>
      ) : null}
    </>
  );
}
