import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, linkFromOutbox, main, signIn, type TestUser } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";

/*
 * The outbox never shows a usable secret (issue 13, item 5). A real reset link is put in the
 * outbox through the forgot-password form, then an administrator opens /admin/outbox on three
 * production servers of the same build:
 * - the suite's own (no SMTP, MAIL_OUTBOX_VISIBLE=true, as a test site): the link is shown;
 * - one without SMTP or MAIL_OUTBOX_VISIBLE: nothing is listed, and start-up warned;
 * - one with SMTP configured (even with MAIL_OUTBOX_VISIBLE=true): listed, every link removed.
 */

test.describe.configure({ mode: "serial" });

const WARNING = "SMTP_URL is not set, so no mail is sent";
let admin: TestUser;
let recipient: TestUser;
let link: string;
let token: string;

test.beforeAll(async ({ browser }) => {
  admin = await createUser("admin", "outbox-admin");
  recipient = await createUser("council_editor", "outbox-recipient");
  const page = await browser.newPage();
  await page.goto("/forgot-password");
  await page.getByRole("textbox", { name: "Email address" }).fill(recipient.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(main(page).getByRole("status")).toContainText("If an account exists");
  await page.close();
  link = await linkFromOutbox(recipient.email, "/reset-password");
  token = new URL(link).searchParams.get("token")!;
});

async function adminOutbox(browser: Browser, baseURL?: string): Promise<Page> {
  const page = await (await browser.newContext(baseURL ? { baseURL } : {})).newPage();
  await signIn(page, admin.email, admin.password);
  const response = await page.goto(`/admin/outbox?to=${encodeURIComponent(recipient.email)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Outbox");
  return page;
}

test("a test site (MAIL_OUTBOX_VISIBLE=true, no SMTP) shows the mail and its link", async ({
  browser,
}) => {
  const page = await adminOutbox(browser);
  await main(page).getByText("Reset your password").first().click();
  await expect(main(page)).toContainText(link);
  await page.context().close();
});

test.describe("servers of their own", () => {
  let server: OwnServer | undefined;
  test.setTimeout(150_000);
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  test("production without SMTP lists nothing and says so at start-up", async ({ browser }) => {
    server = await startOwnServer({}, ["SMTP_URL", "MAIL_OUTBOX_VISIBLE"]);
    expect(server.output()).toContain(WARNING);
    const page = await adminOutbox(browser, server.baseURL);
    await expect(main(page)).toContainText("so it is not shown here");
    await expect(main(page)).not.toContainText("Reset your password");
    expect(await page.content()).not.toContain(token);
    await page.context().close();
  });

  test("with SMTP configured the mail is listed with every link removed", async ({ browser }) => {
    // Nothing is sent here: the server only has to know that mail is configured.
    server = await startOwnServer({ SMTP_URL: "smtp://127.0.0.1:9", MAIL_OUTBOX_VISIBLE: "true" });
    expect(server.output()).not.toContain(WARNING);
    const page = await adminOutbox(browser, server.baseURL);
    await main(page).getByText("Reset your password").first().click();
    await expect(main(page)).toContainText("[link removed: only its recipient may use it]");
    expect(await page.content()).not.toContain(token);
    expect(await page.content()).not.toContain("/reset-password?");
    await page.context().close();
  });
});
