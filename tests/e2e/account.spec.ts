import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createUser, DEVON, linkFromOutbox, main, newPage, signIn } from "./fixtures";

/*
 * Accounts end to end, in Chromium against the production build: invitations and password
 * resets by email (read from the outbox table, as an administrator would on /admin/outbox),
 * disabling a user whose session is open elsewhere, and admin pages hidden from editors.
 * Every test makes its own users, so tests do not depend on each other or on the demo accounts.
 */

async function setPassword(page: Page, password: string, submit: string) {
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: submit }).click();
}

test.describe("accounts", () => {
  test("an invited user sets a password from the emailed link, signs in and out", async ({
    page,
    browser,
    baseURL,
  }) => {
    const admin = await createUser("admin");
    await signIn(page, admin.email, admin.password);
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Invite a user" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite a user");

    // A mistake first: the error summary names it, links to the field, and keeps what was typed.
    const email = `e2e-invitee-${randomUUID()}@test.example.org`;
    await page.getByLabel("Full name").fill("Invited Editor");
    await page.getByRole("textbox", { name: "Email address" }).fill(email);
    await page.getByRole("button", { name: "Send invitation" }).click();
    const summary = main(page).getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link")).toHaveText(
      "Select the organisation a council editor works for",
    );
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#field-organisationId");
    await expect(page.getByLabel("Full name")).toHaveValue("Invited Editor");
    await expect(page.getByRole("textbox", { name: "Email address" })).toHaveValue(email);

    await page
      .getByLabel("Organisation (council editors only)")
      .selectOption({ label: DEVON.name });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(main(page).getByRole("status")).toContainText("Invitation sent");
    await expect(main(page).getByRole("status")).toContainText(email);

    const link = await linkFromOutbox(email, "/invite/accept");
    expect(link.startsWith(`${baseURL}/invite/accept?token=`)).toBe(true);

    // The invited person, in their own browser.
    const invitee = await newPage(browser);
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Accept your invitation");
    await expect(invitee.getByText(email)).toBeVisible();

    await invitee.getByLabel("New password", { exact: true }).fill("Tarn-Juniper-Ferry-2031");
    await invitee.getByLabel("Confirm new password").fill("Tarn-Juniper-Ferry-2030");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await expect(main(invitee).getByRole("alert")).toContainText(
      "Enter the same password in both boxes",
    );

    await setPassword(invitee, "Tarn-Juniper-Ferry-2031", "Set password");
    await expect(main(invitee).getByRole("status")).toContainText("Your account is ready");
    await main(invitee).getByRole("link", { name: "Sign in" }).click();
    await expect(invitee).toHaveURL(/\/login/);

    await signIn(invitee, email, "Tarn-Juniper-Ferry-2031");
    // A council editor lands in the workspace; the account page shows who they are.
    await expect(invitee).toHaveURL(/\/workspace$/);
    await invitee.goto("/account");
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Your account");
    await expect(invitee.getByRole("navigation", { name: "Account" })).toContainText(
      "Invited Editor",
    );
    await expect(invitee.getByText(DEVON.name)).toBeVisible();

    await invitee.getByRole("button", { name: "Sign out" }).click();
    await expect(invitee).toHaveURL(/\/$/);
    await invitee.goto("/account");
    await expect(invitee).toHaveURL(/\/login/);

    // The link has done its job.
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(
      "This invitation has already been used",
    );
    await invitee.context().close();
  });

  test("forgotten password: the emailed link sets a new one and signs out other sessions", async ({
    page,
    browser,
  }) => {
    const user = await createUser("council_editor", "forgetful");
    // Signed in elsewhere with the old password.
    const elsewhere = await newPage(browser);
    await signIn(elsewhere, user.email, user.password);
    await expect(elsewhere).toHaveURL(/\/workspace$/);

    await page.goto("/login");
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByRole("textbox", { name: "Email address" }).fill(user.email.toUpperCase());
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(main(page).getByRole("status")).toContainText(
      "If an account exists for that address, we have sent a link",
    );

    const link = await linkFromOutbox(user.email, "/reset-password");
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");

    // Too short: refused beside the field, and the link still works.
    await setPassword(page, "short-one", "Save new password");
    await expect(main(page).getByRole("alert")).toContainText(
      "Password must be 12 characters or more",
    );
    await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute(
      "aria-invalid",
      "true",
    );

    const newPassword = `Orchard-${randomUUID().slice(0, 8)}-Signal`;
    await setPassword(page, newPassword, "Save new password");
    await expect(main(page).getByRole("status")).toContainText("Password changed");

    // The other session ends on its next request.
    await elsewhere.goto("/account");
    await expect(elsewhere).toHaveURL(/\/login/);
    await elsewhere.context().close();

    // The old password no longer works; the new one does.
    await page.goto("/login");
    await page.getByRole("textbox", { name: "Email address" }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(main(page).getByRole("alert")).toContainText(
      "Enter a correct email address and password",
    );
    await signIn(page, user.email, newPassword);
    await expect(page).toHaveURL(/\/workspace$/);

    // A reset link works once.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "This link has already been used",
    );
  });

  test("a disabled user's open session is refused on its next request", async ({
    page,
    browser,
  }) => {
    const admin = await createUser("admin");
    const user = await createUser("council_editor", "to-disable");

    const userPage = await newPage(browser);
    await signIn(userPage, user.email, user.password);
    await userPage.goto("/account");
    await expect(userPage.getByRole("heading", { level: 1 })).toHaveText("Your account");

    await signIn(page, admin.email, admin.password);
    await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
    const table = page.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(2);
    await table.getByRole("link", { name: user.name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(user.name);
    await page.getByRole("button", { name: "Disable account" }).click();
    await expect(main(page).getByRole("status")).toContainText(
      `${user.name}'s account is disabled`,
    );
    await expect(page.getByRole("button", { name: "Enable account" })).toBeVisible();

    await userPage.goto("/account");
    await expect(userPage).toHaveURL(/\/login/);
    await userPage.getByRole("textbox", { name: "Email address" }).fill(user.email);
    await userPage.getByLabel("Password", { exact: true }).fill(user.password);
    await userPage.getByRole("button", { name: "Sign in" }).click();
    await expect(main(userPage).getByRole("alert")).toContainText(
      "Enter a correct email address and password",
    );
    await userPage.context().close();
  });

  test("own account: change name, and change password keeping this session only", async ({
    page,
    browser,
  }) => {
    const user = await createUser("council_editor", "self");
    const elsewhere = await newPage(browser);
    await signIn(elsewhere, user.email, user.password);
    await signIn(page, user.email, user.password);
    await page.goto("/account");

    const nameForm = main(page)
      .locator("form")
      .filter({ has: page.getByLabel("Full name") });
    await page.getByLabel("Full name").fill("");
    await nameForm.getByRole("button", { name: "Save name" }).click();
    await expect(nameForm.getByRole("alert")).toContainText("Enter a full name");
    await page.getByLabel("Full name").fill("Renamed In Browser");
    await nameForm.getByRole("button", { name: "Save name" }).click();
    await expect(nameForm.getByRole("status")).toContainText("Your name has been changed");
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText(
      "Renamed In Browser",
    );

    const passwordForm = main(page)
      .locator("form")
      .filter({ has: page.getByLabel("Current password") });
    await page.getByLabel("Current password").fill("not-the-password");
    await page.getByLabel("New password", { exact: true }).fill("Kestrel-Bridge-Lamp-0451");
    await page.getByLabel("Confirm new password").fill("Kestrel-Bridge-Lamp-0451");
    await passwordForm.getByRole("button", { name: "Change password" }).click();
    const summary = passwordForm.getByRole("alert");
    await expect(summary).toContainText("Your current password is not correct");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#field-currentPassword");
    // Passwords are never sent back to the page.
    await expect(page.getByLabel("Current password")).toHaveValue("");

    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill("Kestrel-Bridge-Lamp-0451");
    await page.getByLabel("Confirm new password").fill("Kestrel-Bridge-Lamp-0451");
    await passwordForm.getByRole("button", { name: "Change password" }).click();
    await expect(passwordForm.getByRole("status")).toContainText("Password changed");

    // This browser stays signed in (a new session); the other one is signed out.
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
    await elsewhere.goto("/account");
    await expect(elsewhere).toHaveURL(/\/login/);
    await signIn(elsewhere, user.email, "Kestrel-Bridge-Lamp-0451");
    await expect(elsewhere).toHaveURL(/\/workspace$/);
    await elsewhere.context().close();
  });

  test("administration pages answer 404 to a council editor", async ({ page }) => {
    const editor = await createUser("council_editor", "nosy");
    const admin = await createUser("admin", "target");
    await signIn(page, editor.email, editor.password);
    for (const path of [
      "/admin/users",
      "/admin/users/invite",
      `/admin/users/${admin.id}`,
      `/admin/users/${editor.id}`,
      "/admin/outbox",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
      await expect(page.getByText(admin.email)).toHaveCount(0);
    }
    // Still signed in: a 404 is not a sign-out.
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  });
});
