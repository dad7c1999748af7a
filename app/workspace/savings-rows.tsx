"use client";

import { useState, type ReactNode } from "react";
import { describedBy, FieldMessages } from "@/components/forms/field";
import { fieldId } from "@/components/forms/field-id";
import { financialYearLabel } from "@/lib/financial-year";
import { useHydrated } from "./use-hydrated";

type Row = {
  /** Stable React key. */
  key: number;
  /** The row's index in the values the server last saw: its errors are keyed by it. */
  index: number | null;
  year: string;
  amount: string;
  kind: string;
};

const KIND_OPTIONS = [
  ["", "Select"],
  ["actual", "Actual"],
  ["forecast", "Forecast"],
] as const;

/** Enough rows to type into without JavaScript: every used row, one spare, at least three. */
const MIN_ROWS = 3;

function initialRows(years: string[], amounts: string[], kinds: string[]): Row[] {
  const length = Math.max(years.length, amounts.length);
  let used = 0;
  for (let i = 0; i < length; i++)
    if ((years[i] ?? "").trim() || (amounts[i] ?? "").trim()) used = i + 1;
  return Array.from({ length: Math.max(used + 1, MIN_ROWS) }, (_, i) => ({
    key: i,
    index: i,
    year: years[i] ?? "",
    amount: amounts[i] ?? "",
    kind: kinds[i] ?? "",
  }));
}

type ControlAttributes = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  className: string;
};

type PartName = "year" | "amount" | "kind";

/** A part's id (new rows have their own) and its error (new rows have none yet). */
function partOf(row: Row, errors: Record<string, string>, part: PartName) {
  return {
    id: fieldId(`savings.${row.index ?? `new${row.key}`}.${part}`),
    error: row.index === null ? undefined : errors[`savings.${row.index}.${part}`],
  };
}

/** One part of a row (year, amount or kind): its label, its error, and its control. */
function Part({
  row,
  errors,
  part,
  label,
  children,
}: {
  row: Row;
  errors: Record<string, string>;
  part: PartName;
  label: string;
  children: (control: ControlAttributes) => ReactNode;
}) {
  const { id, error } = partOf(row, errors, part);
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} error={error} />
      {children({
        id,
        "aria-describedby": describedBy(id, false, error),
        "aria-invalid": error ? true : undefined,
        className: `mt-1 block border-2 bg-paper ${error ? "border-error" : "border-ink"} px-2 py-1.5`,
      })}
    </div>
  );
}

/** The years to choose from, and one chosen before that is no longer among them. */
function YearOptions({ years, chosen }: { years: number[]; chosen: string }) {
  const values = years.map(String);
  if (chosen && !values.includes(chosen)) values.unshift(chosen);
  return values.map((y) => (
    <option key={y} value={y}>
      {/^\d{4}$/.test(y) ? financialYearLabel(Number(y)) : y}
    </option>
  ));
}

type RowProps = {
  row: Row;
  position: number;
  errors: Record<string, string>;
  yearOptions: number[];
  onRemove?: () => void;
};

function SavingsRow({ row, position, errors, yearOptions, onRemove }: RowProps) {
  const parts = { row, errors };
  const hasError = (["year", "amount", "kind"] as const).some((p) => partOf(row, errors, p).error);
  return (
    <li>
      <fieldset className={`border border-rule p-3 ${hasError ? "border-l-4 border-l-error" : ""}`}>
        <legend className="px-1 font-semibold">Savings row {position}</legend>
        <div className="flex flex-wrap items-end gap-4">
          <Part {...parts} part="year" label="Financial year">
            {(control) => (
              <select {...control} name="savingsYear" defaultValue={row.year}>
                <option value="">Select a year</option>
                <YearOptions years={yearOptions} chosen={row.year} />
              </select>
            )}
          </Part>
          <Part {...parts} part="amount" label="Amount saved, in pounds">
            {(control) => (
              <input
                {...control}
                name="savingsAmount"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                spellCheck={false}
                defaultValue={row.amount}
                className={`form-input w-48 ${control.className}`}
              />
            )}
          </Part>
          <Part {...parts} part="kind" label="Actual or forecast">
            {(control) => (
              <select {...control} name="savingsKind" defaultValue={row.kind}>
                {KIND_OPTIONS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Part>
          {onRemove ? (
            <button type="button" className="button button-secondary" onClick={onRemove}>
              Remove<span className="sr-only"> savings row {position}</span>
            </button>
          ) : null}
        </div>
      </fieldset>
    </li>
  );
}

/**
 * Savings by financial year: rows of year, amount (in pounds, as people write it) and actual or
 * forecast, sent as parallel lists. Blank rows are ignored by the schema, so without JavaScript
 * a few spare rows are simply rendered; with it, rows are added and removed.
 */
export function SavingsRows({
  years,
  amounts,
  kinds,
  errors,
  yearOptions,
}: {
  years: string[];
  amounts: string[];
  kinds: string[];
  errors: Record<string, string>;
  yearOptions: number[];
}) {
  const hydrated = useHydrated();
  const [rows, setRows] = useState(() => initialRows(years, amounts, kinds));
  const [nextKey, setNextKey] = useState(rows.length);

  const add = () => {
    setRows([...rows, { key: nextKey, index: null, year: "", amount: "", kind: "" }]);
    setNextKey(nextKey + 1);
    // Focus the new row's year once it is rendered.
    requestAnimationFrame(() =>
      document.getElementById(fieldId(`savings.new${nextKey}.year`))?.focus(),
    );
  };

  return (
    <div className="mb-6">
      <ol className="space-y-4">
        {rows.map((row, i) => (
          <SavingsRow
            key={row.key}
            row={row}
            position={i + 1}
            errors={errors}
            yearOptions={yearOptions}
            onRemove={hydrated ? () => setRows(rows.filter((r) => r.key !== row.key)) : undefined}
          />
        ))}
      </ol>
      {hydrated ? (
        <button type="button" className="button button-secondary mt-4" onClick={add}>
          Add another year
        </button>
      ) : (
        <p className="mt-2 text-ink-muted">
          Need more rows? Save the draft and a spare row is added each time.
        </p>
      )}
    </div>
  );
}
