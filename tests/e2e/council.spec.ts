import { expect, test } from "@playwright/test";
import { formatPence } from "@/lib/money";
import { fixtureTag, makeArrangement, removeArrangements } from "../support/register-fixtures";
import { sql } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * Council pages in Chromium: figures equal to SQL written here, a former council saying what it
 * became, old codes redirected and unknown ones answered with 404.
 */

async function councilFigures(code: string) {
  const rows = await sql<{ slug: string; role: string; pence: string }[]>`
    select a.slug, rp.role::text as role,
           coalesce((select sum(s.amount_pence) from revision_savings s
                     where s.revision_id = r.id), 0)::text as pence
    from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join revision_partners rp on rp.revision_id = r.id
    where rp.organisation_id = (select id from organisations where code = ${code})`;
  const network = await sql<{ code: string; n: number }[]>`
    select o.code, count(*)::int as n
    from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join revision_partners me on me.revision_id = r.id
      and me.organisation_id = (select id from organisations where code = ${code})
    join revision_partners other on other.revision_id = r.id and other.organisation_id <> me.organisation_id
    join organisations o on o.id = other.organisation_id
    group by o.code`;
  return { rows, network };
}

test.describe("council pages", () => {
  test("show Devon's arrangements, savings and partners as SQL gives them", async ({ page }) => {
    const { rows, network } = await councilFigures("E10000008");
    const total = rows.reduce((s, r) => s + BigInt(r.pence), 0n);
    await page.goto("/councils/E10000008");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Devon County Council");
    await expect(page.getByTestId("council-status")).toContainText("Current");
    await expect(page.getByTestId("council-facts")).toContainText("County council");
    await expect(page.getByTestId("council-facts")).toContainText("South West");

    const arrangements = page.getByTestId("council-arrangements");
    await expect(arrangements.locator("dd").first()).toHaveText(String(rows.length));
    const lead = rows.filter((r) => r.role === "lead").length;
    await expect(arrangements).toContainText(`${lead} as lead, ${rows.length - lead} as partner`);
    await expect(page.getByTestId("council-savings")).toContainText(formatPence(total, "full"));

    // Each arrangement row links to its page and carries its savings.
    const shown = await page
      .locator('[data-testid="council-led"] tbody tr, [data-testid="council-partner"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          href: tr.querySelector("th a")!.getAttribute("href")!,
          savings: tr.querySelector("td:last-child")!.textContent!.trim(),
        })),
      );
    expect(shown.map((s) => s.href).sort()).toEqual(
      rows.map((r) => `/arrangements/${r.slug}`).sort(),
    );
    for (const s of shown) {
      const r = rows.find((x) => `/arrangements/${x.slug}` === s.href)!;
      expect(s.savings).toBe(formatPence(BigInt(r.pence), "full"));
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
