import { expect, test } from "@playwright/test";
import { financialYearLabel } from "@/lib/financial-year";
import { formatWholePounds } from "@/lib/money";
import { deletePublished, insertPublished, randomWord } from "../support/public-fixtures";
import { main, sql } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * The arrangement page in Chromium against the production build: its savings equal SQL, its
 * organisations link where they should, an illustrative record says so, an unknown address is a
 * real 404, and the page prints without its navigation.
 */

const prefix = `e2e-arrangement-${randomWord(8)}-`;
const HUB = "hub-procurement-services-brent-and-harrow";

type Line = { year: number; kind: string; pence: string };

async function savingsLines(slug: string): Promise<Line[]> {
  return sql<Line[]>`
    select s.financial_year::int as year, s.kind::text as kind, s.amount_pence::text as pence
    from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join revision_savings s on s.revision_id = r.id
    where a.slug = ${slug} order by s.financial_year`;
}

test.beforeAll(async () => {
  await insertPublished(sql, {
    slug: `${prefix}fire`,
    title: `Safe and well visits ${prefix}`,
    description: "Fire safety visits for older residents.\nA second paragraph.",
    lead: "E10000008",
    partners: ["E10000027", "fire:011"],
    mainCategory: "community-safety-emergency-planning",
    furtherCategories: ["adult-social-care"],
    stage: "operational",
    startDate: "2018-04-01",
    benefits: ["resilience", "customer-experience"],
    contactName: "Safety team",
    contactEmail: "safety@test.example.org",
    illustrative: true,
    savings: [
      { year: 2018, pence: 1_234_567_89n, kind: "actual" },
      { year: 2019, pence: 25_000_000n, kind: "actual" },
      { year: 2020, pence: 30_000_050n, kind: "forecast" },
    ],
  });
});

test.afterAll(async () => {
  await deletePublished(sql, prefix);
  await publicChange();
});

test.describe("an arrangement's page", () => {
  test("HuB Procurement: savings equal SQL, councils link to their pages", async ({ page }) => {
    const lines = await savingsLines(HUB);
    expect(lines.length).toBeGreaterThan(0);
    const total = lines.reduce((t, l) => t + BigInt(l.pence), 0n);
    const councils = await sql<{ gss: string; name: string }[]>`
      select o.gss_code as gss, o.name from arrangements a
      join revision_partners rp on rp.revision_id = a.published_revision_id
      join organisations o on o.id = rp.organisation_id
      where a.slug = ${HUB} and o.kind = 'council' order by o.name`;
    expect(councils.length).toBe(2);

    await page.goto(`/arrangements/${HUB}`);
    await expect(page).toHaveTitle(/^HuB Procurement Services: Brent and Harrow – /);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "HuB Procurement Services: Brent and Harrow",
    );
    // A real record: no illustrative notice.
    await expect(page.getByTestId("illustrative-notice")).toHaveCount(0);

    const table = page.getByRole("table", { name: "Savings by financial year, in pounds" });
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("th, td"), (c) => c.textContent?.trim())),
      );
    expect(rows).toEqual(
      lines.map((l) => [
        financialYearLabel(l.year),
        l.kind === "actual" ? "Actual" : "Forecast",
        formatWholePounds(BigInt(l.pence)),
      ]),
    );
    await expect(page.getByTestId("arrangement-savings-total")).toHaveText(
      formatWholePounds(total),
    );

    for (const council of councils) {
      await expect(
        page.getByTestId("arrangement-facts").getByRole("link", { name: council.name }),
      ).toHaveAttribute("href", `/councils/${council.gss}`);
    }
  });

  test("every field of a record, forecast told apart, partners that are not councils", async ({
    page,
  }) => {
    const slug = `${prefix}fire`;
    const lines = await savingsLines(slug);
    const actual = lines
      .filter((l) => l.kind === "actual")
      .reduce((t, l) => t + BigInt(l.pence), 0n);
    const forecast = lines
      .filter((l) => l.kind === "forecast")
      .reduce((t, l) => t + BigInt(l.pence), 0n);
    await page.goto(`/arrangements/${slug}`);

    await expect(page.getByTestId("illustrative-notice")).toContainText("illustrative record");
    await expect(page.getByTestId("arrangement-savings-summary")).toHaveText(
      // The one forecast (2020/21) is for a year that has ended: it is said to be unconfirmed.
      `${formatWholePounds(actual + forecast)} in total: ${formatWholePounds(actual)} actual and ${formatWholePounds(forecast)} forecast, all for years that have ended and not yet confirmed.`,
    );
    await expect(page.getByTestId("arrangement-savings-total")).toHaveText(
      formatWholePounds(actual + forecast),
    );

    const facts = page.getByTestId("arrangement-facts");
    await expect(facts.getByRole("link", { name: "Devon County Council" })).toHaveAttribute(
      "href",
      "/councils/E10000008",
    );
    await expect(
      facts.getByRole("link", { name: "Devon and Somerset Fire and Rescue Service" }),
    ).toHaveAttribute("href", "/arrangements?organisation=fire%3A011");
    await expect(facts).toContainText("Also covers");
    await expect(facts).toContainText("Adult social care");
    await expect(facts).toContainText("1 April 2018");
    await expect(page.getByTestId("arrangement-benefits").locator("li")).toHaveText([
      "Greater resilience",
      "Improved customer experience",
    ]);
    await expect(main(page).getByRole("link", { name: "safety@test.example.org" })).toHaveAttribute(
      "href",
      "mailto:safety@test.example.org",
    );

    // The chart is in the page; forecast bars are hatched, not only another colour, and the
    // forecast year is marked in words under its bar.
    const chart = page.getByRole("img", {
      name: /^Savings by financial year, 2018\/19 to 2020\/21/,
    });
    const svg = chart.locator("svg[data-layout]:visible");
    await expect(svg.locator("path[fill^='url(#']")).toHaveCount(1);
    await expect(svg.locator("text", { hasText: "2020/21" })).toHaveText("2020/21(f)");

    // Following a partner that is not a council lands on its arrangements.
    await facts.getByRole("link", { name: "Devon and Somerset Fire and Rescue Service" }).click();
    await expect(page).toHaveURL(/\/arrangements\?organisation=fire%3A011$/);
    await expect(page.getByTestId("explorer-results")).toContainText(
      `Safe and well visits ${prefix}`,
    );
  });

  test("an unknown address is a 404 that offers the search", async ({ page }) => {
    for (const slug of ["no-such-arrangement", "%27%20OR%201%3D1", "a".repeat(300)]) {
      const response = await page.goto(`/arrangements/${slug}`);
      expect(response?.status(), slug).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Arrangement not found");
    }
    await page.getByRole("link", { name: "Search all arrangements" }).click();
    await expect(page).toHaveURL(/\/arrangements$/);
  });

  test("prints without navigation, the table whole", async ({ page }) => {
    await page.goto(`/arrangements/${HUB}`);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("link", { name: "All arrangements" })).toBeHidden();
    await expect(page.getByRole("table", { name: /Savings by financial year/ })).toBeVisible();
  });
});

