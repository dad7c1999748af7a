import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { formatWholePounds } from "@/lib/money";
import { axeViolations } from "./a11y";
import { declare, fillDate, savingsAmount, savingsKind } from "./arrangement-form";
import { createUser, DEVON, main, signIn, sql, type TestUser } from "./fixtures";

/*
 * The council workspace in the browser: an editor adds an arrangement with the partner
 * combobox and savings rows, fixes a validation error without retyping anything, submits it
 * for review; saves a draft half finished, comes back to it, and is told everything still
 * missing when submitting it; another council's editor cannot reach it.
 */

const PLYMOUTH = { code: "E06000026", name: "Plymouth City Council" };
const TORBAY = { code: "E06000027", name: "Torbay Council" };
const CORNWALL = "E06000052";

async function editorOf(code: string, label: string): Promise<TestUser> {
  const user = await createUser("council_editor", label);
  await sql`update users set organisation_id = (select id from organisations where code = ${code})
            where id = ${user.id}`;
  return user;
}

async function fillRow(page: Page, year: string, amount: string, kind: string) {
  await savingsAmount(main(page), year).fill(amount);
  await savingsKind(main(page), year).selectOption(kind);
}

/** The financial year today is in (2026 for 2026/27), by the browser's clock as the server's. */
function currentFinancialYear(): number {
  const now = new Date();
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

const fyLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;

test("an editor adds an arrangement, fixes a mistake without retyping, and submits it", async ({
  page,
}) => {
  const editor = await editorOf(DEVON.code, "ws-create");
  const title = `Shared legal service ${randomUUID().slice(0, 8)}`;
  await signIn(page, editor.email, editor.password);
  await page.goto("/workspace");
  await expect(main(page).getByRole("heading", { name: "Your workspace" })).toBeVisible();
  await main(page).getByRole("link", { name: "Add an arrangement" }).click();
  await expect(page).toHaveURL(/\/workspace\/new$/);

  const form = main(page);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill("One legal team serving three councils.");
  await form.getByLabel("Main service category").selectOption({ label: "Legal" });
  await form.getByRole("checkbox", { name: "HR and payroll" }).check();
  await form.getByRole("radio", { name: "Operational" }).check();
  await fillDate(form, "Start date", "1 4 2019");

  // The partner combobox, by keyboard: type, arrow to the option, Enter to add.
  const combobox = form.getByRole("combobox", { name: "Partner organisations" });
  await combobox.fill("Plymouth");
  await expect(form.getByRole("option", { name: PLYMOUTH.name })).toBeVisible();
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
  await combobox.fill("Torbay Council");
  await expect(form.getByRole("option", { name: TORBAY.name })).toBeVisible();
  await combobox.press("ArrowDown");
  await expect(form.getByRole("option", { name: TORBAY.name })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await combobox.press("Enter");
  await expect(form.getByRole("heading", { name: "Chosen partners (2)" })).toBeVisible();
  await expect(form.getByRole("button", { name: `Remove ${TORBAY.name}` })).toBeVisible();

  // The grid has a row per year from the start; a year that has ended defaults to actual.
  await expect(savingsKind(form, "2019/20")).toHaveValue("actual");
  await fillRow(page, "2019/20", "1,250,000", "actual");
  await fillRow(page, "2020/21", "12.345", "actual");
  await fillRow(page, "2021/22", "£500,000.50", "forecast");
  await form.getByRole("checkbox", { name: "Greater resilience" }).check();
  await form.getByLabel("Public contact name (optional)").fill("Legal services team");
  await form.getByLabel("Public contact email (optional)").fill("legal@example.org");
  await form.getByRole("button", { name: "Save draft" }).click();

  // The error is summarised, linked to the field, and shown beside it.
  const summary = form.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  const link = summary.getByRole("link");
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute("href", "#field-savings-2020-amount");
  await expect(link).toHaveText(
    "Savings 2020/21: amount must not have more than 2 decimal places (pence)",
  );
  const amount2 = savingsAmount(form, "2020/21");
  await expect(amount2).toHaveAttribute("aria-invalid", "true");

  // Everything typed is still there.
  await expect(form.getByLabel("Title")).toHaveValue(title);
  const start = form.getByRole("group", { name: "Start date" });
  await expect(start.getByLabel("Day")).toHaveValue("1");
  await expect(start.getByLabel("Month")).toHaveValue("4");
  await expect(start.getByLabel("Year")).toHaveValue("2019");
  await expect(form.getByRole("radio", { name: "Operational" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "HR and payroll" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Greater resilience" })).toBeChecked();
  await expect(form.getByRole("heading", { name: "Chosen partners (2)" })).toBeVisible();
  await expect(savingsAmount(form, "2019/20")).toHaveValue("1,250,000");
  await expect(savingsAmount(form, "2021/22")).toHaveValue("£500,000.50");
  await expect(savingsKind(form, "2021/22")).toHaveValue("forecast");
  await expect(amount2).toHaveValue("12.345");

  await amount2.fill("75,000");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/workspace\/\d+\/preview\?notice=saved$/);
  await expect(form.getByRole("heading", { name: title })).toBeVisible();
  await expect(form).toContainText(PLYMOUTH.name);
  await expect(form).toContainText(TORBAY.name);
  const savings = form.getByRole("table", { name: "Savings by financial year" });
  await expect(savings).toContainText("£1,250,000");
  await expect(savings).toContainText("£75,000");
  // The preview is the public page, whose tables give whole pounds (the form keeps the pence).
  await expect(savings).toContainText(formatWholePounds(50_000_050n));
  await expect(savings).toContainText(formatWholePounds(182_500_050n));

  // Submitting needs the declaration.
  await form.getByRole("button", { name: "Submit for review" }).click();
  const refused = form.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(refused.getByRole("link")).toHaveText([
    "Confirm that these figures are accurate and may be published",
  ]);
  await expect(refused.getByRole("link")).toHaveAttribute("href", "#field-declaration");
  await declare(form);
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/workspace\?notice=submitted$/);
  const submitted = form.getByRole("region", { name: /Submitted, awaiting review/ });
  await expect(submitted.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expect(form.getByRole("region", { name: /^Drafts/ })).not.toContainText(title);

  const revisions = await sql<{ state: string; savings: number; partners: number }[]>`
    select r.state,
           (select count(*)::int from revision_savings s where s.revision_id = r.id) as savings,
           (select count(*)::int from revision_partners p
             where p.revision_id = r.id and p.role = 'partner') as partners
    from arrangement_revisions r where r.title = ${title}`;
  expect(revisions).toEqual([{ state: "submitted", savings: 3, partners: 2 }]);
  const [declared] = await sql<{ by: number; same: boolean }[]>`
    select declared_by_id as by, declared_at = submitted_at as same
    from arrangement_revisions where title = ${title}`;
  expect(declared).toEqual({ by: editor.id, same: true });
});

test("an editor saves an unfinished draft with no title, comes back to it, and submitting it names every missing field", async ({
  page,
}) => {
  const editor = await editorOf(DEVON.code, "ws-unfinished");
  const description = `Half-finished: a shared legal team ${randomUUID().slice(0, 8)}`;
  await signIn(page, editor.email, editor.password);
  await page.goto("/workspace/new");
  const form = main(page);
  await form.getByLabel("Description").fill(description);
  await fillDate(form, "Start date", "1 4 2019");
  await form.getByRole("checkbox", { name: "Greater resilience" }).check();
  await form.getByLabel("Public contact email (optional)").fill("jo.bloggs@");
  await form.getByRole("button", { name: "Save draft" }).click();

  // Saved as it is: no title, category, stage, partners or savings yet.
  await expect(page).toHaveURL(/\/workspace\/\d+\/preview\?notice=saved$/);
  const id = Number(/\/workspace\/(\d+)\//.exec(page.url())![1]);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("Untitled draft");
  await expect(form.getByTestId("draft-progress")).toHaveText(
    "1 of 6 required parts done. Still to do before you can submit it: Title, Service category, Stage and dates, Partners, Savings, Benefits and contact.",
  );

  // The workspace lists it with how complete it is; coming back shows everything typed.
  await page.goto("/workspace");
  const drafts = form.getByRole("region", { name: /^Drafts/ });
  const row = drafts.getByRole("row").filter({
    has: page.locator(`a[href="/workspace/${id}/preview"]`),
  });
  await expect(row).toContainText("Untitled draft");
  await expect(row).toContainText("1 of 6 required parts done");
  await row.getByRole("link", { name: "Edit Untitled draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspace/${id}/edit$`));
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("Edit an untitled draft");
  await expect(form.getByLabel("Title")).toHaveValue("");
  await expect(form.getByLabel("Description")).toHaveValue(description);
  const start = form.getByRole("group", { name: "Start date" });
  await expect(start.getByLabel("Day")).toHaveValue("1");
  await expect(start.getByLabel("Month")).toHaveValue("4");
  await expect(start.getByLabel("Year")).toHaveValue("2019");
  await expect(form.getByRole("checkbox", { name: "Greater resilience" })).toBeChecked();
  await expect(form.getByLabel("Public contact email (optional)")).toHaveValue("jo.bloggs@");

  // Submitting runs every rule: each problem is named, linked to its field on the edit page.
  await page.goto(`/workspace/${id}/preview`);
  await form.getByRole("button", { name: "Submit for review" }).click();
  const summary = form.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toContainText("Edit the draft before submitting it for review:");
  const links = summary.getByRole("link");
  await expect(links).toHaveText([
    "Enter a title",
    "Select the main service category",
    "Select whether the arrangement is planned, operational or ended",
    "Add at least one partner organisation besides your own",
    "Enter the savings for at least one year, or say why there are none",
    "Enter an email address in the correct format, like name@example.org",
    "Confirm that these figures are accurate and may be published",
  ]);
  await expect(links.first()).toHaveAttribute("href", `/workspace/${id}/edit#field-title`);
  await expect(summary).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);
  const [revision] = await sql<{ state: string; title: string }[]>`
    select state, title from arrangement_revisions where arrangement_id = ${id}`;
  expect(revision).toEqual({ state: "draft", title: "" });

  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`/workspace/${id}/edit#field-title$`));
  await expect(form.getByLabel("Description")).toHaveValue(description);
});

test("another council's editor gets 404 on an arrangement's workspace pages", async ({
  browser,
}) => {
  const owner = await editorOf(DEVON.code, "ws-owner");
  const other = await editorOf(CORNWALL, "ws-other");
  const title = `Joint procurement ${randomUUID().slice(0, 8)}`;
  const [arrangement] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${`e2e-${randomUUID()}`}, (select id from organisations where code = ${DEVON.code}),
            ${owner.id}, ${owner.id})
    returning id`;
  await sql`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, author_id)
    values (${arrangement!.id}, 1, ${title}, 'Buying together.',
            (select id from service_categories where slug = 'procurement-and-commissioning'),
            'planned', ${owner.id})`;

  const ownerPage = await (await browser.newContext()).newPage();
  await signIn(ownerPage, owner.email, owner.password);
  const own = await ownerPage.goto(`/workspace/${arrangement!.id}/edit`);
  expect(own!.status()).toBe(200);
  await expect(main(ownerPage).getByLabel("Title")).toHaveValue(title);

  const otherPage = await (await browser.newContext()).newPage();
  await signIn(otherPage, other.email, other.password);
  for (const path of ["edit", "preview"]) {
    const response = await otherPage.goto(`/workspace/${arrangement!.id}/${path}`);
    expect(response!.status(), path).toBe(404);
    await expect(main(otherPage)).not.toContainText(title);
  }
  await otherPage.goto("/workspace");
  await expect(main(otherPage)).not.toContainText(title);
});

test("a save from an out-of-date form shows both versions and saves on top of the new one", async ({
  browser,
}) => {
  const first = await editorOf(DEVON.code, "ws-first");
  const second = await editorOf(DEVON.code, "ws-second");
  const title = `Shared audit team ${randomUUID().slice(0, 8)}`;
  const [arrangement] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${`e2e-${randomUUID()}`}, (select id from organisations where code = ${DEVON.code}),
            ${first.id}, ${first.id})
    returning id`;
  const [revision] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, author_id,
       no_savings_reason)
    values (${arrangement!.id}, 1, ${title}, 'Auditing together.',
            (select id from service_categories where slug = 'finance-and-audit'),
            'planned', ${first.id}, 'Set up for resilience.')
    returning id`;
  await sql`
    insert into revision_partners (revision_id, organisation_id, role)
    select ${revision!.id}, id, case when code = ${DEVON.code} then 'lead' else 'partner' end::text::partner_role
    from organisations where code in (${DEVON.code}, ${PLYMOUTH.code})`;

  const pages = [];
  for (const user of [first, second]) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, user.email, user.password);
    await page.goto(`/workspace/${arrangement!.id}/edit`);
    await expect(main(page).getByLabel("Title")).toHaveValue(title);
    pages.push(page);
  }
  const [pageA, pageB] = pages as [Page, Page];

  await main(pageA).getByLabel("Title").fill(`${title} (first)`);
  await main(pageA).getByRole("button", { name: "Save draft" }).click();
  await expect(pageA).toHaveURL(/\/preview\?notice=saved$/);

  const formB = main(pageB);
  await formB.getByLabel("Title").fill(`${title} (second)`);
  await formB.getByLabel("Description").fill("Auditing together, and sharing a manager.");
  await formB.getByRole("button", { name: "Save draft" }).click();
  const conflict = formB.getByRole("region", { name: /This record was changed by/ });
  await expect(conflict).toContainText(`This record was changed by ${first.name} at`);
  const titleRow = conflict.getByRole("row", { name: /^Title/ });
  await expect(titleRow).toContainText(`${title} (first)`);
  await expect(titleRow).toContainText(`${title} (second)`);
  // What B typed is still in the form, ready to save on top of the new version.
  await expect(formB.getByLabel("Title")).toHaveValue(`${title} (second)`);
  await expect(formB.getByLabel("Description")).toHaveValue(
    "Auditing together, and sharing a manager.",
  );
  await formB.getByRole("button", { name: "Save my version" }).click();
  await expect(pageB).toHaveURL(/\/preview\?notice=saved$/);
  await expect(formB.getByRole("heading", { name: `${title} (second)` })).toBeVisible();

  // Submitted: read-only until withdrawn, and the edit page says why.
  await declare(formB);
  await formB.getByRole("button", { name: "Submit for review" }).click();
  await expect(pageB).toHaveURL(/\/workspace\?notice=submitted$/);
  await pageB.goto(`/workspace/${arrangement!.id}/edit`);
  await expect(
    formB.getByRole("heading", { name: "This arrangement cannot be edited now" }),
  ).toBeVisible();
  await expect(formB.getByLabel("Title")).toHaveCount(0);
  await formB.getByRole("button", { name: "Withdraw from review" }).click();
  await expect(pageB).toHaveURL(/\/workspace\?notice=withdrawn$/);
  const drafts = formB.getByRole("region", { name: /^Drafts/ });
  await expect(drafts.getByRole("link", { name: `${title} (second)`, exact: true })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still works: partners from a list, savings rows, errors keep values", async ({
    page,
  }) => {
    const editor = await editorOf(DEVON.code, "ws-nojs");
    const title = `Shared waste contract ${randomUUID().slice(0, 8)}`;
    await signIn(page, editor.email, editor.password);
    await page.goto("/workspace/new");
    const form = main(page);
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Main service category").selectOption({ label: "Legal" });
    await form.getByRole("radio", { name: "Planned" }).check();
    await form
      .getByRole("listbox", { name: "Partner organisations" })
      .selectOption([PLYMOUTH.code, TORBAY.code]);
    await fillRow(page, "2024/25", "ten thousand", "forecast");
    await form.getByRole("button", { name: "Save draft" }).click();

    // An amount that is not money: the page comes back from the server with the error and
    // every value. (No description yet is fine: a draft may be unfinished.)
    const summary = form.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary.getByRole("link")).toHaveText([
      "Savings 2024/25: enter an amount in pounds using numbers only, like 1,250,000 or 1250000.50",
    ]);
    await expect(form.getByLabel("Title")).toHaveValue(title);
    await expect(
      form.getByRole("listbox", { name: "Partner organisations" }).locator("option:checked"),
    ).toHaveText([PLYMOUTH.name, TORBAY.name]);
    const amount = savingsAmount(form, "2024/25");
    await expect(amount).toHaveValue("ten thousand");

    await amount.fill("£10,000");
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/workspace\/\d+\/preview\?notice=saved$/);
    await expect(form.getByRole("heading", { name: title })).toBeVisible();
    await expect(form.getByRole("table", { name: "Savings by financial year" })).toContainText(
      "£10,000",
    );
  });
});

test("another council's editor replaying the owner's workspace actions by direct POST gets 404, changes nothing, and is audited", async ({
  page,
  browser,
}) => {
  const owner = await editorOf(DEVON.code, "ws-replay-owner");
  const other = await editorOf(CORNWALL, "ws-replay-other");
  const title = `Replayed arrangement ${randomUUID().slice(0, 8)}`;

  // The owner saves a draft, capturing the real "Save draft" request, then the "Submit" one.
  await signIn(page, owner.email, owner.password);
  await page.goto("/workspace/new");
  const form = main(page);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill("A draft another council must not touch.");
  await form.getByLabel("Main service category").selectOption({ label: "Legal" });
  await form.getByRole("radio", { name: "Planned" }).check();
  const combobox = form.getByRole("combobox", { name: "Partner organisations" });
  await combobox.fill("Plymouth");
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
  await form
    .getByLabel("If there are no savings, say why")
    .fill("Set up to improve services, not to save.");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/workspace\/\d+\/preview/);
  const arrangementId = Number(/\/workspace\/(\d+)\//.exec(page.url())![1]);

  await declare(form);
  const captured = page.waitForRequest(
    (r) => r.method() === "POST" && !!r.headers()["next-action"],
  );
  await form.getByRole("button", { name: "Submit for review" }).click();
  const submit = await captured;
  await expect(page).toHaveURL(/notice=submitted/);
  // Back to a draft, so the replay would have something to change.
  await sql`update arrangement_revisions set state = 'draft', submitted_at = null, submitted_by_id = null
            where arrangement_id = ${arrangementId}`;
  const before =
    await sql`select state, updated_at from arrangement_revisions where arrangement_id = ${arrangementId}`;

  const context = await browser.newContext();
  const otherPage = await context.newPage();
  await signIn(otherPage, other.email, other.password);
  const h = submit.headers();
  const response = await context.request.post(submit.url(), {
    headers: {
      "next-action": h["next-action"]!,
      "content-type": h["content-type"]!,
      accept: h["accept"] ?? "text/x-component",
    },
    data: submit.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  const after =
    await sql`select state, updated_at from arrangement_revisions where arrangement_id = ${arrangementId}`;
  expect(after).toEqual(before);
  const [refused] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_events
    where action = 'arrangement.access_refused' and actor_user_id = ${other.id}
      and entity_id = ${String(arrangementId)}`;
  expect(refused!.n).toBe(1);
  await context.close();
});

test("the whole journey with the keyboard only: sign in, add, save, submit", async ({ page }) => {
  const editor = await editorOf(DEVON.code, "ws-keys");
  const title = `Keyboard shared service ${randomUUID().slice(0, 8)}`;
  const keys = page.keyboard;
  // No mouse anywhere: focus moves by script only to start a step; the rest is typed or pressed.
  const typeInto = async (locator: ReturnType<Page["locator"]>, text: string) => {
    await locator.focus();
    await keys.type(text);
  };

  await page.goto("/login");
  await typeInto(page.getByRole("textbox", { name: "Email address" }), editor.email);
  await keys.press("Tab");
  await keys.type(editor.password);
  await keys.press("Enter");
  await expect(page).not.toHaveURL(/\/login/);

  await page.goto("/workspace");
  await main(page).getByRole("link", { name: "Add an arrangement" }).focus();
  await keys.press("Enter");
  await expect(page).toHaveURL(/\/workspace\/new$/);
  const form = main(page);
  await typeInto(form.getByLabel("Title"), title);
  await typeInto(form.getByLabel("Description"), "Typed, tabbed and entered, never clicked.");
  await typeInto(form.getByLabel("Main service category"), "Legal");
  await form.getByRole("radio", { name: "Operational" }).focus();
  await keys.press("Space");
  // The date as day, month and year: typed, tabbing from one part to the next.
  const start = form.getByRole("group", { name: "Start date" });
  await typeInto(start.getByLabel("Day"), "1");
  await keys.press("Tab");
  await keys.type("4");
  await keys.press("Tab");
  await keys.type("2019");
  await expect(start.getByLabel("Year")).toBeFocused();
  const combobox = form.getByRole("combobox", { name: "Partner organisations" });
  await typeInto(combobox, "Plymouth");
  await expect(form.getByRole("option", { name: PLYMOUTH.name })).toBeVisible();
  await keys.press("ArrowDown");
  await keys.press("Enter");
  await expect(form.getByRole("heading", { name: "Chosen partners (1)" })).toBeVisible();
  // 2019/20 has ended: its kind is already "actual".
  await typeInto(savingsAmount(form, "2019/20"), "250,000");
  await keys.press("Tab");
  await expect(savingsKind(form, "2019/20")).toBeFocused();
  await expect(savingsKind(form, "2019/20")).toHaveValue("actual");
  await form.getByRole("button", { name: "Save draft" }).focus();
  await keys.press("Enter");
  await expect(page).toHaveURL(/\/workspace\/\d+\/preview/);
  await expect(form.getByRole("table", { name: "Savings by financial year" })).toContainText(
    "£250,000",
  );

  await form
    .getByRole("checkbox", { name: "I confirm these figures are accurate and may be published" })
    .focus();
  await keys.press("Space");
  await form.getByRole("button", { name: "Submit for review" }).focus();
  await keys.press("Enter");
  await expect(page).toHaveURL(/notice=submitted/);
  const [revision] = await sql<{ state: string; start_date: string }[]>`
    select state, start_date::text from arrangement_revisions where title = ${title}`;
  expect(revision).toEqual({ state: "submitted", start_date: "2019-04-01" });
});

test("an actual saving for a year that has not ended is kept in the draft and refused on submission, its row named", async ({
  page,
}) => {
  const editor = await editorOf(DEVON.code, "ws-future-actual");
  const title = `Shared fleet ${randomUUID().slice(0, 8)}`;
  const thisYear = currentFinancialYear();
  const later = fyLabel(thisYear + 2);
  await signIn(page, editor.email, editor.password);
  await page.goto("/workspace/new");
  const form = main(page);
  // Kinds default from the year: last year's actual, this year's and later ones forecast.
  await expect(savingsKind(form, fyLabel(thisYear - 1))).toHaveValue("actual");
  await expect(savingsKind(form, fyLabel(thisYear))).toHaveValue("forecast");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill("One fleet workshop for two councils.");
  await form.getByLabel("Main service category").selectOption({ label: "Legal" });
  await form.getByRole("radio", { name: "Operational" }).check();
  await fillDate(form, "Start date", "1 4 2019");
  const combobox = form.getByRole("combobox", { name: "Partner organisations" });
  await combobox.fill("Plymouth");
  await expect(form.getByRole("option", { name: PLYMOUTH.name })).toBeVisible();
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
  await fillRow(page, later, "40,000", "actual");
  await form.getByRole("button", { name: "Save draft" }).click();

  // A draft keeps it as typed.
  await expect(page).toHaveURL(/\/workspace\/\d+\/preview\?notice=saved$/);
  const id = Number(/\/workspace\/(\d+)\//.exec(page.url())![1]);
  await declare(form);
  await form.getByRole("button", { name: "Submit for review" }).click();
  const summary = form.getByRole("alert").filter({ hasText: "There is a problem" });
  const link = summary.getByRole("link");
  await expect(link).toHaveText([
    `Savings ${later}: an actual saving can only be recorded for a year that has ended`,
  ]);
  await expect(link).toHaveAttribute(
    "href",
    `/workspace/${id}/edit#field-savings-${thisYear + 2}-kind`,
  );
  await link.click();
  await expect(savingsKind(form, later)).toHaveValue("actual");
  await expect(savingsAmount(form, later)).toHaveValue("£40,000");
  const [revision] = await sql<{ state: string }[]>`
    select state from arrangement_revisions where arrangement_id = ${id}`;
  expect(revision!.state).toBe("draft");
});

test("a date with a part missing or that does not exist is named, and what was typed is kept", async ({
  page,
}) => {
  const editor = await editorOf(DEVON.code, "ws-dates");
  await signIn(page, editor.email, editor.password);
  await page.goto("/workspace/new");
  const form = main(page);
  const start = form.getByRole("group", { name: "Start date" });
  await expect(start.getByLabel("Day")).toHaveAttribute("inputmode", "numeric");
  await expect(start).toContainText("For example, 1 4 2018");
  await start.getByLabel("Day").fill("1");
  await start.getByLabel("Year").fill("2019");
  await fillDate(form, "End date (ended arrangements only)", "31 2 2020");
  await form.getByRole("button", { name: "Save draft" }).click();
  const summary = form.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary.getByRole("link")).toHaveText([
    "Start date must include a month",
    "End date must be a real date: February 2020 has 29 days",
  ]);
  // The link lands on the part missing, the only one marked.
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#field-startDate");
  await expect(start.getByLabel("Month")).toHaveAttribute("id", "field-startDate");
  await expect(start.getByLabel("Month")).toHaveAttribute("aria-invalid", "true");
  await expect(start.getByLabel("Day")).not.toHaveAttribute("aria-invalid", "true");
  await expect(start.getByLabel("Day")).toHaveValue("1");
  await expect(start.getByLabel("Year")).toHaveValue("2019");
  expect(await axeViolations(page)).toEqual([]);
});

test("the preview is the public page: the same headings, facts and savings, under a Preview band", async ({
  browser,
}) => {
  // A published Devon arrangement with savings and nothing pending: its preview shows the
  // published version, which its public page shows too.
  const [arrangement] = await sql<{ id: number; slug: string }[]>`
    select a.id, a.slug from arrangements a
    join organisations o on o.id = a.lead_organisation_id
    join arrangement_revisions r on r.id = a.published_revision_id
    where o.code = ${DEVON.code} and r.total_pence > 0
      and not exists (select 1 from arrangement_revisions d
                      where d.arrangement_id = a.id and d.state in ('draft', 'submitted'))
      and not exists (select 1 from partner_confirmations pc
                      where pc.arrangement_id = a.id and pc.state = 'disputed')
    order by a.id limit 1`;
  const editor = await editorOf(DEVON.code, "ws-preview");
  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, editor.email, editor.password);
  await editorPage.goto(`/workspace/${arrangement!.id}/preview`);
  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto(`/arrangements/${arrangement!.slug}`);

  await expect(main(editorPage).getByTestId("preview-band")).toContainText(
    "Preview: not published",
  );
  await expect(main(publicPage).getByTestId("preview-band")).toHaveCount(0);

  /** The page's content as text: its headings, its facts (not the publication dates), savings. */
  const content = async (page: Page) => {
    const article = page.locator("article[aria-labelledby='arrangement-title']");
    const facts = await article
      .getByTestId("arrangement-facts")
      .evaluate((dl) =>
        [...dl.querySelectorAll("dt")]
          .map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()])
          .filter(([term]) => term !== "First published" && term !== "Last approved"),
      );
    return {
      headings: await article.getByRole("heading", { level: 2 }).allInnerTexts(),
      title: await article.getByRole("heading", { level: 1 }).innerText(),
      facts,
      summary: await article.getByTestId("arrangement-savings-summary").innerText(),
      savings: await article
        .getByRole("table", { name: /Savings by financial year/ })
        .locator("tr")
        .allInnerTexts(),
    };
  };
  const preview = await content(editorPage);
  const published = await content(publicPage);
  // The public page adds its change history after the content both share.
  expect(published.headings.slice(0, preview.headings.length)).toEqual(preview.headings);
  expect({ ...preview, headings: [] }).toEqual({ ...published, headings: [] });
  expect(preview.savings.length).toBeGreaterThan(1);
});
