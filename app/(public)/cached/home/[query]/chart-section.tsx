import type { ReactNode } from "react";
import { FigureTableView } from "@/components/charts/figure-table";
import type { FigureTable } from "@/lib/stats/tables";

/**
 * One chart of the dashboard: heading, what it counts, the chart, the same figures as a table,
 * and the table as CSV. Wide charts (years) sit above their table; ranked bars sit beside it on
 * wide screens and above it on narrow ones and on paper.
 */
export function ChartSection({
  title,
  description,
  chart,
  table,
  csvHref,
  captionSuffix,
  rowHeader,
  layout = "beside",
  note,
}: {
  title: string;
  description: ReactNode;
  chart: ReactNode;
  table: FigureTable;
  csvHref: string;
  captionSuffix?: string;
  rowHeader?: number;
  layout?: "beside" | "above";
  /** Shown under the chart (e.g. what the scales mean). */
  note?: ReactNode;
}) {
  const headingId = `${table.chart}-heading`;
  const grid =
    layout === "beside" ? "lg:grid lg:grid-cols-2 lg:items-start lg:gap-8 print:block" : "";
  return (
    <section aria-labelledby={headingId} className="mt-12" data-section={table.chart}>
      <h2 id={headingId} className="text-2xl font-bold">
        {title}
      </h2>
      <div className="mt-2 max-w-3xl space-y-2 text-ink-muted">{description}</div>
      {table.rows.length === 0 ? (
        <p className="mt-4">Nothing to show for these filters.</p>
      ) : (
        <div className={`mt-6 space-y-8 lg:space-y-0 ${grid}`}>
          <figure className={`min-w-0 ${layout === "above" ? "lg:mb-8" : ""}`}>
            {chart}
            <figcaption className="mt-2 text-sm text-ink-muted">
              {note ?? "Chart of the figures in the table."}
            </figcaption>
          </figure>
          <div className="min-w-0 print:mt-6">
            <FigureTableView table={table} captionSuffix={captionSuffix} rowHeader={rowHeader} />
            <p className="no-print mt-3">
              <a href={csvHref} download>
                Download this table as CSV<span className="sr-only">: {table.caption}</span>
              </a>{" "}
              <span className="text-sm text-ink-muted">
                (amounts in pounds and in pence{table.footer ? ", without the total row" : ""})
              </span>
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
