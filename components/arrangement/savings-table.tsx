import { DataTable, type Column } from "@/components/data-table";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";
import type { SavingsLine } from "@/lib/public/arrangements";

const COLUMNS: Column<SavingsLine>[] = [
  { label: "Financial year", rowHeader: true, cell: (s) => financialYearLabel(s.financialYear) },
  { label: "Actual or forecast", cell: (s) => (s.kind === "actual" ? "Actual" : "Forecast") },
  { label: "Saving", numeric: true, cell: (s) => formatPence(s.amountPence) },
];

/** The total, and with both kinds its two parts first. */
function Totals({
  actualPence,
  forecastPence,
  totalPence,
}: {
  actualPence: bigint;
  forecastPence: bigint;
  totalPence: bigint;
}) {
  const parts =
    actualPence > 0n && forecastPence > 0n
      ? ([
          ["Actual", actualPence],
          ["Forecast", forecastPence],
        ] as const)
      : [];
  return (
    <>
      {parts.map(([kind, pence]) => (
        <tr key={kind} className="font-normal">
          <th scope="row" className="font-normal">
            {kind}, all years
          </th>
          <td>{kind}</td>
          <td className="num">{formatPence(pence)}</td>
        </tr>
      ))}
      <tr className="border-t-2 border-rule-strong">
        <th scope="row">Total</th>
        <td>
          <span className="sr-only">Actual and forecast</span>
        </td>
        <td className="num" data-testid="arrangement-savings-total">
          {formatPence(totalPence)}
        </td>
      </tr>
    </>
  );
}

/** An arrangement's savings by financial year, exact, with the total split into actual and forecast. */
export function SavingsTable({
  savings,
  ...totals
}: {
  savings: SavingsLine[];
  actualPence: bigint;
  forecastPence: bigint;
  totalPence: bigint;
}) {
  return (
    <DataTable
      id="savings"
      regionClassName="min-w-0"
      className="max-w-xl"
      testId="arrangement-savings-table"
      caption="Savings by financial year, in pounds"
      columns={COLUMNS}
      rows={savings}
      rowKey={(s) => s.financialYear}
      footer={<Totals {...totals} />}
    />
  );
}
