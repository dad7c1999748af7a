import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { axeViolations } from "./a11y";
import { createUser, DEVON, main, newPage, signIn, sql } from "./fixtures";

/*
 * The audit log in plain English, in Chromium against the production build: events made in the
 * browser (an editor signing in, an administrator returning a submission) read as sentences
 * whose people, council and arrangement are links to their pages, with times in UK time; the
 * action filter and the pages keep their filters; the CSV keeps the codes and adds the
 * sentence; and the page is axe clean.
 */

const made: number[] = [];

test.afterAll(async () => {
  if (made.length) await sql`delete from arrangements where id in ${sql(made)}`;
});

/** A submission made straight in the database (this spec is about the log, not submitting). */
async function submission(editorId: number, title: string) {
  const [a] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${`e2e-audit-${randomUUID()}`}, (select id from organisations where code = ${DEVON.code}),
            ${editorId}, ${editorId})
    returning id`;
  made.push(a!.id);
  const [r] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, start_date, state,
       author_id, submitted_by_id, submitted_at)
    values (${a!.id}, 1, ${title}, 'Submitted for the audit log tests.',
            (select id from service_categories where slug = 'legal'), 'operational', '2019-04-01',
            'submitted', ${editorId}, ${editorId}, now())
    returning id`;
  await sql`insert into revision_partners (revision_id, organisation_id, role) values
    (${r!.id}, (select id from organisations where code = ${DEVON.code}), 'lead'),
    (${r!.id}, (select id from organisations where code = 'E06000026'), 'partner')`;
  return { arrangementId: a!.id, revisionId: r!.id };
}

/** The moment of an event as the page should show it, worked out by PostgreSQL. */
async function ukTime(eventId: number): Promise<string> {
  const [row] = await sql<{ at: string }[]>`
    select trim(to_char(at at time zone 'Europe/London', 'FMDD FMMonth YYYY "at" HH24:MI')) as at
    from audit_events where id = ${eventId}`;
  return row!.at;
}

test("the audit log reads as sentences with links, in UK time, and is axe clean", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await createUser("council_editor", "audit-editor");
  const admin = await createUser("admin", "audit-admin");
  const [devon] = await sql<{ id: number }[]>`
    select id from organisations where code = ${DEVON.code}`;
  const title = `Shared legal service ${randomUUID().slice(0, 8)}`;
  const { revisionId } = await submission(editor.id, title);

  const editorPage = await newPage(browser);
  await signIn(editorPage, editor.email, editor.password);
  await editorPage.context().close();

  const page = await newPage(browser);
  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/review/${revisionId}`);
  const reason = "Please add the 2020/21 saving and name the lead officer.";
  await main(page).getByLabel("Reason for returning it").fill(reason);
  await main(page).getByRole("button", { name: "Return to the council" }).click();
  await expect(page).toHaveURL(/\/admin\/review\?decided=rejected$/);

  // The editor's sign-in: "E2E … (Devon County Council) signed in", linked.
  await page.goto(`/admin/audit?user=${editor.id}&action=auth.sign_in`);
  const table = main(page).getByRole("table", { name: /Audit events/ });
  const signedIn = table.getByRole("row").filter({ hasText: "signed in" });
  await expect(signedIn).toHaveCount(1);
  await expect(signedIn.getByRole("rowheader")).toContainText(
    `${editor.name} (Devon County Council) signed in`,
  );
  await expect(signedIn.getByRole("link", { name: editor.name, exact: true })).toHaveAttribute(
    "href",
    `/admin/users/${editor.id}`,
  );
  await expect(
    signedIn.getByRole("link", { name: "Devon County Council", exact: true }),
  ).toHaveAttribute("href", `/admin/organisations/${devon!.id}`);
  const [signInEvent] = await sql<{ id: number }[]>`
    select id::int from audit_events where actor_user_id = ${editor.id} and action = 'auth.sign_in'`;
  await expect(signedIn.locator("time")).toHaveText(await ukTime(signInEvent!.id));
  await expect(table.getByRole("columnheader", { name: "When (UK time)" })).toBeVisible();
  // No codes on the page: the filter offers the kind by name too.
  await expect(table).not.toContainText("auth.sign_in");
  await expect(main(page).getByLabel("Action", { exact: true })).toHaveValue("auth.sign_in");
  await expect(
    main(page).getByLabel("Action", { exact: true }).locator("option:checked"),
  ).toHaveText("Signed in");

  // The administrator's decision, read from the whole log filtered through the form.
  await page.goto("/admin/audit");
  await main(page)
    .getByLabel("User", { exact: true })
    .selectOption({ value: String(admin.id) });
  await main(page)
    .getByLabel("Action", { exact: true })
    .selectOption({ label: "Returned to the council" });
  await main(page).getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(new RegExp(`user=${admin.id}&action=arrangement.rejected`));
  const returned = table.getByRole("row").filter({ hasText: title });
  await expect(returned.getByRole("rowheader")).toContainText(
    `${admin.name} returned ‘${title}’ to Devon County Council: “${reason}”`,
  );
  const link = returned.getByRole("link", { name: title, exact: true });
  await expect(link).toHaveAttribute("href", `/admin/review/${revisionId}`);
  expect(await axeViolations(page)).toEqual([]);
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The CSV: the codes as before, and the sentence last.
  const csv = await page.request.get(`/admin/audit/export?user=${admin.id}`);
  const rows = parse(await csv.text(), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows.find((r) => r.action === "arrangement.rejected")).toMatchObject({
    entity_type: "arrangement",
    actor_name: admin.name,
    description: `${admin.name} returned ‘${title}’ to Devon County Council: “${reason}”`,
  });
});

test("the pages of the log keep its filters and read as sentences too", async ({ browser }) => {
  const admin = await createUser("admin", "audit-pages");
  // 55 sign-outs: two pages of this person's events.
  await sql`
    insert into audit_events (actor_user_id, action, entity_type, entity_id)
    select ${admin.id}, 'auth.sign_out', 'user', ${String(admin.id)} from generate_series(1, 55)`;
  const page = await newPage(browser);
  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/audit?user=${admin.id}&action=auth.sign_out`);
  const table = main(page).getByRole("table", { name: /Audit events/ });
  await expect(table.getByRole("rowheader")).toHaveCount(50);
  await main(page)
    .getByRole("link", { name: /Older events/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`user=${admin.id}&action=auth.sign_out&page=2`));
  await expect(table.getByRole("rowheader")).toHaveCount(5);
  await expect(table.getByRole("rowheader").first()).toHaveText(
    new RegExp(`^${admin.name} signed out`),
  );
  expect(await axeViolations(page)).toEqual([]);
});
