import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { axeViolations } from "./a11y";
import { createUser, DEVON, main, signIn, sql, type TestUser } from "./fixtures";
import { publicChange } from "./public-helpers";
import { savingsAmount } from "./arrangement-form";

/*
 * Accessibility, as a suite: every page type — public, sign-in, the council workspace (its form
 * also in its error state, the import preview, partner confirmations), administration (queue, review, users, audit,
 * organisations and reorganisations, editions) — signed out and signed in, checked for
 *   - WCAG 2.0/2.1/2.2 A and AA violations that axe can find: none;
 *   - reflow: no horizontal scrolling at 320 CSS pixels (WCAG 1.4.10);
 *   - a visible focus indicator on each of the first controls reached with Tab (2.4.7).
 * Then three journeys with the keyboard alone: finding an arrangement from the map, and an
 * administrator approving a submission (an editor adding and submitting one with the keyboard
 * is tests/e2e/workspace.spec.ts, "the whole journey with the keyboard only").
 */

type Role = "public" | "editor" | "admin";
type Visit = {
  label: string;
  path: string;
  role: Role;
  /** Brings the page into the state to check (an error shown, a preview made). */
  prepare?: (page: Page) => Promise<void>;
};

const HUB = "hub-procurement-services-brent-and-harrow";
const TAB_STOPS = 12;
/** A page's own title, then the site's name exactly once. */
const SITE_TITLE = /^(?!.*Council Shared Services Map.* – )\S.* – Council Shared Services Map$/;

let editor: TestUser;
let admin: TestUser;
let draftId: number;
let submittedRevisionId: number;
let askedArrangementId: number;
let forecastId: number;
let disputedSlug: string;
/** Northamptonshire County Council, divided between two successors (its shares are a form). */
let splitId: number;
const sessions: Partial<Record<Role, string>> = {};
/** This worker's feedback messages, told apart from another worker's by `run`. */
const FEEDBACK = "Checked for accessibility";
const run = randomUUID().slice(0, 8);

const SOMERSET = "E10000027";

/**
 * An arrangement made in SQL: by default the editor's council's, naming Somerset County
 * Council; `lead` and `partner` swap that round (an arrangement naming the editor's council).
 * Approved, it is published.
 */
async function arrangement(
  author: TestUser,
  state: "draft" | "submitted" | "approved",
  { lead = DEVON.code, partner = SOMERSET } = {},
): Promise<[number, number, string]> {
  const title = `Accessible shared service ${randomUUID().slice(0, 8)}`;
  const slug = `e2e-a11y-${randomUUID()}`;
  const [a] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${slug}, (select id from organisations where code = ${lead}),
            ${author.id}, ${author.id})
    returning id`;
  const sent = state !== "draft";
  const [r] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, start_date,
       author_id, state, submitted_by_id, submitted_at, reviewed_at)
    values (${a!.id}, 1, ${title}, 'Checked for accessibility.',
            (select id from service_categories where slug = 'legal'), 'operational', '2019-04-01',
            ${author.id}, ${state}, ${sent ? author.id : null}, ${sent ? sql`now()` : null},
            ${state === "approved" ? sql`now()` : null})
    returning id`;
  await sql`
    insert into revision_partners (revision_id, organisation_id, role)
    select ${r!.id}, id, case when code = ${lead} then 'lead' else 'partner' end::text::partner_role
    from organisations where code in (${lead}, ${partner})`;
  await sql`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
            values (${r!.id}, 2019, 1234500, 'actual')`;
  if (state === "approved")
    await sql`update arrangements set published_revision_id = ${r!.id} where id = ${a!.id}`;
  return [a!.id, r!.id, slug];
}

