import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createUser, main, signIn, sql, type TestUser } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";
import { publicChange } from "./public-helpers";

/*
 * A reorganisation recorded by an administrator through the form (issue 12, item 4): two Surrey
 * districts become one new council on a vesting day in the future. The form first refuses what
 * is wrong, keeping what was typed; then the old councils' public pages say what is coming. A
 * second server of the same build, its clock moved to the vesting day (APP_TODAY), shows them
 * replaced. The districts are put back as they were afterwards; the new council, named in the
 * audit trail, stays, formed in 2045 where no other spec looks.
 */

test.describe.configure({ mode: "serial" });

const VESTING = "2045-04-01";
const ELMBRIDGE = { code: "E07000207", name: "Elmbridge Borough Council" };
const EPSOM = { code: "E07000208", name: "Epsom and Ewell Borough Council" };
const NEW = {
  code: `E06${String(randomInt(900_000, 1_000_000)).padStart(6, "0")}`,
  name: `North East Surrey Council ${randomInt(1000, 10_000)}`,
};

let admin: TestUser;
let server: OwnServer | undefined;

test.beforeAll(async () => {
  admin = await createUser("admin", "reorganisation-admin");
});

test.afterAll(async () => {
  await server?.stop();
  const codes = [ELMBRIDGE.code, EPSOM.code];
  await sql`delete from organisation_successions s using organisations o
    where o.id = s.predecessor_id and o.code in ${sql(codes)}`;
  await sql`update organisations set end_date = null, replaced_by_id = null, updated_at = now()
    where code in ${sql(codes)}`;
  await publicChange();
});

function newCouncil(page: Page) {
  return main(page).getByRole("group", { name: "New council 1" });
}

test("an administrator records a reorganisation through the form", async ({ page }) => {
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/organisations");
  await main(page).getByRole("link", { name: "Record a reorganisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record a reorganisation");

  // Nothing entered: every missing answer is named, linked to its field.
  await main(page).getByRole("button", { name: "Record reorganisation" }).click();
  const summary = main(page).getByRole("alert");
  await expect(summary).toContainText("There is a problem");
  await expect(summary.getByRole("link", { name: "Enter the vesting day" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter the new council's name" })).toBeVisible();

  // A council that does not exist: refused by name, and nothing typed is lost.
  await main(page).getByLabel("Vesting day").fill(VESTING);
  const row = newCouncil(page);
  await row.getByLabel("Name").fill(NEW.name);
  await row.getByLabel("ONS code").fill(NEW.code);
  await row.getByLabel("Type").selectOption({ label: "Unitary authority" });
  await row.getByLabel("Region (optional)").selectOption("South East");
  await row.getByLabel("Population (optional)").fill("217,000");
  await row.getByLabel("Formed from").fill(`${ELMBRIDGE.code}\nEpsom and Ewel Borough Council`);
  await main(page).getByRole("button", { name: "Record reorganisation" }).click();
  await expect(main(page).getByRole("alert")).toContainText(
    "No council has the code or name “Epsom and Ewel Borough Council”",
  );
  await expect(row.getByLabel("Name")).toHaveValue(NEW.name);
  await expect(row.getByLabel("Population (optional)")).toHaveValue("217,000");
  await expect(row.getByLabel("Region (optional)")).toHaveValue("South East");
  await expect(main(page).getByLabel("Vesting day")).toHaveValue(VESTING);

  await row.getByLabel("Formed from").fill(`${ELMBRIDGE.code}\n${EPSOM.name}`);
  await main(page).getByRole("button", { name: "Record reorganisation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW.name);
  await expect(main(page).getByRole("status")).toContainText(
    "The reorganisation has been recorded",
  );
  await expect(
    main(page)
      .getByRole("definition")
      .filter({ hasText: /^From 1 April 2045$/ }),
  ).toHaveCount(1);
  const tookOver = main(page).getByRole("definition").filter({ hasText: ELMBRIDGE.name });
  await expect(tookOver).toContainText(`${ELMBRIDGE.name}, from 1 April 2045`);
  await expect(tookOver).toContainText(`${EPSOM.name}, from 1 April 2045`);

  const [made] = await sql<{ start: string; type: string; population: number }[]>`
    select to_char(start_date, 'YYYY-MM-DD') as start, council_type as type, population
    from organisations where code = ${NEW.code}`;
  expect(made).toEqual({ start: VESTING, type: "UA", population: 217000 });
  const ended = await sql<{ code: string; end: string }[]>`
    select code, to_char(end_date, 'YYYY-MM-DD') as end from organisations
    where code in ${sql([ELMBRIDGE.code, EPSOM.code])} order by code`;
  expect(ended).toEqual([
    { code: ELMBRIDGE.code, end: "2045-03-31" },
    { code: EPSOM.code, end: "2045-03-31" },
  ]);
});

test("before the vesting day, an old council's page says what it becomes", async ({ page }) => {
  await page.goto(`/councils/${ELMBRIDGE.code}`);
  const status = main(page).getByTestId("council-status");
  await expect(status).toContainText("Status: Current");
  await expect(status).toContainText(`Becomes part of ${NEW.name} on 1 April 2045.`);
  await status.getByRole("link", { name: NEW.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NEW.name);
  await expect(main(page).getByTestId("council-status")).toContainText(
    `To be formed on 1 April 2045 from ${ELMBRIDGE.name} and ${EPSOM.name}.`,
  );
});

test("from the vesting day, the same page says it was replaced", async ({ browser }) => {
  test.setTimeout(150_000);
  server = await startOwnServer({ APP_TODAY: VESTING });
  const page = await (await browser.newContext({ baseURL: server.baseURL })).newPage();
  await page.goto(`/councils/${ELMBRIDGE.code}`);
  const status = main(page).getByTestId("council-status");
  await expect(status).toContainText("Status: Abolished on 31 March 2045.");
  await expect(status).toContainText(`Replaced on 1 April 2045 by ${NEW.name}.`);
  await expect(status).not.toContainText("Becomes part of");
  await page.goto(`/councils/${NEW.code}`);
  await expect(main(page).getByTestId("council-status")).toContainText(
    `Formed on 1 April 2045 from ${ELMBRIDGE.name} and ${EPSOM.name}.`,
  );
  await page.context().close();
});
