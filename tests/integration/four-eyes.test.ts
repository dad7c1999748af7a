// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { submitForReview, withdrawSubmission } from "@/lib/arrangements/commands";
import { importValidRows, parseImportCsv } from "@/lib/arrangements/import";
import type { CurrentUser } from "@/lib/auth/access";
import { approveRevision, rejectRevision } from "@/lib/review/commands";
import { getReview, listQueue } from "@/lib/review/queries";
import { testDatabase } from "../support/db";
import { DEVON, expectOk, reviewFixtures } from "../support/review";

/*
 * Four eyes over the whole history (issue 13): every contribution to a revision is recorded
 * (created, saved, submitted, imported) in the command's own transaction, and nobody who worked
 * on any revision since the last publication may approve or return it — even after being made
 * an administrator — while someone who did not may.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "FourEyes");

afterAll(async () => {
  await f.cleanup();
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

/** The user, made an administrator (as happens when a council officer joins the team). */
async function promote(user: CurrentUser): Promise<CurrentUser> {
  await sql`update users set role = 'admin', organisation_id = null where id = ${user.id}`;
  return { ...user, role: "admin", organisationId: null };
}

async function contributions(arrangementId: number) {
  return sql<{ version: number; user_id: number; kind: string }[]>`
    select r.version, c.user_id, c.kind::text as kind
    from revision_contributions c join arrangement_revisions r on r.id = c.revision_id
    where r.arrangement_id = ${arrangementId} order by c.id`;
}

async function state(revisionId: number): Promise<string> {
  const [row] = await sql<{ state: string }[]>`
    select state::text from arrangement_revisions where id = ${revisionId}`;
  return row!.state;
}

