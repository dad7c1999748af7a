import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import type postgres from "postgres";
import { formatWholePounds } from "@/lib/money";
import { deletePublished, insertPublished, randomWord } from "../support/public-fixtures";
import { createUser, main, newPage, signIn, sql } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * The explorer in Chromium against the production build: the form's state lives in the
 * address (so a search can be shared and reloads to the same page), pages walk the same order
 * as SQL, bad addresses explain themselves, and an approval reaches a cached search at once.
 * Expected figures come from SQL written here.
 */

type Fragment = postgres.PendingQuery<postgres.Row[]>;

const prefix = `e2e-explorer-${randomWord(8)}-`;

test.afterAll(async () => {
  await deletePublished(sql, prefix);
  // Drop any cached page that held this spec's records (the home page counts the register).
  await publicChange();
});

/** Published arrangements matching a plain SQL condition, in the explorer's "newest" order. */
async function newestTitles(where: Fragment, limit = 20, offset = 0) {
  const rows = await sql<{ title: string }[]>`
    select r.title from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join organisations lead on lead.id = a.lead_organisation_id
    join service_categories c on c.id = r.main_category_id
    where ${where}
    order by r.start_date desc nulls last, lower(r.title), a.id
    limit ${limit} offset ${offset}`;
  return rows.map((r) => r.title);
}

async function count(where: Fragment) {
  const [row] = await sql<{ n: number; pence: string }[]>`
    select count(*)::int as n, coalesce(sum(r.total_pence), 0)::text as pence from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join organisations lead on lead.id = a.lead_organisation_id
    join service_categories c on c.id = r.main_category_id
    where ${where}`;
  return { n: row!.n, pence: BigInt(row!.pence) };
}

async function shownTitles(page: Page) {
  return page.getByTestId("explorer-results").locator("h3").allTextContents();
}

function countText(n: number) {
  return `${n.toLocaleString("en-GB")} arrangement${n === 1 ? "" : "s"}`;
}

