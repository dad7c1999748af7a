// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForReview, withdrawSubmission } from "@/lib/arrangements/commands";
import type { CurrentUser } from "@/lib/auth/access";
import { confirmPartnership, disputePartnership } from "@/lib/confirmations/commands";
import { getPartnerRequest, listPartnerRequests } from "@/lib/confirmations/queries";
import { arrangementDetailJson } from "@/lib/open-data/json";
import { getPublishedArrangement } from "@/lib/public/arrangements";
import { approveRevision } from "@/lib/review/commands";
import { getReview, listQueue } from "@/lib/review/queries";
import { eq } from "drizzle-orm";
import { db as appDb } from "@/db/client";
import { partnerConfirmations } from "@/db/schema";
import { closeDatabases, Rollback, testDatabase } from "../support/db";
import { DEVON, EAST_DEVON, expectOk, reviewFixtures } from "../support/review";

/*
 * Partners confirm (issue 13, item 6) against the real database: submitting asks each partner
 * (a row per partner, mail to its editors); only an editor of a named partner may confirm or
 * dispute (anyone else: not found, audited); a dispute stands across resubmissions until the
 * partner confirms; the review page and queue show it; published anyway, the public page marks
 * the partner "not confirmed".
 */

const SOMERSET_NOW = "E06000066"; // Somerset Council, from 1 April 2023
const BRENT = "E09000005";

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Partners");
let devonEditor: CurrentUser;
let somersetEditor: CurrentUser;
let eastDevonEditor: CurrentUser;
let brentEditor: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  devonEditor = await f.makeUser("council_editor", DEVON);
  somersetEditor = await f.makeUser("council_editor", SOMERSET_NOW);
  eastDevonEditor = await f.makeUser("council_editor", EAST_DEVON);
  brentEditor = await f.makeUser("council_editor", BRENT);
  admin = await f.makeUser("admin");
});

afterAll(async () => {
  await f.cleanup();
  await closeDatabases(sql);
});

const values = () => f.form({ startDate: "2024-04-01", partners: [SOMERSET_NOW, EAST_DEVON] });

async function confirmationRows(arrangementId: number) {
  return sql<{ code: string; state: string; reason: string | null; revision_id: number | null }[]>`
    select o.code, pc.state, pc.reason, pc.revision_id from partner_confirmations pc
    join organisations o on o.id = pc.organisation_id
    where pc.arrangement_id = ${arrangementId} order by o.code`;
}

async function mailTo(email: string) {
  return sql<{ subject: string; body: string }[]>`
    select subject, body from outbox where lower(to_address) = lower(${email}) order by id`;
}

async function auditActions(arrangementId: number) {
  const rows = await sql<{ action: string; actor_user_id: number }[]>`
    select action, actor_user_id from audit_events
    where entity_type = 'arrangement' and entity_id = ${String(arrangementId)} order by id`;
  return rows.map((r) => r.action);
}

const REASON = "Somerset never agreed to share this service with Devon.";

describe("asking partners at submission", () => {
  it("asks each partner, mails its editors, and lists the request in their workspace", async () => {
    const saved = await f.submit(devonEditor, values());
    expect(await confirmationRows(saved.arrangementId)).toEqual([
      { code: SOMERSET_NOW, state: "pending", reason: null, revision_id: saved.revisionId },
      { code: EAST_DEVON, state: "pending", reason: null, revision_id: saved.revisionId },
    ]);
    const mail = await mailTo(somersetEditor.email);
    expect(mail.at(-1)!.subject).toMatch(/^Please confirm your part in: Partners shared service/);
    expect(mail.at(-1)!.body).toContain(`/workspace/partners/${saved.arrangementId}`);
    expect(mail.at(-1)!.body).toContain("Devon County Council has named Somerset Council");
    // The seeded Somerset editor is told too; the lead's and unrelated editors are not.
    expect((await mailTo("editor@somerset.example.org")).at(-1)!.body).toContain(
      `/workspace/partners/${saved.arrangementId}`,
    );
    for (const other of [devonEditor, brentEditor])
      expect((await mailTo(other.email)).length).toBe(0);

    const requests = (await listPartnerRequests(somersetEditor))!;
    expect(requests.find((r) => r.arrangementId === saved.arrangementId)).toMatchObject({
      state: "pending",
      leadName: "Devon County Council",
    });
    const detail = (await getPartnerRequest(somersetEditor, saved.arrangementId))!;
    expect(detail).toMatchObject({
      revisionState: "submitted",
      organisationName: "Somerset Council",
      state: "pending",
    });
    expect(detail.diff.partners.added.map((p) => p.code).sort()).toEqual(
      [EAST_DEVON, SOMERSET_NOW].sort(),
    );
  });

  it("shows nothing to the lead, another council or an administrator", async () => {
    const saved = await f.submit(devonEditor, values());
    for (const user of [devonEditor, brentEditor, admin])
      expect(await getPartnerRequest(user, saved.arrangementId)).toBeNull();
    expect(await listPartnerRequests(admin)).toBeNull();
    expect(
      (await listPartnerRequests(brentEditor))!.some(
        (r) => r.arrangementId === saved.arrangementId,
      ),
    ).toBe(false);
  });
});

