import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { today } from "@/lib/clock";
import { perResidentText } from "@/lib/councils/population";
import { financialYearLabel } from "@/lib/financial-year";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import { ARRANGEMENT_FIELDS, SAVINGS_FIELDS } from "@/lib/open-data/schema";
import { regionBySlug } from "@/lib/public/regions";
import { DASHBOARD_CHARTS } from "@/lib/stats/tables";
import * as bySql from "../support/expected-figures";
import { createArrangement, pickOrganisation, removeArrangements } from "../support/stats-fixtures";
import { createUser, main, signIn, sql } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * The dashboard in Chromium, against the database it reads: every chart draws (an SVG each) next
 * to its table; every table's figures equal SQL written in the test (tests/support/
 * expected-figures.ts); the filter form puts its choices in the address and every table follows;
 * each chart's CSV holds exactly its table's figures; bad parameters are reported, not fatal;
 * the page works without JavaScript, at 320 px and on paper. Plus the open data page.
 */

const CHARTS = DASHBOARD_CHARTS;

const FILTERED: bySql.Filters = { region: "north-west", category: "revenues-and-benefits" };

const count = (n: number) => n.toLocaleString("en-GB");
const money = (pence: bigint) => formatWholePounds(pence);

/** The body rows of a chart's table as text, cell by cell. */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const table = page.getByTestId(`${chart}-table`);
  await expect(table).toBeVisible();
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent?.trim() ?? ""),
      ),
    );
}

const sortRows = (rows: string[][]) => [...rows].sort((a, b) => a[0]!.localeCompare(b[0]!));

/** What every table should show for the filters, worked out in SQL. */
async function expectedTables(filters: bySql.Filters): Promise<Record<string, string[][]>> {
  const categoryNames = new Map(
    (await sql<{ slug: string; name: string }[]>`select slug, name from service_categories`).map(
      (c) => [c.slug, c.name],
    ),
  );
  const partnerLabels: Record<string, string> = {
    "councils-only": "Councils only",
    fire: "With fire and rescue",
    police: "With police",
    health: "With health bodies",
    other: "With other public bodies",
  };
  const top = await bySql.expectedTop(sql, filters);
  const topDetails = await sql<
    { slug: string; lead: string; region: string | null; category: string }[]
  >`
    select a.slug, lead.name as lead, lead.region, c.name as category
    from arrangements a
    join organisations lead on lead.id = a.lead_organisation_id
    join arrangement_revisions r on r.id = a.published_revision_id
    join service_categories c on c.id = r.main_category_id
    where a.slug in ${sql(top.map((t) => t.slug).concat(["-"]))}`;
  const detail = new Map(topDetails.map((d) => [d.slug, d]));
  const populations = await bySql.expectedRegionPopulations(sql, today());
  return {
    "savings-by-year": (await bySql.expectedYears(sql, filters)).map((y) => [
      financialYearLabel(y.financialYear),
      money(y.actualPence),
      money(y.forecastPence),
      money(y.totalPence),
      money(y.actualToDatePence),
    ]),
    "savings-by-category": sortRows(
      (await bySql.expectedGroups(sql, filters, "category")).map((g) => [
        categoryNames.get(g.key!)!,
        count(g.arrangements),
        money(g.totalPence),
      ]),
    ),
    // The page's table adds savings per resident (its CSV does not).
    "savings-by-region": sortRows(
      (await bySql.expectedGroups(sql, filters, "region")).map((g) => {
        const name = g.key ? regionBySlug(g.key)!.name : "Region not recorded";
        const population = populations.get(name) ?? null;
        return [
          name,
          count(g.arrangements),
          money(g.totalPence),
          perResidentText(g.totalPence, population) ?? "Not known",
        ];
      }),
    ),
    "savings-by-partner-type": (await bySql.expectedPartnerTypes(sql, filters)).map((g) => [
      partnerLabels[g.key!]!,
      count(g.arrangements),
      money(g.totalPence),
    ]),
    "top-arrangements": top.map((t) => [
      String(t.rank),
      t.title,
      detail.get(t.slug)!.lead,
      detail.get(t.slug)!.region ?? "",
      detail.get(t.slug)!.category,
      money(t.totalPence),
    ]),
  };
}

