// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { withdrawSubmission } from "@/lib/arrangements/commands";
import { getForEdit, listWorkspace } from "@/lib/arrangements/queries";
import type { CurrentUser } from "@/lib/auth/access";
import { approveRevision, rejectRevision } from "@/lib/review/commands";
import { getReview, listQueue, queueCount } from "@/lib/review/queries";
import { getHeadline } from "@/lib/stats/queries";
import { testDatabase } from "../support/db";
import { expectOk, reviewFixtures } from "../support/review";

/*
 * The administrators' review workflow against the real database: approval publishes in one
 * transaction (previous revision superseded, lock_version raised, audit event, public cache
 * invalidation, mail to the author), rejection keeps the published revision and tells the
 * council why, four eyes, N approvals at once → exactly one, and the queue's filters.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Review");
let editor: CurrentUser;
let admin: CurrentUser;
let admin2: CurrentUser;

beforeAll(async () => {
  editor = await f.makeUser("council_editor");
  admin = await f.makeUser("admin");
  admin2 = await f.makeUser("admin");
});

afterAll(async () => {
  await f.cleanup();
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

async function revisionRow(id: number) {
  const [row] = await sql<
    {
      state: string;
      reviewed_at: string | null;
      reviewed_by_id: number | null;
      superseded_at: string | null;
      review_note: string | null;
    }[]
  >`select state, reviewed_at, reviewed_by_id, superseded_at, review_note
    from arrangement_revisions where id = ${id}`;
  return row!;
}

async function arrangementRow(id: number) {
  const [row] = await sql<{ published_revision_id: number | null; lock_version: number }[]>`
    select published_revision_id, lock_version from arrangements where id = ${id}`;
  return row!;
}

async function mailTo(email: string) {
  return sql<{ subject: string; body: string }[]>`
    select subject, body from outbox where lower(to_address) = lower(${email}) order by id`;
}

async function invalidations(): Promise<number> {
  const [row] = await sql<
    { n: string }[]
  >`select coalesce(max(id), 0)::text as n from cache_invalidations`;
  return Number(row!.n);
}

describe("approving", () => {
  it("publishes a new arrangement: state, published revision, lock version, audit, cache, mail", async () => {
    const before = await getHeadline();
    const made = await f.submit(editor);
    const versionBefore = (await arrangementRow(made.arrangementId)).lock_version;
    const cacheBefore = await invalidations();

    const result = await approveRevision(admin, { revisionId: made.revisionId }, f.request);
    expectOk(result);
    expect(result.status).toBe("published");

    const revision = await revisionRow(made.revisionId);
    expect(revision).toMatchObject({
      state: "approved",
      reviewed_by_id: admin.id,
      superseded_at: null,
    });
    const arrangement = await arrangementRow(made.arrangementId);
    expect(arrangement.published_revision_id).toBe(made.revisionId);
    expect(arrangement.lock_version).toBe(versionBefore + 1);
    expect(await invalidations()).toBeGreaterThan(cacheBefore);

    const [audit] = await sql<{ actor_user_id: number; after: { publishedRevisionId: number } }[]>`
      select actor_user_id, after from audit_events
      where action = 'arrangement.approved' and entity_id = ${String(made.arrangementId)}`;
    expect(audit).toMatchObject({
      actor_user_id: admin.id,
      after: { publishedRevisionId: made.revisionId },
    });

    const mail = await mailTo(editor.email);
    expect(mail.at(-1)!.subject).toMatch(/^Approved and published: /);
    expect(mail.at(-1)!.body).toContain(`/arrangements/${made.slug}`);

    // The public figures rise by exactly the submitted savings (£1,000,000 + £250,000.50).
    const after = await getHeadline();
    expect(after.totalPence - before.totalPence).toBe(125000050n);
    expect(after.arrangements - before.arrangements).toBe(1);
    expect((await getForEdit(editor, made.arrangementId))!.status).toBe("published");
  });

  it("approving a change supersedes the published revision at the same instant", async () => {
    const first = await f.publish(editor, admin);
    const change = await f.submit(
      editor,
      f.form({ title: `Renamed ${f.run}`, savingsAmount: ["1,000,000", "300,000"] }),
      first.arrangementId,
    );
    expect(change.version).toBe(2);
    expectOk(await approveRevision(admin2, { revisionId: change.revisionId }, f.request));

    const old = await revisionRow(first.revisionId);
    const now = await revisionRow(change.revisionId);
    expect(old.state).toBe("superseded");
    expect(now.state).toBe("approved");
    const [same] = await sql<{ same: boolean }[]>`
      select o.superseded_at = n.reviewed_at as same
      from arrangement_revisions o, arrangement_revisions n
      where o.id = ${first.revisionId} and n.id = ${change.revisionId}`;
    expect(same!.same).toBe(true);
    expect((await arrangementRow(first.arrangementId)).published_revision_id).toBe(
      change.revisionId,
    );
    expect((await getForEdit(editor, first.arrangementId))!.status).toBe("published");
  });

  it("refuses the administrator who wrote or submitted the revision (four eyes)", async () => {
    const author = await f.makeUser("council_editor");
    const made = await f.submit(author);
    // The author later becomes an administrator: still not theirs to approve.
    await sql`update users set role = 'admin', organisation_id = null where id = ${author.id}`;
    const promoted: CurrentUser = { ...author, role: "admin", organisationId: null };
    for (const decide of [
      () => approveRevision(promoted, { revisionId: made.revisionId }, f.request),
      () =>
        rejectRevision(
          promoted,
          { revisionId: made.revisionId, reason: "Not my own work to judge." },
          f.request,
        ),
    ]) {
      const result = await decide();
      expect(result).toMatchObject({ ok: false, reason: "own-submission" });
      if (!result.ok) expect(result.message).toContain("another administrator must review it");
    }
    expect((await revisionRow(made.revisionId)).state).toBe("submitted");
    expect((await getReview(promoted, made.revisionId))!.canDecide).toBe(false);
    expectOk(await approveRevision(admin, { revisionId: made.revisionId }, f.request));
  });

  it("of N approvals at once exactly one succeeds; the others are told who decided", async () => {
    const made = await f.submit(editor);
    const admins = [
      admin,
      admin2,
      ...(await Promise.all([1, 2, 3, 4, 5, 6].map(() => f.makeUser("admin")))),
    ];
    const cacheBefore = await invalidations();
    const started = performance.now();
    const results = await Promise.all(
      admins.map((a) => approveRevision(a, { revisionId: made.revisionId }, f.request)),
    );
    const elapsed = performance.now() - started;
    const wins = results.filter((r) => r.ok);
    const losses = results.filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losses).toHaveLength(admins.length - 1);
    const winner = admins[results.findIndex((r) => r.ok)]!;
    for (const loss of losses) {
      expect(loss).toMatchObject({
        ok: false,
        reason: "already-decided",
        decidedByName: winner.name,
      });
      if (!loss.ok) expect(loss.message).toContain(`already approved by ${winner.name} on `);
    }
    const [events] = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_events
      where action = 'arrangement.approved' and entity_id = ${String(made.arrangementId)}`;
    expect(events!.n).toBe(1);
    const [mails] = await sql<{ n: number }[]>`
      select count(*)::int as n from outbox
      where lower(to_address) = lower(${editor.email}) and body like ${`%${made.slug}%`}`;
    expect(mails!.n).toBe(1);
    expect(await invalidations()).toBeGreaterThan(cacheBefore);
    console.log(
      `concurrent approvals: ${admins.length} in parallel → ${wins.length} approved, ${losses.length} told already decided, ${Math.round(elapsed)} ms`,
    );
  });

  it("an approval and a rejection at once: exactly one decision stands", async () => {
    const made = await f.submit(editor);
    const results = await Promise.all([
      approveRevision(admin, { revisionId: made.revisionId }, f.request),
      rejectRevision(
        admin2,
        { revisionId: made.revisionId, reason: "Please add the 2020 figure." },
        f.request,
      ),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const state = (await revisionRow(made.revisionId)).state;
    expect(results[0]!.ok ? "approved" : "rejected").toBe(state);
  });

  it("refuses a page loaded before the council withdrew and changed the submission", async () => {
    const made = await f.submit(editor);
    const loaded = (await getReview(admin, made.revisionId))!;
    expectOk(await withdrawSubmission(editor, { arrangementId: made.arrangementId }, f.request));
    // Withdrawn: nothing to decide.
    const withdrawn = await approveRevision(
      admin,
      { revisionId: made.revisionId, baseVersion: loaded.baseVersion },
      f.request,
    );
    expect(withdrawn).toMatchObject({ ok: false, reason: "already-decided" });
    if (!withdrawn.ok) expect(withdrawn.message).toContain("withdrew this submission");
    // Changed and submitted again (the same revision): the old page is refused as a conflict.
    await f.submit(editor, f.form({ title: `Changed after loading ${f.run}` }), made.arrangementId);
    const stale = await approveRevision(
      admin,
      { revisionId: made.revisionId, baseVersion: loaded.baseVersion },
      f.request,
    );
    expect(stale).toMatchObject({ ok: false, reason: "conflict", changedByName: editor.name });
    expect((await revisionRow(made.revisionId)).state).toBe("submitted");
    const fresh = (await getReview(admin, made.revisionId))!;
    expect(fresh.submission.title).toBe(`Changed after loading ${f.run}`);
    expectOk(
      await approveRevision(
        admin,
        { revisionId: made.revisionId, baseVersion: fresh.baseVersion },
        f.request,
      ),
    );
  });

  it("answers not-found to anyone but an administrator, and for unknown revisions", async () => {
    const made = await f.submit(editor);
    expect(await approveRevision(editor, { revisionId: made.revisionId }, f.request)).toMatchObject(
      {
        ok: false,
        reason: "not-found",
      },
    );
    expect(
      await rejectRevision(
        editor,
        { revisionId: made.revisionId, reason: "A long enough reason." },
        f.request,
      ),
    ).toMatchObject({ ok: false, reason: "not-found" });
    expect(await approveRevision(null, { revisionId: made.revisionId }, f.request)).toMatchObject({
      reason: "not-found",
    });
    expect(await approveRevision(admin, { revisionId: 2_000_000_000 }, f.request)).toMatchObject({
      reason: "not-found",
    });
    expect(
      await approveRevision(admin, { revisionId: "12; drop table users" }, f.request),
    ).toMatchObject({
      reason: "not-found",
    });
    expect((await revisionRow(made.revisionId)).state).toBe("submitted");
    await expect(listQueue(editor)).rejects.toThrow();
    await expect(getReview(editor, made.revisionId)).rejects.toThrow();
  });
});

describe("rejecting", () => {
  it("needs a reason of sensible length, and keeps what was typed out of the database", async () => {
    const made = await f.submit(editor);
    const cases: [string, string][] = [
      ["", "Enter the reason for returning this submission"],
      ["   \n ", "Enter the reason for returning this submission"],
      ["Too short", "Reason must be 10 characters or more"],
      ["x".repeat(2001), "Reason must be 2000 characters or fewer"],
    ];
    for (const [reason, message] of cases) {
      const result = await rejectRevision(
        admin,
        { revisionId: made.revisionId, reason },
        f.request,
      );
      expect(result).toMatchObject({ ok: false, reason: "invalid", errors: { reason: message } });
    }
    expect((await revisionRow(made.revisionId)).state).toBe("submitted");
  });

  it("keeps the published revision public and tells the author why", async () => {
    const first = await f.publish(editor, admin);
    const before = await getHeadline();
    const change = await f.submit(
      editor,
      f.form({ savingsAmount: ["9,000,000", "250,000.50"] }),
      first.arrangementId,
    );
    const reason = "The 2018/19 figure looks ten times too high.\nPlease check it with finance.";
    const result = await rejectRevision(
      admin,
      { revisionId: change.revisionId, reason },
      f.request,
    );
    expectOk(result);
    expect(result.status).toBe("published-rejected");

    expect(await revisionRow(change.revisionId)).toMatchObject({
      state: "rejected",
      review_note: reason,
      reviewed_by_id: admin.id,
    });
    expect(await revisionRow(first.revisionId)).toMatchObject({
      state: "approved",
      superseded_at: null,
    });
    expect((await arrangementRow(first.arrangementId)).published_revision_id).toBe(
      first.revisionId,
    );
    expect((await getHeadline()).totalPence).toBe(before.totalPence);

    const edit = (await getForEdit(editor, first.arrangementId))!;
    expect(edit).toMatchObject({ status: "published-rejected", reviewNote: reason });
    const workspace = (await listWorkspace(editor))!;
    expect(
      workspace.groups.rejected.find((i) => i.arrangementId === first.arrangementId),
    ).toMatchObject({
      status: "published-rejected",
      reviewNote: reason,
    });

    const mail = (await mailTo(editor.email)).at(-1)!;
    expect(mail.subject).toMatch(/^Returned with comments: /);
    expect(mail.body).toContain("The 2018/19 figure looks ten times too high.");
    expect(mail.body).toContain("Please check it with finance.");
    expect(mail.body).toContain(`/workspace/${first.arrangementId}/preview`);
    expect(mail.body).toContain("The version already published stays as it was.");
  });

  it("a never-published arrangement returns to the council as rejected", async () => {
    const made = await f.submit(editor);
    expectOk(
      await rejectRevision(
        admin,
        { revisionId: made.revisionId, reason: "Please name the partners' lead officers." },
        f.request,
      ),
    );
    expect((await getForEdit(editor, made.arrangementId))!.status).toBe("rejected");
    expect((await arrangementRow(made.arrangementId)).published_revision_id).toBeNull();
  });
});

describe("notifications and the queue", () => {
  it("tells every active administrator of a new submission", async () => {
    const values = f.form();
    const made = await f.submit(editor, values);
    for (const a of [admin, admin2]) {
      const mail = (await mailTo(a.email)).at(-1)!;
      expect(mail.subject).toBe(`New submission to review: ${values.title}`);
      expect(mail.body).toContain(`/admin/review/${made.revisionId}`);
      expect(mail.body).toContain("Devon County Council submitted a new arrangement");
    }
  });

  it("lists submissions oldest first, filtered, and counts them", async () => {
    const fresh = await f.submit(
      editor,
      f.form({ mainCategory: "procurement-and-commissioning", furtherCategories: [] }),
    );
    const published = await f.publish(editor, admin);
    const edit = await f.submit(
      editor,
      f.form({ title: `Edit in queue ${f.run}` }),
      published.arrangementId,
    );

    const all = await listQueue(admin, {});
    const [count] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangement_revisions where state = 'submitted'`;
    expect(all.total).toBe(count!.n);
    expect(await queueCount(admin)).toBe(count!.n);
    console.log(`review queue: ${all.total} submissions waiting`);

    const devon = await listQueue(admin, { organisation: String(editor.organisationId) });
    const times = devon.items.map((i) => i.submittedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(devon.items.every((i) => i.organisationName === "Devon County Council")).toBe(true);
    const ids = (q: Awaited<ReturnType<typeof listQueue>>) => q.items.map((i) => i.revisionId);

    const pages = Math.ceil(devon.total / devon.pageSize);
    const everyDevon: number[] = [];
    for (let page = 1; page <= pages; page++)
      everyDevon.push(
        ...ids(await listQueue(admin, { organisation: String(editor.organisationId), page })),
      );
    expect(everyDevon).toEqual(expect.arrayContaining([fresh.revisionId, edit.revisionId]));

    const news = await listQueue(admin, {
      kind: "new",
      organisation: String(editor.organisationId),
      category: "procurement-and-commissioning",
    });
    expect(ids(news)).toContain(fresh.revisionId);
    expect(ids(news)).not.toContain(edit.revisionId);
    expect(news.items.every((i) => i.isNew)).toBe(true);
    const edits = await listQueue(admin, { kind: "edit", region: "south-west" });
    expect(edits.items.every((i) => !i.isNew && i.region === "South West")).toBe(true);
    expect(
      ids(await listQueue(admin, { kind: "edit", organisation: String(editor.organisationId) })),
    ).toContain(edit.revisionId);
    expect(
      ids(
        await listQueue(admin, { region: "london", organisation: String(editor.organisationId) }),
      ),
    ).toEqual([]);
    // Nonsense in the URL is ignored rather than an error.
    expect(
      (await listQueue(admin, { region: "atlantis", kind: "sideways", page: "-3" })).total,
    ).toBe(all.total);
  });

  it("shows the submission beside the published revision with the net change in pence", async () => {
    const published = await f.publish(editor, admin);
    const change = await f.submit(
      editor,
      f.form({
        title: `Diffed ${f.run}`,
        partners: ["E10000027", "E06000027"],
        savingsYear: ["2019", "2020"],
        savingsAmount: ["300,000", "50,000"],
        savingsKind: ["actual", "forecast"],
      }),
      published.arrangementId,
    );
    const review = (await getReview(admin2, change.revisionId))!;
    expect(review.base?.revisionId).toBe(published.revisionId);
    expect(review.canDecide).toBe(true);
    const { diff } = review;
    expect(diff.fields.find((x) => x.field === "title")).toMatchObject({
      changed: true,
      after: `Diffed ${f.run}`,
    });
    expect(diff.fields.find((x) => x.field === "description")!.changed).toBe(false);
    expect(diff.partners.added.map((p) => p.name)).toEqual(["Torbay Council"]);
    expect(diff.partners.removed.map((p) => p.name)).toEqual(["East Devon District Council"]);
    expect(diff.savings.rows.map((r) => [r.financialYear, r.status])).toEqual([
      [2018, "removed"],
      [2019, "changed"],
      [2020, "added"],
    ]);
    // Before: £1,000,000 + £250,000.50; after: £300,000 + £50,000.
    expect(diff.savings.netChangePence).toBe(35000000n - 125000050n);
  });
});
