import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createUser, main, sql, signedInRequest, signIn, type TestUser } from "./fixtures";

/*
 * The contact page's feedback form (issue 14, item 4): a message sent without JavaScript is
 * stored and mailed to the administrators (read from the outbox, as this test site keeps its
 * mail); a burst from one address is refused at the sixth message; /admin/feedback shows it to
 * an administrator, who marks it handled, and answers an editor 404. Every request of the
 * suite comes from 127.0.0.1, so each test starts with that address's count cleared.
 */

test.describe.configure({ mode: "serial" });

const run = randomUUID().slice(0, 8);
let admin: TestUser;
let editor: TestUser;

test.beforeAll(async () => {
  admin = await createUser("admin", "feedback-admin");
  editor = await createUser("council_editor", "feedback-editor");
});

test.beforeEach(async () => {
  await sql`delete from rate_limits where key like 'feedback:%'`;
});

test.afterAll(async () => {
  await sql`delete from outbox where body like ${`%${run}%`}`;
  await sql`delete from feedback_messages where message like ${`%${run}%`}`;
  await sql`delete from rate_limits where key like 'feedback:%'`;
});

const form = (page: Page) => main(page).getByRole("form", { name: "Send feedback" });

async function stored(marker: string) {
  return sql<{ id: number; name: string | null; email: string | null; page: string | null }[]>`
    select id, name, email, page from feedback_messages where message like ${`%${marker}%`}
    order by id`;
}

test("a message sent without JavaScript is stored and mailed to every administrator", async ({
  browser,
}) => {
  const marker = `no-js ${run}`;
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/contact");

  // Nothing typed: the error summary, linked to the field; nothing stored.
  await form(page).getByRole("button", { name: "Send feedback" }).click();
  await expect(main(page).getByRole("alert")).toContainText("There is a problem");
  await expect(main(page).getByRole("link", { name: "Enter your message" })).toHaveAttribute(
    "href",
    "#field-message",
  );

  // A malformed address: refused, and everything typed is still there.
  await form(page).getByLabel("Your message").fill(`The map's legend is hard to read. ${marker}`);
  await form(page).getByLabel("Which page is it about? (optional)").fill("/map");
  await form(page).getByLabel("Your name (optional)").fill("Jo Visitor");
  await form(page).getByLabel("Your email address (optional)").fill("jo@example");
  await form(page).getByRole("button", { name: "Send feedback" }).click();
  await expect(main(page).getByRole("alert")).toContainText(
    "Enter an email address in the correct format",
  );
  await expect(form(page).getByLabel("Your message")).toHaveValue(
    `The map's legend is hard to read. ${marker}`,
  );
  await expect(form(page).getByLabel("Which page is it about? (optional)")).toHaveValue("/map");
  await expect(form(page).getByLabel("Your name (optional)")).toHaveValue("Jo Visitor");
  expect(await stored(marker)).toHaveLength(0);

  await form(page).getByLabel("Your email address (optional)").fill("jo@example.org");
  await form(page).getByRole("button", { name: "Send feedback" }).click();
  await expect(main(page).getByRole("status")).toContainText("Message sent");
  await expect(form(page).getByLabel("Your message")).toHaveValue("");
  await context.close();

  const rows = await stored(marker);
  expect(rows).toEqual([
    { id: rows[0]!.id, name: "Jo Visitor", email: "jo@example.org", page: "/map" },
  ]);
  const id = rows[0]!.id;

  // Mailed to every active administrator, the one made here among them.
  const admins = await sql<{ email: string }[]>`
    select email from users where role = 'admin' and status = 'active' order by id`;
  const mail = await sql<{ to_address: string; subject: string; body: string }[]>`
    select to_address, subject, body from outbox where body like ${`%${marker}%`} order by id`;
  expect(mail.map((m) => m.to_address)).toEqual(admins.map((a) => a.email));
  expect(mail.map((m) => m.to_address)).toContain(admin.email);
  for (const m of mail) {
    expect(m.subject).toBe(`New feedback from the contact page (message ${id})`);
    expect(m.body).toContain("From: Jo Visitor <jo@example.org>");
    expect(m.body).toContain(`The map's legend is hard to read. ${marker}`);
  }

  const [event] = await sql<{ actor_user_id: number | null }[]>`
    select actor_user_id from audit_events
    where action = 'feedback.received' and entity_id = ${String(id)}`;
  expect(event).toEqual({ actor_user_id: null });
});