describe("confirming and disputing", () => {
  it("refuses anyone whose organisation is not a named partner: not found, audited, nothing written", async () => {
    const saved = await f.submit(devonEditor, values());
    for (const user of [brentEditor, devonEditor, admin]) {
      expect(
        await disputePartnership(
          user,
          { arrangementId: saved.arrangementId, reason: REASON },
          f.request,
        ),
      ).toEqual({ ok: false, reason: "not-found", message: "Page not found" });
      expect(
        await confirmPartnership(user, { arrangementId: saved.arrangementId }, f.request),
      ).toMatchObject({ reason: "not-found" });
    }
    expect(
      await confirmPartnership(somersetEditor, { arrangementId: 2_000_000_000 }, f.request),
    ).toMatchObject({ reason: "not-found" });
    expect((await confirmationRows(saved.arrangementId)).map((r) => r.state)).toEqual([
      "pending",
      "pending",
    ]);
    const actions = await auditActions(saved.arrangementId);
    expect(actions.filter((a) => a === "arrangement.access_refused")).toHaveLength(6);
    expect(actions.some((a) => a.startsWith("arrangement.partner_"))).toBe(false);
  });

  it("needs a reason to dispute, in plain text", async () => {
    const saved = await f.submit(devonEditor, values());
    const id = saved.arrangementId;
    expect(
      await disputePartnership(somersetEditor, { arrangementId: id, reason: " " }, f.request),
    ).toEqual({
      ok: false,
      reason: "invalid",
      message: "There is a problem",
      errors: { reason: "Enter the reason your organisation disputes this" },
    });
    expect(
      await disputePartnership(somersetEditor, { arrangementId: id, reason: "No." }, f.request),
    ).toMatchObject({ errors: { reason: "Reason must be 10 characters or more" } });
    expect(
      await disputePartnership(
        somersetEditor,
        { arrangementId: id, reason: "We never\u202e agreed to it" },
        f.request,
      ),
    ).toMatchObject({ errors: { reason: expect.stringContaining("right-to-left override") } });
    expect((await confirmationRows(id)).every((r) => r.state === "pending")).toBe(true);
  });

  it("records a dispute with its audit event, shows it on the review page and marks the queue", async () => {
    const saved = await f.submit(devonEditor, values());
    const id = saved.arrangementId;
    const disputed = await disputePartnership(
      somersetEditor,
      { arrangementId: String(id), reason: `  ${REASON}\r\n` },
      f.request,
    );
    expectOk(disputed);
    expectOk(await confirmPartnership(eastDevonEditor, { arrangementId: id }, f.request));
    expect(await confirmationRows(id)).toEqual([
      { code: SOMERSET_NOW, state: "disputed", reason: REASON, revision_id: saved.revisionId },
      { code: EAST_DEVON, state: "confirmed", reason: null, revision_id: saved.revisionId },
    ]);
    const [event] = await sql<{ organisation_id: number; after: { reason: string } }[]>`
      select organisation_id, after from audit_events
      where action = 'arrangement.partner_disputed' and entity_id = ${String(id)}`;
    expect(event).toMatchObject({
      organisation_id: somersetEditor.organisationId,
      after: { state: "disputed", reason: REASON, version: 1 },
    });

    const review = (await getReview(admin, saved.revisionId))!;
    expect(review.partners).toEqual([
      expect.objectContaining({ name: "East Devon District Council", state: "confirmed" }),
      expect.objectContaining({
        name: "Somerset Council",
        state: "disputed",
        reason: REASON,
        answeredByName: somersetEditor.name,
      }),
    ]);
    const queue = await listQueue(admin, { organisation: devonEditor.organisationId! });
    const row = queue.items.find((item) => item.revisionId === saved.revisionId)!;
    expect(row.disputedPartners).toBe(1);

    // Every administrator is told once, with the reason and the review page; disputing again
    // (the reason reworded) tells nobody twice.
    const aboutThis = async () =>
      (await mailTo(admin.email)).filter(
        (m) =>
          m.subject.startsWith("Partner disputes") &&
          m.body.endsWith(`/admin/review/${saved.revisionId}`),
      );
    const told = await aboutThis();
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toMatch(/^Partner disputes an arrangement: /);
    expect(told[0]!.body).toContain("Somerset Council says it does not take part");
    expect(told[0]!.body).toContain(REASON);
    expectOk(
      await disputePartnership(
        somersetEditor,
        { arrangementId: id, reason: `${REASON} Still.` },
        f.request,
      ),
    );
    expect(await aboutThis()).toHaveLength(1);
  });

  it("keeps a dispute when the lead submits again, and asks again for a confirmation", async () => {
    const saved = await f.submit(devonEditor, values());
    const id = saved.arrangementId;
    expectOk(
      await disputePartnership(somersetEditor, { arrangementId: id, reason: REASON }, f.request),
    );
    expectOk(await confirmPartnership(eastDevonEditor, { arrangementId: id }, f.request));
    expectOk(await withdrawSubmission(devonEditor, { arrangementId: id }, f.request));
    // While withdrawn it is the lead's draft: the partner cannot read or answer it.
    expect(await getPartnerRequest(somersetEditor, id)).toBeNull();
    expectOk(await submitForReview(devonEditor, { declared: true, arrangementId: id }, f.request));
    expect((await confirmationRows(id)).map((r) => [r.code, r.state, r.reason])).toEqual([
      [SOMERSET_NOW, "disputed", REASON],
      [EAST_DEVON, "pending", null],
    ]);
    expect((await mailTo(somersetEditor.email)).at(-1)!.body).toContain(
      "disputed this arrangement earlier",
    );
    expectOk(await confirmPartnership(somersetEditor, { arrangementId: id }, f.request));
    expect((await confirmationRows(id)).find((r) => r.code === SOMERSET_NOW)).toMatchObject({
      state: "confirmed",
      reason: null,
    });
  });
});

