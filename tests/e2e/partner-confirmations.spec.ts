import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { main, signIn, sql } from "./fixtures";
import { publicChange } from "./public-helpers";
import { declare, fillDate, savingsAmount, savingsKind } from "./arrangement-form";

/*
 * Partners confirm (issue 13, item 6) in Chromium against the production build, with the demo
 * accounts: Devon names Somerset on a new arrangement and submits it; Somerset's editor, told by
 * mail and in the workspace, disputes it with a reason (after being refused without one);
 * another council's editor gets 404 for the same request and for Somerset's dispute replayed by
 * direct POST; the administrator sees the dispute in
 * the queue and on the review page, approves it anyway, and the public page then marks Somerset
 * "not confirmed".
 */

const DEVON = { email: "editor@devon.example.org", password: "Moorland-Lantern-Tide-48" };
const SOMERSET = { email: "editor@somerset.example.org", password: "Willow-Levels-Beacon-63" };
const BRENT = { email: "editor@brent.example.org", password: "Canal-Orchard-Signal-29" };
const ADMIN = { email: "admin@example.org", password: "Ledger-Harbour-Quill-2017" };
const REASON = "Somerset Council never agreed to share this service with Devon.";

const made: number[] = [];

test.afterAll(async () => {
  if (made.length) await sql`delete from arrangements where id in ${sql(made)}`;
  await publicChange();
});

async function signedIn(browser: Browser, account: { email: string; password: string }) {
  const page: Page = await (await browser.newContext()).newPage();
  await signIn(page, account.email, account.password);
  return page;
}

/** Devon's editor adds an arrangement naming Somerset Council and submits it; its id. */
async function devonSubmits(page: Page, title: string): Promise<number> {
  await page.goto("/workspace/new");
  const form = main(page);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Description").fill("One trading standards team for Devon and Somerset.");
  await form.getByLabel("Main service category").selectOption({ label: "Legal" });
  await form.getByRole("radio", { name: "Operational" }).check();
  await fillDate(form, "Start date", "1 4 2024");
  await form.getByRole("combobox", { name: "Partner organisations" }).fill("Somerset Council");
  await form.getByRole("option", { name: "Somerset Council", exact: true }).click();
  await savingsAmount(form, "2024/25").fill("50,000");
  await savingsKind(form, "2024/25").selectOption("actual");
  await form.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/workspace\/\d+\/preview\?notice=saved$/);
  const id = Number(/\/workspace\/(\d+)\//.exec(page.url())![1]);
  made.push(id);
  await declare(form);
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(page).toHaveURL(/\/workspace\?notice=submitted$/);
  return id;
}