test("a burst from one address is refused at the sixth message, keeping what was typed", async ({
  page,
}) => {
  const marker = `burst ${run}`;
  await page.goto("/contact");
  for (let i = 1; i <= 5; i++) {
    await form(page).getByLabel("Your message").fill(`Message ${i} ${marker}`);
    await form(page).getByRole("button", { name: "Send feedback" }).click();
    await expect(main(page).getByRole("status")).toContainText("Message sent");
    // The form is empty again for the next one.
    await expect(form(page).getByLabel("Your message")).toHaveValue("");
  }
  await form(page).getByLabel("Your message").fill(`Message 6 ${marker}`);
  await form(page).getByRole("button", { name: "Send feedback" }).click();
  await expect(main(page).getByRole("alert")).toContainText(
    "You have sent several messages in a short time, so this one was not sent. Try again in 60 minutes",
  );
  await expect(main(page).getByRole("status")).toHaveCount(0);
  await expect(form(page).getByLabel("Your message")).toHaveValue(`Message 6 ${marker}`);
  expect(await stored(marker)).toHaveLength(5);
  const [counted] = await sql<{ points: number }[]>`
    select points from rate_limits where key = 'feedback:ip:127.0.0.1'`;
  expect(counted!.points).toBe(6);
});

test("/admin/feedback lists messages newest first to an administrator, who marks one handled; an editor gets 404", async ({
  browser,
}) => {
  const [older] = await sql<{ id: number }[]>`
    insert into feedback_messages (message) values (${`Older ${run}`}) returning id`;
  const [newer] = await sql<{ id: number }[]>`
    insert into feedback_messages (message, page, email)
    values (${`Newer ${run}`}, '/editions', 'sam@example.org') returning id`;

  const page = await (await browser.newContext()).newPage();
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/feedback");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feedback");
  await expect(
    page.getByRole("navigation", { name: "Administration" }).getByRole("link", {
      name: "Feedback",
    }),
  ).toHaveAttribute("aria-current", "page");
  const table = main(page).getByRole("table");
  const rows = table.getByRole("row");
  // Newest first: the newer message is the first row after the header.
  await expect(rows.nth(1)).toContainText(`Message ${newer!.id}`);
  await expect(rows.nth(1)).toContainText(`Newer ${run}`);
  await expect(rows.nth(1)).toContainText("About: /editions");
  await expect(rows.nth(1).getByRole("link", { name: "sam@example.org" })).toHaveAttribute(
    "href",
    "mailto:sam@example.org",
  );
  await expect(rows.nth(2)).toContainText(`Message ${older!.id}`);
  await expect(rows.nth(2)).toContainText(`Older ${run}`);

  // Marked handled from the button; the captured request is replayed as an editor below.
  const captured = page.waitForRequest(
    (r) => r.method() === "POST" && !!r.headers()["next-action"],
  );
  await main(page)
    .getByRole("button", { name: `Mark message ${newer!.id} handled` })
    .click();
  const request = await captured;
  await expect(rows.nth(1)).toContainText(`Handled by ${admin.name}`);
  await expect(
    main(page).getByRole("button", { name: `Mark message ${newer!.id} handled` }),
  ).toHaveCount(0);
  const [row] = await sql<{ handled_by_id: number | null }[]>`
    select handled_by_id from feedback_messages where id = ${newer!.id}`;
  expect(row!.handled_by_id).toBe(admin.id);
  const events = await sql<{ actor_user_id: number }[]>`
    select actor_user_id from audit_events
    where action = 'feedback.handled' and entity_id = ${String(newer!.id)}`;
  expect(events).toEqual([{ actor_user_id: admin.id }]);

  // An editor: the page answers 404, and the same action sent with their session does nothing.
  await sql`update feedback_messages set handled_at = null, handled_by_id = null
            where id = ${newer!.id}`;
  const asEditor = await signedInRequest(browser, editor);
  expect((await asEditor.get("/admin/feedback", { maxRedirects: 0 })).status()).toBe(404);
  const headers = request.headers();
  const replay = await asEditor.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "content-type": headers["content-type"]!,
      accept: headers["accept"] ?? "text/x-component",
    },
    data: request.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(404);
  const [after] = await sql<{ handled_at: Date | null }[]>`
    select handled_at from feedback_messages where id = ${newer!.id}`;
  expect(after!.handled_at).toBeNull();
});
