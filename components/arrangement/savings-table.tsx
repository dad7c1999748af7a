import { DataTable } from "@/components/data-table";
import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";
import type { SavingsLine } from "@/lib/public/arrangements";

const COLUMNS = [
  { label: "Financial year" },
  { label: "Actual or forecast" },
  { label: "Saving", numeric: true },
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
      footer={<Totals {...totals} />}
    >
      {savings.map((s) => (
        <tr key={s.financialYear}>
          <th scope="row">{financialYearLabel(s.financialYear)}</th>
          <td>{s.kind === "actual" ? "Actual" : "Forecast"}</td>
          <td className="num">{formatPence(s.amountPence)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
