import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, DEVON, main, signIn, sql, type TestUser } from "./fixtures";
import { publicChange } from "./public-helpers";

/*
 * Faults, with real parts: the app reaches its database through a TCP proxy the test can cut
 * (tests/support/fault-proxy.mjs), and a connection is killed in the middle of a transaction
 * with pg_terminate_backend.
 */

const control = `http://127.0.0.1:${process.env.FAULT_CONTROL_PORT ?? 3110}`;

async function database(state: "down" | "up") {
  const response = await fetch(`${control}/${state}`, { method: "POST" });
  expect(response.ok).toBe(true);
}

test.describe("database unreachable", () => {
  test.afterEach(async () => {
    await database("up");
  });

  test("pages and the API answer 503 with a plain message, health says so, and service resumes", async ({
    page,
    request,
  }) => {
    await expect((await request.get("/api/health")).status()).toBe(200);
    await database("down");

    // Within the proxy's one-second check, every page is a plain 503.
    await expect.poll(async () => (await request.get("/")).status(), { timeout: 10_000 }).toBe(503);
    const response = await page.goto("/arrangements?q=legal");
    expect(response?.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Sorry, the service is unavailable",
    );
    await expect(page.locator("body")).not.toContainText(/Error:|at .*\.js|ECONNREFUSED/);
    expect(response?.headers()["retry-after"]).toBeDefined();

    const health = await request.get("/api/health");
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", database: "unreachable" });
    const api = await request.get("/api/session");
    expect(api.status()).toBe(503);
    expect(await api.json()).toMatchObject({ status: 503 });

    // The database comes back: no restart, the next requests are served.
    await database("up");
    await expect
      .poll(async () => (await request.get("/api/health")).status(), {
        timeout: 15_000,
      })
      .toBe(200);
    await expect.poll(async () => (await request.get("/")).status(), { timeout: 10_000 }).toBe(200);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(
      "Shared services in England",
    );
  });
});

/** An arrangement draft of the user's council, made in SQL; returns its id and title. */
async function draftOf(user: TestUser) {
  const title = `Shared payroll ${randomUUID().slice(0, 8)}`;
  const [arrangement] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id, created_by_id, updated_by_id)
    values (${`e2e-${randomUUID()}`}, (select id from organisations where code = ${DEVON.code}),
            ${user.id}, ${user.id})
    returning id`;
  const [revision] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, author_id, no_savings_reason)
    values (${arrangement!.id}, 1, ${title}, 'Payroll run for two councils.',
            (select id from service_categories where slug = 'hr-and-payroll'),
            'planned', ${user.id}, 'Set up for resilience.')
    returning id`;
  await sql`
    insert into revision_partners (revision_id, organisation_id, role)
    select ${revision!.id}, id, case when code = ${DEVON.code} then 'lead' else 'partner' end::text::partner_role
    from organisations where code in (${DEVON.code}, 'E06000026')`;
  return { id: arrangement!.id, title };
}

async function snapshot(arrangementId: number) {
  const [row] = await sql<{ f: string; events: number }[]>`
    select coalesce((select row_to_json(a)::text from arrangements a where a.id = ${arrangementId}), '') ||
           coalesce((select json_agg(r order by r.id)::text from arrangement_revisions r
                     where r.arrangement_id = ${arrangementId}), '') as f,
           (select count(*)::int from audit_events where entity_type = 'arrangement'
              and entity_id = ${String(arrangementId)}) as events`;
  return row!;
}

/**
 * Holds a lock that the app's save needs last (its audit event), waits until the app's
 * transaction is blocked on it — so everything before has been written inside it — then kills
 * that connection and lets go.
 */
