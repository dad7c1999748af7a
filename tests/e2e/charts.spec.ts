import { expect, test, type Page } from "@playwright/test";
import { DASHBOARD_CHARTS } from "@/lib/stats/tables";

/*
 * The charts are drawn on the server (components/charts/): in the HTML, readable without
 * JavaScript, and laid out so that no two labels touch at a phone's width or a desktop's. The
 * labels' boxes are measured in the browser, as drawn, not taken from the layout's estimates.
 */

const WIDTHS = [320, 390, 768, 1366];

type Problem = string;

/**
 * At the page's current width: every chart shows exactly one SVG, and in it no two text
 * elements' boxes intersect and none reaches outside the SVG (where it would be cut off).
 */
async function labelProblems(page: Page): Promise<{ charts: number; problems: Problem[] }> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const charts = [...document.querySelectorAll<HTMLElement>("[data-chart]")];
    for (const chart of charts) {
      const name = chart.dataset.chart;
      const shown = [...chart.querySelectorAll("svg[data-layout]")].filter(
        (svg) => svg.getBoundingClientRect().width > 0,
      );
      if (shown.length !== 1) problems.push(`${name}: ${shown.length} SVGs shown`);
      for (const svg of shown) {
        const frame = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll("text")].map((t) => ({
          text: t.textContent,
          box: t.getBoundingClientRect(),
        }));
        if (texts.length === 0) problems.push(`${name}: no labels`);
        for (const { text, box } of texts) {
          if (
            box.left < frame.left - 0.5 ||
            box.right > frame.right + 0.5 ||
            box.top < frame.top - 0.5 ||
            box.bottom > frame.bottom + 0.5
          )
            problems.push(`${name}: "${text}" is cut off`);
        }
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i]!.box;
            const b = texts[j]!.box;
            const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (across > 0.5 && down > 0.5)
              problems.push(`${name}: "${texts[i]!.text}" overlaps "${texts[j]!.text}"`);
          }
        }
      }
    }
    return { charts: charts.length, problems };
  });
}

test("without JavaScript the dashboard's charts are drawn: bars, axes, forecasts hatched", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  for (const chart of DASHBOARD_CHARTS) {
    const svg = page.locator(`[data-chart="${chart}"] svg[data-layout]:visible`);
    await expect(svg, chart).toHaveCount(1);
    expect((await svg.boundingBox())!.height, chart).toBeGreaterThan(150);
  }
  const years = page.locator('[data-chart="savings-by-year"] svg[data-layout]:visible');
  // Actual savings solid, forecasts hatched: a path each, with bars in it.
  await expect(years.locator("path[fill^='url(#']")).toHaveAttribute("d", /^M.+z$/);
  await expect(years.locator("path[fill='var(--color-chart-actual)']")).toHaveAttribute(
    "d",
    /^M.+z$/,
  );
  await expect(years.locator("text").filter({ hasText: /^£0$/ })).toHaveCount(1);
  await expect(
    years
      .locator("text")
      .filter({ hasText: /\d{2}\/\d{2}$/ })
      .first(),
  ).toBeVisible();
  // A bar for each row of a ranked chart's table, named in the chart.
  const categories = page.getByTestId("savings-by-category-table").locator("tbody tr");
  const bars = page.locator('[data-chart="savings-by-category"] svg[data-layout]:visible rect');
  await expect(bars).toHaveCount(await categories.count());
  await context.close();
});

test.describe("no two chart labels touch", () => {
  test.describe.configure({ timeout: 60_000 });
  // The council page has its savings over time and its profile against similar councils; the
  // compare page a ranked chart and a line per council.
  const PAGES = [
    ["/"],
    ["/editions"],
    ["/councils/E10000008", "/compare?councils=E10000008,E07000040,E09000005"],
  ];
  for (const paths of PAGES) {
    test(`${paths.join(" and ")} at ${WIDTHS.join(", ")} px`, async ({ page }) => {
      for (const path of paths) {
        await page.goto(path);
        // The layouts change with the width by CSS alone, so one load serves every width.
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const { charts, problems } = await labelProblems(page);
          expect(charts, `${path} at ${width} px: charts`).toBeGreaterThan(0);
          expect(problems, `${path} at ${width} px`).toEqual([]);
        }
      }
    });
  }
});
