import { financialYearLabel, financialYearOf } from "@/lib/financial-year";
import type { ArrangementFormValues, SavingsKind } from "./schema";

/*
 * The form's savings grid: one row per financial year, each an amount in pounds and its kind.
 * Pure, so the form (a client component) and the commands share it.
 *
 * Which years: from the financial year the arrangement started — or 2012/13, the first year of
 * the LGA's published figures, while there is no start date — to four years ahead of this one
 * (the register's forecasts rarely reach further), plus any other year that already has a
 * figure, so nothing stored is ever hidden. A row left without an amount is no saving.
 */

export const GRID_FIRST_YEAR = 2012;
export const GRID_YEARS_AHEAD = 4;

export type SavingsGridRow = { year: number; amount: string; kind: string };

/** A year that has ended records what was saved; this year and later ones, a forecast. */
export function defaultSavingsKind(year: number, currentYear: number): SavingsKind {
  return year < currentYear ? "actual" : "forecast";
}

const YEAR = /^\d{4}$/;

/** The grid's rows, oldest first: its years, with what was typed or stored in each. */
export function savingsGridRows(
  values: Pick<
    ArrangementFormValues,
    "startDate" | "savingsYear" | "savingsAmount" | "savingsKind"
  >,
  currentYear: number,
): SavingsGridRow[] {
  const typed = new Map<number, { amount: string; kind: string }>();
  values.savingsYear.forEach((y, i) => {
    const year = y.trim();
    if (!YEAR.test(year) || typed.has(Number(year))) return;
    typed.set(Number(year), {
      amount: values.savingsAmount[i] ?? "",
      kind: values.savingsKind[i] ?? "",
    });
  });
  const start = YEAR.test(values.startDate.slice(0, 4))
    ? financialYearOf(values.startDate)
    : GRID_FIRST_YEAR;
  const last = Math.max(currentYear + GRID_YEARS_AHEAD, start);
  const years = new Set<number>();
  for (let year = start; year <= last; year++) years.add(year);
  for (const [year, row] of typed) if (row.amount.trim()) years.add(year);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const row = typed.get(year);
      const kind = row?.kind.trim() ? row.kind : defaultSavingsKind(year, currentYear);
      return { year, amount: row?.amount ?? "", kind };
    });
}

const ROW_ERROR = /^savings\.(\d+)\.(year|amount|kind)$/;

/**
 * The schema keys a savings row's errors by its place in the lists sent ("savings.3.amount"),
 * as the import needs; the form's rows are years, so the workspace keys them by year
 * ("savings.2018.amount") and each message names its row ("Savings 2018/19: enter …").
 */
export function savingsErrorsByYear(
  errors: Record<string, string>,
  values: { savingsYear?: unknown },
): Record<string, string> {
  const years = Array.isArray(values.savingsYear)
    ? (values.savingsYear as unknown[])
    : [values.savingsYear];
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = ROW_ERROR.exec(key);
    const year = match ? String(years[Number(match[1])] ?? "").trim() : "";
    if (!match || !YEAR.test(year)) {
      out[key] = message;
      continue;
    }
    const said = /^[A-Z][a-z]/.test(message)
      ? message[0]!.toLowerCase() + message.slice(1)
      : message;
    out[`savings.${year}.${match[2]}`] ??= `Savings ${financialYearLabel(Number(year))}: ${said}`;
  }
  return out;
}
