import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  createUser,
  DEVON,
  main,
  newPage,
  signIn,
  sql,
  type TestUser,
  signedInRequest,
} from "./fixtures";

/*
 * Sign-in and the access layer end to end, in Chromium against the production build: password
 * sign-in and sign-out, one message for every refusal, where each role lands (or the page asked
 * for), single sign-on against a real OpenID
 * Connect provider on loopback (tests/support/oidc-server.mjs), the role × page matrix, a
 * replayed admin action, the middleware-bypass header, and the security headers.
 */

const SOMERSET = "E10000027";

async function editorOf(code: string, label: string): Promise<TestUser> {
  const user = await createUser("council_editor", label);
  await sql`update users set organisation_id = (select id from organisations where code = ${code})
            where id = ${user.id}`;
  return user;
}

test.describe("password sign-in", () => {
  test("an editor signs in and out, and the old cookie is dead afterwards", async ({ page }) => {
    const editor = await editorOf(DEVON.code, "inout");
    await signIn(page, editor.email, editor.password);
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Account" });
    await expect(nav).toContainText(editor.name);

    const cookie = (await page.context().cookies()).find((c) => c.name === "ssm.session");
    expect(cookie).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.sameSite).toBe("Lax");

    await nav.getByRole("button", { name: "Sign out" }).click();
    await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
    const [session] = await sql<{ end_reason: string | null }[]>`
      select end_reason from sessions where user_id = ${editor.id} order by created_at desc limit 1`;
    expect(session!.end_reason).toBe("logout");

    // Replaying the cookie after sign-out is refused: the session ended in the database.
    const replay = await page.request.get("/account", {
      headers: { cookie: `ssm.session=${cookie!.value}` },
      maxRedirects: 0,
    });
    expect(replay.status()).toBe(307);
    expect(replay.headers().location).toContain("/login");
  });

  test("a wrong password and an unknown email get the same message, and the email is kept", async ({
    page,
  }) => {
    const editor = await editorOf(DEVON.code, "wrong");
    const messages: string[] = [];
    for (const email of [editor.email, `nobody-${editor.id}@test.example.org`]) {
      await page.goto("/login");
      await page.getByRole("textbox", { name: "Email address" }).fill(email);
      await page.getByLabel("Password", { exact: true }).fill("not-the-password-at-all");
      await page.getByRole("button", { name: "Sign in" }).click();
      const summary = main(page).getByRole("alert").filter({ hasText: "There is a problem" });
      await expect(summary).toBeVisible();
      messages.push((await summary.innerText()).trim());
      await expect(page.getByRole("textbox", { name: "Email address" })).toHaveValue(email);
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    }
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toContain("Enter a correct email address and password");

    const audits = await sql<{ after: unknown }[]>`
      select after from audit_events
      where action = 'auth.sign_in_failed' and after->>'email' = ${editor.email.toLowerCase()}`;
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).not.toContain("not-the-password-at-all");
  });
});