describe("a three-author history", () => {
  let a: CurrentUser, b: CurrentUser, c: CurrentUser, d: CurrentUser;
  let arrangementId: number;
  let revisionId: number;

  let devonId: number;

  beforeAll(async () => {
    const [devon] = await sql<{ id: number }[]>`
      select id from organisations where code = ${DEVON}`;
    devonId = devon!.id;
    [a, b, c] = [
      await f.makeUser("council_editor"),
      await f.makeUser("council_editor"),
      await f.makeUser("council_editor"),
    ];
    d = await f.makeUser("admin");
    // A creates; B saves it unchanged (so the revision's author is now B); C submits.
    const values = f.form();
    const created = await f.save(a, values);
    const resaved = await f.save(b, values, created.arrangementId);
    expect(resaved.revisionId).toBe(created.revisionId);
    expectOk(
      await submitForReview(c, { declared: true, arrangementId: created.arrangementId }, f.request),
    );
    ({ arrangementId, revisionId } = created);
  });

  it("records every contributor, not only the last author", async () => {
    expect(await contributions(arrangementId)).toEqual([
      { version: 1, user_id: a.id, kind: "created" },
      { version: 1, user_id: b.id, kind: "saved" },
      { version: 1, user_id: c.id, kind: "submitted" },
    ]);
    const [row] = await sql<{ author_id: number; submitted_by_id: number }[]>`
      select author_id, submitted_by_id from arrangement_revisions where id = ${revisionId}`;
    // What the revision itself keeps would only have caught B and C.
    expect(row).toEqual({ author_id: b.id, submitted_by_id: c.id });
  });

  it("refuses A, B and C as reviewers even once they are administrators; D approves", async () => {
    for (const [user, part] of [
      [a, "created"],
      [b, "saved"],
      [c, "submitted"],
    ] as const) {
      const admin = await promote(user);
      for (const result of [
        await approveRevision(admin, { revisionId }, f.request),
        await rejectRevision(admin, { revisionId, reason: "Returning my own work." }, f.request),
      ]) {
        expect(result).toMatchObject({ ok: false, reason: "own-submission" });
        if (!result.ok)
          expect(result.message).toBe(
            `You ${part} a revision of this arrangement since it was last published, so another administrator must review it (four eyes).`,
          );
      }
      // The review page says why, and names everyone who worked on it.
      const review = (await getReview(admin, revisionId))!;
      expect(review.canDecide).toBe(false);
      expect(review.fourEyes).toContain(`You ${part} a revision`);
      expect(review.contributors.map((x) => [x.name, x.kinds])).toEqual([
        [a.name, ["created"]],
        [b.name, ["saved"]],
        [c.name, ["submitted"]],
      ]);
      // The queue shows the same, row by row.
      const queue = await listQueue(admin, { organisation: String(devonId) });
      const item = queue.items.find((i) => i.revisionId === revisionId);
      expect(item?.yourPart).toEqual([part]);
    }
    expect(await state(revisionId)).toBe("submitted");

    const review = (await getReview(d, revisionId))!;
    expect(review).toMatchObject({ canDecide: true, fourEyes: null });
    const queued = await listQueue(d, { organisation: String(devonId) });
    expect(queued.items.find((i) => i.revisionId === revisionId)?.yourPart).toEqual([]);
    expectOk(await approveRevision(d, { revisionId }, f.request));
    expect(await state(revisionId)).toBe("approved");
  });

  it("counts work since the last publication only, across withdrawn and returned revisions", async () => {
    // After publication, A (now an administrator) did nothing on the next revision: A may decide.
    const e = await f.makeUser("council_editor");
    const g = await f.makeUser("council_editor");
    const v2 = await f.save(e, f.form({ title: `Second ${f.run}` }), arrangementId);
    expectOk(await submitForReview(g, { declared: true, arrangementId }, f.request));
    // G withdraws and E submits again: G's submission still counts.
    expectOk(await withdrawSubmission(g, { arrangementId }, f.request));
    expectOk(await submitForReview(e, { declared: true, arrangementId }, f.request));
    const promotedA = await promote(a);
    expect((await getReview(promotedA, v2.revisionId))!.canDecide).toBe(true);
    // Returned by A; F writes v3; G (who submitted v2, since returned) is still refused.
    expectOk(
      await rejectRevision(
        promotedA,
        { revisionId: v2.revisionId, reason: "Add the savings." },
        f.request,
      ),
    );
    const v3 = await f.submit(e, f.form({ title: `Third ${f.run}` }), arrangementId);
    expect(v3.version).toBe(3);
    const promotedG = await promote(g);
    const refused = await approveRevision(promotedG, { revisionId: v3.revisionId }, f.request);
    expect(refused).toMatchObject({ ok: false, reason: "own-submission" });
    if (!refused.ok) expect(refused.message).toContain("You submitted a revision");
    expect((await getReview(promotedA, v3.revisionId))!.contributors.map((x) => x.name)).toEqual([
      e.name,
      g.name,
    ]);
    expectOk(await approveRevision(promotedA, { revisionId: v3.revisionId }, f.request));
  });
});

describe("an imported arrangement", () => {
  it("records the importer, who may not then review it", async () => {
    const importer = await f.makeUser("council_editor");
    const head =
      "title,description,main_category,further_categories,stage,start_date,end_date,partners,savings_2017_18,savings_2018_19,savings_2018,no_savings_reason,benefits,contact_name,contact_email";
    const row = `Imported ${f.run},Joint team,legal,,operational,2017-04-01,,E10000027,"actual: 1,000",,,,,,`;
    const parsed = await parseImportCsv(
      new TextEncoder().encode(`${head}\r\n${row}\r\n`),
      importer,
    );
    expect(parsed.errorCount).toBe(0);
    const result = await importValidRows(importer, parsed.rows, f.request, {
      importId: randomUUID(),
    });
    expectOk(result);
    const [arrangementId] = result.arrangementIds;
    expect((await contributions(arrangementId!)).map((x) => [x.user_id, x.kind])).toEqual([
      [importer.id, "imported"],
    ]);
    expectOk(
      await submitForReview(importer, { declared: true, arrangementId: arrangementId! }, f.request),
    );
    const [revision] = await sql<{ id: number }[]>`
      select id from arrangement_revisions where arrangement_id = ${arrangementId!}`;
    const refused = await approveRevision(
      await promote(importer),
      { revisionId: revision!.id },
      f.request,
    );
    if (refused.ok) throw new Error("the importer approved their own import");
    expect(refused.message).toContain("You imported and submitted a revision");
  });
});