/** Every table on the page equals SQL for the filters, and so do the headline figures. */
async function expectTablesToMatch(page: Page, filters: bySql.Filters) {
  const expected = await expectedTables(filters);
  for (const chart of CHARTS) {
    const shown = await tableRows(page, chart);
    const rows =
      chart === "savings-by-category" || chart === "savings-by-region" ? sortRows(shown) : shown;
    expect(rows, chart).toEqual(expected[chart]);
    expect(expected[chart]!.length, chart).toBeGreaterThan(0);
  }
  const headline = await bySql.expectedHeadline(sql, filters);
  await expect(page.getByTestId("headline-arrangements").locator("dd").first()).toHaveText(
    count(headline.arrangements),
  );
  await expect(page.getByTestId("headline-savings").locator("dd").first()).toHaveText(
    formatHeadlinePounds(headline.totalPence),
  );
  await expect(page.getByTestId("headline-councils").locator("dd").first()).toHaveText(
    count(headline.councilsInvolved),
  );
}

test.describe("the dashboard", () => {
  test("draws every chart beside its table, with a CSV link each", async ({ page }) => {
    await page.goto("/");
    for (const chart of CHARTS) {
      const figure = page.locator(`[data-chart="${chart}"]`);
      await expect(figure).toHaveAttribute("role", "img");
      await expect(figure).toHaveAttribute(
        "aria-label",
        /Figures to the pound(, with links,)? are in the table/,
      );
      // The SVG drawn for the page's width, and only that one, shows.
      await expect(figure.locator("svg[data-layout]:visible")).toHaveCount(1);
      await expect(page.getByTestId(`${chart}-table`).locator("caption")).not.toBeEmpty();
      const section = page.locator(`[data-section="${chart}"]`);
      await expect(
        section.getByRole("link", { name: /Download this table as CSV/ }),
      ).toHaveAttribute("href", `/data/dashboard/${chart}.csv`);
    }
    // Ranked charts label each bar directly with its figure: no colour to decode.
    const partners = page.locator(
      '[data-chart="savings-by-partner-type"] svg[data-layout]:visible',
    );
    await expect(partners.getByText("Councils only", { exact: true })).toBeVisible();
    await expect(partners.locator("rect").first()).toBeVisible();
    await expect(page.locator('[data-section="savings-by-partner-type"]')).toContainText(
      "An arrangement can be in several groups",
    );
  });

  test("sends the charts in the HTML, each drawn for three widths, beside their tables", async ({
    request,
  }) => {
    const html = await (await request.get("/")).text();
    for (const layout of ["narrow", "medium", "wide"]) {
      expect(html.match(new RegExp(`<svg[^>]*data-layout="${layout}"`, "g"))?.length).toBe(
        CHARTS.length,
      );
    }
    // The tables and their figures are in the HTML itself.
    for (const chart of CHARTS) expect(html).toContain(`data-testid="${chart}-table"`);
  });

  test("every table equals the database, with no filters", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("filter-summary")).toHaveText(
      "Showing: all regions, all service categories.",
    );
    await expectTablesToMatch(page, {});
    const links = page.locator('[data-section="top-arrangements"] tbody a');
    const top = await bySql.expectedTop(sql, {});
    await expect(links.first()).toHaveAttribute("href", `/arrangements/${top[0]!.slug}`);
  });

  test("filters chosen in the form land in the address, and every table follows", async ({
    page,
  }) => {
    await page.goto("/");
    const form = page.getByRole("search", { name: "Filter the figures" });
    await form.getByRole("combobox", { name: "Region" }).selectOption({ label: "North West" });
    await form
      .getByRole("combobox", { name: "Service category" })
      .selectOption({ label: "Revenues and benefits" });
    await form.getByRole("button", { name: "Apply filters" }).click();

    await expect(page).toHaveURL(/[?&]region=north-west(&|$)/);
    await expect(page).toHaveURL(/[?&]category=revenues-and-benefits(&|$)/);
    await expect(page.getByTestId("filter-summary")).toHaveText(
      "Showing: North West, Revenues and benefits. Clear filters and show the national picture",
    );
    await expect(page.getByRole("combobox", { name: "Region" })).toHaveValue("north-west");
    await expectTablesToMatch(page, FILTERED);
    await expect(page.getByTestId("headline-councils")).toContainText("councils in North West on");

    // Back to the national picture.
    await page.getByRole("link", { name: /Clear filters/ }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("filter-summary")).toHaveText(
      "Showing: all regions, all service categories.",
    );
  });

  test("each chart's CSV holds exactly its table's figures, for the same filters", async ({
    page,
  }) => {
    await page.goto("/?region=north-west&category=revenues-and-benefits");
    for (const chart of CHARTS) {
      const link = page
        .locator(`[data-section="${chart}"]`)
        .getByRole("link", { name: /Download this table as CSV/ });
      const href = (await link.getAttribute("href"))!;
      expect(href).toBe(
        `/data/dashboard/${chart}.csv?region=north-west&category=revenues-and-benefits`,
      );
      const response = await page.request.get(href);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      const records = parse(await response.text(), { bom: true, columns: true }) as Record<
        string,
        string
      >[];
      // The CSV written back as the table shows it: pence formatted, one column per table column.
      const asTable = records.map((r) => {
        const cells: string[] = [];
        for (const [key, value] of Object.entries(r)) {
          if (key.endsWith("_pounds") || key.endsWith("_start") || key.endsWith("_path")) continue;
          if (key.endsWith("_pence")) cells.push(money(BigInt(value)));
          else if (key === "arrangements") cells.push(count(Number(value)));
          else cells.push(value);
        }
        return cells;
      });
      // The regions' table adds savings per resident, which the CSV leaves out.
      const shown = await tableRows(page, chart);
      expect(asTable, chart).toEqual(
        chart === "savings-by-region" ? shown.map((row) => row.slice(0, -1)) : shown,
      );
      // Pounds and pence agree.
      for (const r of records) {
        for (const key of Object.keys(r).filter((k) => k.endsWith("_pence"))) {
          const pence = BigInt(r[key]!);
          const pounds = r[key.replace(/_pence$/, "_pounds")]!;
          expect(pounds).toBe(`${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`);
        }
      }
    }
  });

  test("reports a parameter it cannot use, and still shows the rest", async ({ page }) => {
    const response = await page.goto("/?region=atlantis&category=legal");
    expect(response?.status()).toBe(200);
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toContainText("Choose a region from the list");
    await expect(main(page).locator("#field-region-error")).toContainText(
      "Choose a region from the list",
    );
    await expect(page.getByTestId("filter-summary")).toContainText("Showing: all regions, Legal.");
    await expectTablesToMatch(page, { category: "legal" });
  });

  test("works without JavaScript: the form is a plain GET and the tables are in the page", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("combobox", { name: "Region" }).selectOption("north-west");
    await page
      .getByRole("combobox", { name: "Service category" })
      .selectOption("revenues-and-benefits");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/region=north-west/);
    await expectTablesToMatch(page, FILTERED);
    await context.close();
  });

  test("fits a 320 px screen: nothing wider than the page, charts drawn", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto("/");
    for (const chart of CHARTS) {
      await expect(
        page.locator(`[data-chart="${chart}"] svg[data-layout]:visible`),
      ).toHaveAttribute("data-layout", "narrow");
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    // Wide tables scroll inside their own focusable region instead.
    const region = page.getByRole("region", { name: /^Savings by financial year, in pounds/ });
    await expect(region).toHaveAttribute("tabindex", "0");
  });

  test("prints without the form, with charts and tables", async ({ page }) => {
    await page.goto("/");
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("search", { name: "Filter the figures" })).toBeHidden();
    await expect(page.getByTestId("filter-summary")).toBeVisible();
    for (const chart of CHARTS) {
      const svg = page.locator(`[data-chart="${chart}"] svg[data-layout]:visible`);
      await expect(svg).toHaveCount(1);
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      await expect(page.getByTestId(`${chart}-table`)).toBeVisible();
    }
  });
});

