import type { Locator, Page } from "@playwright/test";

/*
 * The arrangement form's GOV.UK patterns, for the specs that fill it: a date as day, month and
 * year in a fieldset named by its legend, and the savings grid's row for a financial year.
 */

/** Types "1 4 2019" into the date input whose legend is `legend` ("Start date"). */
export async function fillDate(scope: Page | Locator, legend: string, date: string) {
  const [day, month, year] = date.split(" ") as [string, string, string];
  const group = scope.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

/** The savings grid's amount for a financial year ("2019/20"). */
export function savingsAmount(scope: Page | Locator, year: string): Locator {
  return scope.getByLabel(`Savings ${year}: amount in pounds`);
}

/** The savings grid's kind (actual or forecast) for a financial year ("2019/20"). */
export function savingsKind(scope: Page | Locator, year: string): Locator {
  return scope.getByLabel(`Savings ${year}: actual or forecast`);
}

/** Ticks the submission's declaration. */
export async function declare(scope: Page | Locator) {
  await scope
    .getByRole("checkbox", { name: "I confirm these figures are accurate and may be published" })
    .check();
}
