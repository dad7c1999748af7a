// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmForecast, saveDraft } from "@/lib/arrangements/commands";
import { listPastForecasts, type PastForecast } from "@/lib/arrangements/past-forecasts";
import { getForEdit } from "@/lib/arrangements/queries";
import type { CurrentUser } from "@/lib/auth/access";
import { approveRevision } from "@/lib/review/commands";
import { listQueue } from "@/lib/review/queries";
import { closeDatabases, testDatabase } from "../support/db";
import { DEVON, expectOk, reviewFixtures, SOMERSET } from "../support/review";

/*
 * A council's unconfirmed past forecasts (issue 12, item 7): the workspace's list against SQL
 * written here, for its own organisation only; and confirming one — as an actual amount or as
 * not achieved — through the editor's commands, so that it waits in the review queue, changes
 * nothing public until approved, leaves its audit event, and is refused to anyone else.
 */

const { sql } = testDatabase();
const fx = reviewFixtures(sql, "past-forecasts");
let editor: CurrentUser;
let somersetEditor: CurrentUser;
let admin: CurrentUser;
let arrangementId: number;

async function lockVersion(id: number): Promise<number> {
  const [row] = await sql<{ lock_version: number }[]>`
    select lock_version from arrangements where id = ${id}`;
  return row!.lock_version;
}

function confirm(
  user: CurrentUser,
  values: Record<string, string>,
  options: { id?: number; baseVersion?: number; key?: string } = {},
) {
  return (async () =>
    confirmForecast(
      user,
      {
        arrangementId: options.id ?? arrangementId,
        baseVersion: options.baseVersion ?? (await lockVersion(options.id ?? arrangementId)),
        idempotencyKey: options.key ?? randomUUID(),
        // The declaration is ticked unless a test says otherwise.
        values: { declaration: "yes", ...values },
      },
      fx.request,
    ))();
}

/** Hand-written: forecasts in the published revisions the organisation leads, for ended years. */
async function expectedList(organisationCode: string) {
  const rows = await sql<{ arrangement_id: number; financial_year: number; pence: string }[]>`
    select a.id as arrangement_id, s.financial_year, s.amount_pence::text as pence
    from arrangements a
    join organisations o on o.id = a.lead_organisation_id and o.code = ${organisationCode}
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    join revision_savings s on s.revision_id = r.id
    where s.kind = 'forecast'
      and make_date(s.financial_year + 1, 3, 31) < (now() at time zone 'Europe/London')::date
    order by a.id, s.financial_year`;
  return rows.map((r) => [r.arrangement_id, r.financial_year, BigInt(r.pence)]);
}

const listed = (items: PastForecast[]) =>
  items
    .map((p) => [p.arrangementId, p.financialYear, p.forecastPence])
    .sort((a, b) => Number(a[0]) - Number(b[0]) || Number(a[1]) - Number(b[1]));

async function line(revisionId: number, year: number) {
  const [row] = await sql<{ kind: string; pence: string }[]>`
    select kind, amount_pence::text as pence from revision_savings
    where revision_id = ${revisionId} and financial_year = ${year}`;
  return row && { kind: row.kind, pence: BigInt(row.pence) };
}

async function newest(id: number) {
  const [row] = await sql<{ id: number; state: string; title: string }[]>`
    select id, state, title from arrangement_revisions
    where arrangement_id = ${id} order by version desc limit 1`;
  return row!;
}

beforeAll(async () => {
  editor = await fx.makeUser("council_editor", DEVON);
  somersetEditor = await fx.makeUser("council_editor", SOMERSET);
  admin = await fx.makeUser("admin");
  const published = await fx.publish(
    editor,
    admin,
    fx.form({
      savingsYear: ["2018", "2019", "2020", "2040"],
      savingsAmount: ["1,000", "250,000.50", "80,000", "5,000"],
      savingsKind: ["actual", "forecast", "forecast", "forecast"],
    }),
  );
  arrangementId = published.arrangementId;
});

afterAll(async () => {
  await fx.cleanup();
  await closeDatabases(sql);
});

describe("the workspace's list of past forecasts", () => {
  it("holds exactly its organisation's published forecasts for years that have ended", async () => {
    const list = await listPastForecasts(editor);
    expect(listed(list!)).toEqual(await expectedList(DEVON));
    const own = list!.filter((p) => p.arrangementId === arrangementId);
    expect(own.map((p) => [p.financialYear, p.forecastPence, p.status])).toEqual([
      [2019, 25_000_050n, "published"],
      [2020, 8_000_000n, "published"],
    ]);
  });

  it("shows another council only its own, and an administrator nothing", async () => {
    const somerset = await listPastForecasts(somersetEditor);
    expect(listed(somerset!)).toEqual(await expectedList(SOMERSET));
    // The demo set leaves some of Somerset County Council's forecasts unconfirmed.
    expect(somerset!.length).toBeGreaterThan(0);
    expect(somerset!.some((p) => p.arrangementId === arrangementId)).toBe(false);
    expect(await listPastForecasts(admin)).toBeNull();
  });
});