test.describe("an arrangement's history and former councils", () => {
  const slug = `${prefix}history`;

  test.beforeAll(async () => {
    // Published in 2016 with Taunton Deane as a partner (abolished 2019), then a second version
    // approved in 2018 that changed the title and a savings figure.
    const id = await insertPublished(sql, {
      slug,
      title: `Shared building control ${prefix}`,
      lead: "E10000027",
      partners: ["E07000190"],
      mainCategory: "regulatory-services",
      startDate: "2015-04-01",
      reviewedAt: new Date("2016-06-01T10:00:00Z"),
      savings: [{ year: 2015, pence: 10_000_000n, kind: "actual" }],
    });
    await sql.begin(async (tx) => {
      const [v1] = await tx<{ id: number }[]>`
        update arrangement_revisions set state = 'superseded', superseded_at = '2018-02-01T10:00:00Z'
        where arrangement_id = ${id} returning id`;
      const [v2] = await tx<{ id: number }[]>`
        insert into arrangement_revisions (arrangement_id, version, title, description, main_category_id,
          stage, start_date, state, reviewed_at, review_note)
        select arrangement_id, 2, ${`Shared building control and licensing ${prefix}`}, description,
               main_category_id, stage, start_date, 'approved', '2018-02-01T10:00:00Z',
               'A reviewer note the public must never see'
        from arrangement_revisions where id = ${v1!.id} returning id`;
      await tx`insert into revision_partners (revision_id, organisation_id, role)
        select ${v2!.id}, organisation_id, role from revision_partners where revision_id = ${v1!.id}`;
      await tx`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
        values (${v2!.id}, 2015, 12000000, 'actual')`;
      await tx`update arrangements set published_revision_id = ${v2!.id} where id = ${id}`;
    });
    await publicChange();
  });

  test("shows each published version and what changed, and what a former council is part of now", async ({
    page,
  }) => {
    await page.goto(`/arrangements/${slug}`);
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(
      `Shared building control and licensing ${prefix}`,
    );
    const history = main(page).getByRole("region", { name: "Change history" });
    const entries = history.getByTestId("history-entry");
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText("Version 2, published 1 February 2018");
    await expect(entries.nth(0)).toContainText(
      `Title: Shared building control ${prefix} → Shared building control and licensing ${prefix}`,
    );
    await expect(entries.nth(0)).toContainText("Total savings up £20,000, to £120,000");
    await expect(entries.nth(1)).toContainText("Version 1, published 1 June 2016");
    await expect(main(page)).not.toContainText("A reviewer note the public must never see");

    const partners = main(page).getByTestId("arrangement-partners");
    await expect(partners).toContainText("Taunton Deane Borough Council");
    await expect(partners).toContainText("(now part of Somerset Council)");
  });
});
