import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, DEVON, main, newPage, signIn, sql, type TestUser } from "./fixtures";
import { formatWholePounds } from "@/lib/money";
import { publicChange } from "./public-helpers";
import { declare } from "./arrangement-form";

/*
 * Past forecasts (issue 12, item 7) in Chromium against the production build: a published
 * arrangement forecasting savings for 2019/20, a year long over, and for 2040/41, shows it as "forecast, not yet
 * confirmed" on its public page; its council's editor finds it in the workspace, confirms the
 * actual amount, and the change waits in the administrators' review queue — the public page
 * unchanged until it is approved.
 */

let editor: TestUser;
let admin: TestUser;
let arrangementId: number;
const slug = `e2e-past-forecast-${randomUUID().slice(0, 8)}`;
const title = `Shared internal audit ${slug.slice(-8)}`;

test.beforeAll(async () => {
  editor = await createUser("council_editor", "forecast-editor");
  admin = await createUser("admin", "forecast-admin");
  const [a] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${slug}, (select id from organisations where code = ${DEVON.code}), ${editor.id}, ${editor.id})
    returning id`;
  arrangementId = a!.id;
  const [r] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, start_date,
       author_id, state, reviewed_at)
    values (${arrangementId}, 1, ${title}, 'A shared internal audit service.',
            (select id from service_categories where slug = 'legal'), 'operational', '2018-04-01',
            ${editor.id}, 'approved', now())
    returning id`;
  await sql`
    insert into revision_partners (revision_id, organisation_id, role)
    select ${r!.id}, id, case when code = ${DEVON.code} then 'lead' else 'partner' end::text::partner_role
    from organisations where code in (${DEVON.code}, 'E06000027')`;
  await sql`insert into revision_savings (revision_id, financial_year, amount_pence, kind) values
    (${r!.id}, 2018, 1000000, 'actual'), (${r!.id}, 2019, 1234567, 'forecast'),
    (${r!.id}, 2040, 500000, 'forecast')`;
  await sql`update arrangements set published_revision_id = ${r!.id} where id = ${arrangementId}`;
  await publicChange();
});

test.afterAll(async () => {
  await sql`delete from arrangements where id = ${arrangementId}`;
  await publicChange();
});

/** The public page's row for 2019/20: its kind and amount. */
async function publicRow(page: import("@playwright/test").Page) {
  await page.goto(`/arrangements/${slug}`);
  return main(page)
    .getByTestId("arrangement-savings-table")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "2019/20" }) });
}

test("an editor confirms a past forecast and it waits in the review queue", async ({ browser }) => {
  test.setTimeout(90_000);
  const visitor = await newPage(browser);
  await expect(await publicRow(visitor)).toContainText("Forecast, not yet confirmed");
  await expect(main(visitor).getByTestId("arrangement-savings-summary")).toContainText(
    // The public page rounds to the pound: the 2019/20 forecast of 1,234,567p and 2040/41's 500,000p.
    `${formatWholePounds(1_734_567n)} forecast, of which ${formatWholePounds(1_234_567n)} for years that have ended, not yet confirmed`,
  );

  const page = await newPage(browser);
  await signIn(page, editor.email, editor.password);
  await page.goto("/workspace");
  const list = main(page).getByTestId("past-forecasts");
  const row = list.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("2019/20");
  await expect(row).toContainText("£12,345.67");
  await row.getByRole("link", { name: `Confirm 2019/20 for ${title}` }).click();

  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(
    "Confirm the saving for 2019/20",
  );
  await expect(main(page).getByTestId("confirm-forecast")).toHaveText("£12,345.67");
  // Nothing chosen: the form says what is missing and keeps the page.
  await main(page).getByRole("button", { name: "Confirm and send for review" }).click();
  await expect(main(page).getByRole("alert").first()).toContainText(
    "Select whether the saving was achieved",
  );
  await main(page).getByLabel("Yes, this much was saved").check();
  await main(page).getByLabel("Actual saving in 2019/20, in pounds").fill("£12,000");
  await declare(main(page));
  await main(page).getByRole("button", { name: "Confirm and send for review" }).click();

  await expect(page).toHaveURL(/\/workspace\?notice=confirmed$/);
  await expect(main(page)).toContainText("The saving is confirmed and sent for review");
  await expect(
    main(page).getByTestId("past-forecasts").getByRole("row").filter({ hasText: title }),
  ).toContainText("Confirmed as £12,000 actual, waiting for review");

  const [submitted] = await sql<{ id: number; kind: string; pence: string }[]>`
    select r.id, s.kind, s.amount_pence::text as pence from arrangement_revisions r
    join revision_savings s on s.revision_id = r.id and s.financial_year = 2019
    where r.arrangement_id = ${arrangementId} and r.state = 'submitted'`;
  expect(submitted).toMatchObject({ kind: "actual", pence: "1200000" });

  // The administrators' queue lists it as an edit of Devon's arrangement.
  const adminPage = await newPage(browser);
  await signIn(adminPage, admin.email, admin.password);
  const [devon] = await sql<{ id: number; n: number }[]>`
    select o.id, count(r.id)::int as n from organisations o
    join arrangements a on a.lead_organisation_id = o.id and a.published_revision_id is not null
    join arrangement_revisions r on r.arrangement_id = a.id and r.state = 'submitted'
    where o.code = ${DEVON.code} group by o.id`;
  await adminPage.goto(
    `/admin/review?organisation=${devon!.id}&kind=edit&page=${Math.ceil(devon!.n / 25)}`,
  );
  const queue = main(adminPage).getByRole("table", { name: /Submissions matching the filters/ });
  await expect(queue.getByRole("row").filter({ hasText: title })).toContainText(editor.name);
  await adminPage.goto(`/admin/review/${submitted!.id}`);
  await expect(main(adminPage)).toContainText("2019/20");

  // Not public until an administrator approves it.
  await expect(await publicRow(visitor)).toContainText("Forecast, not yet confirmed");
});
