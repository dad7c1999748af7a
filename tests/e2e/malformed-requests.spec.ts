import { expect, test, type Browser } from "@playwright/test";
import { MALFORMED_REQUESTS, type CorpusEntry } from "../corpus/malformed-requests";
import { rawRequest } from "../support/raw-http";
import { createUser, DEVON, main, sql, type TestUser } from "./fixtures";

/*
 * No 500 from any request (issue 13, item 4). The corpus (tests/corpus/malformed-requests.ts)
 * goes byte for byte over real TCP connections to the production server; none may get a 5xx,
 * those with a known answer (400 bad address, 405 method, 413 too large) must get it, and the
 * server must still be healthy afterwards. Then the answers people see: the friendly pages,
 * and a sign-in with a strange `next` that lands on the default page.
 */

let editor: TestUser;
let admin: TestUser;
const cookies: Partial<Record<"editor" | "admin", string>> = {};
const values: Record<string, string> = {};

async function sessionCookie(browser: Browser, user: TestUser, base: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByRole("textbox", { name: "Email address" }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  const jar = await context.cookies();
  await context.close();
  return jar.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The first server action id on a page, as its forms carry it for browsers without JavaScript. */
async function actionId(base: string, path: string, cookie?: string): Promise<string> {
  const html = await (await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} })).text();
  const match = /\$ACTION_\d+:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)/.exec(html);
  if (!match) throw new Error(`no server action on ${path}`);
  return match[1]!;
}

const fill = (text: string) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");

function requestFor(entry: CorpusEntry) {
  const headers = Object.fromEntries(
    Object.entries(entry.headers ?? {}).map(([name, value]) => [name, fill(value)]),
  );
  const session = entry.as ? cookies[entry.as] : undefined;
  if (session) headers.Cookie = headers.Cookie ? `${headers.Cookie}; ${session}` : session;
  const body =
    entry.body === undefined
      ? undefined
      : typeof entry.body === "string"
        ? fill(entry.body)
        : Buffer.alloc(entry.body.bytes, entry.body.repeat);
  return {
    method: entry.method,
    target: fill(entry.target),
    headers,
    body,
    chunked: entry.chunked,
  };
}

test.beforeAll(async ({ browser, baseURL }) => {
  editor = await createUser("council_editor", "corpus-editor");
  admin = await createUser("admin", "corpus-admin");
  cookies.editor = await sessionCookie(browser, editor, baseURL!);
  cookies.admin = await sessionCookie(browser, admin, baseURL!);
  const [row] = await sql<
    { slug: string; arrangement: number; organisation: number; revision: number }[]
  >`
    select (select slug from arrangements where published_revision_id is not null
            order by id limit 1) as slug,
           a.id as arrangement, o.id as organisation,
           (select max(id) from arrangement_revisions) as revision
    from arrangements a join organisations o on o.id = a.lead_organisation_id
    where o.code = ${DEVON.code} order by a.id limit 1`;
  Object.assign(values, {
    SLUG: row!.slug,
    COUNCIL: DEVON.code,
    ARRANGEMENT: String(row!.arrangement),
    ORGANISATION: String(row!.organisation),
    REVISION: String(row!.revision),
    USER: String(admin.id),
    ORIGIN: baseURL!,
    ACTION_LOGIN: await actionId(baseURL!, "/login"),
    ACTION_FORGOT: await actionId(baseURL!, "/forgot-password"),
    ACTION_SAVE: await actionId(baseURL!, "/workspace/new", cookies.editor),
    ACTION_IMPORT: await actionId(baseURL!, "/workspace/import", cookies.editor),
  });
});

test("the malformed-request corpus: no 5xx, the known answers, and the server healthy after", async ({
  baseURL,
}) => {
  test.setTimeout(600_000);
  const port = Number(new URL(baseURL!).port);
  const started = Date.now();
  const statuses: Record<string, number> = {};
  const failures: string[] = [];
  for (const entry of MALFORMED_REQUESTS) {
    const answer = await rawRequest(port, requestFor(entry));
    const key = String(answer.status ?? answer.error);
    statuses[key] = (statuses[key] ?? 0) + 1;
    const label = `${entry.family}: ${entry.method} ${entry.target.slice(0, 80)}`;
    if (answer.status === null) failures.push(`${label} → ${answer.error}`);
    else if (answer.status >= 500) failures.push(`${label} → ${answer.status}`);
    else if (entry.expect && !entry.expect.includes(answer.status)) {
      failures.push(`${label} → ${answer.status}, expected ${entry.expect.join(" or ")}`);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const families = new Set(MALFORMED_REQUESTS.map((e) => e.family)).size;
  const fives = Object.entries(statuses)
    .filter(([status]) => status.startsWith("5"))
    .reduce((n, [, count]) => n + count, 0);
  console.log(
    `Malformed-request corpus: ${MALFORMED_REQUESTS.length} requests over ${families} route families in ${seconds} s; ${fives} answered 5xx; statuses ${JSON.stringify(statuses)}`,
  );
  expect(MALFORMED_REQUESTS.length).toBeGreaterThanOrEqual(200);
  expect(failures).toEqual([]);

  expect((await fetch(`${baseURL}/ping`)).status).toBe(200);
  const health = await fetch(`${baseURL}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
  expect((await fetch(`${baseURL}/arrangements/${values.SLUG}`)).status).toBe(200);
});

test("refusals are pages a person can read, in the form's own words", async ({ baseURL }) => {
  const post = (path: string, headers: Record<string, string>, body: BodyInit) =>
    fetch(`${baseURL}${path}`, { method: "POST", headers: { origin: baseURL!, ...headers }, body });

  const garbage = await post(
    "/login",
    { "next-action": values.ACTION_LOGIN!, "content-type": "text/plain;charset=UTF-8" },
    "garbage{{",
  );
  expect(garbage.status).toBe(400);
  expect(await garbage.text()).toContain("Sorry, the form could not be read");

  // A 50 MB CSV replayed to the import past the form's own check.
  const form = new FormData();
  form.set("0", '[{},"$K1"]');
  form.set("_1_file", new Blob([Buffer.alloc(50 * 1024 * 1024, "a")]), "big.csv");
  const large = await post(
    "/workspace/import",
    { "next-action": values.ACTION_IMPORT!, cookie: cookies.editor! },
    form,
  );
  expect(large.status).toBe(413);
  expect(await large.text()).toContain("The file must be 5 MB or smaller");

  const address = await fetch(`${baseURL}/arrangements/%ff`);
  expect(address.status).toBe(400);
  expect(await address.text()).toContain("Sorry, that address is not valid");
  const api = await fetch(`${baseURL}/api/v1/arrangements/%c0%af`);
  expect(api.status).toBe(400);
  expect(await api.json()).toMatchObject({ status: 400 });
});

test("sign-in with a strange next signs in and goes to the default page", async ({ browser }) => {
  for (const next of ["\n", "。", "/\t/evil.example/", "/\u3002evil.example", "%ff", "\\\\evil"]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByRole("textbox", { name: "Email address" }).fill(editor.email);
    await page.getByLabel("Password", { exact: true }).fill(editor.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, JSON.stringify(next)).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/workspace$/);
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText("Your workspace");
    await context.close();
  }
});
