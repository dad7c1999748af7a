import { expect, test, type Page } from "@playwright/test";
import { today } from "@/lib/clock";
import { perResidentText } from "@/lib/councils/population";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import { regionByName } from "@/lib/public/regions";
import * as bySql from "../support/expected-figures";
import { DEVON, sql } from "./fixtures";

/*
 * Money as people read it (issue 14, item 2), in Chromium: no public page shows pence (only
 * figures per resident, labelled so; downloads and the API keep every penny), a council's
 * share beside its arrangements' full savings, and figures per resident, all against SQL
 * (tests/support/expected-figures.ts).
 */

const PENCE = /£[\d,]+\.\d\d/g;

/** Amounts with pence in the page's text and accessible names, other than per resident. */
async function penceShown(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => [
    document.body.innerText,
    ...Array.from(document.querySelectorAll("[aria-label], [title]"), (el) =>
      [el.getAttribute("aria-label"), el.getAttribute("title")].join(" "),
    ),
    ...Array.from(document.querySelectorAll("svg title, svg text"), (el) => el.textContent ?? ""),
  ]);
  const found: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(PENCE)) {
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 14);
      if (!after.startsWith(" per resident")) found.push(`${match[0]}${after}`);
    }
  }
  return found;
}

/** A published arrangement whose savings have pence, so its page would show them if it could. */
async function slugWithPence(): Promise<string> {
  const [row] = await sql<{ slug: string }[]>`
    select a.slug from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    where exists (select 1 from revision_savings s
                  where s.revision_id = r.id and s.amount_pence % 100 <> 0)
    order by a.id limit 1`;
  return row!.slug;
}

test.describe("money on the public pages", () => {
  test("no public page shows pence outside downloads and the API", async ({ page }) => {
    // Eleven pages, the map's among them, on a shared 2-core machine.
    test.setTimeout(240_000);
    const slug = await slugWithPence();
    for (const path of [
      "/",
      "/?region=london",
      "/map",
      "/map?measure=savings&tier=upper",
      "/arrangements",
      "/arrangements?sort=savings",
      `/arrangements/${slug}`,
      `/councils/${DEVON.code}`,
      "/councils/E06000063",
      `/partners?council=${DEVON.code}`,
      "/editions",
    ]) {
      await page.goto(path);
      // Charts draw as they come near the screen: bring each in, so their labels count too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState("networkidle");
      expect([path, await penceShown(page)]).toEqual([path, []]);
    }
    // The arrangement's table rounds its pence to the pound, and says so.
    await page.goto(`/arrangements/${slug}`);
    const [total] = await sql<{ pence: string }[]>`
      select r.total_pence::text as pence from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id where a.slug = ${slug}`;
    await expect(page.getByTestId("arrangement-savings-total")).toHaveText(
      formatWholePounds(BigInt(total!.pence)),
    );
    await expect(page.getByTestId("rounding-note")).toContainText("rounded to the nearest pound");
  });

  test("a council page gives its share beside the whole partnerships' savings, as SQL does", async ({
    page,
  }) => {
    const day = today();
    const figures = (await bySql.expectedCouncilFigures(sql, day)).get(DEVON.code)!;
    const shares = await bySql.expectedShares(sql, day);
    await page.goto(`/councils/${DEVON.code}`);
    await expect(page.getByTestId("council-savings")).toContainText(
      "savings of the whole partnership; these overlap between councils",
    );
    const share = page.getByTestId("council-share");
    await expect(share.locator("dd").first()).toHaveText(formatHeadlinePounds(figures.share));
    await expect(share).toContainText(formatWholePounds(figures.share));

    // Each arrangement's row: its share, and the shares of all taking part add up to its total.
    const table = page.getByTestId("council-led");
    const rows = await table.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        href: tr.querySelector("a")!.getAttribute("href")!,
        cells: Array.from(tr.querySelectorAll("td"), (td) => td.textContent!.trim()),
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const slug = row.href.replace("/arrangements/", "");
      const expected = [...shares.values()].find((a) => a.slug === slug)!;
      const all = [...expected.shares.values()].reduce((a, b) => a + b, 0n);
      expect(all).toBe(expected.pence);
      expect(row.cells.at(-1)).toBe(formatWholePounds(expected.shares.get(DEVON.code)!));
    }
  });

  test("savings per resident for a council and for the regions, as SQL gives them", async ({
    page,
  }) => {
    const day = today();
    const figures = (await bySql.expectedCouncilFigures(sql, day)).get(DEVON.code)!;
    const [devon] = await sql<{ population: number }[]>`
      select population from organisations where code = ${DEVON.code}`;
    await page.goto(`/councils/${DEVON.code}`);
    const perResident = page.getByTestId("council-per-resident");
    await expect(perResident).toContainText(perResidentText(figures.share, devon!.population)!);
    await expect(perResident).toContainText("mid-2020 estimate");

    const regions = await bySql.expectedGroups(sql, {}, "region");
    const populations = await bySql.expectedRegionPopulations(sql, day);
    await page.goto("/");
    const table = page.getByTestId("savings-by-region-table");
    await expect(table.locator("caption")).toContainText(
      "savings per resident (population mid-2020",
    );
    let checked = 0;
    for (const [region, population] of populations) {
      const group = regions.find((g) => g.key !== null && g.key === regionByName(region)?.slug);
      if (!group) continue;
      const row = table.getByRole("row").filter({
        has: page.getByRole("rowheader", { name: region, exact: true }),
      });
      await expect(row.getByRole("cell").last()).toHaveText(
        perResidentText(group.totalPence, population)!,
      );
      checked += 1;
    }
    expect(checked).toBe(9);
  });
});
