import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { formatHeadlinePounds, formatPence, formatWholePounds } from "@/lib/money";
import { axeViolations } from "./a11y";
import * as bySql from "../support/expected-figures";
import { lgaEditionRows } from "../support/lga-editions";
import { createUser, DEVON, main, signIn, sql, type TestUser, signedInRequest } from "./fixtures";
import { publicChange } from "./public-helpers";
import { declare, fillDate, savingsAmount, savingsKind } from "./arrangement-form";

/*
 * The review loop in Chromium against the production build: an editor submits through the
 * workspace, an administrator (told by email) reviews the diff and approves, and the cached home
 * page's total rises by exactly the submitted amount within a second; a rejection needs a reason
 * that reaches the council; two administrators deciding at once; editors and signed-out visitors
 * refused on every admin page, the CSV export and every admin action (replayed by direct POST).
 */

const PLYMOUTH = "Plymouth City Council";
const made: { arrangements: number[]; editions: number[] } = { arrangements: [], editions: [] };

test.afterAll(async () => {
  // Leave the shared database's published register as the demo set, and drop cached pages.
  if (made.arrangements.length)
    await sql`delete from arrangements where id in ${sql(made.arrangements)}`;
  if (made.editions.length) await sql`delete from editions where id in ${sql(made.editions)}`;
  await publicChange();
});

/** The home page's total now, by the register's rule, straight from the database (independent of lib/stats). */
async function publishedTotal(): Promise<bigint> {
  return (await bySql.expectedHeadline(sql, {})).totalPence;
}

