import { financialYearLabel } from "@/lib/financial-year";
import { formatPence } from "@/lib/money";
import type { SavingsLine } from "@/lib/public/arrangements";

/** An arrangement's savings by financial year, exact, with the total split into actual and forecast. */
export function SavingsTable({
  savings,
  actualPence,
  forecastPence,
  totalPence,
}: {
  savings: SavingsLine[];
  actualPence: bigint;
  forecastPence: bigint;
  totalPence: bigint;
}) {
  return (
    <div
      className="relative min-w-0 overflow-x-auto"
      role="region"
      aria-labelledby="savings-caption"
      tabIndex={0}
    >
      <table
        className="w-full max-w-xl border-collapse text-left"
        data-testid="arrangement-savings-table"
      >
        <caption id="savings-caption" className="mb-2 text-left font-semibold">
          Savings by financial year, in pounds
        </caption>
        <thead>
          <tr className="border-b-2 border-rule-strong">
            <th scope="col" className="py-2 pr-4">
              Financial year
            </th>
            <th scope="col" className="py-2 pr-4">
              Actual or forecast
            </th>
            <th scope="col" className="py-2 text-right">
              Saving
            </th>
          </tr>
        </thead>
        <tbody>
          {savings.map((s) => (
            <tr key={s.financialYear} className="border-b border-rule">
              <th scope="row" className="py-2 pr-4 font-normal">
                {financialYearLabel(s.financialYear)}
              </th>
              <td className="py-2 pr-4">{s.kind === "actual" ? "Actual" : "Forecast"}</td>
              <td className="py-2 text-right">{formatPence(s.amountPence)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {/* With both kinds, the total's two parts first. */}
          {actualPence > 0n && forecastPence > 0n
            ? (
                [
                  ["Actual", actualPence],
                  ["Forecast", forecastPence],
                ] as const
              ).map(([kind, pence], i) => (
                <tr key={kind} className={i === 0 ? "border-t-2 border-rule-strong" : undefined}>
                  <th scope="row" className="py-2 pr-4 font-normal">
                    {kind}, all years
                  </th>
                  <td className="py-2 pr-4">{kind}</td>
                  <td className="py-2 text-right">{formatPence(pence)}</td>
                </tr>
              ))
            : null}
          <tr className="border-t-2 border-rule-strong font-bold">
            <th scope="row" className="py-2 pr-4">
              Total
            </th>
            <td className="py-2 pr-4">
              <span className="sr-only">Actual and forecast</span>
            </td>
            <td className="py-2 text-right" data-testid="arrangement-savings-total">
              {formatPence(totalPence)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
