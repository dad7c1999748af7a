import { ChartFrame, useSvgId } from "./chart-frame";
import { SavingsLegend } from "./chart-parts";
import { YearBarsSvg, type YearBarDatum } from "./year-bars";

export type SavingsByYearDatum = YearBarDatum;

/**
 * Savings by financial year on one axis: stacked bars, actual solid and forecast hatched and
 * outlined. The running total of actual savings is in the table beside it.
 */
export function SavingsByYearFigure({
  data,
  summary,
}: {
  data: SavingsByYearDatum[];
  summary: string;
}) {
  const hatchId = useSvgId("forecast-hatch");
  return (
    <ChartFrame
      chart="savings-by-year"
      summary={summary}
      legend={<SavingsLegend hatchId={`${hatchId}-legend`} />}
    >
      {(layout) => (
        <YearBarsSvg layout={layout} data={data} hatchId={`${hatchId}-${layout.name}`} />
      )}
    </ChartFrame>
  );
}