async function queueCount(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from arrangement_revisions where state = 'submitted'`;
  return row!.n;
}

/** A submission made straight in the database (for the tests that are not about submitting). */
async function submitted(editor: TestUser, title: string, pence: bigint) {
  const [a] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${`e2e-review-${randomUUID()}`}, (select id from organisations where code = ${DEVON.code}),
            ${editor.id}, ${editor.id})
    returning id`;
  made.arrangements.push(a!.id);
  const [r] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, start_date, state,
       author_id, submitted_by_id, submitted_at)
    values (${a!.id}, 1, ${title}, 'Submitted for the review tests.',
            (select id from service_categories where slug = 'legal'), 'operational', '2019-04-01',
            'submitted', ${editor.id}, ${editor.id}, now())
    returning id`;
  await sql`insert into revision_partners (revision_id, organisation_id, role) values
    (${r!.id}, (select id from organisations where code = ${DEVON.code}), 'lead'),
    (${r!.id}, (select id from organisations where code = 'E06000026'), 'partner')`;
  await sql`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
    values (${r!.id}, 2019, ${pence.toString()}, 'actual')`;
  return { arrangementId: a!.id, revisionId: r!.id };
}

async function revisionState(id: number): Promise<string> {
  const [row] = await sql<
    { state: string }[]
  >`select state from arrangement_revisions where id = ${id}`;
  return row!.state;
}

/** The whole-pounds total the home page prints ("£1,234,568 in total: …"). */
async function homeTotal(page: Page): Promise<string> {
  await page.goto("/");
  const text = await page.getByTestId("headline-savings").innerText();
  return /(£[\d,]+) in total/.exec(text)?.[1] ?? text;
}

test("an editor submits, an admin approves, and the home page total rises by exactly that amount", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const editor = await createUser("council_editor", "loop-editor");
  const admin = await createUser("admin", "loop-admin");
  const title = `Shared legal team ${randomUUID().slice(0, 8)}`;
  const amount = "12,345.67";
  const pence = 1234567n;

  // The editor adds and submits an arrangement in the workspace.
  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, editor.email, editor.password);
  await editorPage.goto("/workspace/new");
  const form = main(editorPage);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill("One legal team for two councils.");
  await form.getByLabel("Main service category").selectOption({ label: "Legal" });
  await form.getByRole("radio", { name: "Operational" }).check();
  await fillDate(form, "Start date", "1 4 2019");
  const combobox = form.getByRole("combobox", { name: "Partner organisations" });
  await combobox.fill("Plymouth");
  await expect(form.getByRole("option", { name: PLYMOUTH })).toBeVisible();
  await combobox.press("ArrowDown");
  await combobox.press("Enter");
  await savingsAmount(form, "2019/20").fill(amount);
  await savingsKind(form, "2019/20").selectOption("actual");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(editorPage).toHaveURL(/\/workspace\/\d+\/preview\?notice=saved$/);
  const arrangementId = Number(/\/workspace\/(\d+)\//.exec(editorPage.url())![1]);
  made.arrangements.push(arrangementId);
  await declare(form);
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(editorPage).toHaveURL(/\/workspace\?notice=submitted$/);

  // Not public yet: the cached home page shows the published total, without the submission.
  const before = await publishedTotal();
  const publicPage = await (await browser.newContext()).newPage();
  expect(await homeTotal(publicPage)).toBe(formatWholePounds(before));

  // The administrator is told by email, signs in (landing on the queue) and follows the link.
  const [mail] = await sql<{ body: string }[]>`
    select body from outbox where lower(to_address) = lower(${admin.email})
    order by id desc limit 1`;
  const link = /https?:\/\/\S+\/admin\/review\/(\d+)/.exec(mail!.body);
  expect(link, mail!.body).not.toBeNull();
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, admin.password);
  await expect(adminPage).toHaveURL(/\/admin\/review$/);
  const nav = adminPage.getByRole("navigation", { name: "Administration" });
  await expect(nav.getByRole("link", { name: /^Review/ })).toContainText(
    `${await queueCount()} waiting`,
  );

  // It is in the queue, filtered to new arrangements from Devon (oldest first: the last page).
  const [devon] = await sql<{ id: number; n: number }[]>`
    select o.id, (select count(*)::int from arrangement_revisions r join arrangements a on a.id = r.arrangement_id
                  where r.state = 'submitted' and a.lead_organisation_id = o.id and a.published_revision_id is null) as n
    from organisations o where o.code = ${DEVON.code}`;
  await adminPage.goto(
    `/admin/review?organisation=${devon!.id}&kind=new&page=${Math.ceil(devon!.n / 25)}`,
  );
  const queue = main(adminPage).getByRole("table", { name: /Submissions matching the filters/ });
  const queueRow = queue.getByRole("row").filter({ hasText: title });
  await expect(queueRow).toContainText("Devon County Council");
  await expect(queueRow).toContainText("New");
  await expect(queueRow).toContainText(editor.name);

  await adminPage.goto(link![0].replace(/^https?:\/\/[^/]+/, ""));
  const review = main(adminPage);
  await expect(review.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(review.getByText("New arrangement", { exact: true })).toBeVisible();
  // The submitter's declaration, recorded with the submission.
  await expect(review.getByTestId("review-declaration")).toContainText(
    `${editor.name} confirmed “I confirm these figures are accurate and may be published” on`,
  );
  const savings = review.getByRole("table", { name: "Savings by financial year" });
  await expect(savings).toContainText(`£${amount}`);
  // The partner is shown added in the diff (and listed again under the partners' answers).
  await expect(review.getByRole("insertion").filter({ hasText: PLYMOUTH })).toBeVisible();

  const countBefore = await queueCount();
  await review.getByRole("button", { name: "Approve and publish" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/review\?decided=approved$/);
  const approvedAt = Date.now();

  // Within a second the cached home page shows exactly the submitted amount more: reloads are
  // started until one shows it, and the one that does must have been asked for no later than a
  // second after the approval returned (its own render time is not staleness).
  const expected = formatWholePounds(before + pence);
  let askedAt = 0;
  let shown = "";
  while (shown !== expected) {
    askedAt = Date.now() - approvedAt;
    if (askedAt > 1_000) break;
    shown = await homeTotal(publicPage);
    if (shown !== expected) await publicPage.waitForTimeout(50);
  }
  expect(shown, `a reload asked for ${askedAt} ms after the approval`).toBe(expected);
  expect(askedAt).toBeLessThanOrEqual(1_000);
  expect(await publishedTotal()).toBe(before + pence);
  console.log(
    `home page showed the approved amount on a reload asked for ${askedAt} ms after the approval returned (shown at ${Date.now() - approvedAt} ms)`,
  );

  await expect(
    main(adminPage).getByRole("status").filter({ hasText: "approved and is now published" }),
  ).toBeVisible();
  await expect(nav.getByRole("link", { name: /^Review/ })).toContainText(
    `${countBefore - 1} waiting`,
  );

  // The council's workspace shows it published; the author was told.
  await editorPage.goto("/workspace");
  await expect(main(editorPage).getByRole("region", { name: /^Published \(\d+\)/ })).toContainText(
    title,
  );
  const [told] = await sql<{ subject: string }[]>`
    select subject from outbox where lower(to_address) = lower(${editor.email}) order by id desc limit 1`;
  expect(told!.subject).toBe(`Approved and published: ${title}`);
});

test("returning a submission needs a reason, keeps what was typed, and the council reads it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await createUser("council_editor", "reject-editor");
  const admin = await createUser("admin", "reject-admin");
  const title = `Joint procurement ${randomUUID().slice(0, 8)}`;
  const { arrangementId, revisionId } = await submitted(editor, title, 500000n);

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto(`/admin/review/${revisionId}`);
  const review = main(adminPage);
  const reason = review.getByLabel("Reason for returning it");
  const send = review.getByRole("button", { name: "Return to the council" });

  await send.click();
  const summary = review.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(
    summary.getByRole("link", { name: "Enter the reason for returning this submission" }),
  ).toHaveAttribute("href", "#field-reason");
  await reason.fill("Too short");
  await send.click();
  await expect(summary).toContainText("Reason must be 10 characters or more");
  await expect(review.getByLabel("Reason for returning it")).toHaveValue("Too short");
  await expect(review.getByLabel("Reason for returning it")).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  expect(await revisionState(revisionId)).toBe("submitted");

  const text = "Please add the 2020/21 saving and name the lead officer.";
  await review.getByLabel("Reason for returning it").fill(text);
  await send.click();
  await expect(adminPage).toHaveURL(/\/admin\/review\?decided=rejected$/);
  expect(await revisionState(revisionId)).toBe("rejected");

  const [mail] = await sql<{ subject: string; body: string }[]>`
    select subject, body from outbox where lower(to_address) = lower(${editor.email}) order by id desc limit 1`;
  expect(mail!.subject).toBe(`Returned with comments: ${title}`);
  expect(mail!.body).toContain(text);

  const editorPage = await (await browser.newContext()).newPage();
  await signIn(editorPage, editor.email, editor.password);
  await editorPage.goto(`/workspace/${arrangementId}/preview`);
  await expect(main(editorPage)).toContainText("Returned with comments");
  await expect(main(editorPage)).toContainText(text);
});

/** A published arrangement (version 1) and a submitted change to its description (version 2). */
async function publishedWithChange(editor: TestUser, title: string, was: string, now: string) {
  const first = await submitted(editor, title, 500000n);
  await sql`update arrangement_revisions set state = 'approved', reviewed_at = now(),
              description = ${was} where id = ${first.revisionId}`;
  await sql`update arrangements set published_revision_id = ${first.revisionId}
            where id = ${first.arrangementId}`;
  const [r] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, start_date, state,
       author_id, submitted_by_id, submitted_at)
    select arrangement_id, 2, title, ${now}, main_category_id, stage, start_date, 'submitted',
           author_id, submitted_by_id, now()
    from arrangement_revisions where id = ${first.revisionId}
    returning id`;
  await sql`insert into revision_partners (revision_id, organisation_id, role)
    select ${r!.id}, organisation_id, role from revision_partners where revision_id = ${first.revisionId}`;
  await sql`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
    select ${r!.id}, financial_year, amount_pence, kind from revision_savings
    where revision_id = ${first.revisionId}`;
  const [a] = await sql<{ slug: string }[]>`
    select slug from arrangements where id = ${first.arrangementId}`;
  return { revisionId: r!.id, slug: a!.slug };
}

