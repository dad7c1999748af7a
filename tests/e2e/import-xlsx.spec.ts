import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { declare } from "./arrangement-form";
import { createUser, main, signIn, sql } from "./fixtures";

/*
 * Spreadsheets in (issue 15, item 4), through the browser: the Excel template downloaded from
 * the import page, filled in with ExcelJS (UK dates, a misspelt partner, savings from 2012/13),
 * uploaded, the suggested partner accepted in the preview, imported, then "Submit all".
 */

const EXETER = "E07000041";
const TORBAY = "E06000027";

test("an .xlsx made from the template imports with a suggested partner, then all are submitted", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const run = randomUUID().slice(0, 8);
  const editor = await createUser("council_editor", "import-xlsx");
  // Argon2 on a loaded machine: sign-in may take longer than the default 10 s.
  await signIn(page, editor.email, editor.password, { timeout: 60_000 });
  await page.goto("/workspace/import");

  const downloading = page.waitForEvent("download");
  await main(page).getByRole("link", { name: "Excel template" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("arrangements-import-template.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as never);
  const sheet = workbook.getWorksheet("Arrangements")!;
  const headings = (sheet.getRow(1).values as string[]).slice(1);
  expect(headings).toContain("savings_2012_13");

  const fill = (rowNumber: number, values: Record<string, ExcelJS.CellValue>) => {
    const row = sheet.getRow(rowNumber);
    headings.forEach((h, i) => (row.getCell(i + 1).value = values[h] ?? null));
    row.commit();
  };
  // The example row replaced, and a second row.
  fill(2, {
    title: `Shared audit ${run}`,
    description: "One internal audit team",
    main_category: "Legal",
    stage: "operational",
    start_date: "01/04/2012",
    partners: "Exter City Counci",
    savings_2012_13: 100_000,
    savings_2013_14: "actual: 200,000.50",
  });
  fill(3, {
    title: `Shared payroll ${run}`,
    description: "One payroll service",
    main_category: "Legal",
    stage: "operational",
    start_date: "1 April 2015",
    partners: "Torbay",
    savings_2015_16: 50_000,
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

  await main(page).getByLabel("Upload a spreadsheet").setInputFiles({
    name: "our-register.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: bytes,
  });
  await main(page).getByRole("button", { name: "Upload and check" }).click();
  await expect(main(page).getByRole("status").first()).toContainText(
    "2 rows read: 1 ready to import, 1 with problems",
    { timeout: 60_000 },
  );
  await expect(main(page).getByRole("table", { name: /Rows with problems/ })).toContainText(
    "Did you mean Exeter City Council",
  );
  await main(page)
    .getByLabel("“Exter City Counci” (row 2): did you mean")
    .selectOption({ label: `Exeter City Council (${EXETER})` });
  await main(page)
    .getByRole("button", { name: "Import 1 valid row and the rows you match as drafts" })
    .click();
  await expect(main(page).getByRole("status").first()).toContainText(
    "2 arrangements were imported as drafts",
    { timeout: 60_000 },
  );

  const drafts = await sql<
    { id: number; title: string; start: string; partners: string[]; savings: string[] }[]
  >`
    select a.id, r.title, r.start_date::text as start,
      array(select o.code from revision_partners p join organisations o on o.id = p.organisation_id
            where p.revision_id = r.id and p.role <> 'lead' order by o.code) as partners,
      array(select s.financial_year || ':' || s.amount_pence || ':' || s.kind
            from revision_savings s where s.revision_id = r.id order by s.financial_year) as savings
    from arrangements a join arrangement_revisions r on r.arrangement_id = a.id
    where a.created_by_id = ${editor.id} and r.state = 'draft' order by r.title`;
  expect(drafts.map(({ id: _id, ...d }) => d)).toEqual([
    {
      title: `Shared audit ${run}`,
      start: "2012-04-01",
      partners: [EXETER],
      savings: ["2012:10000000:actual", "2013:20000050:actual"],
    },
    {
      title: `Shared payroll ${run}`,
      start: "2015-04-01",
      partners: [TORBAY],
      savings: ["2015:5000000:actual"],
    },
  ]);

  await declare(main(page));
  await main(page).getByRole("button", { name: "Submit all 2 for review" }).click();
  await expect(
    main(page).getByRole("heading", { name: "2 arrangements submitted for review" }),
  ).toBeVisible({ timeout: 60_000 });
  const submitted = await sql<{ n: number; audited: number }[]>`
    select
      (select count(*)::int from arrangement_revisions
        where arrangement_id in ${sql(drafts.map((d) => d.id))} and state = 'submitted') as n,
      (select count(*)::int from audit_events
        where actor_user_id = ${editor.id} and action = 'arrangement.submitted') as audited`;
  expect(submitted[0]).toEqual({ n: 2, audited: 2 });
  // Never published: removed so other suites see the demo data's queue and totals.
  await sql`delete from arrangements where created_by_id = ${editor.id}`;
});