test.describe("caching", () => {
  test("the dashboard is cached, and a publication reaches it, its CSV and the API at once", async ({
    page,
  }) => {
    const prefix = `dashboard-e2e-${Date.now()}-`;
    const invalidate = publicChange;
    const filters = "?region=north-east&category=counter-fraud";
    await page.goto(`/${filters}`);
    const before = await bySql.expectedHeadline(sql, {
      region: "north-east",
      category: "counter-fraud",
    });
    await expect(page.getByTestId("headline-arrangements").locator("dd").first()).toHaveText(
      count(before.arrangements),
    );
    try {
      const lead = await pickOrganisation(sql, "council", { region: "North East" });
      const police = await pickOrganisation(sql, "police");
      await createArrangement(sql, `${prefix}new`, {
        title: `Dashboard e2e ${prefix}`,
        category: "counter-fraud",
        partners: [lead, police],
        state: "approved",
        savings: [{ year: 2016, pence: 4_321_00n, kind: "actual" }],
      });
      // Written behind the cache's back, the record is not shown: the page is served from cache.
      await page.reload();
      await expect(page.getByTestId("headline-arrangements").locator("dd").first()).toHaveText(
        count(before.arrangements),
      );
      // What an approval does in its transaction (lib/cache/public-cache.ts recordPublicChange).
      await invalidate();
      await expect
        .poll(async () => {
          await page.reload();
          return page.getByTestId("headline-arrangements").locator("dd").first().textContent();
        })
        .toBe(count(before.arrangements + 1));
      await expect(page.getByTestId("top-arrangements-table")).toContainText(
        `Dashboard e2e ${prefix}`,
      );
      const csv = await (
        await page.request.get(`/data/dashboard/top-arrangements.csv${filters}`)
      ).text();
      expect(csv).toContain(`Dashboard e2e ${prefix}`);
      const stats = await (await page.request.get(`/api/v1/stats${filters}`)).json();
      expect(stats.headline.arrangements).toBe(before.arrangements + 1);
    } finally {
      await removeArrangements(sql, prefix);
      await invalidate();
    }
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId("headline-arrangements").locator("dd").first().textContent();
      })
      .toBe(count(before.arrangements));
  });

  test("never caches a signed-in visitor's details into the public page", async ({ browser }) => {
    const user = await createUser("council_editor", "dash");
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user.email, user.password);
    // A filter no other test uses, so this visit renders (and caches) the page itself.
    await page.goto("/?category=housing");
    await expect(page.getByTestId("filter-summary")).toContainText("Housing");
    await context.close();
    const html = await (await browser.newContext()).request.get("/?category=housing");
    const text = await html.text();
    expect(text).not.toContain(user.email);
    expect(text).not.toContain(user.name);
  });
});

