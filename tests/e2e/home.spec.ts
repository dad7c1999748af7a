import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { financialYearLabel } from "@/lib/financial-year";
import { formatLongDate } from "@/lib/format/dates";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import * as bySql from "../support/expected-figures";

/*
 * The national headline page, checked against the database it reads. The runner always seeds
 * the demo data set: the register from 2012 to today, with nearly every council taking part.
 *
 * Expected figures come from SQL written independently of lib/stats
 * (tests/support/expected-figures.ts), with gaps and running totals worked out in the test.
 */

type YearTotals = { year: number; actual: bigint; forecast: bigint };

let sql: postgres.Sql;

test.beforeAll(() => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end suite with `npm test`.");
  // One connection is all these reads need.
  sql = postgres(url, { max: 1, onnotice: () => {} });
});

test.afterAll(async () => {
  await sql?.end();
});

async function publishedSavingsByYear(): Promise<YearTotals[]> {
  const years = await bySql.expectedYears(sql, {});
  return years.map((y) => ({
    year: y.financialYear,
    actual: y.actualPence,
    forecast: y.forecastPence,
  }));
}

/**
 * Table rows as the page should show them: every year from first to last, with the running total
 * of actual savings (forecasts are never added to it).
 */
function expectedTableRows(totals: YearTotals[]): string[][] {
  const first = totals[0];
  const last = totals[totals.length - 1];
  if (!first || !last) return [];
  const byYear = new Map(totals.map((t) => [t.year, t]));
  const rows: string[][] = [];
  let actualToDate = 0n;
  for (let year = first.year; year <= last.year; year++) {
    const t = byYear.get(year) ?? { year, actual: 0n, forecast: 0n };
    const total = t.actual + t.forecast;
    actualToDate += t.actual;
    rows.push([
      financialYearLabel(year),
      formatWholePounds(t.actual),
      formatWholePounds(t.forecast),
      formatWholePounds(total),
      formatWholePounds(actualToDate),
    ]);
  }
  return rows;
}