test.describe("where sign-in lands", () => {
  async function fillSignIn(page: Page, user: TestUser) {
    await page.getByRole("textbox", { name: "Email address" }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  test("an editor lands on the workspace, an administrator on the review queue", async ({
    browser,
  }) => {
    const editor = await editorOf(DEVON.code, "lands");
    const admin = await createUser("admin", "lands");
    for (const [user, path, heading] of [
      [editor, "/workspace", "Your workspace"],
      [admin, "/admin/review", "Review queue"],
    ] as const) {
      const page = await newPage(browser);
      await page.goto("/login");
      await fillSignIn(page, user);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(heading);
      // Signed in, the sign-in page sends them there too.
      await page.goto("/login");
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await page.context().close();
    }
  });

  test("sent to sign in from a protected page, they land on that page", async ({ browser }) => {
    const editor = await editorOf(DEVON.code, "asked");
    const admin = await createUser("admin", "asked");
    for (const [user, asked, heading] of [
      [editor, "/workspace/import", "Import arrangements from a spreadsheet"],
      [admin, "/admin/users?q=asked", "Users"],
    ] as const) {
      const page = await newPage(browser);
      await page.goto(asked);
      await expect(page).toHaveURL(/\/login\?next=/);
      await fillSignIn(page, user);
      await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === asked);
      await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(heading);
      await page.context().close();
    }
  });

  test("the sign-in page says how to get an account", async ({ page }) => {
    await page.goto("/login");
    const section = main(page).getByRole("region", { name: "No account yet?" });
    await expect(section).toContainText("Ask an administrator of the register to invite you");
    await section.getByRole("link", { name: "how to contact us" }).click();
    await expect(page).toHaveURL(/\/contact$/);
    await expect(main(page)).toContainText("An account for your council");
  });
});

test.describe("single sign-on (OpenID Connect on loopback)", () => {
  async function ssoAs(page: Page, email: string, from = "/login") {
    await page.goto(from);
    await page.getByRole("link", { name: "Sign in with Test council account" }).click();
    // The provider's own sign-in page, on its own port.
    await page.waitForURL((url) => url.port === process.env.OIDC_TEST_PORT);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  test("links a verified email to the existing user", async ({ page }) => {
    await ssoAs(page, "editor@devon.example.org");
    await expect(page).toHaveURL(/\/workspace$/);
    await expect(page.getByRole("navigation", { name: "Account" })).toContainText(
      "Devon County Council editor",
    );
    const [row] = await sql<{ provider: string }[]>`
      select s.provider from sessions s join users u on u.id = s.user_id
      where lower(u.email) = 'editor@devon.example.org' order by s.created_at desc limit 1`;
    expect(row!.provider).toBe("oidc");
  });

  test("lands an administrator on the review queue, and anyone on the page they asked for", async ({
    browser,
  }) => {
    const admin = await newPage(browser);
    await ssoAs(admin, "admin@example.org");
    await expect(admin).toHaveURL(/\/admin\/review$/);
    await admin.context().close();

    const editor = await newPage(browser);
    await editor.goto("/workspace/import");
    await expect(editor).toHaveURL(/\/login\?next=%2Fworkspace%2Fimport$/);
    await ssoAs(editor, "editor@devon.example.org", editor.url());
    await expect(editor).toHaveURL(/\/workspace\/import$/);
    await editor.context().close();
  });

  test("refuses an unknown email instead of creating an account", async ({ page }) => {
    const before = await sql<{ n: number }[]>`select count(*)::int as n from users`;
    await ssoAs(page, "unknown.person@example.org");
    await expect(page).toHaveURL(/\/login\?error=sso-unknown/);
    await expect(main(page)).toContainText("not registered here");
    const after = await sql<{ n: number }[]>`select count(*)::int as n from users`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  test("refuses an email the provider has not verified", async ({ page }) => {
    await ssoAs(page, "unverified@devon.example.org");
    await expect(page).toHaveURL(/\/login\?error=sso-unverified/);
  });
});

test.describe("who may see what", () => {
  const PAGES = [
    "/account",
    "/admin/users",
    "/admin/users/invite",
    "/admin/outbox",
    "/admin/feedback",
    "USER",
  ];

  test("role × page matrix", async ({ browser, playwright, baseURL }) => {
    // 35 requests and four sign-ins (argon2): more than the default 30 s on a loaded machine.
    test.setTimeout(60_000);
    const admin = await createUser("admin", "matrix-admin");
    const editorA = await editorOf(DEVON.code, "matrix-a");
    const editorB = await editorOf(SOMERSET, "matrix-b");
    const disabled = await editorOf(DEVON.code, "matrix-disabled");

    const anonymous = await playwright.request.newContext({ baseURL });
    const contexts = {
      "signed out": anonymous,
      "editor A": await signedInRequest(browser, editorA),
      "editor B": await signedInRequest(browser, editorB),
      disabled: await signedInRequest(browser, disabled),
      admin: await signedInRequest(browser, admin),
    };
    // Disabled after signing in: its open session must be refused on the next request.
    await sql`update users set status = 'disabled', session_version = session_version + 1
              where id = ${disabled.id}`;

    // "own" and "other" organisation: an editor looking up a user record of their own council
    // and of another council is refused alike (user records are admin-only).
    const expected: Record<keyof typeof contexts, Record<string, number | "login">> = {
      "signed out": { "/account": "login", admin: "login" },
      "editor A": { "/account": 200, admin: 404 },
      "editor B": { "/account": 200, admin: 404 },
      disabled: { "/account": "login", admin: "login" },
      admin: { "/account": 200, admin: 200 },
    };

    const results: string[] = [];
    for (const [role, request] of Object.entries(contexts) as [
      keyof typeof contexts,
      APIRequestContext,
    ][]) {
      for (const raw of PAGES) {
        const paths =
          raw === "USER" ? [`/admin/users/${editorA.id}`, `/admin/users/${editorB.id}`] : [raw];
        for (const path of paths) {
          const want = expected[role][path === "/account" ? "/account" : "admin"]!;
          const response = await request.get(path, { maxRedirects: 0 });
          const got =
            response.status() === 307 && (response.headers().location ?? "").includes("/login")
              ? "login"
              : response.status();
          results.push(`${role} ${path} → ${got}`);
          expect(got, `${role} GET ${path}`).toBe(want);
        }
      }
    }
    expect(results).toHaveLength(5 * 7);
  });

  test("an editor replaying an administrator's action by direct POST changes nothing", async ({
    page,
    browser,
  }) => {
    const admin = await createUser("admin", "replay-admin");
    const target = await editorOf(DEVON.code, "replay-target");
    const attacker = await editorOf(SOMERSET, "replay-attacker");

    // Capture the real request the admin's browser sends to disable a user...
    await signIn(page, admin.email, admin.password);
    await page.goto(`/admin/users/${target.id}`);
    const captured = page.waitForRequest(
      (r) => r.method() === "POST" && !!r.headers()["next-action"],
    );
    await page
      .getByRole("button", { name: /disable/i })
      .first()
      .click();
    const request = await captured;
    const headers = request.headers();
    const body = request.postDataBuffer();
    await expect
      .poll(
        async () =>
          (await sql<{ status: string }[]>`select status from users where id = ${target.id}`)[0]!
            .status,
      )
      .toBe("disabled");
    await sql`update users set status = 'active' where id = ${target.id}`;

    // ...and send it again with an editor's session.
    const editor = await signedInRequest(browser, attacker);
    const response = await editor.post(request.url(), {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        accept: headers["accept"] ?? "text/x-component",
      },
      data: body ?? undefined,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(404);
    const [row] = await sql<{ status: string }[]>`select status from users where id = ${target.id}`;
    expect(row!.status).toBe("active");
  });

  test("the middleware-bypass header does not open a signed-in page", async ({
    playwright,
    baseURL,
  }) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: {
        "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
      },
    });
    for (const path of ["/account", "/admin/users", "/admin/outbox", "/admin/feedback"]) {
      const response = await request.get(path);
      expect(new URL(response.url()).pathname, path).toBe("/login");
      expect(await response.text()).not.toContain("Invite a user");
    }
  });
});

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/", "/login", "/api/health"]) {
    const response = await request.get(path);
    const h = response.headers();
    expect(h["content-security-policy"], path).toContain("object-src 'none'");
    expect(h["content-security-policy"], path).toContain("base-uri 'none'");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"], path).toContain("max-age=");
    expect(h["x-powered-by"], path).toBeUndefined();
  }
});
