import { formatPence, formatPerResident } from "@/lib/money";

/*
 * The population the register holds for each council: the ONS mid-year estimate for 2020 in
 * the reference data (db/reference/uk_local_authorities.csv, mySociety's pop-2020). A council
 * formed later has the population an administrator entered with it. Pure module.
 */

/** How pages name the population's date, beside every figure that uses it. */
export const POPULATION_ESTIMATE = "mid-2020 estimate";

/**
 * "£12.34 per resident": savings over a population, to the penny (the one public figure with
 * pence, so always said per resident). Null without a population.
 */
export function perResidentText(pence: bigint, population: number | null): string | null {
  const amount = formatPerResident(pence, population);
  return amount === null ? null : `${amount} per resident`;
}

/** "£12.34 per resident" for an amount already per resident, in whole pence. */
export function perResidentPenceText(perResident: bigint): string {
  return `${formatPence(perResident)} per resident`;
}
