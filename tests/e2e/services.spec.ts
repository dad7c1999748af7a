import { expect, test } from "@playwright/test";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import * as bySql from "../support/expected-figures";
import { sql } from "./fixtures";

/*
 * The service pages (issue 16, item 4) in Chromium: the list of services with their figures
 * against SQL, a service's page with the dashboard's figures for it, its spread of savings and
 * its links to the map, the partner finder and the explorer; an unknown service is a 404.
 */

test("lists every service with its arrangements, and opens a service's page", async ({ page }) => {
  await page.goto("/services");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Services councils share");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Services" }),
  ).toHaveAttribute("aria-current", "page");
  const rows = page.getByTestId("services-table").locator("tbody tr");
  await expect(rows).toHaveCount(SERVICE_CATEGORIES.length);
  // Counted under the main service, as the dashboard's table does.
  const byMain = await sql<{ slug: string; n: number }[]>`
    select c.slug, count(*)::int as n
    from register_standing(current_date) st
    join arrangement_revisions r on r.id = st.revision_id
    join service_categories c on c.id = r.main_category_id
    where not st.internal group by c.slug`;
  const legal = byMain.find((r) => r.slug === "legal")!.n;
  await expect(rows.filter({ hasText: "Legal" }).locator("td").first()).toHaveText(
    legal.toLocaleString("en-GB"),
  );

  await page.getByRole("link", { name: "Legal", exact: true }).click();
  await expect(page).toHaveURL(/\/services\/legal$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Legal");
  const headline = await bySql.expectedHeadline(sql, { category: "legal" });
  await expect(page.getByTestId("service-arrangements").locator("dd").first()).toHaveText(
    headline.arrangements.toLocaleString("en-GB"),
  );
  await expect(page.getByTestId("service-spread")).toContainText("Median");
  await expect(page.getByTestId("service-newest").locator("tbody tr")).toHaveCount(5);
  await page.getByRole("link", { name: "Map of the councils sharing Legal" }).click();
  await expect(page).toHaveURL(/\/map\?category=legal$/);
});

test("answers 404 for a service that does not exist", async ({ page }) => {
  const response = await page.goto("/services/no-such-service");
  expect(response?.status()).toBe(404);
});

test("estimates what sharing a service could save a council, with its range and count", async ({
  page,
}) => {
  await page.goto("/services/legal");
  await page
    .getByRole("combobox", { name: "Your council" })
    .selectOption({ label: "Exeter City Council" });
  await page.getByRole("button", { name: "Show the estimate" }).click();
  await expect(page).toHaveURL(/\/services\/legal\?council=E07000041$/);
  const estimate = page.getByTestId("estimate");
  await expect(estimate).toContainText("For Exeter City Council, comparable arrangements saved");
  await expect(estimate).toContainText("the middle half saved between");
  await expect(estimate).toContainText(
    /This rests on \d+ published Legal arrangements involving district councils/,
  );
  await expect(
    estimate.getByRole("link", { name: /Find councils near Exeter City Council/ }),
  ).toHaveAttribute("href", "/partners?council=E07000041&category=legal");

  await page.goto("/services/adult-social-care?council=E10000008");
  await expect(page.getByTestId("estimate")).toContainText("too few to estimate");
  await page.goto("/services/legal?council=E07000026");
  await expect(page.getByText("Choose a council that exists today from the list")).toBeVisible();
});
