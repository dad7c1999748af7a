import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createUser, DEVON, main, signIn, sql, type TestUser } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * Cross-site scripting: a corpus of payloads (script tags, event handlers, javascript: URLs,
 * SVG) put into every text field a council editor or administrator can fill — titles,
 * descriptions, contacts, organisation names, the audit trail — must show up as inert text on
 * every page that renders them, public and signed in. A payload that ran would set
 * window.__xss or open a dialog.
 */

const word = `xsscorpus${randomUUID()
  .slice(0, 8)
  .replace(/[^a-z]/g, "q")}`;
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `javascript:window.__xss=1//`,
  `<svg onload="window.__xss=1"><circle r="9"></circle></svg>`,
  `"><iframe src="javascript:window.__xss=1"></iframe>`,
  `<a href="javascript:window.__xss=1">link</a>`,
];
const TITLE = `Shared ${word} service ${PAYLOADS[1]}`;
const DESCRIPTION = PAYLOADS.join("\n");
const ORGANISATION = `${PAYLOADS[0]} Trust ${word}`;
const CONTACT = PAYLOADS[3]!;
const EMAIL = `${word}"><img src=x onerror=window.__xss=1>@example.org`;

let editor: TestUser;
let admin: TestUser;
let publishedId: number;
let slug: string;
let draftId: number;
let submittedRevisionId: number;
let organisationCode: string;

async function insertRevision(
  arrangementId: number,
  state: "approved" | "submitted" | "draft",
  author: TestUser,
): Promise<number> {
  const [r] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, start_date, state,
       author_id, submitted_by_id, submitted_at, reviewed_at, contact_name, contact_email)
    values (${arrangementId}, 1, ${TITLE}, ${DESCRIPTION},
            (select id from service_categories where slug = 'counter-fraud'), 'operational',
            '2016-04-01', ${state}, ${author.id},
            ${state === "draft" ? null : author.id}, ${state === "draft" ? null : sql`now()`},
            ${state === "approved" ? sql`now()` : null}, ${CONTACT}, ${EMAIL})
    returning id`;
  await sql`
    insert into revision_partners (revision_id, organisation_id, role)
    select ${r!.id}, id, case when code = ${DEVON.code} then 'lead' else 'partner' end::text::partner_role
    from organisations where code in (${DEVON.code}, 'E10000027', ${organisationCode})`;
  await sql`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
            values (${r!.id}, 2016, 9000000000, 'actual')`;
  return r!.id;
}

async function newArrangement(author: TestUser): Promise<number> {
  const [a] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${`${word}-${randomUUID().slice(0, 8)}`},
            (select id from organisations where code = ${DEVON.code}), ${author.id}, ${author.id})
    returning id`;
  return a!.id;
}

test.beforeAll(async () => {
  editor = await createUser("council_editor", "xss-editor");
  admin = await createUser("admin", "xss-admin");
  organisationCode = `other:${word}`;
  await sql`insert into organisations (code, kind, name, short_name, region)
            values (${organisationCode}, 'other', ${ORGANISATION}, ${ORGANISATION}, 'South West')`;

  publishedId = await newArrangement(editor);
  const revisionId = await insertRevision(publishedId, "approved", editor);
  await sql`update arrangements set published_revision_id = ${revisionId} where id = ${publishedId}`;
  [{ slug }] = (await sql`select slug from arrangements where id = ${publishedId}`) as unknown as [
    { slug: string },
  ];

  draftId = await newArrangement(editor);
  await insertRevision(draftId, "draft", editor);
  const submittedId = await newArrangement(editor);
  submittedRevisionId = await insertRevision(submittedId, "submitted", editor);

  await sql`insert into audit_events (actor_user_id, organisation_id, action, entity_type, entity_id, before, after)
            values (${editor.id}, (select id from organisations where code = ${DEVON.code}),
                    'arrangement.draft_saved', 'arrangement', ${String(draftId)},
                    ${sql.json({ title: PAYLOADS[4]! })}, ${sql.json({ title: TITLE, contactName: CONTACT })})`;
  await publicChange();
});

test.afterAll(async () => {
  await sql`delete from arrangements where created_by_id = ${editor.id}`;
  await sql`delete from organisations where code = ${organisationCode}`;
  await publicChange();
});

/** Visits a page and proves every payload on it stayed text. */
async function expectInert(page: Page, path: string, shows: string[]) {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  // A payload would run while the page is parsed or hydrated: give the islands a moment after load.
  await page.waitForLoadState("load");
  await page.waitForTimeout(300);
  for (const text of shows) await expect(main(page), path).toContainText(text);
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: number }).__xss ?? null,
    handlers: document.querySelectorAll("[onerror], [onload], [onmouseover]").length,
    javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')
      .length,
    injected: document.querySelectorAll('main img[src="x"], main iframe, main svg[onload]').length,
  }));
  expect(found, path).toEqual({ ran: null, handlers: 0, javascriptLinks: 0, injected: 0 });
  expect(dialogs, path).toEqual([]);
}

test.describe("every text field stays inert wherever it is shown", () => {
  test("public pages", async ({ page }) => {
    await expectInert(page, `/arrangements/${slug}`, [TITLE, PAYLOADS[0]!, CONTACT, ORGANISATION]);
    await expectInert(page, `/arrangements?q=${word}`, [TITLE]);
    await expectInert(page, `/arrangements?organisation=${encodeURIComponent(organisationCode)}`, [
      TITLE,
    ]);
    await expectInert(page, `/councils/${DEVON.code}`, [TITLE]);
    await expectInert(page, "/", [TITLE]);
    await expectInert(page, "/partners?council=E10000027&category=counter-fraud", [TITLE]);
  });

  test("open data answers are data, not pages", async ({ request }) => {
    const json = await request.get(`/api/v1/arrangements/${slug}`);
    expect(json.headers()["content-type"]).toMatch(/^application\/json/);
    expect(json.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await json.json()).data.title).toBe(TITLE);
    const csv = await request.get(`/data/arrangements.csv?q=${word}`);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment/);
    expect(await csv.text()).toContain(word);
  });

  test("the council workspace", async ({ page }) => {
    await signIn(page, editor.email, editor.password);
    await expectInert(page, "/workspace", [TITLE]);
    await expectInert(page, `/workspace/${draftId}/preview`, [TITLE, PAYLOADS[2]!, CONTACT]);
    await page.goto(`/workspace/${draftId}/edit`);
    await expect(main(page).getByLabel("Title")).toHaveValue(TITLE);
    await expectInert(page, `/workspace/${draftId}/edit`, []);
  });

  test("administration", async ({ page }) => {
    await signIn(page, admin.email, admin.password);
    await expectInert(page, "/admin/review", [TITLE]);
    await expectInert(page, `/admin/review/${submittedRevisionId}`, [TITLE, ORGANISATION]);
    await expectInert(page, `/admin/audit?action=arrangement.draft_saved&user=${editor.id}`, [
      PAYLOADS[4]!,
    ]);
    await expectInert(page, `/admin/organisations?q=${word}`, [ORGANISATION]);
  });
});
