import "server-only";
import { partnerOptions } from "@/lib/arrangements/queries";
import { today } from "@/lib/clock";
import { financialYearOf } from "@/lib/financial-year";

/** This financial year, by the register's clock: the savings grid's default kinds follow it. */
export function currentSavingsYear(): number {
  return financialYearOf(today());
}

/** The partner combobox's choices: organisations operating on the start date (or today). */
export async function partnerChoices(
  startDate: string | null,
): Promise<{ code: string; name: string }[]> {
  return (await partnerOptions(startDate)).map(({ code, name }) => ({ code, name }));
}