test("the review page shows the evidence first, the description word by word, and keeps the decision in view", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await createUser("council_editor", "diff-editor");
  const admin = await createUser("admin", "diff-admin");
  const title = `Shared legal team ${randomUUID().slice(0, 8)}`;
  const { revisionId } = await publishedWithChange(
    editor,
    title,
    "One legal team for two councils, based in Exeter.",
    "One shared legal team for three councils, based in Exeter and Taunton.",
  );

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await signIn(page, admin.email, admin.password);
  await page.goto(`/admin/review/${revisionId}`);
  const review = main(page);
  const fields = review.getByRole("table", { name: "Details, field by field" });

  // The description: the words taken out struck through in the published column, the words put
  // in underlined in the submitted one, each announced by visually hidden words.
  const description = fields.getByRole("row", { name: /^Description/ });
  await expect(description.getByRole("deletion")).toHaveText(["[removed: two]"]);
  await expect(description.getByRole("insertion")).toHaveText([
    "[added: shared ]",
    "[added: three]",
    "[added:  and Taunton]",
  ]);
  const cells = description.getByRole("cell");
  await expect(cells.nth(0)).toHaveText(
    "One legal team for [removed: two] councils, based in Exeter.",
  );
  await expect(cells.nth(1)).toHaveText(
    "One [added: shared ]legal team for [added: three] councils, based in Exeter[added:  and Taunton].",
  );
  const hidden = description.getByRole("insertion").first().locator(".sr-only").first();
  expect((await hidden.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  const style = (selector: string) =>
    description
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).textDecorationLine);
  expect(await style("ins")).toContain("underline");
  expect(await style("del")).toContain("line-through");
  // An unchanged field is not marked.
  const titleRow = fields.getByRole("row", { name: /^Title/ });
  await expect(titleRow.getByRole("insertion")).toHaveCount(0);
  await expect(titleRow.getByRole("deletion")).toHaveCount(0);

  // The evidence comes before the decision in the page's order (reading and Tab order).
  const order = await page.evaluate(() => {
    const changes = document.getElementById("changes-heading")!;
    const facts = document.getElementById("facts-heading")!;
    const decision = document.getElementById("decision-heading")!;
    const follows = (a: Node, b: Node) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return { changesFirst: follows(changes, decision), factsFirst: follows(facts, decision) };
  });
  expect(order).toEqual({ changesFirst: true, factsFirst: true });

  // At 1366 px the decision is a sticky column beside the evidence: scrolled down the evidence,
  // past the heading of what changed, as far as the evidence goes on beneath the whole panel,
  // the panel stays at the top of the window with both buttons on screen.
  const panel = review.getByTestId("review-decision");
  expect(await panel.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
  const evidence = review.getByTestId("review-evidence");
  const evidenceBox = (await evidence.boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  expect(panelBox.x).toBeGreaterThanOrEqual(evidenceBox.x + evidenceBox.width);
  expect(panelBox.height).toBeLessThan(768);
  const scrolled = await evidence.evaluate((el, panelHeight) => {
    const bottom = el.getBoundingClientRect().bottom + window.scrollY;
    window.scrollTo(0, bottom - panelHeight - 16);
    return window.scrollY;
  }, panelBox.height);
  expect(scrolled).toBeGreaterThan(0);
  await expect(review.getByRole("heading", { name: "What changed" })).not.toBeInViewport();
  const stuck = (await panel.boundingBox())!;
  expect(stuck.y).toBeGreaterThanOrEqual(15);
  expect(stuck.y + stuck.height).toBeLessThanOrEqual(768);
  for (const name of ["Approve and publish", "Return to the council"])
    await expect(review.getByRole("button", { name })).toBeInViewport({ ratio: 1 });
  expect(await axeViolations(page)).toEqual([]);

  // On a narrow screen it follows the evidence, in the flow of the page.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await panel.evaluate((el) => getComputedStyle(el).position)).toBe("static");
  const narrowEvidence = (await evidence.boundingBox())!;
  expect((await panel.boundingBox())!.y).toBeGreaterThanOrEqual(
    narrowEvidence.y + narrowEvidence.height,
  );
  await context.close();
});

test("the queue shows each submission's total and flags an outlier and a likely duplicate, with reasons", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await createUser("council_editor", "flags-editor");
  const admin = await createUser("admin", "flags-admin");
  const title = `Shared legal and democratic services ${randomUUID().slice(0, 8)}`;
  const published = await publishedWithChange(editor, title, "First.", "Second.");
  // A new arrangement with nearly the same title, from the same lead in the same category
  // (legal), whose total (£90m) is far above the category's median.
  const big = 9_000_000_000n;
  await submitted(editor, `${title}.`, big);
  const [median] = await sql<{ pence: string; n: number }[]>`
    select round(percentile_cont(0.5) within group (order by r.total_pence))::bigint::text as pence,
           count(*)::int as n
    from arrangements a join arrangement_revisions r on r.id = a.published_revision_id
    join service_categories c on c.id = r.main_category_id
    where c.slug = 'legal' and r.total_pence > 0`;
  const [similar] = await sql<{ s: number }[]>`
    select similarity(${title}, ${`${title}.`})::float8 as s`;
  expect(big > 10n * BigInt(median!.pence)).toBe(true);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, admin.email, admin.password);
  const [devon] = await sql<{ id: number; n: number }[]>`
    select o.id, (select count(*)::int from arrangement_revisions r join arrangements a on a.id = r.arrangement_id
                  where r.state = 'submitted' and a.lead_organisation_id = o.id and a.published_revision_id is null) as n
    from organisations o where o.code = ${DEVON.code}`;
  await page.goto(
    `/admin/review?organisation=${devon!.id}&kind=new&page=${Math.ceil(devon!.n / 25)}`,
  );
  const queue = main(page).getByRole("table", { name: /Submissions matching the filters/ });
  const row = queue.getByRole("row").filter({
    has: page.getByRole("link", { name: `${title}.`, exact: true }),
  });
  await expect(row).toContainText(formatPence(big));
  await expect(row).toContainText(
    `Outlier: more than 10 times the median total for Legal, ${formatPence(BigInt(median!.pence))} (over ${median!.n.toLocaleString("en-GB")} published arrangements with savings)`,
  );
  await expect(row).toContainText(
    `Likely duplicate of ${title} (published, same lead and category, title ${Math.round(similar!.s * 100)}% similar)`,
  );
  await expect(row.getByRole("link", { name: title, exact: true })).toHaveAttribute(
    "href",
    `/arrangements/${published.slug}`,
  );
  expect(await axeViolations(page)).toEqual([]);
});