test.describe("the explorer", () => {
  test("a search made with the form lives in the address and reloads the same", async ({
    page,
  }) => {
    await page.goto("/arrangements");
    const all = await count(sql`true`);
    await expect(page.getByTestId("result-count")).toHaveText(countText(all.n));

    await page.getByRole("searchbox", { name: "Search arrangements" }).fill("shared service");
    await page.getByLabel("Region", { exact: true }).selectOption({ label: "South West" });
    await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Operational" });
    await page.getByLabel("From", { exact: true }).fill("2010");
    await page.getByRole("button", { name: "Apply filters" }).click();

    // Only what was chosen: empty fields and the default sort are left out.
    await expect(page).toHaveURL(
      /\/arrangements\?q=shared\+service&region=south-west&stage=operational&from=2010$/,
    );
    await expect(page).toHaveTitle(/^“shared service”: search shared service arrangements – /);
    const where = sql`lead.region = 'South West' and r.stage = 'operational'
      and r.start_date >= '2010-01-01'
      and r.search_vector @@ websearch_to_tsquery('english', 'shared service')`;
    const expected = await count(where);
    expect(expected.n).toBeGreaterThan(0);
    await expect(page.getByTestId("result-count")).toHaveText(countText(expected.n));
    await expect(main(page)).toContainText(
      `${formatWholePounds(expected.pence)} of savings in all`,
    );
    const first = await shownTitles(page);
    expect(first.length).toBe(Math.min(20, expected.n));

    // The fields show the search back, and a reload shows the same results.
    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search arrangements" })).toHaveValue(
      "shared service",
    );
    await expect(page.getByLabel("Region", { exact: true })).toHaveValue("south-west");
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("2010");
    expect(await shownTitles(page)).toEqual(first);

    // Sorting keeps the search and filters.
    await page.getByLabel("Sort by", { exact: true }).selectOption({ label: "Name (A to Z)" });
    await page.getByRole("button", { name: "Sort", exact: true }).click();
    await expect(page).toHaveURL(/stage=operational&from=2010&sort=name$/);
    await expect(page.getByTestId("result-count")).toHaveText(countText(expected.n));

    // A filter removed from the applied list, the others kept.
    await page
      .getByTestId("applied-filters")
      .getByRole("link", { name: "Remove the stage filter" })
      .click();
    await expect(page).toHaveURL(/\?q=shared\+service&region=south-west&from=2010&sort=name$/);
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/arrangements");
    await page.getByLabel("Service", { exact: true }).selectOption({ label: "Legal" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    // Every field is sent; the page reads the address just the same.
    await expect(page).toHaveURL(/category=legal/);
    const expected =
      await count(sql`(c.slug = 'legal' or exists (select 1 from revision_categories rc
      join service_categories x on x.id = rc.category_id where rc.revision_id = r.id and x.slug = 'legal'))`);
    await expect(page.getByTestId("result-count")).toHaveText(countText(expected.n));
    await context.close();
  });

  test("pages follow SQL's order, with none repeated or skipped", async ({ page }) => {
    const total = (await count(sql`true`)).n;
    const pages = Math.ceil(total / 20);
    await page.goto("/arrangements");
    const nav = page.getByRole("navigation", { name: "Pages of results" });
    await expect(nav.locator('[aria-current="page"]')).toHaveText("Page 1");
    expect(await shownTitles(page)).toEqual(await newestTitles(sql`true`));

    await nav.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/\/arrangements\?page=2$/);
    await expect(nav.locator('[aria-current="page"]')).toHaveText("Page 2");
    expect(await shownTitles(page)).toEqual(await newestTitles(sql`true`, 20, 20));

    await nav.getByRole("link", { name: `Page ${pages}` }).click();
    await expect(page).toHaveURL(new RegExp(`page=${pages}$`));
    expect(await shownTitles(page)).toEqual(await newestTitles(sql`true`, 20, (pages - 1) * 20));
    await expect(nav.getByRole("link", { name: "Next page" })).toHaveCount(0);

    await nav.getByRole("link", { name: "Previous page" }).click();
    await expect(page).toHaveURL(new RegExp(`page=${pages - 1}$`));

    // Past the end: said plainly, with a way back.
    await page.goto(`/arrangements?page=${pages + 5}`);
    await expect(page.getByTestId("explorer-empty")).toContainText(`There is no page ${pages + 5}`);
    await page.getByRole("link", { name: "Go to the last page" }).click();
    await expect(page).toHaveURL(new RegExp(`page=${pages}$`));
  });

  test("the results download as CSV: every match, in the explorer's order, from the link", async ({
    page,
  }) => {
    await page.goto("/arrangements?region=london&sort=savings");
    const london = await count(sql`lead.region = 'London'`);
    await expect(page.getByTestId("result-count")).toHaveText(countText(london.n));
    const links = page.getByTestId("explorer-open-data");
    await expect(links).toContainText(`CSV (all ${countText(london.n)}, in this order)`);
    // JSON stays beside it (the API's page of these results).
    await expect(links.getByRole("link", { name: "JSON" })).toHaveAttribute(
      "href",
      "/api/v1/arrangements?region=london&sort=savings",
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      links.getByRole("link", { name: "CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("arrangements-filtered.csv");
    const text = await readFile((await download.path())!, "utf8");
    const rows: { slug: string; total_pence: string }[] = parse(text, { bom: true, columns: true });
    const want = await sql<{ slug: string; total: string }[]>`
      select a.slug, r.total_pence::text as total from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join organisations lead on lead.id = a.lead_organisation_id
      where lead.region = 'London'
      order by r.total_pence desc, lower(r.title), a.id`;
    expect(rows.length).toBe(london.n);
    expect(rows.map((r) => [r.slug, r.total_pence])).toEqual(want.map((w) => [w.slug, w.total]));
    // The first page lists the file's first twenty.
    const firstPage = await page
      .getByTestId("explorer-results")
      .locator("h3 a")
      .evaluateAll((links) =>
        links.map((a) => decodeURIComponent(a.getAttribute("href")!.split("/").pop()!)),
      );
    expect(firstPage).toEqual(rows.slice(0, 20).map((r) => r.slug));
  });

  test("a malformed address explains itself beside each field, and shows nothing else", async ({
    page,
  }) => {
    const response = await page.goto(
      `/arrangements?category=not-a-category&min=lots&q=${encodeURIComponent("' OR 1=1 --")}&page=-1`,
    );
    expect(response?.status()).toBe(200);
    const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeVisible();
    await expect(summary).toContainText("The page must be a whole number from 1");
    await summary.getByRole("link", { name: "Choose a service category from the list" }).click();
    await expect(page.getByLabel("Service", { exact: true })).toBeFocused();
    // What was typed is kept.
    await expect(page.getByLabel("At least", { exact: true })).toHaveValue("lots");
    await expect(page.getByTestId("explorer-invalid")).toBeVisible();
    await expect(page.getByTestId("explorer-results")).toHaveCount(0);

    for (const target of [
      "/arrangements?q=%00",
      `/arrangements?q=${"procurement ".repeat(900)}`,
      "/arrangements?limit=100000&page=0",
      "/arrangements?organisation=%27%3B--",
      "/arrangements?q=%ff%fe",
    ]) {
      const answer = await page.goto(target);
      expect(answer?.status(), target).toBe(200);
    }
  });

  test("an empty result says what was searched and how to widen it", async ({ page }) => {
    const word = randomWord(12);
    await page.goto(`/arrangements?q=${word}&region=london`);
    await expect(page.getByTestId("result-count")).toHaveText("0 arrangements");
    const empty = page.getByTestId("explorer-empty");
    await expect(empty).toContainText(`No published arrangements match the search “${word}”`);
    await empty.getByRole("link", { name: /remove the search words/ }).click();
    await expect(page).toHaveURL(/\/arrangements\?region=london$/);
    const london = await count(sql`lead.region = 'London'`);
    await expect(page.getByTestId("result-count")).toHaveText(countText(london.n));
  });

  test("searches are cached, and an approval reaches a cached search at once", async ({ page }) => {
    const word = `${randomWord(8)}harbour`;
    await page.goto(`/arrangements?q=${word}`);
    await expect(page.getByTestId("result-count")).toHaveText("0 arrangements");

    // A record written without telling the cache: the cached page still answers.
    await insertPublished(sql, {
      slug: `${prefix}approved`,
      title: `Shared ${word} service`,
      lead: "E10000008",
      partners: ["E10000027"],
      mainCategory: "legal",
      savings: [{ year: 2020, pence: 12_345_600n, kind: "actual" }],
    });
    await page.reload();
    await expect(page.getByTestId("result-count")).toHaveText("0 arrangements");

    // What an approval does in its transaction: the page is rebuilt on the next request.
    await publicChange();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("result-count")).toHaveText("1 arrangement", { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    await expect(page.getByTestId("explorer-results")).toContainText(`Shared ${word} service`);
    await expect(page.getByTestId("result-savings")).toHaveText("£123,456");
  });

  test("a page first seen by a signed-in user is cached without anything of theirs", async ({
    browser,
  }) => {
    const user = await createUser("council_editor", "explorer");
    const word = randomWord(10);
    const signedIn = await newPage(browser);
    await signIn(signedIn, user.email, user.password);
    await signedIn.goto(`/arrangements?q=${word}`);
    await expect(signedIn.getByTestId("result-count")).toHaveText("0 arrangements");
    await signedIn.context().close();

    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const response = await visitor.request.get(`/arrangements?q=${word}`);
    const html = await response.text();
    expect(html).toContain("0 arrangements");
    expect(html).not.toContain(user.email);
    expect(html).not.toContain(user.name);
    expect(html).not.toContain("Sign out");
    await visitor.close();
  });

  test("on a phone: the filters fold away, nothing scrolls sideways", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    await page.goto("/arrangements?q=procurement");
    const filters = page.locator("details").filter({ hasText: "Filters" });
    await expect(page.getByLabel("Region", { exact: true })).toBeHidden();
    await filters.locator("summary").click();
    await expect(page.getByLabel("Region", { exact: true })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(320);
    // With a filter applied the panel starts open, so the choice is visible.
    await page.goto("/arrangements?region=london");
    await expect(page.getByLabel("Region", { exact: true })).toBeVisible();
    await context.close();
  });
});
