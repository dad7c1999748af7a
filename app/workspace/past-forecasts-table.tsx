import Link from "next/link";
import { DataTable, type Column } from "@/components/data-table";
import type { PastForecast } from "@/lib/arrangements/past-forecasts";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";

/** What the open change already records for the year, or what the editor can do. */
function Answer({ forecast: f }: { forecast: PastForecast }) {
  const year = financialYearLabel(f.financialYear);
  if (f.pendingActualPence !== null) {
    const answer =
      f.pendingActualPence === 0n ? "not achieved" : `${formatPence(f.pendingActualPence)} actual`;
    const where = f.status.endsWith("submitted")
      ? "waiting for review"
      : f.status.endsWith("rejected")
        ? "in the change returned to you"
        : "in your draft";
    return (
      <>
        Confirmed as {answer}, {where}
      </>
    );
  }
  if (f.status.endsWith("submitted")) return <>A change is waiting for review</>;
  return (
    <Link prefetch={false} href={`/workspace/${f.arrangementId}/confirm?year=${f.financialYear}`}>
      Confirm<span className="sr-only">{` ${year} for ${f.title}`}</span>
    </Link>
  );
}

const COLUMNS: Column<PastForecast>[] = [
  {
    label: "Arrangement",
    rowHeader: true,
    cell: (f) => (
      <Link prefetch={false} href={`/workspace/${f.arrangementId}/preview`}>
        {f.title}
      </Link>
    ),
  },
  { label: "Financial year", cell: (f) => financialYearLabel(f.financialYear) },
  { label: "Forecast", numeric: true, cell: (f) => formatPence(f.forecastPence) },
  { label: "What was saved", cell: (f) => <Answer forecast={f} /> },
];

/**
 * The organisation's forecasts for financial years that have ended (lib/arrangements/
 * past-forecasts.ts): the public pages show them as not yet confirmed until the council says
 * what was saved.
 */
export function PastForecastsSection({ forecasts }: { forecasts: PastForecast[] }) {
  return (
    <section aria-labelledby="past-forecasts" className="mt-10">
      <h2 id="past-forecasts" className="text-2xl font-bold">
        Forecasts for years that have ended{" "}
        <span className="font-normal text-ink-muted">({forecasts.length})</span>
      </h2>
      {forecasts.length === 0 ? (
        <p className="mt-2 text-ink-muted">
          None: every published forecast is for a year still running or to come.
        </p>
      ) : (
        <>
          <p className="mt-2 max-w-3xl text-ink-muted">
            These years are over, so the public pages show their forecasts as &ldquo;not yet
            confirmed&rdquo;. Say what was actually saved, or that the saving was not achieved; the
            change is reviewed like any other.
          </p>
          <DataTable
            id="past-forecasts-table"
            dense
            regionClassName="mt-4"
            testId="past-forecasts"
            caption="Forecasts for years that have ended, not yet confirmed"
            captionClassName="sr-only"
            columns={COLUMNS}
            rows={forecasts}
            rowKey={(f) => `${f.arrangementId}-${f.financialYear}`}
          />
        </>
      )}
    </section>
  );
}