test("two administrators approving at once: the second is told it was already decided", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const editor = await createUser("council_editor", "race-editor");
  const [first, second] = [
    await createUser("admin", "race-one"),
    await createUser("admin", "race-two"),
  ];
  const { revisionId } = await submitted(editor, `Race ${randomUUID().slice(0, 8)}`, 100n);
  const pages: Page[] = [];
  for (const admin of [first, second]) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, admin.email, admin.password);
    await page.goto(`/admin/review/${revisionId}`);
    pages.push(page);
  }
  await main(pages[0]!).getByRole("button", { name: "Approve and publish" }).click();
  await expect(pages[0]!).toHaveURL(/decided=approved/);
  await main(pages[1]!).getByRole("button", { name: "Approve and publish" }).click();
  await expect(main(pages[1]!).getByRole("alert")).toContainText(
    `already approved by ${first.name}`,
  );
  expect(await revisionState(revisionId)).toBe("approved");
});

/* Access --------------------------------------------------------------------------------------- */

type Captured = { url: string; headers: Record<string, string>; body: Buffer | null };

/** Submits a form in the admin's browser but stops the request: only its exact bytes are kept. */
async function captureAction(page: Page, submit: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  const handler = async (route: import("@playwright/test").Route, request: Request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured = { url: request.url(), headers: request.headers(), body: request.postDataBuffer() };
      await route.abort();
    } else await route.continue();
  };
  await page.route("**/*", handler);
  await submit();
  await expect.poll(() => captured !== null).toBe(true);
  await page.unroute("**/*", handler);
  return captured!;
}

