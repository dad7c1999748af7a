import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { financialYearLabel } from "@/lib/financial-year";
import { formatLongDate } from "@/lib/format/dates";
import { formatPence } from "@/lib/money";

/*
 * The national headline page, checked against the database it reads. The runner always seeds
 * the demo data set: the register from 2012 to today, with nearly every council taking part.
 *
 * Expected figures come from SQL written here, independently of lib/stats: a plain GROUP BY
 * over published, approved revisions, with gaps and running totals worked out in the test.
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
  // Sums as text: exact, whatever the client's numeric parsing.
  const rows = await sql<{ year: number; actual: string; forecast: string }[]>`
    SELECT s.financial_year::int AS year,
           SUM(CASE WHEN s.kind = 'actual' THEN s.amount_pence ELSE 0 END)::text AS actual,
           SUM(CASE WHEN s.kind = 'forecast' THEN s.amount_pence ELSE 0 END)::text AS forecast
    FROM arrangements a
    JOIN arrangement_revisions r ON r.id = a.published_revision_id
    JOIN revision_savings s ON s.revision_id = r.id
    WHERE r.state = 'approved'
    GROUP BY s.financial_year
    ORDER BY s.financial_year
  `;
  return rows.map((row) => ({
    year: row.year,
    actual: BigInt(row.actual),
    forecast: BigInt(row.forecast),
  }));
}

/** Table rows as the page should show them: every year from first to last, with a running total. */
function expectedTableRows(totals: YearTotals[]): string[][] {
  const first = totals[0];
  const last = totals[totals.length - 1];
  if (!first || !last) return [];
  const byYear = new Map(totals.map((t) => [t.year, t]));
  const rows: string[][] = [];
  let cumulative = 0n;
  for (let year = first.year; year <= last.year; year++) {
    const t = byYear.get(year) ?? { year, actual: 0n, forecast: 0n };
    const total = t.actual + t.forecast;
    cumulative += total;
    rows.push([
      financialYearLabel(year),
      formatPence(t.actual, "full"),
      formatPence(t.forecast, "full"),
      formatPence(total, "full"),
      formatPence(cumulative, "full"),
    ]);
  }
  return rows;
}

test.describe("home page: the national picture", () => {
  test("shows the register's headline figures as they stand today", async ({ page }) => {
    // Councils are counted on the last day of the latest financial year with published savings,
    // never after today; involved are those existing then that take part in something published.
    const [row] = await sql<
      { arrangements: number; pence: string; day: string; existing: number; involved: number }[]
    >`
      WITH published AS (
        SELECT r.id FROM arrangements a
        JOIN arrangement_revisions r ON r.id = a.published_revision_id AND r.state = 'approved'
      ),
      reference AS (
        SELECT LEAST(COALESCE(make_date(MAX(s.financial_year) + 1, 3, 31), CURRENT_DATE),
                     CURRENT_DATE) AS day
        FROM revision_savings s JOIN published p ON p.id = s.revision_id
      ),
      existing AS (
        SELECT o.id FROM organisations o, reference
        WHERE o.kind = 'council'
          AND (o.start_date IS NULL OR o.start_date <= reference.day)
          AND (o.end_date IS NULL OR o.end_date >= reference.day)
      )
      SELECT (SELECT count(*)::int FROM published) AS arrangements,
             (SELECT COALESCE(SUM(s.amount_pence), 0)::text
                FROM revision_savings s JOIN published p ON p.id = s.revision_id) AS pence,
             (SELECT to_char(day, 'YYYY-MM-DD') FROM reference) AS day,
             (SELECT count(*)::int FROM existing) AS existing,
             (SELECT count(DISTINCT e.id)::int FROM existing e
                JOIN revision_partners rp ON rp.organisation_id = e.id
                JOIN published p ON p.id = rp.revision_id) AS involved`;

    await page.goto("/");
    await expect(page).toHaveTitle(/national picture/i);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Shared services in England: the national picture",
    );

    const arrangements = page.getByTestId("headline-arrangements");
    await expect(arrangements.locator("dd").first()).toHaveText(
      row!.arrangements.toLocaleString("en-GB"),
    );

    const savings = page.getByTestId("headline-savings");
    await expect(savings.locator("dd").first()).toHaveText(
      formatPence(BigInt(row!.pence), "short"),
    );

    const councils = page.getByTestId("headline-councils");
    await expect(councils.locator("dd").first()).toHaveText(row!.involved.toLocaleString("en-GB"));
    await expect(councils).toContainText(
      `of the ${row!.existing} councils in England on ${formatLongDate(row!.day)}`,
    );
    // The LGA found 98% of councils sharing in 2017; the demo register keeps nearly all today.
    const percent = await councils.getByText(/% of the/).textContent();
    expect(Number(/([\d.]+)%/.exec(percent ?? "")?.[1])).toBeGreaterThanOrEqual(98);
  });

  test("headline savings equal the published savings in the database", async ({ page }) => {
    const [row] = await sql<{ actual: string; forecast: string; arrangements: number }[]>`
      SELECT COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'actual'), 0)::text AS actual,
             COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'forecast'), 0)::text AS forecast,
             (SELECT count(*)::int FROM arrangements a2
                JOIN arrangement_revisions r2 ON r2.id = a2.published_revision_id
               WHERE r2.state = 'approved') AS arrangements
      FROM arrangements a
      JOIN arrangement_revisions r ON r.id = a.published_revision_id AND r.state = 'approved'
      JOIN revision_savings s ON s.revision_id = r.id
    `;
    const actual = BigInt(row!.actual);
    const forecast = BigInt(row!.forecast);

    await page.goto("/");
    const savings = page.getByTestId("headline-savings");
    await expect(savings.locator("dd").first()).toHaveText(formatPence(actual + forecast, "short"));
    await expect(savings).toContainText(
      `${formatPence(actual + forecast, "full")} in total: ${formatPence(actual, "full")} actual ` +
        `and ${formatPence(forecast, "full")} forecast`,
    );
    await expect(page.getByTestId("headline-arrangements").locator("dd").first()).toHaveText(
      row!.arrangements.toLocaleString("en-GB"),
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
      "Cumulative",
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
    await expect(totalRow.locator("td").nth(0)).toHaveText(formatPence(actual, "full"));
    await expect(totalRow.locator("td").nth(1)).toHaveText(formatPence(forecast, "full"));
    await expect(totalRow.locator("td").nth(2)).toHaveText(formatPence(actual + forecast, "full"));
  });

  test("draws the savings chart, named for assistive technology", async ({ page }) => {
    await page.goto("/");
    const chart = page.getByRole("img", { name: /^Savings by financial year/ });
    await expect(chart).toBeVisible();
    // The chart is a client island: its SVG appears once React has hydrated it and it is near
    // the screen.
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator("svg.recharts-surface")).toBeVisible();
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  });

  test("says that illustrative records are illustrative", async ({ page }) => {
    const [row] = await sql<{ illustrative: number; published: number }[]>`
      SELECT count(*) FILTER (WHERE a.is_illustrative)::int AS illustrative,
             count(*)::int AS published
      FROM arrangements a
      JOIN arrangement_revisions r ON r.id = a.published_revision_id AND r.state = 'approved'
    `;
    expect(row!.illustrative).toBeGreaterThan(0);

    await page.goto("/");
    const banner = page.getByRole("complementary", { name: /Demo data/ });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText(
      `${row!.illustrative.toLocaleString("en-GB")} of the ${row!.published.toLocaleString("en-GB")} arrangements`,
    );
    await expect(banner).toContainText("not real data");
  });
});