async function killTheAppsTransaction(submit: () => Promise<void>) {
  await sql.begin(async (tx) => {
    await tx`lock table audit_events in share row exclusive mode`;
    await submit();
    await expect
      .poll(
        async () => {
          const rows = await tx<{ pid: number }[]>`
            select pid from pg_stat_activity
            where application_name = 'shared-services-map' and wait_event_type = 'Lock'
              and datname = current_database()`;
          return rows.length;
        },
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    const killed = await tx<{ ok: boolean }[]>`
      select pg_terminate_backend(pid) as ok from pg_stat_activity
      where application_name = 'shared-services-map' and wait_event_type = 'Lock'
        and datname = current_database()`;
    expect(killed.every((k) => k.ok)).toBe(true);
  });
}

test.describe("a connection killed in the middle of a save", () => {
  test("the editor sees a plain error, nothing is half-written, and the next save succeeds", async ({
    page,
  }) => {
    const editor = await createUser("council_editor", "kill-save");
    const draft = await draftOf(editor);
    await signIn(page, editor.email, editor.password);
    await page.goto(`/workspace/${draft.id}/edit`);
    const form = main(page);
    await form.getByLabel("Title").fill(`${draft.title} (renamed)`);
    const before = await snapshot(draft.id);

    await killTheAppsTransaction(() => form.getByRole("button", { name: "Save draft" }).click());

    await expect(form.getByRole("alert")).toContainText(
      "Sorry, something went wrong and nothing was saved. Please try again.",
    );
    await expect(form.getByLabel("Title")).toHaveValue(`${draft.title} (renamed)`);
    expect(await snapshot(draft.id)).toEqual(before);

    // The pool replaces the dead connection: the same click now saves.
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(page).toHaveURL(/\/preview\?notice=saved$/);
    await expect(form.getByRole("heading", { name: `${draft.title} (renamed)` })).toBeVisible();
    const [revision] = await sql<{ title: string }[]>`
      select title from arrangement_revisions where arrangement_id = ${draft.id}`;
    expect(revision!.title).toBe(`${draft.title} (renamed)`);
  });
});

test.describe("a connection killed in the middle of an approval", () => {
  test("the administrator sees a plain error, nothing is published half-way, and approving again works", async ({
    page,
  }) => {
    const editor = await createUser("council_editor", "kill-approve-editor");
    const admin = await createUser("admin", "kill-approve-admin");
    const draft = await draftOf(editor);
    await sql`update arrangement_revisions set state = 'submitted', submitted_by_id = ${editor.id},
                submitted_at = now() where arrangement_id = ${draft.id}`;
    const [revision] = await sql<{ id: number }[]>`
      select id from arrangement_revisions where arrangement_id = ${draft.id}`;
    await signIn(page, admin.email, admin.password);
    await page.goto(`/admin/review/${revision!.id}`);
    const before = await snapshot(draft.id);

    await killTheAppsTransaction(() =>
      main(page).getByRole("button", { name: "Approve and publish" }).click(),
    );

    await expect(main(page).getByRole("alert").first()).toContainText(
      "Sorry, something went wrong and nothing was saved. Please try again.",
    );
    expect(await snapshot(draft.id)).toEqual(before);
    const [still] = await sql<{ state: string; published: number | null }[]>`
      select r.state, a.published_revision_id as published
      from arrangement_revisions r join arrangements a on a.id = r.arrangement_id
      where r.id = ${revision!.id}`;
    expect(still).toEqual({ state: "submitted", published: null });

    await main(page).getByRole("button", { name: "Approve and publish" }).click();
    await expect(page).toHaveURL(/\/admin\/review\?decided=approved$/);
    const [after] = await sql<{ state: string; published: number | null }[]>`
      select r.state, a.published_revision_id as published
      from arrangement_revisions r join arrangements a on a.id = r.arrangement_id
      where r.id = ${revision!.id}`;
    expect(after).toEqual({ state: "approved", published: revision!.id });
    // It was published only to prove the retry: take it away again, for the other suites.
    await sql`delete from arrangements where id = ${draft.id}`;
    await publicChange();
  });
});
