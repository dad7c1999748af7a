import "server-only";
import { partnerOptions } from "@/lib/arrangements/queries";
import { FIRST_SAVINGS_YEAR } from "@/lib/arrangements/schema";
import { financialYearOf } from "@/lib/financial-year";

/** Financial years for the savings rows: newest first, five years of forecasts ahead. */
export function savingsYearOptions(today: Date = new Date()): number[] {
  const last = financialYearOf(today) + 5;
  return Array.from({ length: last - FIRST_SAVINGS_YEAR + 1 }, (_, i) => last - i);
}

/** The partner combobox's choices: organisations operating on the start date (or today). */
export async function partnerChoices(
  startDate: string | null,
): Promise<{ code: string; name: string }[]> {
  return (await partnerOptions(startDate)).map(({ code, name }) => ({ code, name }));
}
