"use client";

import { useState } from "react";
import { fieldId } from "@/components/forms/error-summary";
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
  const remove = (key: number) => setRows(rows.filter((r) => r.key !== key));

  return (
    <div className="mb-6">
      <ol className="space-y-4">
        {rows.map((row, position) => {
          const ref = row.index ?? `new${row.key}`;
          const error = (part: string) =>
            row.index === null ? undefined : errors[`savings.${row.index}.${part}`];
          const control = (part: string) => {
            const id = fieldId(`savings.${ref}.${part}`);
            const message = error(part);
            return {
              id,
              message,
              describedBy: message ? `${id}-error` : undefined,
              className: `mt-1 block border-2 bg-paper ${message ? "border-error" : "border-ink"} px-2 py-1.5`,
            };
          };
          const year = control("year");
          const amount = control("amount");
          const kind = control("kind");
          const years = yearOptions.map(String);
          if (row.year && !years.includes(row.year)) years.unshift(row.year);
          const rowHasError = Boolean(year.message || amount.message || kind.message);
          return (
            <li key={row.key}>
              <fieldset
                className={`border border-rule p-3 ${rowHasError ? "border-l-4 border-l-error" : ""}`}
              >
                <legend className="px-1 font-semibold">Savings row {position + 1}</legend>
                <div className="flex flex-wrap items-end gap-4">
                  <div>
                    <label htmlFor={year.id}>Financial year</label>
                    {year.message ? (
                      <p id={`${year.id}-error`} className="font-semibold text-error">
                        <span className="sr-only">Error: </span>
                        {year.message}
                      </p>
                    ) : null}
                    <select
                      id={year.id}
                      name="savingsYear"
                      defaultValue={row.year}
                      aria-describedby={year.describedBy}
                      aria-invalid={year.message ? true : undefined}
                      className={year.className}
                    >
                      <option value="">Select a year</option>
                      {years.map((y) => (
                        <option key={y} value={y}>
                          {/^\d{4}$/.test(y) ? financialYearLabel(Number(y)) : y}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={amount.id}>Amount saved, in pounds</label>
                    {amount.message ? (
                      <p id={`${amount.id}-error`} className="font-semibold text-error">
                        <span className="sr-only">Error: </span>
                        {amount.message}
                      </p>
                    ) : null}
                    <input
                      id={amount.id}
                      name="savingsAmount"
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      spellCheck={false}
                      defaultValue={row.amount}
                      aria-describedby={amount.describedBy}
                      aria-invalid={amount.message ? true : undefined}
                      className={`form-input w-48 ${amount.className}`}
                    />
                  </div>
                  <div>
                    <label htmlFor={kind.id}>Actual or forecast</label>
                    {kind.message ? (
                      <p id={`${kind.id}-error`} className="font-semibold text-error">
                        <span className="sr-only">Error: </span>
                        {kind.message}
                      </p>
                    ) : null}
                    <select
                      id={kind.id}
                      name="savingsKind"
                      defaultValue={row.kind}
                      aria-describedby={kind.describedBy}
                      aria-invalid={kind.message ? true : undefined}
                      className={kind.className}
                    >
                      <option value="">Select</option>
                      <option value="actual">Actual</option>
                      <option value="forecast">Forecast</option>
                    </select>
                  </div>
                  {hydrated ? (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => remove(row.key)}
                    >
                      Remove<span className="sr-only"> savings row {position + 1}</span>
                    </button>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
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