describe("arrangements published before partners were asked", () => {
  it("lets a named partner dispute one (from its workspace list), rolled back here", async () => {
    const devonPartner = await f.makeUser("council_editor", DEVON);
    const [demo] = await sql<{ id: number }[]>`
      select a.id from arrangements a
      join revision_partners rp on rp.revision_id = a.published_revision_id and rp.role = 'partner'
      join organisations o on o.id = rp.organisation_id and o.code = ${DEVON}
      where not exists (select 1 from partner_confirmations pc where pc.arrangement_id = a.id)
      order by a.id limit 1`;
    expect(await getPartnerRequest(devonPartner, demo!.id)).toMatchObject({
      revisionState: "approved",
      state: "pending",
    });
    await expect(
      appDb().transaction(async (tx) => {
        const result = await disputePartnership(
          devonPartner,
          { arrangementId: demo!.id, reason: REASON },
          f.request,
          { db: tx },
        );
        expect(result).toMatchObject({ ok: true, notice: "disputed-published" });
        const [row] = await tx
          .select({ state: partnerConfirmations.state })
          .from(partnerConfirmations)
          .where(eq(partnerConfirmations.arrangementId, demo!.id));
        expect(row).toEqual({ state: "disputed" });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await confirmationRows(demo!.id)).toEqual([]);
  });
});

describe("published anyway", () => {
  it("marks a disputing partner 'not confirmed' on the public page, and clears it on confirmation", async () => {
    const saved = await f.submit(devonEditor, values());
    const id = saved.arrangementId;
    expectOk(
      await disputePartnership(somersetEditor, { arrangementId: id, reason: REASON }, f.request),
    );
    expectOk(await approveRevision(admin, { revisionId: saved.revisionId }, f.request));
    const marks = async () =>
      Object.fromEntries(
        (await getPublishedArrangement(saved.slug))!.organisations.map((o) => [
          o.code,
          o.notConfirmed,
        ]),
      );
    expect(await marks()).toEqual({ [DEVON]: false, [EAST_DEVON]: false, [SOMERSET_NOW]: true });
    // The API's record says so too.
    const api = arrangementDetailJson((await getPublishedArrangement(saved.slug))!);
    expect(api.data.organisations.map((o) => [o.code, o.not_confirmed])).toEqual(
      expect.arrayContaining([
        [DEVON, false],
        [SOMERSET_NOW, true],
      ]),
    );
    // Published, the partner still answers about the published version.
    expect(await getPartnerRequest(somersetEditor, id)).toMatchObject({
      revisionState: "approved",
      state: "disputed",
    });
    expectOk(await confirmPartnership(somersetEditor, { arrangementId: id }, f.request));
    expect(await marks()).toEqual({ [DEVON]: false, [EAST_DEVON]: false, [SOMERSET_NOW]: false });
  });
});