/** The partner's answer on an arrangement, as lib/confirmations writes it. */
async function partnerAnswer(
  arrangementId: number,
  revisionId: number,
  partner: string,
  answer: { state: "pending" } | { state: "disputed"; by: TestUser },
) {
  const disputed = answer.state === "disputed";
  await sql`
    insert into partner_confirmations
      (arrangement_id, organisation_id, revision_id, state, reason, answered_by_id, answered_at)
    values (${arrangementId}, (select id from organisations where code = ${partner}), ${revisionId},
            ${answer.state}, ${disputed ? "We never agreed to share this service." : null},
            ${disputed ? answer.by.id : null}, ${disputed ? sql`now()` : null})`;
}

async function contextFor(browser: Browser, role: Role) {
  return browser.newContext(sessions[role] ? { storageState: JSON.parse(sessions[role]!) } : {});
}

test.beforeAll(async ({ browser }) => {
  // Two workers start at once on a cold server: their first sign-ins (argon2, first renders)
  // can take well over the usual limits on a busy 2-core machine.
  test.setTimeout(120_000);
  editor = await createUser("council_editor", "a11y-editor");
  admin = await createUser("admin", "a11y-admin");
  [draftId] = await arrangement(editor, "draft");
  let submittedId: number;
  [submittedId, submittedRevisionId] = await arrangement(editor, "submitted");
  // Partners confirm: the review page shows Somerset's dispute; the editor's council is asked
  // about a Somerset arrangement, and disputes a published one (marked "not confirmed").
  await partnerAnswer(submittedId, submittedRevisionId, SOMERSET, {
    state: "disputed",
    by: editor,
  });
  const namingDevon = { lead: SOMERSET, partner: DEVON.code };
  const [askedId, askedRevision] = await arrangement(editor, "submitted", namingDevon);
  await partnerAnswer(askedId, askedRevision, DEVON.code, { state: "pending" });
  askedArrangementId = askedId;
  const [publishedId, publishedRevision, slug] = await arrangement(editor, "approved", namingDevon);
  await partnerAnswer(publishedId, publishedRevision, DEVON.code, {
    state: "disputed",
    by: editor,
  });
  disputedSlug = slug;
  const [split] = await sql<{ id: number }[]>`
    select id from organisations where code = 'E10000021'`;
  splitId = split!.id;
  // A published arrangement of the editor's council forecasting 2019/20, a year that has ended:
  // the workspace lists it and the confirmation page asks about it.
  let forecastRevision: number;
  [forecastId, forecastRevision] = await arrangement(editor, "approved");
  await sql`update revision_savings set kind = 'forecast' where revision_id = ${forecastRevision}`;
  // The feedback page lists one message still to handle (its button) and one handled.
  await sql`insert into feedback_messages (name, email, page, message) values
              ('A11y Visitor', 'a11y.visitor@example.org', '/map', ${`${FEEDBACK} ${run}.`})`;
  await sql`insert into feedback_messages (message, handled_at, handled_by_id)
            values (${`${FEEDBACK} ${run}, handled.`}, now(), ${admin.id})`;
  await publicChange();
  for (const [role, user] of [
    ["editor", editor],
    ["admin", admin],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, user.email, user.password, { timeout: 60_000 });
    sessions[role] = JSON.stringify(await context.storageState());
    await context.close();
  }
});

test.afterAll(async () => {
  // Only this worker's: the page types run in two workers at once.
  await sql`delete from feedback_messages where message like ${`${FEEDBACK} ${run}%`}`;
  // The keyboard approval published one: remove it, and tell the cached pages.
  await sql`delete from arrangements where created_by_id = ${editor.id}`;
  await publicChange();
});

/** A draft saves unfinished, so its form's errors need a savings amount that is not money. */
const saveUnreadableAmount = async (page: Page) => {
  await savingsAmount(main(page), "2019/20").fill("twelve pounds");
  await submitEmpty("Save draft")(page);
};

const submitEmpty = (button: string) => async (page: Page) => {
  await main(page).getByRole("button", { name: button }).click();
  await expect(main(page).getByRole("alert").first()).toContainText("There is a problem");
};