test.describe("home page: the national picture", () => {
  test("shows the register's headline figures as they stand today", async ({ page }) => {
    // Read by the rule (tests/support/expected-figures.ts): today, shared arrangements only,
    // councils existing today taking part in a running, shared arrangement.
    const expected = await bySql.expectedHeadline(sql, {});

    await page.goto("/");
    await expect(page).toHaveTitle(/national picture/i);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Shared services in England: the national picture",
    );

    const arrangements = page.getByTestId("headline-arrangements");
    await expect(arrangements.locator("dd").first()).toHaveText(
      expected.arrangements.toLocaleString("en-GB"),
    );
    await expect(arrangements).toContainText(
      `shared on ${formatLongDate(expected.referenceDate)}; ${expected.internal} more now run within one council`,
    );

    const savings = page.getByTestId("headline-savings");
    await expect(savings.locator("dd").first()).toHaveText(
      formatHeadlinePounds(expected.totalPence),
    );

    const councils = page.getByTestId("headline-councils");
    await expect(councils.locator("dd").first()).toHaveText(
      expected.councilsInvolved.toLocaleString("en-GB"),
    );
    await expect(councils).toContainText(
      `${expected.councilsInvolved} of ${expected.councilsExisting} councils in England on ` +
        formatLongDate(expected.referenceDate),
    );
    // The LGA found 98% of councils sharing in 2017; the demo register keeps most of them today.
    const percent = await councils.getByText(/%\)/).textContent();
    expect(Number(/([\d.]+)%/.exec(percent ?? "")?.[1])).toBeGreaterThanOrEqual(90);
  });

  test("headline savings equal the savings in the database, by the rule", async ({ page }) => {
    const expected = await bySql.expectedHeadline(sql, {});
    await page.goto("/");
    const savings = page.getByTestId("headline-savings");
    await expect(savings.locator("dd").first()).toHaveText(
      formatHeadlinePounds(expected.totalPence),
    );
    await expect(savings).toContainText(
      `${formatWholePounds(expected.totalPence)} in total: ${formatWholePounds(expected.actualPence)} actual ` +
        `and ${formatWholePounds(expected.forecastPence)} forecast`,
    );
  });

  test("every row of the savings table equals the database", async ({ page }) => {
    const totals = await publishedSavingsByYear();
    const expected = expectedTableRows(totals);
    expect(expected.length).toBeGreaterThan(0);

    await page.goto("/");
    const table = page.getByRole("table", { name: /Savings by financial year/ });
    await expect(table).toBeVisible();
    await expect(table.locator("thead th")).toHaveText([
      "Financial year",
      "Actual",
      "Forecast",
      "Total",
      "Actual, running total",
    ]);

    const bodyRows = table.locator("tbody tr");
    await expect(bodyRows).toHaveCount(expected.length);
    const shown = await bodyRows.evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? ""),
      ),
    );
    expect(shown).toEqual(expected);

    const actual = totals.reduce((sum, t) => sum + t.actual, 0n);
    const forecast = totals.reduce((sum, t) => sum + t.forecast, 0n);
    const totalRow = table.locator("tfoot tr");
    await expect(totalRow.locator("th")).toHaveText("Total");
    await expect(totalRow.locator("td").nth(0)).toHaveText(formatWholePounds(actual));
    await expect(totalRow.locator("td").nth(1)).toHaveText(formatWholePounds(forecast));
    await expect(totalRow.locator("td").nth(2)).toHaveText(formatWholePounds(actual + forecast));
  });

  test("draws the savings chart, named for assistive technology", async ({ page }) => {
    await page.goto("/");
    const chart = page.getByRole("img", { name: /^Savings by financial year/ });
    await expect(chart).toBeVisible();
    // Drawn on the server: the SVG for the page's width is there at once, forecasts hatched.
    const svg = chart.locator("svg[data-layout]:visible");
    await expect(svg).toHaveCount(1);
    await expect(svg.locator("path[fill^='url(#']")).toHaveCount(1);
  });

  test("says that illustrative records are illustrative", async ({ page }) => {
    const expected = await bySql.expectedHeadline(sql, {});
    expect(expected.illustrativeCount).toBeGreaterThan(0);

    await page.goto("/");
    const banner = page.getByRole("complementary", { name: /Demo data/ });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(
      `${expected.illustrativeCount.toLocaleString("en-GB")} of the ${expected.arrangements.toLocaleString("en-GB")} arrangements`,
    );
    await expect(banner).toContainText("not real data");
  });

  test("on a phone the demo banner is one line with a 'More' that opens, without JavaScript too", async ({
    browser,
  }) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto("/");
    const banner = page.getByRole("complementary", { name: /Demo data/ });
    await expect(banner).toBeVisible();
    const summary = banner.locator("summary");
    await expect(summary).toHaveText(/^Illustrative demo data\s*More/);
    // The line fits: its words are not cut short.
    const title = summary.locator("span").first();
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const closed = (await banner.boundingBox())!;
    const { line, padding } = await summary.evaluate((el) => {
      const aside = getComputedStyle(el.closest("aside")!);
      return {
        line: parseFloat(getComputedStyle(el).lineHeight),
        padding: parseFloat(aside.paddingTop) + parseFloat(aside.paddingBottom),
      };
    });
    // One line of text and the box's padding: no more.
    expect(closed.height).toBeLessThanOrEqual(line + padding + 1);
    const details = banner.locator("details");
    const text = details.locator("p").filter({ hasText: "not real data" });
    await expect(text).toBeHidden();

    await summary.click();
    await expect(details).toHaveAttribute("open", "");
    await expect(text).toBeVisible();
    await expect(summary).toContainText("Less");
    expect((await banner.boundingBox())!.height).toBeGreaterThan(closed.height * 3);
    // By keyboard it closes again.
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(text).toBeHidden();
    await context.close();
  });

  test("on a wide screen the demo banner shows everything, with no disclosure", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto("/");
    const banner = page.getByRole("complementary", { name: /Demo data/ });
    await expect(banner.locator("summary")).toBeHidden();
    await expect(
      banner.getByText("Demo data: these figures include illustrative records").first(),
    ).toBeVisible();
    await expect(banner.locator("p:visible").filter({ hasText: "not real data" })).toHaveCount(1);
  });
});