function replay(request: APIRequestContext, action: Captured) {
  return request.post(action.url, {
    headers: {
      "next-action": action.headers["next-action"]!,
      "content-type": action.headers["content-type"]!,
      accept: action.headers.accept ?? "text/x-component",
    },
    data: action.body ?? undefined,
    maxRedirects: 0,
  });
}

test("editors and signed-out visitors are refused every admin page, the export and every admin action", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = await createUser("admin", "access-admin");
  const editor = await createUser("council_editor", "access-editor");
  const author = await createUser("council_editor", "access-author");
  const { revisionId } = await submitted(author, `Access ${randomUUID().slice(0, 8)}`, 4200n);
  const [fire] = await sql<{ id: number }[]>`select id from organisations where code = 'fire:001'`;
  const [council] = await sql<
    { id: number }[]
  >`select id from organisations where code = 'E07000040'`;

  const anonymous = await playwright.request.newContext({ baseURL });
  const editorRequest = await signedInRequest(browser, editor);
  const adminRequest = await signedInRequest(browser, admin);

  const pages = [
    "/admin/review",
    `/admin/review/${revisionId}`,
    "/admin/audit",
    "/admin/audit?action=arrangement.approved",
    "/admin/audit/export",
    "/admin/organisations",
    "/admin/organisations/new",
    `/admin/organisations/${fire!.id}`,
    `/admin/organisations/${council!.id}`,
    "/admin/editions",
  ];
  for (const path of pages) {
    const asEditor = await editorRequest.get(path, { maxRedirects: 0 });
    expect(asEditor.status(), `editor GET ${path}`).toBe(404);
    const signedOut = await anonymous.get(path, { maxRedirects: 0 });
    expect(signedOut.status(), `signed out GET ${path}`).toBe(307);
    expect(signedOut.headers().location, path).toContain("/login");
    const asAdmin = await adminRequest.get(path, { maxRedirects: 0 });
    expect(asAdmin.status(), `admin GET ${path}`).toBe(200);
  }
  const csv = await adminRequest.get("/admin/audit/export?action=arrangement.submitted");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\n")[0]).toContain("id,at_utc,action,actor_name");

  // Every admin action, captured from the admin's browser before it reaches the server.
  const page = await (await browser.newContext()).newPage();
  await signIn(page, admin.email, admin.password);
  const actions: Record<string, Captured> = {};
  await page.goto(`/admin/review/${revisionId}`);
  actions.approve = await captureAction(page, () =>
    main(page).getByRole("button", { name: "Approve and publish" }).click(),
  );
  await page.goto(`/admin/review/${revisionId}`);
  await main(page).getByLabel("Reason for returning it").fill("A reason long enough to be sent.");
  actions.reject = await captureAction(page, () =>
    main(page).getByRole("button", { name: "Return to the council" }).click(),
  );
  const orgName = `E2E Access Body ${randomUUID().slice(0, 8)}`;
  await page.goto("/admin/organisations/new");
  await main(page).getByRole("radio", { name: "Other public body" }).check();
  await main(page).getByLabel("Name", { exact: true }).fill(orgName);
  actions.createOrganisation = await captureAction(page, () =>
    main(page).getByRole("button", { name: "Add organisation" }).click(),
  );
  await page.goto(`/admin/organisations/${fire!.id}`);
  await main(page).getByLabel("Name", { exact: true }).fill(orgName);
  actions.updateOrganisation = await captureAction(page, () =>
    main(page).getByRole("button", { name: "Save changes" }).click(),
  );
  await page.goto(`/admin/organisations/${council!.id}`);
  await main(page).getByLabel("Its last day").fill("2030-03-31");
  await main(page).getByLabel("Replaced by").selectOption({ label: "Devon County Council" });
  actions.markReplaced = await captureAction(page, () =>
    main(page).getByRole("button", { name: "Record replacement" }).click(),
  );
  await page.goto("/admin/editions");
  await main(page).getByLabel("Name").fill(orgName);
  await main(page).getByLabel("As of: date").fill("2016-03-31");
  actions.createEdition = await captureAction(page, () =>
    main(page).getByRole("button", { name: "Publish edition" }).click(),
  );

  const fingerprint = async () => {
    const [row] = await sql<{ f: string }[]>`
      select concat_ws('|',
        (select state from arrangement_revisions where id = ${revisionId}),
        (select count(*) from organisations where name = ${orgName}),
        (select end_date from organisations where id = ${council!.id}),
        (select count(*) from editions where name = ${orgName})) as f`;
    return row!.f;
  };
  const untouched = await fingerprint();
  for (const [name, action] of Object.entries(actions)) {
    const asEditor = await replay(editorRequest, action);
    expect(asEditor.status(), `editor POST ${name}`).toBe(404);
    const signedOut = await replay(anonymous, action);
    expect([303, 307, 404], `signed out POST ${name}`).toContain(signedOut.status());
    if (signedOut.status() !== 404)
      expect(
        signedOut.headers()["x-action-redirect"] ?? signedOut.headers().location ?? "",
      ).toContain("/login");
    expect(await fingerprint(), `after ${name}`).toBe(untouched);
  }
  // The captured approval was a real one: sent as the administrator, it approves.
  const real = await replay(adminRequest, actions.approve!);
  expect(real.status()).toBeLessThan(400);
  await expect.poll(() => revisionState(revisionId)).toBe("approved");
});

