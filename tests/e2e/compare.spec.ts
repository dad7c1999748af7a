import { expect, test, type Locator, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { today } from "@/lib/clock";
import { financialYearLabel } from "@/lib/financial-year";
import { formatWholePounds } from "@/lib/money";
import * as bySql from "../support/expected-figures";
import { axeViolations } from "./a11y";
import { sql } from "./fixtures";

/*
 * The compare page in Chromium: councils chosen with the picker (a GET form, with and without
 * JavaScript) give a shareable address that reloads to the same view; each table's CSV holds
 * the table's figures to the penny; the council page links to a comparison with its similar
 * councils; axe finds nothing (with JavaScript: axe itself needs it). Every figure against SQL: tests/integration/compare.test.ts.
 */

const DEVON = "E10000008";
const EAST_DEVON = "E07000040";
const BRENT = "E09000005";

/** Each body row of a table as its cells' text, the row header first. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll("th, td"), (c) => c.textContent!.trim())),
    );
}

/** A table's CSV download, parsed, from the link under it. */
async function csvOf(page: Page, table: string): Promise<Record<string, string>[]> {
  const href = await page.getByTestId(`compare-${table}-csv`).getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  return parse(await response.text(), { columns: true, bom: true }) as Record<string, string>[];
}

const whole = (pence: string) => formatWholePounds(BigInt(pence));

test.describe("comparing councils", () => {
  // A page of tables and a list of every council: axe takes a while on a busy machine.
  test.setTimeout(90_000);

  test("compares three councils picked in the form: its address reloads the same view, its CSVs equal its tables", async ({
    page,
  }) => {
    await page.goto(`/compare?councils=${DEVON},${EAST_DEVON}`);
    await expect(page).toHaveTitle(
      "Compare councils: Devon, East Devon – Council Shared Services Map",
    );
    await page.getByLabel("Add a council").selectOption(BRENT);
    await page.getByRole("button", { name: "Add council" }).click();
    await expect(page).toHaveURL(
      new RegExp(`/compare\\?councils=${DEVON},${EAST_DEVON},${BRENT}$`),
    );

    const councils = page.getByTestId("compare-councils-table");
    const shown = await rowsOf(councils);
    expect(shown.map((r) => r[1])).toEqual([DEVON, EAST_DEVON, BRENT]);
    // The table is its CSV, rounded to the pound.
    const csv = await csvOf(page, "councils");
    expect(shown).toEqual(
      csv.map((r) => [
        r.council,
        r.code,
        r.type,
        r.region,
        Number(r.population).toLocaleString("en-GB"),
        r.arrangements,
        whole(r.share_pence!),
        r.share_per_resident,
        whole(r.whole_partnership_savings_pence!),
      ]),
    );
    // And its figures are SQL's.
    const figures = await bySql.expectedCouncilFigures(sql, today());
    expect(shown.map((r) => [r[5], r[6], r[8]])).toEqual(
      [DEVON, EAST_DEVON, BRENT].map((code) => {
        const e = figures.get(code)!;
        return [String(e.arrangements), formatWholePounds(e.share), formatWholePounds(e.pence)];
      }),
    );

    const years = await rowsOf(page.getByTestId("compare-share-by-year-table"));
    const yearsCsv = await csvOf(page, "share-by-year");
    expect(years).toEqual(
      yearsCsv.map((r) => [
        financialYearLabel(Number(r.financial_year_start)),
        ...[DEVON, EAST_DEVON, BRENT].map((code) => whole(r[`${code}_share_pence`]!)),
      ]),
    );
    await expect(
      page.locator('[data-chart="compare-share-by-year"] svg[data-layout]:visible'),
    ).toHaveCount(1);

    const services = await rowsOf(page.getByTestId("compare-services-table"));
    const servicesCsv = await csvOf(page, "services");
    expect(services).toEqual(
      servicesCsv.map((r) => [
        r.service,
        ...[DEVON, EAST_DEVON, BRENT].map((code) => r[`${code}_arrangements`]),
      ]),
    );

    // The address alone gives the same view: the councils chosen and every table.
    const view = async () => [
      await page.getByTestId("compare-chosen").locator("li").allInnerTexts(),
      await rowsOf(councils),
      await rowsOf(page.getByTestId("compare-share-by-year-table")),
      await rowsOf(page.getByTestId("compare-services-table")),
    ];
    const before = await view();
    await page.reload();
    await expect(councils.locator("tbody tr")).toHaveCount(3);
    expect(await view()).toEqual(before);

    expect(await axeViolations(page)).toEqual([]);
  });

  test("works without JavaScript: removes and adds through the form, and explains former and unknown codes", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Allerdale Borough Council has been part of Cumberland Council since 2023.
    await page.goto(`/compare?councils=E07000026,${DEVON},E99999999`);
    await expect(page.getByTestId("compare-replaced")).toHaveText(
      "Allerdale Borough Council has been abolished: Cumberland Council, which it became part of on 1 April 2023, is compared in its place.",
    );
    await expect(page.getByRole("alert")).toContainText(
      "No council has the code E99999999: choose councils from the list.",
    );
    const table = page.getByTestId("compare-councils-table");
    expect((await rowsOf(table)).map((r) => r[1])).toEqual(["E06000063", DEVON]);

    await page.getByRole("button", { name: "Remove Devon County Council" }).click();
    await expect(page.getByTestId("compare-too-few")).toHaveText(
      "Choose at least one more council to compare: there must be 2 to 6.",
    );
    await expect(table).toHaveCount(0);
    await page.getByLabel("Add a council").selectOption(BRENT);
    await page.getByRole("button", { name: "Add council" }).click();
    expect((await rowsOf(table)).map((r) => r[1])).toEqual(["E06000063", BRENT]);
    await expect(page.getByTestId("compare-link")).toHaveAttribute(
      "href",
      `/compare?councils=E06000063,${BRENT}`,
    );
    await context.close();
  });

  test("is linked from a council's page with its three most similar councils", async ({ page }) => {
    await page.goto(`/councils/${DEVON}`);
    const similar = await page
      .getByTestId("council-similar")
      .locator("ol a")
      .evaluateAll((links) =>
        links.slice(0, 3).map((a) => a.getAttribute("href")!.split("/").pop()!),
      );
    await page.getByRole("link", { name: "Compare Devon with similar councils" }).click();
    await expect(page).toHaveURL(
      new RegExp(`/compare\\?councils=${[DEVON, ...similar].join(",")}$`),
    );
    expect((await rowsOf(page.getByTestId("compare-councils-table"))).map((r) => r[1])).toEqual([
      DEVON,
      ...similar,
    ]);
  });
});
