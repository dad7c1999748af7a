import { expect, test, type Page } from "@playwright/test";
import { today } from "@/lib/clock";
import * as bySql from "../support/expected-figures";
import { axeViolations } from "./a11y";
import { sql } from "./fixtures";

/*
 * The map rebuilt around its users' questions (issue 14, item 1), at a phone's width and a
 * desktop's: find a council by typing its name and see exactly who it shares with (against
 * SQL), filter by service and by region, and read the table's figures on a phone.
 */

const areas = (page: Page) => page.getByTestId("map-svg").locator("a");

for (const [label, viewport] of [
  ["390 px", { width: 390, height: 844 }],
  ["1366 px", { width: 1366, height: 900 }],
] as const) {
  test.describe(`the map at ${label}`, () => {
    test.use({ viewport });

    test("finds a council by typing and lists exactly the organisations it shares with", async ({
      page,
    }) => {
      await page.goto("/map");
      test.setTimeout(150_000);
      // A search box with a list of suggestions is a combobox to assistive technology.
      const search = page.getByRole("combobox", { name: "Find a council" });
      await search.fill("Exeter");
      await search.press("Enter");
      await expect(page).toHaveURL(/[?&]council=Exeter/);
      const panel = page.getByTestId("map-selection");
      await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Exeter City Council");
      const [exeter] = await sql<{ code: string }[]>`
        select code from organisations where name = 'Exeter City Council'`;
      const expected = await bySql.expectedCouncilNetwork(sql, exeter!.code, today());
      expect(expected.length).toBeGreaterThan(0);
      const rows = panel.getByTestId("map-partners").locator("tbody tr");
      await expect(rows).toHaveCount(expected.length);
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector("a")?.getAttribute("href") ?? tr.querySelector("th")!.textContent,
          Number(tr.querySelector("td")!.textContent!.replace(/,/g, "")),
        ]),
      );
      const [names] = await sql<{ byCode: Record<string, string> }[]>`
        select json_object_agg(code, name) as "byCode" from organisations`;
      const expectedRows = expected.map((e) => [e.code, e.n]);
      for (const [where, n] of shown) {
        const code = String(where).startsWith("/councils/")
          ? String(where).slice("/councils/".length)
          : Object.keys(names!.byCode).find((c) => String(where).startsWith(names!.byCode[c]!));
        expect(expectedRows).toContainEqual([code, n]);
      }
      // A line to each partner drawn on the map.
      const drawn = await areas(page).evaluateAll((links) =>
        links.map((a) => a.getAttribute("href")!.slice("/councils/".length)),
      );
      const lines = page.getByTestId("map-partner-lines").locator("[data-partner]");
      await expect(lines).toHaveCount(expected.filter((e) => drawn.includes(e.code)).length);
      // axe once, at the desktop width (a page of 300 areas and a long table takes it a while).
      if (viewport.width > 1000) expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Clear the selection" }).click();
      await expect(page.getByTestId("map-selection")).toHaveCount(0);
    });

    test("the service filter changes the map and its table, and the region filter zooms", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      await page.goto("/map");
      await page.getByRole("combobox", { name: "Service" }).selectOption("legal");
      await page.getByRole("button", { name: "Show map" }).click();
      await expect(page).toHaveURL(/[?&]category=legal/);
      await expect(page.getByTestId("map-heading")).toContainText("in Legal");
      const rows = await sql<{ code: string; n: number }[]>`
        with st as (select * from register_standing(${today()}::date) where not internal),
        legal as (select id from service_categories where slug = 'legal')
        select o.code, count(distinct st.arrangement_id)::int as n
        from st join arrangement_revisions r on r.id = st.revision_id
        join register_participants(${today()}::date) x on x.arrangement_id = st.arrangement_id
        join organisations o on o.id = x.organisation_id
        where r.main_category_id = (select id from legal)
           or exists (select 1 from revision_categories rc
                      where rc.revision_id = r.id and rc.category_id = (select id from legal))
        group by o.code`;
      const expected = new Map(rows.map((r) => [r.code, r.n]));
      const table = await page
        .getByTestId("map-table")
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.querySelector("a")!.getAttribute("href")!.slice("/councils/".length),
            Number(tr.querySelectorAll("td")[1]!.textContent!.replace(/,/g, "")),
          ]),
        );
      expect(table).toHaveLength(296);
      for (const [code, n] of table)
        expect([code, n]).toEqual([code, expected.get(String(code)) ?? 0]);

      await page.getByRole("combobox", { name: "Region" }).selectOption("london");
      await page.getByRole("button", { name: "Show map" }).click();
      await expect(areas(page)).toHaveCount(33);
      await expect(page.getByTestId("map-heading")).toContainText("in London");
      // London fills the map: a borough is far bigger than on the map of England.
      const box = await areas(page).first().boundingBox();
      expect(box!.width).toBeGreaterThan(viewport.width / 20);
      expect(await axeViolations(page)).toEqual([]);
    });

    test("says when no council matches, and offers the nearest names", async ({ page }) => {
      await page.goto("/map?council=Exetr");
      const panel = page.getByTestId("map-selection");
      await expect(panel).toContainText("No council called ‘Exetr’ on this map");
      await panel.getByRole("link", { name: "Exeter City Council" }).click();
      await expect(page.getByTestId("map-selection").getByRole("heading")).toHaveText(
        "Exeter City Council",
      );
    });
  });
}

test("on a phone the table says it scrolls sideways to its figures", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await phone.newPage();
  await page.goto("/map");
  await expect(page.getByTestId("map-table-scroll-cue")).toBeVisible();
  await phone.close();
  const desktop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const wide = await desktop.newPage();
  await wide.goto("/map");
  await expect(wide.getByTestId("map-table-scroll-cue")).toBeHidden();
  await desktop.close();
});
