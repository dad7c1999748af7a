import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { sql } from "./fixtures";

/* Helpers for the public-site specs (explorer, arrangement page, API). */

/** Tells every app instance the public register changed, as an approval does in its transaction. */
export async function publicChange(): Promise<void> {
  await sql`insert into cache_invalidations (tag) values ('public-register')`;
}

/** Fails with the list of WCAG 2.2 A/AA violations axe finds on the page as it stands. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.help}`),
    label,
  ).toEqual([]);
}
