process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteDraft } from "@/lib/arrangements/commands";
import { auditCsvStream } from "@/lib/audit-log/export";
import { listAuditEvents, type AuditRow } from "@/lib/audit-log/queries";
import { parseAuditFilters } from "@/lib/audit-log/schemas";
import { sentenceText, type SentenceLink } from "@/lib/audit-log/sentences";
import type { CurrentUser } from "@/lib/auth/access";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { rejectRevision } from "@/lib/review/commands";
import { setStatus } from "@/lib/users/commands/admin-changes";
import { updateOwnName } from "@/lib/users/commands/own-account";
import { closeDatabases, testDatabase } from "../support/db";
import { DEVON, expectOk, reviewFixtures } from "../support/review";

/*
 * The audit log in words: events written by the real commands read, on the page's data and in
 * the CSV export, as the sentences an administrator expects, with links to the user records,
 * the organisation's record, the review page of the revision concerned and the public page.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Sentences");
const request = { ...f.request, ip: "192.0.2.44", userAgent: "vitest" };
let editor: CurrentUser;
let colleague: CurrentUser;
let admin: CurrentUser;
let devonId: number;
const titles = { published: "", returned: "", deleted: "" };
const ids = { published: 0, slug: "", approvedRevision: 0, returnedRevision: 0 };

beforeAll(async () => {
  editor = await f.makeUser("council_editor");
  colleague = await f.makeUser("council_editor");
  admin = await f.makeUser("admin");
  const [devon] = await sql<{ id: number }[]>`select id from organisations where code = ${DEVON}`;
  devonId = devon!.id;

  titles.published = `Shared legal service ${f.run}`;
  const published = await f.publish(editor, admin, f.form({ title: titles.published }));
  ids.published = published.arrangementId;
  ids.slug = published.slug;
  ids.approvedRevision = published.revisionId;
  // Changes begun on the published arrangement: a draft, so no review page for it yet.
  await f.save(editor, f.form({ title: `${titles.published} (changed)` }), published.arrangementId);

  titles.returned = `Shared payroll ${f.run}`;
  const returned = await f.submit(editor, f.form({ title: titles.returned }));
  ids.returnedRevision = returned.revisionId;
  expectOk(
    await rejectRevision(
      admin,
      { revisionId: returned.revisionId, reason: "Add the 2019/20 figure, please." },
      request,
    ),
  );

  titles.deleted = `Shared fleet ${f.run}`;
  const deleted = await f.save(editor, f.form({ title: titles.deleted }));
  expectOk(await deleteDraft(editor, { arrangementId: deleted.arrangementId }, request));

  expectOk(await updateOwnName(editor, request, { name: `${editor.name} Renamed` }));
  expectOk(await setStatus(admin, request, { userId: colleague.id, status: "disabled" }));
  // No password is set for these users: any password is wrong.
  expect((await signInWithPassword({ email: colleague.email, password: "x" }, request)).ok).toBe(
    false,
  );
});

afterAll(async () => {
  await f.cleanup();
  await closeDatabases(sql);
});

async function eventsBy(user: CurrentUser | null, action: string): Promise<AuditRow[]> {
  const { filters } = parseAuditFilters({ action, user: user ? String(user.id) : undefined });
  const page = await listAuditEvents(admin, filters);
  return page.events;
}

function links(row: AuditRow): SentenceLink[] {
  return row.sentence.filter((p): p is SentenceLink => typeof p !== "string");
}

const user = (u: CurrentUser, name = u.name) => ({ text: name, href: `/admin/users/${u.id}` });
const devon = () => ({ text: "Devon County Council", href: `/admin/organisations/${devonId}` });

describe("the audit log reads as sentences", () => {
  it("an editor's work on an arrangement, linked to the people, council and review page", async () => {
    const renamed = `${editor.name} Renamed`;
    const submitted = (await eventsBy(editor, "arrangement.submitted")).find(
      (e) => e.entityId === String(ids.published),
    )!;
    expect(sentenceText(submitted.sentence)).toBe(
      // The name is the person's today; the title the submitted revision's.
      `${renamed} (Devon County Council) submitted ‘${titles.published}’ for review`,
    );
    expect(links(submitted)).toEqual([
      user(editor, renamed),
      devon(),
      { text: titles.published, href: `/admin/review/${ids.approvedRevision}` },
    ]);

    const [started] = await eventsBy(editor, "arrangement.draft_started");
    // The title it was saved with, and — its revision still a draft — the public page.
    expect(sentenceText(started!.sentence)).toBe(
      `${renamed} (Devon County Council) started a draft of changes to ‘${titles.published} (changed)’`,
    );
    expect(links(started!).at(-1)).toEqual({
      text: `${titles.published} (changed)`,
      href: `/arrangements/${ids.slug}`,
    });

    const created = (await eventsBy(editor, "arrangement.created")).find(
      (e) => e.entityId === String(ids.published),
    )!;
    expect(sentenceText(created.sentence)).toBe(
      `${renamed} (Devon County Council) created ‘${titles.published}’ as a draft`,
    );

    const [gone] = await eventsBy(editor, "arrangement.deleted");
    expect(sentenceText(gone!.sentence)).toBe(
      `${renamed} (Devon County Council) deleted the draft ‘${titles.deleted}’`,
    );
    expect(links(gone!)).toEqual([user(editor, renamed), devon()]);
  });

  it("the administrator's decisions", async () => {
    const [approved] = await eventsBy(admin, "arrangement.approved");
    expect(sentenceText(approved!.sentence)).toBe(
      `${admin.name} approved and published ‘${titles.published}’ for Devon County Council`,
    );
    expect(links(approved!)).toEqual([
      user(admin),
      { text: titles.published, href: `/admin/review/${ids.approvedRevision}` },
      devon(),
    ]);

    const [returned] = await eventsBy(admin, "arrangement.rejected");
    expect(sentenceText(returned!.sentence)).toBe(
      `${admin.name} returned ‘${titles.returned}’ to Devon County Council: “Add the 2019/20 figure, please.”`,
    );
    expect(links(returned!)[1]).toEqual({
      text: titles.returned,
      href: `/admin/review/${ids.returnedRevision}`,
    });
  });

  it("accounts: a name changed, an account disabled, a sign-in refused", async () => {
    const [renamed] = await eventsBy(editor, "user.name_changed");
    expect(sentenceText(renamed!.sentence)).toBe(
      `${editor.name} Renamed (Devon County Council) changed their name from “${editor.name}” to “${editor.name} Renamed”`,
    );

    const [disabled] = await eventsBy(admin, "user.disabled");
    expect(sentenceText(disabled!.sentence)).toBe(
      `${admin.name} disabled the account of ${colleague.name}`,
    );
    expect(links(disabled!)).toEqual([user(admin), user(colleague)]);

    const refused = (await eventsBy(null, "auth.sign_in_failed")).find(
      (e) => e.entityId === String(colleague.id),
    )!;
    // The account was disabled just before: the reason says so.
    expect(sentenceText(refused.sentence)).toBe(
      `A sign-in as ${colleague.name} was refused: the account is disabled`,
    );
    expect(links(refused)).toEqual([user(colleague)]);
  });

  it("the CSV keeps the codes and adds the sentence", async () => {
    const { filters } = parseAuditFilters({ user: String(admin.id) });
    const stream = await auditCsvStream(admin, filters, f.request);
    const text = new TextDecoder().decode(new Uint8Array(await new Response(stream).arrayBuffer()));
    expect(
      text
        .split("\n")[0]!
        .replace(/^\uFEFF/, "")
        .trim(),
    ).toBe(
      "id,at_utc,action,actor_name,actor_email,organisation_code,organisation_name,entity_type,entity_id,request_id,changes,before_json,after_json,description",
    );
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    const approved = rows.find((r) => r.action === "arrangement.approved")!;
    expect(approved).toMatchObject({
      entity_type: "arrangement",
      entity_id: String(ids.published),
      description: `${admin.name} approved and published ‘${titles.published}’ for Devon County Council`,
    });
    expect(rows.find((r) => r.action === "user.disabled")!.description).toBe(
      `${admin.name} disabled the account of ${colleague.name}`,
    );
  });
});