/* Editions ------------------------------------------------------------------------------------ */

test("the public editions page compares the register's editions with the LGA's, and shows a new one at once", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/editions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Editions: the register over time",
  );
  // The LGA's figures from its file; the demo editions reproduce them, July 2019 by the rule for
  // successors (the arrangements the April 2019 mergers made internal left out).
  const lgaRows = lgaEditionRows();
  const ours = page.getByTestId("editions-table");
  for (const [edition, name] of [
    ["2013-01", "January 2013 edition"],
    ["2014", "2014 edition"],
    ["2017", "2017 edition"],
    ["2018", "2018 edition"],
    ["2019-07", "July 2019 edition"],
  ] as const) {
    const lgaRow = lgaRows.find((r) => r["edition"] === edition)!;
    const count = Number(lgaRow["arrangements"]).toLocaleString("en-GB");
    const pence = BigInt(lgaRow["cumulative_savings_gbp"]!) * 100n;
    const row = ours
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) });
    await expect(row.getByRole("cell").nth(1)).toHaveText(count);
    await expect(row.getByRole("cell").nth(5)).toHaveText(formatWholePounds(pence));
    await expect(row).toContainText(
      `${edition}: ${count} arrangements, ${formatHeadlinePounds(pence)}`,
    );
  }
  const lga = page.getByTestId("lga-table");
  await expect(lga.getByRole("row")).toHaveCount(lgaRows.length + 1);
  await expect(lga).toContainText(lgaRows.find((r) => r["edition"] === "2017")!["source"]!);
  const chart = page.getByRole("img", { name: /^Arrangements over time/ });
  await expect(chart.locator("svg[data-layout]:visible")).toHaveCount(1);
  await expect(page.getByRole("complementary", { name: /Demo data/ })).toBeVisible();

  // An administrator names an edition; the cached public page shows it within a second.
  const admin = await createUser("admin", "edition-admin");
  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, admin.email, admin.password);
  await adminPage.goto("/admin/editions");
  const name = `E2E edition ${randomUUID().slice(0, 8)}`;
  await main(adminPage).getByLabel("Name").fill(name);
  await main(adminPage).getByLabel("As of: date").fill("2016-03-31");
  await main(adminPage).getByRole("button", { name: "Publish edition" }).click();
  await expect(
    main(adminPage)
      .getByRole("status")
      .filter({ hasText: `${name} has been published` }),
  ).toBeVisible();
  const [edition] = await sql<{ id: number }[]>`select id from editions where name = ${name}`;
  made.editions.push(edition!.id);
  const [expected] = await sql<{ n: number }[]>`
    select count(*)::int as n from arrangement_revisions
    where state in ('approved', 'superseded') and reviewed_at <= '2016-03-31T23:59:00+01:00'
      and (superseded_at is null or superseded_at > '2016-03-31T23:59:00+01:00')`;
  await expect
    .poll(
      async () => {
        await page.reload();
        return (
          (await page
            .getByTestId("editions-table")
            .getByRole("row")
            .filter({ hasText: name })
            .count()) > 0
        );
      },
      // Within seconds, not the page's hour of caching: each edition is read by the rule's
      // functions when the page is rendered again, which takes a second or more on a busy machine.
      { timeout: 10_000 },
    )
    .toBe(true);
  await expect(
    page.getByTestId("editions-table").getByRole("row").filter({ hasText: name }),
  ).toContainText(expected!.n.toLocaleString("en-GB"));
});
