import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";

/*
 * Shared by the end-to-end specs: a direct SQL connection for setting up and checking, users
 * made straight in the database, sign-in through the real form, mail links from the outbox.
 */

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end suite with `npm test`.");
/**
 * One connection, shared by every spec in a worker, closed whenever it has been idle for a
 * second (so no hook has to end it).
 */
export const sql = postgres(url, { max: 1, idle_timeout: 1, onnotice: () => {} });

export const DEVON = { code: "E10000008", name: "Devon County Council" };

export type TestUser = { id: number; email: string; name: string; password: string };

/** An active user made straight in the database, with a real argon2id hash (the app's settings). */
export async function createUser(
  role: "admin" | "council_editor",
  label: string = role,
): Promise<TestUser> {
  const email = `e2e-${label}-${randomUUID()}@test.example.org`;
  const name = `E2E ${label} ${email.slice(4 + label.length + 1, 4 + label.length + 9)}`;
  const password = `Harbour-${randomUUID().slice(0, 8)}-Lantern`;
  const passwordHash = await hash(password, {
    algorithm: 2,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const [row] = await sql<{ id: number }[]>`
    insert into users (email, name, role, organisation_id, status, password_hash)
    values (${email}, ${name}, ${role},
            ${role === "admin" ? null : sql`(select id from organisations where code = ${DEVON.code})`},
            'active', ${passwordHash})
    returning id`;
  return { id: row!.id, email, name, password };
}

/** The link in the newest mail to `email`, as the app wrote it to the outbox. */
export async function linkFromOutbox(email: string, path: string): Promise<string> {
  await expect
    .poll(async () => {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from outbox where lower(to_address) = lower(${email})`;
      return row!.n;
    })
    .toBeGreaterThan(0);
  const [message] = await sql<{ body: string }[]>`
    select body from outbox where lower(to_address) = lower(${email})
    order by created_at desc, id desc limit 1`;
  const match = new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]{43}`).exec(message!.body);
  expect(match, message!.body).not.toBeNull();
  return match![0];
}

export async function signIn(
  page: Page,
  email: string,
  password: string,
  { timeout }: { timeout?: number } = {},
) {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email address" }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout });
}

/** The page's main content (Next's route announcer is an alert too, outside it). */
export function main(page: Page) {
  return page.getByRole("main");
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** A request context carrying a signed-in browser's cookies, for direct HTTP requests. */
export async function signedInRequest(
  browser: Browser,
  user: TestUser,
): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user.email, user.password);
  await page.close();
  return context.request;
}