const VISITS: Visit[] = [
  { label: "dashboard", path: "/", role: "public" },
  { label: "dashboard, filtered", path: "/?region=london&category=legal", role: "public" },
  { label: "dashboard, bad filter", path: "/?region=atlantis", role: "public" },
  { label: "map", path: "/map", role: "public" },
  { label: "map, hex view", path: "/map?view=hex", role: "public" },
  { label: "map, upper tier by savings", path: "/map?tier=upper&measure=savings", role: "public" },
  { label: "explorer", path: "/arrangements", role: "public" },
  { label: "explorer, search", path: "/arrangements?q=procurement&sort=savings", role: "public" },
  { label: "explorer, nothing found", path: "/arrangements?q=zzqqxxnothing", role: "public" },
  { label: "explorer, bad input", path: "/arrangements?from=3000&min=lots", role: "public" },
  { label: "arrangement page", path: `/arrangements/${HUB}`, role: "public" },
  { label: "council page", path: "/councils/E09000005", role: "public" },
  { label: "former council page", path: "/councils/E07000190", role: "public" },
  { label: "partner finder", path: "/partners", role: "public" },
  {
    label: "partner finder, results",
    path: "/partners?council=E09000005&category=procurement-and-commissioning",
    role: "public",
  },
  { label: "editions", path: "/editions", role: "public" },
  { label: "services", path: "/services", role: "public" },
  { label: "service page", path: "/services/legal", role: "public" },
  { label: "open data", path: "/data", role: "public" },
  { label: "API reference", path: "/data/api", role: "public" },
  { label: "accessibility statement", path: "/accessibility", role: "public" },
  { label: "about", path: "/about", role: "public" },
  { label: "what counts as a saving", path: "/what-counts-as-a-saving", role: "public" },
  { label: "privacy notice", path: "/privacy", role: "public" },
  { label: "cookies", path: "/cookies", role: "public" },
  { label: "contact", path: "/contact", role: "public" },
  {
    label: "contact, feedback errors",
    path: "/contact",
    role: "public",
    prepare: submitEmpty("Send feedback"),
  },
  { label: "page not found", path: "/no-such-page", role: "public" },
  { label: "sign in", path: "/login", role: "public" },
  { label: "sign in, error", path: "/login", role: "public", prepare: submitEmpty("Sign in") },
  { label: "forgotten password", path: "/forgot-password", role: "public" },
  { label: "dashboard, signed in", path: "/", role: "editor" },
  { label: "workspace", path: "/workspace", role: "editor" },
  { label: "workspace form", path: "/workspace/new", role: "editor" },
  {
    label: "workspace form, errors",
    path: "/workspace/new",
    role: "editor",
    prepare: saveUnreadableAmount,
  },
  { label: "workspace preview", path: "/workspace/:draft/preview", role: "editor" },
  { label: "workspace edit", path: "/workspace/:draft/edit", role: "editor" },
  {
    label: "confirm a past forecast",
    path: "/workspace/:forecast/confirm?year=2019",
    role: "editor",
  },
  {
    label: "confirm a past forecast, errors",
    path: "/workspace/:forecast/confirm?year=2019",
    role: "editor",
    prepare: submitEmpty("Confirm and send for review"),
  },
  { label: "import", path: "/workspace/import", role: "editor" },
  {
    label: "import preview",
    path: "/workspace/import",
    role: "editor",
    prepare: async (page) => {
      const csv = [
        "title,description,main_category,further_categories,stage,start_date,end_date,partners,savings_2017_18,no_savings_reason,benefits,contact_name,contact_email",
        "Shared legal team,One legal team,legal,,operational,2017-04-01,,E10000027,actual: 1000,,,,",
        'Bad row,Desc,legal,,operational,2017-04-01,,E99999999,"actual: 12,50",,,,',
      ].join("\r\n");
      await main(page)
        .getByLabel("Upload a spreadsheet")
        .setInputFiles({ name: "a11y.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
      await main(page).getByRole("button", { name: "Upload and check" }).click();
      await expect(main(page).getByRole("heading", { name: /^Check your file/ })).toBeVisible();
    },
  },
  { label: "partner requests", path: "/workspace/partners", role: "editor" },
  { label: "partner request", path: "/workspace/partners/:asked", role: "editor" },
  {
    label: "partner request, reason missing",
    path: "/workspace/partners/:asked",
    role: "editor",
    prepare: submitEmpty("Dispute"),
  },
  {
    label: "arrangement page, partner not confirmed",
    path: "/arrangements/:disputed",
    role: "public",
  },
  { label: "account", path: "/account", role: "editor" },
  { label: "review queue", path: "/admin/review", role: "admin" },
  { label: "review page", path: "/admin/review/:submitted", role: "admin" },
  {
    label: "review page, reason missing",
    path: "/admin/review/:submitted",
    role: "admin",
    prepare: submitEmpty("Return to the council"),
  },
  { label: "users", path: "/admin/users", role: "admin" },
  { label: "invite a user", path: "/admin/users/invite", role: "admin" },
  { label: "user record", path: "/admin/users/:editor", role: "admin" },
  { label: "audit log", path: "/admin/audit", role: "admin" },
  { label: "organisations", path: "/admin/organisations", role: "admin" },
  { label: "add an organisation", path: "/admin/organisations/new", role: "admin" },
  { label: "record a reorganisation", path: "/admin/organisations/reorganise", role: "admin" },
  {
    label: "record a reorganisation, errors",
    path: "/admin/organisations/reorganise",
    role: "admin",
    prepare: submitEmpty("Record reorganisation"),
  },
  {
    label: "organisation record, a divided council",
    path: "/admin/organisations/:split",
    role: "admin",
  },
  { label: "editions admin", path: "/admin/editions", role: "admin" },
  { label: "feedback", path: "/admin/feedback", role: "admin" },
  { label: "outbox", path: "/admin/outbox", role: "admin" },
];

function resolve(path: string): string {
  return path
    .replace(":draft", String(draftId))
    .replace(":submitted", String(submittedRevisionId))
    .replace(":asked", String(askedArrangementId))
    .replace(":forecast", String(forecastId))
    .replace(":disputed", disputedSlug)
    .replace(":editor", String(editor.id))
    .replace(":split", String(splitId));
}

/** Elements reached by Tab that show no focus indicator (no outline, no box-shadow). */
async function focusWithoutIndicator(page: Page): Promise<string[]> {
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const missing: string[] = [];
  for (let i = 0; i < TAB_STOPS; i++) {
    await page.keyboard.press("Tab");
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== "none";
      const name =
        el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
      return { visible: outline || shadow, name: `${el.tagName.toLowerCase()} "${name}"` };
    });
    if (seen && !seen.visible) missing.push(seen.name);
  }
  return missing;
}

