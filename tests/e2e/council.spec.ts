import { expect, test } from "@playwright/test";
import { today } from "@/lib/clock";
import { financialYearLabel } from "@/lib/financial-year";
import { formatWholePounds } from "@/lib/money";
import * as bySql from "../support/expected-figures";
import { fixtureTag, makeArrangement, removeArrangements } from "../support/register-fixtures";
import { axeViolations } from "./a11y";
import { sql } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * Council pages in Chromium: figures equal to SQL by the register's rule
 * (tests/support/expected-figures.ts), a former council saying what it became, old codes redirected and unknown ones answered with 404.
 */

/** A council's arrangements and network today by the rule (tests/support/expected-figures.ts). */
async function councilFigures(code: string) {
  const day = today();
  const rows = await bySql.expectedCouncilRows(sql, code, day);
  const network = await bySql.expectedCouncilNetwork(sql, code, day);
  return { rows, network };
}

test.describe("council pages", () => {
  test("show Devon's arrangements, savings and partners as SQL gives them", async ({ page }) => {
    const { rows, network } = await councilFigures("E10000008");
    const total = rows.reduce((s, r) => s + r.pence, 0n);
    const shared = rows.filter((r) => !r.internal);
    await page.goto("/councils/E10000008");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Devon County Council");
    await expect(page.getByTestId("council-status")).toContainText("Current");
    await expect(page.getByTestId("council-facts")).toContainText("County council");
    await expect(page.getByTestId("council-facts")).toContainText("South West");

    const arrangements = page.getByTestId("council-arrangements");
    await expect(arrangements.locator("dd").first()).toHaveText(String(shared.length));
    const lead = shared.filter((r) => r.role === "lead").length;
    const partner = shared.filter((r) => r.role === "partner").length;
    await expect(arrangements).toContainText(`${lead} as lead, ${partner} as partner`);
    await expect(page.getByTestId("council-savings")).toContainText(formatWholePounds(total));

    // Each arrangement row links to its page and carries its savings.
    const shown = await page
      .locator('[data-testid="council-led"] tbody tr, [data-testid="council-partner"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          href: tr.querySelector("th a")!.getAttribute("href")!,
          // The last column is its share; the one before, the whole partnership's savings.
          savings: tr.querySelector("td:nth-last-child(2)")!.textContent!.trim(),
        })),
      );
    expect(shown.map((s) => s.href).sort()).toEqual(
      rows.map((r) => `/arrangements/${r.slug}`).sort(),
    );
    for (const s of shown) {
      const r = rows.find((x) => `/arrangements/${x.slug}` === s.href)!;
      // The cell may add the part forecast for years that have ended.
      expect(s.savings.startsWith(formatWholePounds(r.pence))).toBe(true);
    }

    const partnerRows = await page
      .getByTestId("council-network")
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector("th")!.textContent!.trim(),
          tr.querySelector("td:last-child")!.textContent!.trim(),
        ]),
      );
    expect(partnerRows).toHaveLength(network.length);
    const names = await sql<{ code: string; name: string }[]>`
      select code, name from organisations where code in ${sql(network.map((n) => n.code))}`;
    for (const n of network) {
      const name = names.find((x) => x.code === n.code)!.name;
      expect(partnerRows).toContainEqual([name, String(n.n)]);
    }
  });

  test("chart Devon's savings over time, with a table beside it equal to SQL", async ({ page }) => {
    const years = await bySql.expectedCouncilYears(sql, "E10000008", today());
    expect(years.length).toBeGreaterThan(3);
    await page.goto("/councils/E10000008");
    const section = page.getByTestId("council-years");
    await expect(section.getByRole("heading", { level: 2 })).toHaveText("Savings over time");

    const table = section.getByRole("table", { name: /^Savings of Devon's arrangements/ });
    const shown = await table
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((row) => Array.from(row.querySelectorAll("th, td"), (c) => c.textContent!.trim())),
      );
    expect(shown).toEqual(
      years.map((y) => [
        financialYearLabel(y.financialYear),
        formatWholePounds(y.actualPence),
        formatWholePounds(y.forecastPence),
        formatWholePounds(y.totalPence),
        formatWholePounds(y.actualToDatePence),
      ]),
    );
    // Its total is the savings figure at the top of the page.
    const total = years.at(-1)!.cumulativePence;
    await expect(table.locator("tfoot td").nth(2)).toHaveText(formatWholePounds(total));
    await expect(page.getByTestId("council-savings")).toContainText(formatWholePounds(total));

    // The chart is named for assistive technology and drawn beside the table.
    const chart = section.getByRole("img", { name: /^Savings by financial year/ });
    await expect(chart.locator("svg[data-layout]:visible")).toHaveCount(1);
    await expect(chart.locator("svg[data-layout]:visible path").first()).toBeVisible();
  });

  test("list Devon's 15 similar county councils, and none for a former council", async ({
    page,
  }) => {
    // Three page loads and axe over the whole council page, profile and all.
    test.setTimeout(60_000);
    await page.goto("/councils/E10000008");
    const section = page.getByTestId("council-similar");
    await expect(section.getByRole("heading", { level: 2 })).toHaveText("Similar councils");
    await expect(section).toContainText("population and population density");
    await expect(section).toContainText("another region");
    const links = section.getByRole("listitem").getByRole("link");
    await expect(links).toHaveCount(15);
    const codes = (await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")!))).map(
      (href) => href.replace(/^\/councils\//, ""),
    );
    // Fifteen different councils, none Devon itself, all county councils existing today.
    expect(new Set(codes).size).toBe(15);
    expect(codes).not.toContain("E10000008");
    const day = today();
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from organisations
      where code in ${sql(codes)} and kind = 'council' and council_type = 'CTY'
        and (start_date is null or start_date <= ${day}::date)
        and (end_date is null or end_date >= ${day}::date)`;
    expect(row!.n).toBe(15);
    expect(await axeViolations(page)).toEqual([]);

    await links.first().click();
    await expect(page).toHaveURL(new RegExp(`/councils/${codes[0]}$`));

    await page.goto("/councils/E07000026");
    await expect(page.getByTestId("council-similar")).toContainText("does not exist today");
    await expect(page.getByTestId("council-similar").getByRole("link")).toHaveCount(0);
  });

  test("say what a former council became, with a link to it", async ({ page }) => {
    await page.goto("/councils/E07000026");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allerdale Borough Council");
    const status = page.getByTestId("council-status");
    await expect(status).toContainText("Abolished on 31 March 2023.");
    await expect(status).toContainText("Replaced on 1 April 2023 by Cumberland Council.");
    await status.getByRole("link", { name: "Cumberland Council" }).click();
    await expect(page).toHaveURL(/\/councils\/E06000063$/);
    await expect(page.getByTestId("council-status")).toContainText("Current");
    await expect(page.getByTestId("council-status")).toContainText("Allerdale Borough Council");
  });

  test("name every council a split council became", async ({ page }) => {
    await page.goto("/councils/E10000021");
    await expect(page.getByTestId("council-successors")).toHaveText(
      "Replaced on 1 April 2021 by North Northamptonshire Council and West Northamptonshire Council.",
    );
    await page
      .getByTestId("council-successors")
      .getByRole("link", { name: "West Northamptonshire Council" })
      .click();
    await expect(page).toHaveURL(/\/councils\/E06000062$/);
    await expect(page.getByTestId("council-status")).toContainText("Formed on 1 April 2021 from");
    await expect(page.getByTestId("council-status")).toContainText(
      "Northamptonshire County Council",
    );
  });

  test("list what a successor carries on for the councils it replaced", async ({ page }) => {
    const { rows } = await councilFigures("E06000063");
    const via = rows.filter((r) => r.role === "via");
    expect(via.length).toBeGreaterThan(0);
    await page.goto("/councils/E06000063");
    const table = page.getByTestId("council-via");
    await expect(table.locator("tbody tr")).toHaveCount(via.length);
    await expect(table).toContainText("Allerdale Borough Council");
    await expect(page.getByTestId("council-arrangements")).toContainText(
      `${via.filter((r) => !r.internal).length} through councils it replaced`,
    );
  });

  test("redirect old and lower-case codes, and answer 404 for anything else", async ({ page }) => {
    await page.goto("/councils/e07000026");
    await expect(page).toHaveURL(/\/councils\/E07000026$/);
    await page.goto("/councils/E07000097");
    await expect(page).toHaveURL(/\/councils\/E07000242$/);
    for (const code of ["E99999999", "fire:001", "not-a-code"]) {
      const response = await page.goto(`/councils/${encodeURIComponent(code)}`);
      expect(response?.status(), code).toBe(404);
    }
  });

  test("are reached from the map's table", async ({ page }) => {
    await page.goto("/map");
    await page.getByTestId("map-table").getByRole("link", { name: "Harrow", exact: true }).click();
    await expect(page).toHaveURL(/\/councils\/E09000015$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("London Borough of Harrow");
  });

  test("are cached, and show a newly published arrangement once the register changes", async ({
    page,
  }) => {
    const tag = fixtureTag();
    const count = async () =>
      Number(await page.getByTestId("council-arrangements").locator("dd").first().textContent());
    const mapRow = () =>
      page.getByTestId("map-table").locator('tr:has(a[href="/councils/E07000223"]) td').nth(1);
    try {
      await page.goto("/councils/E07000223"); // Adur
      const before = await count();
      await page.goto("/map");
      const mapBefore = await mapRow().textContent();

      await makeArrangement(sql, tag, {
        title: `Cache test ${tag}`,
        lead: "E07000223",
        partners: ["E07000229"],
        category: "legal",
      });
      // Until the change is announced the cached pages stay as they were.
      await page.goto("/councils/E07000223");
      expect(await count()).toBe(before);
      // What an approval does in its transaction (lib/cache/public-cache.ts recordPublicChange).
      await publicChange();
      await expect
        .poll(async () => {
          await page.goto("/councils/E07000223");
          return count();
        })
        .toBe(before + 1);
      await expect(page.getByRole("link", { name: `Cache test ${tag}` })).toBeVisible();
      await page.goto("/map");
      expect(Number(await mapRow().textContent())).toBe(Number(mapBefore) + 1);
    } finally {
      await removeArrangements(sql, tag);
      await publicChange();
    }
  });
});