describe("confirming a past forecast", () => {
  it("is refused, as not found, to another council and to an administrator", async () => {
    const values = { financialYear: "2019", outcome: "not-achieved" };
    expect(await confirm(somersetEditor, values)).toMatchObject({ reason: "not-found" });
    expect(await confirm(admin, values)).toMatchObject({ reason: "not-found" });
    const [refused] = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_events
      where action = 'arrangement.access_refused' and entity_id = ${arrangementId}
        and actor_user_id in (${somersetEditor.id}, ${admin.id})`;
    expect(refused!.n).toBe(2);
  });

  it("needs a forecast for a year that has ended, an answer and a real amount", async () => {
    expect(await confirm(editor, { financialYear: "2040", outcome: "not-achieved" })).toMatchObject(
      { reason: "not-found" },
    );
    expect(await confirm(editor, { financialYear: "2018", outcome: "not-achieved" })).toMatchObject(
      { reason: "not-found" },
    );
    expect(await confirm(editor, { financialYear: "2019" })).toMatchObject({
      reason: "invalid",
      errors: { outcome: "Select whether the saving was achieved" },
    });
    expect(
      await confirm(editor, { financialYear: "2019", outcome: "not-achieved", declaration: "" }),
    ).toMatchObject({
      reason: "invalid",
      errors: { declaration: "Confirm that these figures are accurate and may be published" },
    });
    const bad = await confirm(editor, { financialYear: "2019", outcome: "actual", amount: "lots" });
    expect(bad).toMatchObject({ reason: "invalid" });
    expect(bad.ok ? null : (bad as { errors: Record<string, string> }).errors.amount).toBeTruthy();
    const stale = await confirm(
      editor,
      { financialYear: "2019", outcome: "actual", amount: "1" },
      { baseVersion: (await lockVersion(arrangementId)) - 1 },
    );
    expect(stale).toMatchObject({ reason: "conflict" });
    expect((await newest(arrangementId)).state).toBe("approved");
  });

  it("as an actual amount: a change in the review queue, nothing public until approved", async () => {
    const key = randomUUID();
    const values = { financialYear: "2019", outcome: "actual", amount: "£240,000" };
    const result = await confirm(editor, values, { key });
    expectOk(result);
    expect(result.submitted).toBe(true);
    const change = await newest(arrangementId);
    expect(change.state).toBe("submitted");
    expect(await line(change.id, 2019)).toEqual({ kind: "actual", pence: 24_000_000n });
    expect(await line(change.id, 2020)).toEqual({ kind: "forecast", pence: 8_000_000n });
    expect(await line(change.id, 2018)).toEqual({ kind: "actual", pence: 100_000n });

    // The same form sent again confirms once.
    expectOk(await confirm(editor, values, { key }));
    expect((await newest(arrangementId)).id).toBe(change.id);

    const [audit] = await sql<{ after: { confirmed: unknown; draft: string } }[]>`
      select after from audit_events
      where action = 'arrangement.forecast_confirmed' and entity_id = ${arrangementId}`;
    expect(audit!.after.confirmed).toEqual({
      financialYear: 2019,
      forecastPence: "25000050",
      outcome: "actual",
      actualPence: "24000000",
    });
    expect(audit!.after.draft).toBe("arrangement.draft_started");

    const queue = await listQueue(admin);
    expect(queue.items.map((i) => i.revisionId)).toContain(change.id);
    const pending = (await listPastForecasts(editor))!.find(
      (p) => p.arrangementId === arrangementId && p.financialYear === 2019,
    );
    expect(pending).toMatchObject({
      status: "published-submitted",
      pendingActualPence: 24_000_000n,
    });
    // Waiting for review: a second confirmation is refused until it is withdrawn.
    expect(await confirm(editor, { financialYear: "2020", outcome: "not-achieved" })).toMatchObject(
      { reason: "not-allowed" },
    );

    expectOk(await approveRevision(admin, { revisionId: change.id }, fx.request));
    const after = (await listPastForecasts(editor))!.filter(
      (p) => p.arrangementId === arrangementId,
    );
    expect(after.map((p) => p.financialYear)).toEqual([2020]);
  });

  it("as not achieved, with a draft open: an actual of £0 added to the draft", async () => {
    const edit = await getForEdit(editor, arrangementId);
    const title = `${edit!.values.title} (renamed)`;
    expectOk(
      await saveDraft(
        editor,
        {
          arrangementId,
          baseVersion: edit!.baseVersion,
          idempotencyKey: randomUUID(),
          values: { ...edit!.values, title },
        },
        fx.request,
      ),
    );
    const result = await confirm(editor, { financialYear: "2020", outcome: "not-achieved" });
    expectOk(result);
    expect(result.submitted).toBe(false);
    const draft = await newest(arrangementId);
    expect(draft).toMatchObject({ state: "draft", title });
    expect(await line(draft.id, 2020)).toEqual({ kind: "actual", pence: 0n });
    expect(await line(draft.id, 2019)).toEqual({ kind: "actual", pence: 24_000_000n });
    const listedNow = (await listPastForecasts(editor))!.find(
      (p) => p.arrangementId === arrangementId,
    );
    expect(listedNow).toMatchObject({
      financialYear: 2020,
      status: "published-draft",
      pendingActualPence: 0n,
    });
  });
});
