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

    // Exactly the councils SQL says share the category today by the rule, except Brent.
    const expected = await sql<{ code: string }[]>`
      select distinct code from (${bySql.categoryParticipants(sql, "procurement-and-commissioning", today())}) t
      where code <> 'E09000005'`;
    const shown = await results
      .locator("[data-code]")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-code")!));
    expect(shown.sort()).toEqual(expected.map((e) => e.code).sort());

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
