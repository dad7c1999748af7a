import { DataTable, type Column } from "@/components/data-table";
import { describedBy, FieldMessages } from "@/components/forms/field";
import { fieldId } from "@/components/forms/field-id";
import type { ArrangementFormValues } from "@/lib/arrangements/schema";
import { savingsGridRows, type SavingsGridRow } from "@/lib/arrangements/savings-grid";
import { financialYearLabel } from "@/lib/financial-year";

type Part = "amount" | "kind";

/** A part of a year's row: its id, its error (keyed by year) and its label for assistive tech. */
function partOf(row: SavingsGridRow, errors: Record<string, string>, part: Part) {
  const id = fieldId(`savings.${row.year}.${part}`);
  const error = errors[`savings.${row.year}.${part}`] ?? errors[`savings.${row.year}.year`];
  return {
    id,
    error: part === "kind" ? errors[`savings.${row.year}.kind`] : error,
    label: `Savings ${financialYearLabel(row.year)}: ${part === "amount" ? "amount in pounds" : "actual or forecast"}`,
  };
}

function control(id: string, error: string | undefined) {
  return {
    id,
    "aria-describedby": describedBy(id, false, error),
    "aria-invalid": error ? (true as const) : undefined,
    className: `mt-1 border-2 bg-paper ${error ? "border-error" : "border-ink"} px-2 py-1.5`,
  };
}

function AmountCell({ row, errors }: { row: SavingsGridRow; errors: Record<string, string> }) {
  const { id, error, label } = partOf(row, errors, "amount");
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <FieldMessages id={id} error={error} />
      {/* The year travels with its amount: the lists sent are parallel (lib/arrangements/schema.ts). */}
      <input type="hidden" name="savingsYear" value={row.year} />
      <input
        {...control(id, error)}
        name="savingsAmount"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        defaultValue={row.amount}
        className={`form-input w-44 ${control(id, error).className}`}
      />
    </>
  );
}

function KindCell({ row, errors }: { row: SavingsGridRow; errors: Record<string, string> }) {
  const { id, error, label } = partOf(row, errors, "kind");
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <FieldMessages id={id} error={error} />
      <select {...control(id, error)} name="savingsKind" defaultValue={row.kind}>
        <option value="actual">Actual</option>
        <option value="forecast">Forecast</option>
      </select>
    </>
  );
}

/**
 * Savings as a grid: one row per financial year (lib/arrangements/savings-grid.ts says which),
 * each an amount in pounds and whether it is actual or forecast, the kind already set from the
 * year. Plain inputs in a table, so it works without JavaScript; each row's error sits in its
 * row and names the year.
 */
export function SavingsGrid({
  values,
  errors,
  currentYear,
}: {
  values: ArrangementFormValues;
  errors: Record<string, string>;
  currentYear: number;
}) {
  const rows = savingsGridRows(values, currentYear);
  const columns: Column<SavingsGridRow>[] = [
    { label: "Financial year", rowHeader: true, cell: (row) => financialYearLabel(row.year) },
    {
      label: "Amount saved, in pounds",
      cell: (row) => <AmountCell row={row} errors={errors} />,
    },
    { label: "Actual or forecast", cell: (row) => <KindCell row={row} errors={errors} /> },
  ];
  return (
    <div className="mb-6" data-testid="savings-grid">
      <DataTable
        id="savings-grid"
        caption="Savings for each financial year"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.year}
      />
    </div>
  );
}