test("Devon names Somerset, Somerset disputes it, the admin sees the dispute and the public page marks it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const title = `Joint trading standards ${randomUUID().slice(0, 8)}`;
  const id = await devonSubmits(await signedIn(browser, DEVON), title);

  // Somerset's editor is told by mail, with a link to the request.
  const [mail] = await sql<{ subject: string; body: string }[]>`
    select subject, body from outbox where lower(to_address) = lower(${SOMERSET.email})
    order by id desc limit 1`;
  expect(mail!.subject).toBe(`Please confirm your part in: ${title}`);
  const link = new RegExp(`https?://\\S+(/workspace/partners/${id})\\b`).exec(mail!.body);
  expect(link, mail!.body).not.toBeNull();

  // ... and in the workspace.
  const somerset = await signedIn(browser, SOMERSET);
  await somerset.goto("/workspace");
  const notice = main(somerset).getByTestId("partner-requests-notice");
  await expect(notice).toContainText(/waits? for your answer/);
  await notice.getByRole("link", { name: "Confirm or dispute them" }).click();
  await expect(somerset).toHaveURL(/\/workspace\/partners$/);
  const listed = main(somerset).getByRole("row").filter({ hasText: title });
  await expect(listed).toContainText("Devon County Council");
  await expect(listed).toContainText("Waiting for an answer");

  await somerset.goto(link![1]!);
  const request = main(somerset);
  await expect(request.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(
    request.getByRole("heading", { name: "What Devon County Council submitted" }),
  ).toBeVisible();
  await expect(request.getByText("£50,000").first()).toBeVisible();

  // A dispute needs a reason: refused without one, nothing recorded.
  await request.getByRole("button", { name: "Dispute" }).click();
  await expect(request.getByRole("alert").first()).toContainText("There is a problem");
  await expect(request.getByRole("alert").first()).toContainText(
    "Enter the reason your organisation disputes this",
  );
  await request.getByLabel("Why does your organisation dispute it?").fill(REASON);
  const captured = somerset.waitForRequest(
    (r) => r.method() === "POST" && !!r.headers()["next-action"],
  );
  await request.getByRole("button", { name: "Dispute" }).click();
  const dispute = await captured;
  await expect(somerset).toHaveURL(/\/workspace\/partners\?answered=disputed$/);
  await expect(main(somerset).getByRole("status")).toContainText("You disputed it");
  await expect(main(somerset).getByRole("row").filter({ hasText: title })).toContainText(
    "Disputed",
  );
  const [row] = await sql<{ state: string; reason: string }[]>`
    select pc.state, pc.reason from partner_confirmations pc
    join organisations o on o.id = pc.organisation_id
    where pc.arrangement_id = ${id} and o.code = 'E06000066'`;
  expect(row).toEqual({ state: "disputed", reason: REASON });

  // Another council's editor: the request is not found, and replaying Somerset's dispute by
  // direct POST answers 404, changes nothing and is audited.
  const brent = await signedIn(browser, BRENT);
  const refused = await brent.goto(`/workspace/partners/${id}`);
  expect(refused!.status()).toBe(404);
  const replayed = await brent.context().request.post(dispute.url(), {
    headers: {
      "next-action": dispute.headers()["next-action"]!,
      "content-type": dispute.headers()["content-type"]!,
      accept: dispute.headers()["accept"] ?? "text/x-component",
    },
    data: dispute.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
  expect(replayed.status()).toBe(404);
  const [audited] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_events e join users u on u.id = e.actor_user_id
    where e.action = 'arrangement.access_refused' and u.email = ${BRENT.email}
      and e.entity_id = ${String(id)}`;
  expect(audited!.n).toBe(1);
  const stored = await sql<{ code: string; answered_by: string }[]>`
    select o.code, u.email as answered_by from partner_confirmations pc
    join organisations o on o.id = pc.organisation_id join users u on u.id = pc.answered_by_id
    where pc.arrangement_id = ${id}`;
  expect(stored).toEqual([{ code: "E06000066", answered_by: SOMERSET.email }]);

  // The administrator sees it in the queue and on the review page.
  const [revision] = await sql<{ id: number }[]>`
    select id from arrangement_revisions where arrangement_id = ${id} and state = 'submitted'`;
  const admin = await signedIn(browser, ADMIN);
  const [devon] = await sql<{ id: number }[]>`
    select id from organisations where code = 'E10000008'`;
  const [waiting] = await sql<{ n: number }[]>`
    select count(*)::int as n from arrangement_revisions r join arrangements a on a.id = r.arrangement_id
    where r.state = 'submitted' and a.lead_organisation_id = ${devon!.id}`;
  await admin.goto(`/admin/review?organisation=${devon!.id}&page=${Math.ceil(waiting!.n / 25)}`);
  await expect(main(admin).getByRole("row").filter({ hasText: title })).toContainText("1 disputed");
  await admin.goto(`/admin/review/${revision!.id}`);
  const review = main(admin);
  await expect(review.getByTestId("partner-dispute-warning")).toContainText(
    "Somerset Council disputes taking part",
  );
  const answers = review.getByRole("table", { name: "Each partner organisation’s answer" });
  const somersetRow = answers.getByRole("row").filter({ hasText: "Somerset Council" });
  await expect(somersetRow).toContainText("Disputed");
  await expect(somersetRow).toContainText(REASON);
  await expect(somersetRow).toContainText("Somerset");

  // Approved anyway: the public page marks Somerset "not confirmed".
  await review.getByRole("button", { name: "Approve and publish" }).click();
  await expect(admin).toHaveURL(/\/admin\/review\?decided=approved$/);
  const [published] = await sql<{ slug: string }[]>`
    select slug from arrangements where id = ${id}`;
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/arrangements/${published!.slug}`);
  const partners = main(visitor).getByTestId("arrangement-partners");
  await expect(
    partners.getByRole("listitem").filter({ hasText: "Somerset Council" }),
  ).toContainText("not confirmed");
  await expect(main(visitor).getByTestId("not-confirmed-note")).toBeVisible();
});
