import { expect, test, type Page } from "@playwright/test";
import { today } from "@/lib/clock";
import * as bySql from "../support/expected-figures";
import { sql } from "./fixtures";

/*
 * The partner finder in Chromium: the GET form round-trips through the URL (with and without
 * JavaScript), results are the councils SQL says share the service today by the register's
 * rule, nearest first, and mistakes
 * get the GOV.UK error summary.
 */

async function ask(page: Page, council: string, service: string) {
  await page.getByLabel("Your council").selectOption({ label: council });
  await page.getByLabel("The service you want to share").selectOption({ label: service });
  await page.getByRole("button", { name: "Find councils" }).click();
}

function km(text: string): number {
  const m = /^([\d,.]+) (k?m)$/.exec(text.trim());
  if (!m) throw new Error(`Not a distance: ${text}`);
  const value = Number(m[1]!.replace(/,/g, ""));
  return m[2] === "m" ? value / 1000 : value;
}

test.describe("the partner finder", () => {
  test("round-trips the form through the URL and lists councils nearest first", async ({
    page,
  }) => {
    await page.goto("/partners");
    await ask(page, "Brent", "Procurement and commissioning");
    await expect(page).toHaveURL(
      /\/partners\?council=E09000005&category=procurement-and-commissioning$/,
    );
    await expect(page.getByLabel("Your council")).toHaveValue("E09000005");
    await expect(page.getByLabel("The service you want to share")).toHaveValue(
      "procurement-and-commissioning",
    );

    const results = page.getByTestId("partner-results");
    await expect(results).toContainText("HuB Procurement Services: Brent and Harrow");
    const first = page.getByTestId("partner-list").locator("> li").first();
    // Harrow, Brent's real partner, is listed under 10 km away (nearer councils come first).
    const harrow = page
      .getByTestId("partner-list")
      .locator("> li")
      .filter({ has: page.getByRole("heading", { name: "London Borough of Harrow" }) });
    expect(km(await harrow.getByTestId("partner-distance").innerText())).toBeLessThan(10);

    const distances = (await results.getByTestId("partner-distance").allTextContents()).map(km);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(10);

    // Each listed arrangement shows a public contact as a mail link.
    await expect(first.locator('a[href^="mailto:"]').first()).toBeVisible();

    // The same address gives the same answer when opened directly.
    const headings = await page.getByTestId("partner-list").locator("> li h3").allTextContents();
    await page.reload();
    await expect(page.getByTestId("partner-list").locator("> li h3")).toHaveText(headings);
  });

  test("pages the councils found, 20 a page: SQL's councils, none repeated or missed, nearest first", async ({
    page,
  }) => {
    const expected = await sql<{ code: string }[]>`
      select distinct code from (${bySql.categoryParticipants(sql, "procurement-and-commissioning", today())}) t
      where code <> 'E09000005'`;
    const pages = Math.ceil(expected.length / 20);
    expect(pages).toBeGreaterThan(2);

    await page.goto("/partners?council=E09000005&category=procurement-and-commissioning");
    await expect(page.getByTestId("partner-count")).toHaveText(
      new RegExp(`^${expected.length} councils found \\(showing 1 to 20 of ${expected.length}\\)`),
    );
    const nav = page.getByRole("navigation", { name: "Pages of councils found" });
    const shown: string[] = [];
    const distances: number[] = [];
    for (let n = 1; n <= pages; n++) {
      await expect(nav.locator('[aria-current="page"]')).toHaveText(`Page ${n}`);
      const cards = page.getByTestId("partner-list").locator("> li");
      await expect(cards).toHaveCount(n < pages ? 20 : expected.length - 20 * (n - 1));
      shown.push(...(await cards.evaluateAll((items) => items.map((i) => i.dataset.code!))));
      distances.push(...(await cards.getByTestId("partner-distance").allTextContents()).map(km));
      if (n < pages) {
        await nav.getByRole("link", { name: "Next page" }).click();
        await expect(page).toHaveURL(new RegExp(`&page=${n + 1}$`));
      }
    }
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown.sort()).toEqual(expected.map((e) => e.code).sort());
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    await expect(nav.getByRole("link", { name: "Next page" })).toHaveCount(0);

    // Past the end: said plainly, with a way back.
    await page.goto(
      `/partners?council=E09000005&category=procurement-and-commissioning&page=${pages + 3}`,
    );
    await expect(page.getByTestId("partner-empty")).toContainText(`There is no page ${pages + 3}`);
    await page.getByRole("link", { name: "Go to the last page" }).click();
    await expect(page).toHaveURL(new RegExp(`&page=${pages}$`));
  });

  test("offers only today's councils; an old link to a former one answers through its successors", async ({
    page,
  }) => {
    await page.goto("/partners");
    const offered = await page
      .getByLabel("Your council")
      .locator("option")
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const existing = await sql<{ code: string }[]>`
      select code from organisations where kind = 'council'
        and (start_date is null or start_date <= ${today()}::date)
        and (end_date is null or end_date >= ${today()}::date)`;
    expect(offered.sort()).toEqual(existing.map((e) => e.code).sort());

    // Allerdale is part of Cumberland today: Cumberland's answer, and Cumberland chosen.
    await page.goto("/partners?council=E07000026&category=legal");
    await expect(page.getByTestId("partner-asked-for")).toHaveText(
      "Allerdale Borough Council has been part of Cumberland Council since 1 April 2023, so these are the councils nearest to Cumberland.",
    );
    await expect(page.getByLabel("Your council")).toHaveValue("E06000063");
    // Northamptonshire was split: a link to each part's answer.
    await page.goto("/partners?council=E10000021&category=legal");
    const former = page.getByTestId("partner-former");
    await expect(former).toContainText("Northamptonshire County Council no longer exists");
    await former.getByRole("link", { name: "West Northamptonshire Council" }).click();
    await expect(page).toHaveURL(/\/partners\?council=E06000062&category=legal$/);
    await expect(page.getByLabel("Your council")).toHaveValue("E06000062");
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/partners");
    await ask(page, "Cornwall", "Legal");
    await expect(page).toHaveURL(/\/partners\?council=E06000052&category=legal$/);
    await expect(page.getByTestId("partner-count")).toContainText("found");
    await context.close();
  });

  test("says what is missing, linked to the field", async ({ page }) => {
    await page.goto("/partners");
    await page.getByLabel("Your council").selectOption({ label: "Brent" });
    await page.getByRole("button", { name: "Find councils" }).click();
    await expect(page).toHaveURL(/\/partners\?council=E09000005&category=$/);
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeVisible();
    await summary.getByRole("link", { name: "Choose the service you want to share" }).click();
    await expect(page.getByLabel("The service you want to share")).toBeFocused();
    // The council chosen is kept.
    await expect(page.getByLabel("Your council")).toHaveValue("E09000005");
  });

  test("answers nonsense in the URL with a message, not an error page", async ({ page }) => {
    const response = await page.goto("/partners?council=E99999999&category=astrology");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText(
      "Choose a service from the list",
    );
  });
});