test.describe("the open data page", () => {
  test("lists the files with their schemas and licence, and the files download", async ({
    page,
  }) => {
    await page.goto("/data");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data");
    await expect(main(page)).toContainText("Open Government Licence v3.0");
    await expect(main(page)).toContainText(
      "Contains public sector information from the Council Shared Services Map licensed under the Open Government Licence v3.0.",
    );
    const [row] = await sql<{ n: number; lines: number }[]>`
      select count(*)::int as n,
             (select count(*)::int from revision_savings s
                join arrangements a2 on a2.published_revision_id = s.revision_id
                join arrangement_revisions r2 on r2.id = s.revision_id and r2.state = 'approved') as lines
      from arrangements a join arrangement_revisions r on r.id = a.published_revision_id
      where r.state = 'approved'`;
    await expect(main(page)).toContainText(
      `${count(row!.n)} arrangements and ${count(row!.lines)} savings lines`,
    );

    const fields = (id: string) =>
      page.getByTestId(`${id}-schema`).locator("tbody th").allTextContents();
    expect(await fields("arrangements")).toEqual(ARRANGEMENT_FIELDS.map((f) => f.name));
    expect(await fields("savings")).toEqual(SAVINGS_FIELDS.map((f) => f.name));

    for (const [name, type] of [
      ["Arrangements as CSV", "text/csv; charset=utf-8"],
      ["Arrangements as JSON", "application/json; charset=utf-8"],
      ["Savings lines as CSV", "text/csv; charset=utf-8"],
      ["Savings lines as JSON", "application/json; charset=utf-8"],
    ]) {
      const href = (await main(page)
        .getByRole("link", { name: new RegExp(`^${name}`) })
        .getAttribute("href"))!;
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
      expect(response.headers()["content-type"]).toBe(type);
      expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=/);
    }
    // The arrangements file has a line per published arrangement (and the header).
    const csv = await (await page.request.get("/data/arrangements.csv")).text();
    expect(parse(csv, { bom: true, columns: true }).length).toBe(row!.n);
  });
});
