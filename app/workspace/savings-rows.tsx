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

/** One part of a row (year, amount or kind): its label, its error, and its control. */
function Part({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: (control: ControlAttributes) => ReactNode;
}) {
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

function SavingsRow({
  row,
  position,
  errors,
  yearOptions,
  onRemove,
}: {
  row: Row;
  position: number;
  errors: Record<string, string>;
  yearOptions: number[];
  onRemove?: () => void;
}) {
  const ref = row.index ?? `new${row.key}`;
  const id = (part: string) => fieldId(`savings.${ref}.${part}`);
  const error = (part: string) =>
    row.index === null ? undefined : errors[`savings.${row.index}.${part}`];
  const years = yearOptions.map(String);
  if (row.year && !years.includes(row.year)) years.unshift(row.year);
  const hasError = ["year", "amount", "kind"].some((part) => error(part));
  return (
    <li>
      <fieldset className={`border border-rule p-3 ${hasError ? "border-l-4 border-l-error" : ""}`}>
        <legend className="px-1 font-semibold">Savings row {position}</legend>
        <div className="flex flex-wrap items-end gap-4">
          <Part id={id("year")} label="Financial year" error={error("year")}>
            {(control) => (
              <select {...control} name="savingsYear" defaultValue={row.year}>
                <option value="">Select a year</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {/^\d{4}$/.test(y) ? financialYearLabel(Number(y)) : y}
                  </option>
                ))}
              </select>
            )}
          </Part>
          <Part id={id("amount")} label="Amount saved, in pounds" error={error("amount")}>
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
          <Part id={id("kind")} label="Actual or forecast" error={error("kind")}>
            {(control) => (
              <select {...control} name="savingsKind" defaultValue={row.kind}>
                <option value="">Select</option>
                <option value="actual">Actual</option>
                <option value="forecast">Forecast</option>
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