/**
 * Nothing may make the page scroll sideways: the elements that reach past the right edge (the
 * innermost ones, so the list names the cause), or nothing when the page fits. Content inside a
 * box that scrolls by itself (a wide table in its own region) is allowed.
 */
async function widerThanTheScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX === "auto" || overflowX === "scroll" || overflowX === "hidden") return true;
      }
      return false;
    };
    const offenders = [...document.body.querySelectorAll("*")].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.right > width + 0.5 && box.width > 0 && !inScroller(el);
    });
    const innermost = offenders.filter((el) => !offenders.some((o) => o !== el && el.contains(o)));
    return innermost.slice(0, 8).map((el) => {
      const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 50);
      return `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} "${text}" right=${Math.round(el.getBoundingClientRect().right)}`;
    });
  });
}

test.describe("every page type", () => {
  // axe over a page of several hundred links (the map: one per council area) took 9–30 s on a
  // loaded 2-core machine; slowness is not a failure here, so these checks alone get longer.
  test.describe.configure({ timeout: 90_000 });
  for (const visit of VISITS) {
    test(`${visit.label} (${visit.role}): axe finds nothing, it reflows at 320 px, focus shows`, async ({
      browser,
    }) => {
      const context = await contextFor(browser, visit.role);
      const page = await context.newPage();
      const response = await page.goto(resolve(visit.path));
      expect(response?.status()).toBeLessThan(visit.label === "page not found" ? 500 : 400);
      // Charts and other islands load after the page: check them too.
      await page.waitForLoadState("networkidle");
      await visit.prepare?.(page);
      // "<Page> – Council Shared Services Map": the site's name once, after the page's own.
      expect(await page.title(), `${visit.label}: title`).toMatch(SITE_TITLE);

      expect(await axeViolations(page), `${visit.label}: axe`).toEqual([]);
      expect(await focusWithoutIndicator(page), `${visit.label}: focus`).toEqual([]);

      await page.setViewportSize({ width: 320, height: 800 });
      expect(
        await widerThanTheScreen(page),
        `${visit.label}: horizontal scrolling at 320 px`,
      ).toEqual([]);
      await context.close();
    });
  }
});

