import { expect, test, type Page } from "@playwright/test";
import { today } from "@/lib/clock";
import { formatLongDate } from "@/lib/format/dates";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import * as bySql from "../support/expected-figures";
import { sql } from "./fixtures";

/*
 * The map page in Chromium: one link per council of the chosen year, figures equal to SQL by
 * the register's rule (tests/support/expected-figures.ts), totals that reconcile with the home
 * page's for the same day, keyboard access to the council pages, the hex toggle, and a map that works
 * without JavaScript.
 */

const areas = (page: Page) => page.getByTestId("map-svg").locator("a");

const thisYear = Number(today().slice(0, 4));

test.describe("the map of England", () => {
  test("draws one link per council of the chosen year", async ({ page }) => {
    for (const [query, count] of [
      ["", 296],
      ["?year=2018", 326],
      ["?year=2018&tier=upper", 152],
      ["?year=2025&tier=upper&view=hex", 153],
    ] as const) {
      await page.goto(`/map${query}`);
      await expect(areas(page), query).toHaveCount(count);
      await expect(page.getByTestId("map-heading")).toContainText(`${count} `);
      const hrefs = await areas(page).evaluateAll((links) =>
        links.map((a) => a.getAttribute("href")),
      );
      expect(new Set(hrefs).size).toBe(count);
      for (const href of hrefs) expect(href).toMatch(/^\/councils\/E\d{8}$/);
      // The table lists the same councils.
      const tableHrefs = await page
        .getByTestId("map-table")
        .locator("tbody a")
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      expect(new Set(tableHrefs)).toEqual(new Set(hrefs));
    }
  });

  test("shows every council's figures as SQL gives them, in the table and the areas' names", async ({
    page,
  }) => {
    const expected = await bySql.expectedCouncilFigures(sql, "2018-04-01");
    await page.goto("/map?year=2018");
    const rows = await page
      .getByTestId("map-table")
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          href: tr.querySelector("a")!.getAttribute("href")!,
          cells: Array.from(tr.querySelectorAll("td"), (td) => td.textContent!.trim()),
        })),
      );
    expect(rows).toHaveLength(326);
    for (const row of rows) {
      const code = row.href.replace("/councils/", "");
      const e = expected.get(code) ?? { arrangements: 0, via: 0, pence: 0n, share: 0n };
      expect([code, row.cells[1], row.cells[2], row.cells[3], row.cells[4]]).toEqual([
        code,
        e.arrangements.toLocaleString("en-GB"),
        e.via.toLocaleString("en-GB"),
        formatWholePounds(e.pence),
        formatWholePounds(e.share),
      ]);
    }
    const devon = expected.get("E07000040")!;
    await expect(page.locator('a[href="/councils/E07000040"]').first()).toHaveAttribute(
      "aria-label",
      `East Devon District Council: ${devon.arrangements} arrangement${devon.arrangements === 1 ? "" : "s"}, ${formatHeadlinePounds(devon.pence)} saved`,
    );
  });

  test("takes a keyboard user from a council's area to its page", async ({ page }) => {
    await page.goto("/map");
    await page.getByRole("link", { name: "Skip the map to the table of councils" }).focus();
    await page.keyboard.press("Tab");
    const first = areas(page).first();
    await expect(first).toBeFocused();
    // The tooltip says what the area's accessible name says.
    const label = (await first.getAttribute("aria-label"))!;
    await expect(page.getByTestId("map-tooltip")).toContainText(label.split(": ")[0]!);
    await page.keyboard.press("Tab");
    const second = areas(page).nth(1);
    await expect(second).toBeFocused();
    const href = (await second.getAttribute("href"))!;
    const name = (await second.getAttribute("aria-label"))!.split(": ")[0]!;
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  });

  test("shows a tooltip on hover, and Escape hides it", async ({ page }) => {
    await page.goto("/map?view=hex");
    const westminster = page.locator('[data-testid="map-svg"] a[href="/councils/E09000033"]');
    await westminster.hover();
    await expect(page.getByTestId("map-tooltip")).toContainText("Westminster");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("map-tooltip")).toHaveCount(0);
  });

  test("toggles to the hex map, where London's boroughs are as big as Cornwall", async ({
    page,
  }) => {
    await page.goto("/map");
    await page.getByRole("link", { name: "Hex map: every council the same size" }).click();
    await expect(page).toHaveURL(/\/map\?view=hex$/);
    await expect(areas(page)).toHaveCount(296);
    const box = async (code: string) =>
      (await page
        .locator(`[data-testid="map-svg"] a[href="/councils/${code}"] path`)
        .boundingBox())!;
    const city = await box("E09000001");
    const cornwall = await box("E06000052");
    expect(Math.abs(city.width - cornwall.width)).toBeLessThan(1);
    expect(city.width).toBeGreaterThan(8);
    // And back.
    await page.getByRole("link", { name: "Boundary map" }).click();
    await expect(page).toHaveURL(/\/map$/);
    // On the boundary map the City of London is a speck beside its hexagon.
    const cityShape = await box("E09000001");
    expect(cityShape.width).toBeLessThan(city.width / 2);
  });

  test("changes year, tier and measure through the form, without JavaScript too", async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/map");
    await expect(areas(page)).toHaveCount(296);
    await page.getByRole("combobox", { name: "Year" }).selectOption("2019");
    await page.getByRole("combobox", { name: "Councils" }).selectOption("upper");
    await page.getByRole("combobox", { name: "Colour by" }).selectOption("savings");
    await page.getByRole("button", { name: "Show map" }).click();
    // The form's other choices ("All services", "All of England") travel empty.
    await expect(page).toHaveURL(
      /\/map\?year=2019&tier=upper&measure=savings&view=boundaries&category=&region=$/,
    );
    await expect(areas(page)).toHaveCount(151);
    await expect(page.getByTestId("map-legend")).toContainText("£15m or more");
    await expect(page.getByRole("combobox", { name: "Year" })).toHaveValue("2019");
    await context.close();
  });

  test("explains settings it does not understand, and still draws the map", async ({ page }) => {
    const response = await page.goto("/map?year=1900&view=globe");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("map-errors")).toContainText(
      `Choose a year from 2014 to ${thisYear}`,
    );
    await expect(page.getByTestId("map-errors")).toContainText("boundary map or the hex map");
    await expect(areas(page)).toHaveCount(296);
  });
  test("reconciles its totals with the home page for 2016, 2019 and this year", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    for (const [query, day] of [
      ["?year=2016", "2016-04-01"],
      ["?year=2019", "2019-04-01"],
      ["", today()],
    ] as const) {
      const register = await bySql.expectedDayFigures(sql, day);
      await page.goto(`/map${query}`);
      const sentence = page.getByTestId("map-reconciliation");
      await expect(sentence, query).toContainText(
        `${register.arrangements.toLocaleString("en-GB")} shared arrangements and ` +
          `${formatWholePounds(register.totalPence)} on ${formatLongDate(day)}`,
      );
      await expect(page.getByTestId("map-rule")).toContainText(
        "takes part in their arrangements that were still running",
      );
    }
    // This year's map reads today's register: the home page's own figures.
    const headline = await bySql.expectedHeadline(sql, {});
    await page.goto("/");
    await expect(page.getByTestId("headline-arrangements").locator("dd").first()).toHaveText(
      headline.arrangements.toLocaleString("en-GB"),
    );
    await page.goto("/map");
    await expect(page.getByTestId("map-reconciliation")).toContainText(
      `${headline.arrangements.toLocaleString("en-GB")} shared arrangements and ${formatWholePounds(headline.totalPence)}`,
    );
  });
});
