import { SavingsTable } from "@/components/arrangement/savings-table";
import { ArrangementSavingsChart } from "@/components/charts/arrangement-savings-chart";
import { RoundingNote } from "@/components/rounding-note";
import { today } from "@/lib/clock";
import { financialYearLabel } from "@/lib/financial-year";
import { formatHeadlinePounds, formatWholePounds, penceToChartPounds } from "@/lib/money";
import type { ArrangementDetail } from "@/lib/public/arrangements";

/** The chart in words, for assistive technology. */
function chartSummary(a: ArrangementDetail): string {
  const first = a.savings[0]!;
  const last = a.savings[a.savings.length - 1]!;
  const span =
    first === last
      ? financialYearLabel(first.financialYear)
      : `${financialYearLabel(first.financialYear)} to ${financialYearLabel(last.financialYear)}`;
  return (
    `Savings by financial year, ${span}: ${formatHeadlinePounds(a.totalPence)} in total, ` +
    `${formatHeadlinePounds(a.actualPence)} actual and ${formatHeadlinePounds(a.forecastPence)} forecast. ` +
    "Figures to the pound are in the table that follows."
  );
}

function totalText(a: ArrangementDetail): string {
  if (a.forecastPence === 0n) return ", all actual savings.";
  const unconfirmed =
    a.unconfirmedPence === 0n
      ? ""
      : a.unconfirmedPence === a.forecastPence
        ? ", all for years that have ended and not yet confirmed"
        : `, of which ${formatWholePounds(a.unconfirmedPence)} for years that have ended, not yet confirmed`;
  if (a.actualPence === 0n) return `, all forecast${unconfirmed}.`;
  return `: ${formatWholePounds(a.actualPence)} actual and ${formatWholePounds(a.forecastPence)} forecast${unconfirmed}.`;
}

function SavingsFigures({ arrangement: a }: { arrangement: ArrangementDetail }) {
  const chartData = a.savings.map((s) => ({
    label: financialYearLabel(s.financialYear),
    kind: s.kind,
    actualPounds: s.kind === "actual" ? penceToChartPounds(s.amountPence) : 0,
    forecastPounds: s.kind === "forecast" ? penceToChartPounds(s.amountPence) : 0,
  }));
  return (
    <>
      <p className="mt-2 text-lg" data-testid="arrangement-savings-summary">
        <span className="font-bold">{formatWholePounds(a.totalPence)}</span> in total{totalText(a)}
      </p>
      <p className="mt-1 max-w-3xl text-ink-muted">
        Financial years run from 1 April to 31 March. Actual savings have been achieved; forecast
        savings are what the councils expect. A forecast for a year that has ended is marked
        &ldquo;not yet confirmed&rdquo; until the council records what was actually saved.
      </p>
      <div className="mt-6 grid gap-8 md:grid-cols-2 md:items-start">
        <div className="min-w-0">
          <SavingsTable
            savings={a.savings}
            actualPence={a.actualPence}
            forecastPence={a.forecastPence}
            unconfirmedPence={a.unconfirmedPence}
            totalPence={a.totalPence}
            today={today()}
          />
          <RoundingNote />
        </div>
        <figure className="min-w-0 break-inside-avoid">
          <ArrangementSavingsChart data={chartData} summary={chartSummary(a)} />
          <figcaption className="mt-2 text-sm text-ink-muted">
            Chart of the figures in the table.
          </figcaption>
        </figure>
      </div>
    </>
  );
}

/** The arrangement's savings as a table and a chart, or why it has none. */
export function SavingsSection({ arrangement: a }: { arrangement: ArrangementDetail }) {
  return (
    <section aria-labelledby="savings-heading" className="mt-10">
      <h2 id="savings-heading" className="text-2xl font-bold">
        Savings
      </h2>
      {a.savings.length ? (
        <SavingsFigures arrangement={a} />
      ) : (
        <div className="mt-2 max-w-3xl">
          <p className="text-lg">No savings figure has been published for this arrangement.</p>
          {a.noSavingsReason ? (
            <p className="mt-2 whitespace-pre-line" data-testid="no-savings-reason">
              <span className="font-semibold">Why: </span>
              {a.noSavingsReason}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
