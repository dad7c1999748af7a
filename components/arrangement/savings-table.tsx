import { DataTable, type Column } from "@/components/data-table";
import { financialYearLabel, isUnconfirmedForecast } from "@/lib/financial-year";
import { formatWholePounds } from "@/lib/money";
import type { SavingsLine } from "@/lib/public/arrangements";

/**
 * "Actual", "Forecast", or for a year that has ended on `today` "Forecast, not yet confirmed"; an
 * actual of £0 is how a council records a forecast saving that was not achieved.
 */
export function savingsKindLabel(line: SavingsLine, today: string): string {
  if (line.kind === "actual") return line.amountPence === 0n ? "Actual: not achieved" : "Actual";
  return isUnconfirmedForecast(line, today) ? "Forecast, not yet confirmed" : "Forecast";
}

function columns(today: string): Column<SavingsLine>[] {
  return [
    { label: "Financial year", rowHeader: true, cell: (s) => financialYearLabel(s.financialYear) },
    { label: "Actual or forecast", cell: (s) => savingsKindLabel(s, today) },
    { label: "Saving", numeric: true, cell: (s) => formatWholePounds(s.amountPence) },
  ];
}

type SavingsTotals = {
  actualPence: bigint;
  forecastPence: bigint;
  /** The part of forecastPence for years that have ended, not yet confirmed. */
  unconfirmedPence: bigint;
  totalPence: bigint;
};

/** The total, and with both kinds its two parts first (and the unconfirmed part of the forecast). */
function Totals({ actualPence, forecastPence, unconfirmedPence, totalPence }: SavingsTotals) {
  const parts: [string, string, bigint][] =
    actualPence > 0n && forecastPence > 0n
      ? [
          ["Actual, all years", "Actual", actualPence],
          ["Forecast, all years", "Forecast", forecastPence],
        ]
      : [];
  if (unconfirmedPence > 0n)
    parts.push([
      "Of the forecast: years that have ended",
      "Forecast, not yet confirmed",
      unconfirmedPence,
    ]);
  return (
    <>
      {parts.map(([label, kind, pence]) => (
        <tr key={label} className="font-normal">
          <th scope="row" className="font-normal">
            {label}
          </th>
          <td>{kind}</td>
          <td className="num">{formatWholePounds(pence)}</td>
        </tr>
      ))}
      <tr className="border-t-2 border-rule-strong">
        <th scope="row">Total</th>
        <td>
          <span className="sr-only">Actual and forecast</span>
        </td>
        <td className="num" data-testid="arrangement-savings-total">
          {formatWholePounds(totalPence)}
        </td>
      </tr>
    </>
  );
}

/**
 * An arrangement's savings by financial year, exact, with the total split into actual and
 * forecast; a forecast for a year that has ended on `today` is marked "not yet confirmed".
 */
export function SavingsTable({
  savings,
  today,
  ...totals
}: SavingsTotals & { savings: SavingsLine[]; today: string }) {
  return (
    <DataTable
      id="savings"
      regionClassName="min-w-0"
      className="max-w-xl"
      testId="arrangement-savings-table"
      caption="Savings by financial year, in pounds"
      columns={columns(today)}
      rows={savings}
      rowKey={(s) => s.financialYear}
      footer={<Totals {...totals} />}
    />
  );
}
