import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, main, signIn, sql } from "./fixtures";

/*
 * A 10,000-row spreadsheet through the real upload form, preview and import: it must complete
 * within the request limits (body size, the signed preview token) and create every row.
 */

const HEAD =
  "title,description,main_category,further_categories,stage,start_date,end_date,partners,savings_2017_18,savings_2018_19,no_savings_reason,benefits,contact_name,contact_email";

test("a 10,000-row file is previewed and imported as 10,000 drafts", async ({ page }) => {
  test.setTimeout(180_000);
  const run = randomUUID().slice(0, 8);
  const editor = await createUser("council_editor", "import-10k");
  const rows = Array.from(
    { length: 10_000 },
    (_, i) =>
      `Shared legal team ${run} ${i + 1},One legal team for both councils,legal,,operational,2017-04-01,,E10000027,"actual: 1,250,000","forecast: £300,000.50",,resilience,Jo Bloggs,jo@example.gov.uk`,
  );
  const csv = Buffer.from([HEAD, ...rows].join("\r\n") + "\r\n");

  await signIn(page, editor.email, editor.password);
  await page.goto("/workspace/import");
  await main(page).getByLabel("Upload a spreadsheet").setInputFiles({
    name: "ten-thousand.csv",
    mimeType: "text/csv",
    buffer: csv,
  });
  const started = Date.now();
  await main(page).getByRole("button", { name: "Upload and check" }).click();
  await expect(main(page).getByRole("status").first()).toContainText(
    "10,000 rows read: 10,000 ready to import, 0 with problems",
    { timeout: 120_000 },
  );
  await expect(
    main(page).getByRole("table", { name: "Rows in the file" }).getByRole("row"),
  ).toHaveCount(501);
  const previewSeconds = (Date.now() - started) / 1000;

  const importing = Date.now();
  await main(page)
    .getByRole("button", { name: /^Import 10,?000 valid rows as drafts$/ })
    .click();
  await expect(main(page).getByRole("status").first()).toContainText(
    "10000 arrangements were imported as drafts",
    { timeout: 120_000 },
  );
  const importSeconds = (Date.now() - importing) / 1000;
  test.info().annotations.push({
    type: "timing",
    description: `preview ${previewSeconds.toFixed(1)} s, import ${importSeconds.toFixed(1)} s`,
  });

  const [count] = await sql<{ n: number; savings: string }[]>`
    select count(*)::int as n, sum(r.total_pence)::text as savings
    from arrangements a join arrangement_revisions r on r.arrangement_id = a.id
    where a.created_by_id = ${editor.id} and r.state = 'draft'`;
  expect(count!.n).toBe(10_000);
  expect(count!.savings).toBe(String(10_000n * 155_000_050n));
  // Drafts never reach the public register; remove them so other suites see the demo totals.
  await sql`delete from arrangements where created_by_id = ${editor.id}`;
});
