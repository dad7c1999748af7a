import { randomBytes } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { createUser, main, sql, type TestUser } from "./fixtures";
import { startOwnServer, type OwnServer } from "./own-server";

/*
 * Whose address the sign-in limit and sessions record (issue 13, item 2), over real HTTP on
 * production servers: the suite's own (TRUSTED_PROXIES unset) and servers of their own behind
 * one proxy (a hop count) and behind proxies in listed networks. Each attempt sends a
 * X-Forwarded-For the test chooses, as a client or a proxy would.
 */

/** A fresh documentation-range IPv6 /64 (the throttle counts IPv6 per /64). */
function fresh64(): { address: string; key: string } {
  const [a, b] = [randomBytes(2).toString("hex"), randomBytes(2).toString("hex")];
  return {
    address: `2001:db8:${a}:${b}::7`,
    key: `signin:ip:2001:db8:${parseInt(a, 16).toString(16)}:${parseInt(b, 16).toString(16)}::/64`,
  };
}

async function points(key: string): Promise<number> {
  const [row] = await sql<{ points: number }[]>`
    select points from rate_limits where key = ${key} and expires_at > now()`;
  return row?.points ?? 0;
}

async function lastSessionIp(user: TestUser): Promise<string | null> {
  const [row] = await sql<{ ip: string | null }[]>`
    select ip from sessions where user_id = ${user.id} order by created_at desc limit 1`;
  return row?.ip ?? null;
}

/** One sign-in through the real form, with the X-Forwarded-For given. */
async function attempt(
  browser: Browser,
  baseURL: string | undefined,
  forwardedFor: string,
  email: string,
  password: string,
) {
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    extraHTTPHeaders: { "X-Forwarded-For": forwardedFor },
  });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email address" }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (password.startsWith("wrong")) {
    await expect(main(page)).toContainText("Enter a correct email address and password");
  } else {
    await expect(page).not.toHaveURL(/\/login/);
  }
  await context.close();
}

let user: TestUser;
test.beforeAll(async () => {
  user = await createUser("council_editor", "client-address");
});

test("with no trusted proxy a spoofed X-Forwarded-For changes neither the key nor the session", async ({
  browser,
}) => {
  const spoofs = [fresh64(), fresh64(), fresh64()];
  // The suite's own failures from 127.0.0.1 are counted in the same key: start it afresh.
  await sql`delete from rate_limits where key = 'signin:ip:127.0.0.1'`;
  for (const spoof of spoofs) {
    await attempt(browser, undefined, spoof.address, user.email, "wrong-password-1234");
  }
  expect(await points("signin:ip:127.0.0.1")).toBe(spoofs.length);
  for (const spoof of spoofs) expect(await points(spoof.key)).toBe(0);

  await attempt(browser, undefined, spoofs[0]!.address, user.email, user.password);
  expect(await lastSessionIp(user)).toBe("127.0.0.1");
});

test.describe("behind proxies", () => {
  let server: OwnServer | undefined;
  test.setTimeout(150_000);
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  test("TRUSTED_PROXIES=1: the address the proxy appended, never the client's own", async ({
    browser,
  }) => {
    server = await startOwnServer({ TRUSTED_PROXIES: "1" });
    const client = fresh64();
    const spoof = fresh64();
    await attempt(
      browser,
      server.baseURL,
      `${spoof.address}, ${client.address}`,
      user.email,
      "wrong-1",
    );
    await attempt(browser, server.baseURL, client.address, user.email, "wrong-2");
    expect(await points(client.key)).toBe(2);
    expect(await points(spoof.key)).toBe(0);

    await attempt(
      browser,
      server.baseURL,
      `${spoof.address}, ${client.address}`,
      user.email,
      user.password,
    );
    expect(await lastSessionIp(user)).toBe(client.address);
  });

  test("TRUSTED_PROXIES as networks: the right-most address outside them", async ({ browser }) => {
    server = await startOwnServer({ TRUSTED_PROXIES: "127.0.0.0/8, 10.0.0.0/8" });
    const client = fresh64();
    const spoof = fresh64();
    const chain = `${spoof.address}, ${client.address}, 10.20.30.40`;
    await attempt(browser, server.baseURL, chain, user.email, "wrong-3");
    expect(await points(client.key)).toBe(1);
    expect(await points(spoof.key)).toBe(0);
    expect(await points("signin:ip:10.20.30.40")).toBe(0);

    await attempt(browser, server.baseURL, chain, user.email, user.password);
    expect(await lastSessionIp(user)).toBe(client.address);
  });
});