test.describe("with the keyboard alone", () => {
  test("find an arrangement from the map", async ({ page }) => {
    await page.goto("/map?year=2018");
    // Tab to the first council area on the map, follow it with Enter.
    let href: string | null = null;
    for (let i = 0; i < 80 && !href?.startsWith("/councils/"); i++) {
      await page.keyboard.press("Tab");
      href = await page.evaluate(() => {
        const el = document.activeElement;
        return el?.closest("svg") ? (el.getAttribute("href") ?? null) : null;
      });
    }
    expect(href).toMatch(/^\/councils\/E\d{8}$/);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${href}$`));

    // On the council's page, Tab to its first arrangement and open it.
    let target: string | null = null;
    for (let i = 0; i < 120 && !target; i++) {
      await page.keyboard.press("Tab");
      target = await page.evaluate(() => {
        const href = document.activeElement?.getAttribute("href") ?? "";
        return /^\/arrangements\/[a-z0-9-]+$/.test(href) ? href : null;
      });
    }
    expect(target).not.toBeNull();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(main(page).getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("an administrator approves a submission", async ({ browser }) => {
    const reviewer = await createUser("admin", "a11y-keyboard-admin");
    const [arrangementId, revisionId] = await arrangement(editor, "submitted");
    const page = await (await browser.newContext()).newPage();

    await page.goto("/login");
    await page.keyboard.press("Tab"); // skip link
    for (let i = 0; i < 40; i++) {
      const focused = await page.evaluate(() => document.activeElement?.id ?? "");
      if (focused === "field-email") break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type(reviewer.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(reviewer.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/admin\/review/);

    // The queue: Tab to this submission's link, Enter.
    const [{ title }] = (await sql`
      select title from arrangement_revisions where id = ${revisionId!}`) as unknown as [
      { title: string },
    ];
    let onLink = false;
    for (let i = 0; i < 150 && !onLink; i++) {
      await page.keyboard.press("Tab");
      onLink = await page.evaluate(
        (t) => document.activeElement?.tagName === "A" && document.activeElement.textContent === t,
        title,
      );
    }
    expect(onLink).toBe(true);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/admin/review/${revisionId}$`));

    // The review page: Tab to "Approve and publish", Enter.
    let onApprove = false;
    for (let i = 0; i < 200 && !onApprove; i++) {
      await page.keyboard.press("Tab");
      onApprove = await page.evaluate(
        () => document.activeElement?.textContent?.trim() === "Approve and publish",
      );
    }
    expect(onApprove).toBe(true);
    await page.keyboard.press("Enter");
    await expect(
      main(page).getByRole("status").filter({ hasText: "approved and is now published" }),
    ).toBeVisible();
    const [row] = await sql<{ published: boolean }[]>`
      select published_revision_id = ${revisionId!} as published from arrangements
      where id = ${arrangementId!}`;
    expect(row!.published).toBe(true);
  });
});
