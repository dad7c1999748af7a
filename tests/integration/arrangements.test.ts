// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/access";
import {
  deleteDraft,
  discardChanges,
  saveDraft,
  submitForReview,
  withdrawSubmission,
  type SavedDraft,
} from "@/lib/arrangements/commands";
import type { CommandResult } from "@/lib/commands/result";
import { getForEdit, listWorkspace, partnerOptions } from "@/lib/arrangements/queries";
import {
  parseArrangementForm,
  revisionToFormValues,
  type ArrangementFormValues,
} from "@/lib/arrangements/schema";
import { TRANSITIONS } from "@/lib/arrangements/state";
import { closeDatabases, removeRunArrangements, testDatabase } from "../support/db";

/*
 * The council workspace's domain layer against the real database: the state machine, version
 * conflicts, idempotent saves, the authorisation boundary and validation. Publishing and
 * rejecting are administrators' commands (not built here): the tests do them in SQL, raising
 * lock_version as any command that changes revisions must.
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
let n = 0;
const request = { requestId: `arrangements-test-${run}` };

const DEVON = "E10000008";
const SOMERSET = "E10000027";
const EAST_DEVON = "E07000040";

type Org = { id: number; code: string };
let devon: Org;
let somerset: Org;
let devonEditor: CurrentUser;
let devonEditor2: CurrentUser;
let somersetEditor: CurrentUser;
let admin: CurrentUser;

async function makeUser(
  role: "admin" | "council_editor",
  organisationId: number | null,
): Promise<CurrentUser> {
  n += 1;
  const email = `arr-${role}-${n}.${run}@test.example.org`;
  const name = `Arrangement tester ${n}`;
  const [row] = await sql<{ id: number }[]>`
    insert into users (email, name, role, organisation_id, status)
    values (${email}, ${name}, ${role}, ${organisationId}, 'active') returning id`;
  return { id: row!.id, email, name, role, organisationId, sessionId: `none-${row!.id}` };
}

beforeAll(async () => {
  const rows = await sql<Org[]>`
    select id, code from organisations where code in (${DEVON}, ${SOMERSET}) order by code`;
  [devon, somerset] = [rows[0]!, rows[1]!];
  expect(devon.code).toBe(DEVON);
  devonEditor = await makeUser("council_editor", devon.id);
  devonEditor2 = await makeUser("council_editor", devon.id);
  somersetEditor = await makeUser("council_editor", somerset.id);
  admin = await makeUser("admin", null);
});

afterAll(async () => {
  await removeRunArrangements(sql, run);
  await closeDatabases(sql);
});

function form(overrides: Partial<ArrangementFormValues> = {}): ArrangementFormValues {
  n += 1;
  return {
    title: `Joint trading standards ${run} ${n}`,
    description: "A combined team for two councils.\nPlain text, two lines.",
    mainCategory: "regulatory-services",
    furtherCategories: ["legal"],
    stage: "operational",
    startDate: "2018-04-01",
    endDate: "",
    partners: [SOMERSET, EAST_DEVON],
    savingsYear: ["2018", "2019", "2020"],
    savingsAmount: ["1250000", "£1,250,000.50", "1,000"],
    savingsKind: ["actual", "actual", "forecast"],
    noSavingsReason: "",
    benefits: ["resilience", "service-quality"],
    contactName: "Shared services team",
    contactEmail: "shared@devon.example.org",
    ...overrides,
  };
}

const key = () => randomUUID();

/** Saves `values` over an arrangement as `user`, from `baseVersion`, under a fresh idempotency key. */
function saveOver(
  user: CurrentUser,
  arrangementId: number,
  baseVersion: number,
  values: ArrangementFormValues,
) {
  return saveDraft(user, { arrangementId, baseVersion, idempotencyKey: key(), values }, request);
}

function expectOk<T extends object>(
  result: CommandResult<T>,
): asserts result is Extract<CommandResult<T>, { ok: true }> {
  expect(
    result,
    JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)),
  ).toMatchObject({
    ok: true,
  });
}

async function create(
  user = devonEditor,
  values = user === somersetEditor ? form({ partners: [DEVON] }) : form(),
) {
  const result = await saveDraft(user, { idempotencyKey: key(), values }, request);
  expectOk(result);
  return result;
}

async function arrangementRow(id: number) {
  const [row] = await sql<
    { published_revision_id: number | null; lock_version: number; slug: string }[]
  >`select published_revision_id, lock_version, slug from arrangements where id = ${id}`;
  return row;
}

async function revisions(id: number) {
  return sql<{ id: number; version: number; state: string; title: string }[]>`
    select id, version, state, title from arrangement_revisions
    where arrangement_id = ${id} order by version`;
}

/** Everything about an arrangement, to prove a refused command changed nothing. */
async function fingerprint(id: number) {
  const [row] = await sql<{ f: string }[]>`
    select coalesce((select row_to_json(a)::text from arrangements a where a.id = ${id}), '') ||
      coalesce((select json_agg(r order by r.id)::text from arrangement_revisions r where r.arrangement_id = ${id}), '') ||
      coalesce((select json_agg(p order by p.organisation_id)::text from revision_partners p
        join arrangement_revisions r on r.id = p.revision_id where r.arrangement_id = ${id}), '') ||
      coalesce((select json_agg(s order by s.financial_year)::text from revision_savings s
        join arrangement_revisions r on r.id = s.revision_id where r.arrangement_id = ${id}), '') as f`;
  return row!.f;
}

/** What an administrator's approval does (lib/review will own this). */
async function approve(id: number) {
  await sql.begin(async (tx) => {
    await tx`update arrangement_revisions set state = 'superseded'
      where arrangement_id = ${id} and state = 'approved'`;
    const [rev] = await tx<{ id: number }[]>`
      update arrangement_revisions set state = 'approved', reviewed_at = now(), reviewed_by_id = ${admin.id}
      where arrangement_id = ${id} and state = 'submitted' returning id`;
    expect(rev).toBeDefined();
    await tx`update arrangements set published_revision_id = ${rev!.id},
      lock_version = lock_version + 1, updated_at = now(), updated_by_id = ${admin.id} where id = ${id}`;
  });
}

async function reject(id: number, note: string) {
  const rows = await sql`
    update arrangement_revisions set state = 'rejected', reviewed_at = now(),
      reviewed_by_id = ${admin.id}, review_note = ${note}
    where arrangement_id = ${id} and state = 'submitted' returning id`;
  expect(rows.length).toBe(1);
  await sql`update arrangements set lock_version = lock_version + 1, updated_at = now(),
    updated_by_id = ${admin.id} where id = ${id}`;
}

async function lockVersion(id: number) {
  return (await arrangementRow(id))!.lock_version;
}

async function submitted(user = devonEditor) {
  const made = await create(user);
  expectOk(
    await submitForReview(user, { declared: true, arrangementId: made.arrangementId }, request),
  );
  return made;
}

async function published(user = devonEditor) {
  const made = await submitted(user);
  await approve(made.arrangementId);
  return made;
}

/** The state changes that take only the arrangement, by their names in the transition table. */
const STATE_CHANGES = {
  submit: submitForReview,
  withdraw: withdrawSubmission,
  "delete-draft": deleteDraft,
  "discard-changes": discardChanges,
} as const;

/** Devon's editor tries each command; every one is refused as not allowed in `status`. */
async function expectNotAllowed(
  arrangementId: number,
  status: string,
  commands: (keyof typeof STATE_CHANGES)[],
) {
  for (const command of commands)
    expect(
      await STATE_CHANGES[command](devonEditor, { declared: true, arrangementId }, request),
      command,
    ).toMatchObject({ ok: false, reason: "not-allowed", status });
}

/* Validation ------------------------------------------------------------------------------------ */

describe("the arrangement form schema", () => {
  it("parses amounts as people write them into exact pence", () => {
    const parsed = parseArrangementForm(form());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data.savings).toEqual([
      { financialYear: 2018, amountPence: 125000000n, kind: "actual" },
      { financialYear: 2019, amountPence: 125000050n, kind: "actual" },
      { financialYear: 2020, amountPence: 100000n, kind: "forecast" },
    ]);
    expect(parsed.data.noSavingsReason).toBeNull();
    expect(parsed.data.endDate).toBeNull();
  });

  it("keys errors by field and by savings row", () => {
    const parsed = parseArrangementForm(
      form({
        title: " ",
        description: "x".repeat(5001),
        mainCategory: "nonsense",
        furtherCategories: ["regulatory-services"],
        stage: "ended",
        startDate: "2019-02-30",
        endDate: "",
        partners: [SOMERSET, SOMERSET],
        savingsYear: ["2018", "2018", "1999", ""],
        savingsAmount: ["£1,2,3", "100", "5", ""],
        savingsKind: ["actual", "actual", "nope", "actual"],
        noSavingsReason: "we have savings though",
        benefits: ["world-peace"],
        contactEmail: "not-an-email",
      }),
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        title: "Enter a title",
        description: "Description must be 5000 characters or fewer",
        mainCategory: "Select a service category from the list",
        startDate: "Start date must be a real date, like 2017-04-01",
        endDate: "Enter the date the arrangement ended",
        partners: "Each partner organisation must be listed only once",
        "savings.0.amount":
          "Put commas between groups of three digits, like 1,250,000, or leave them out",
        "savings.1.year": "2018/19 is already listed: enter each year once",
        "savings.2.year": "Financial year must be between 2000 and 2100",
        "savings.2.kind": "Select whether the saving is actual or forecast",
        noSavingsReason: "Remove the reason for no savings: this arrangement has savings",
        benefits: "Select benefits from the list",
        contactEmail: "Enter an email address in the correct format, like name@example.org",
      },
    });
  });

  it("needs a partner, a reason when there are no savings, and end after start", () => {
    const parsed = parseArrangementForm({
      title: "T",
      description: "D",
      mainCategory: "ict",
      stage: "ended",
      startDate: "2019-04-01",
      endDate: "2019-03-31",
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        endDate: "End date must be the same as or after the start date",
        partners: "Add at least one partner organisation besides your own",
        noSavingsReason: "Enter the savings for at least one year, or say why there are none",
      },
    });
    const ok = parseArrangementForm({
      title: "T",
      description: "D",
      mainCategory: "ict",
      stage: "planned",
      partners: SOMERSET,
      noSavingsReason: "Set up to improve services",
    });
    expect(ok.ok && ok.data).toMatchObject({
      partners: [SOMERSET],
      savings: [],
      noSavingsReason: "Set up to improve services",
      startDate: null,
    });
  });

  it("turns a stored revision back into the same form values", () => {
    const parsed = parseArrangementForm(form());
    if (!parsed.ok) throw new Error("valid form refused");
    const values = revisionToFormValues({ ...parsed.data, furtherCategories: ["legal"] });
    expect(values.savingsAmount).toEqual(["£1,250,000", "£1,250,000.50", "£1,000"]);
    const again = parseArrangementForm(values);
    expect(again.ok && again.data).toEqual(parsed.data);
  });
});

describe("saving validates against the database", () => {
  it("refuses the lead as a partner, unknown codes and partners not operating at the start", async () => {
    const cases: [Partial<ArrangementFormValues>, string][] = [
      [{ partners: [DEVON] }, "Your own organisation is the lead: list only the other partners"],
      [
        { partners: ["E99999999"] },
        "No organisation has the code E99999999: select partners from the list",
      ],
      // Somerset County Council ended on 31 March 2023.
      [
        { partners: [SOMERSET], startDate: "2024-04-01" },
        "Somerset County Council existed", // …until 31 March 2023, so it had ceased before…
      ],
      [
        { partners: [SOMERSET], startDate: "2024-04-01" },
        "so it had ceased before this arrangement started on 1 April 2024",
      ],
    ];
    for (const [overrides, message] of cases) {
      const result = await saveDraft(
        devonEditor,
        { idempotencyKey: key(), values: form(overrides) },
        request,
      );
      expect(result.ok).toBe(false);
      if (result.ok || result.reason !== "invalid") throw new Error(JSON.stringify(result));
      expect(result.errors.partners).toContain(message);
    }
  });

  it("refuses invalid input with field errors and writes nothing", async () => {
    const title = `Refused ${run}`;
    const result = await saveDraft(
      devonEditor,
      { idempotencyKey: key(), values: form({ title, savingsAmount: ["£1,2,3", "1", "2"] }) },
      request,
    );
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    if (result.ok || result.reason !== "invalid") return;
    expect(result.errors).toEqual({
      "savings.2018.amount":
        "Savings 2018/19: put commas between groups of three digits, like 1,250,000, or leave them out",
    });
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangement_revisions where title = ${title}`;
    expect(row!.n).toBe(0);
  });
});

/* State machine ------------------------------------------------------------------------------------ */

describe("the state machine", () => {
  it("creates a never-published draft v1 with its partners, categories and savings", async () => {
    const made = await create();
    expect(made).toMatchObject({ version: 1, created: true, replayed: false, baseVersion: 1 });
    expect(made.slug).toBe(`joint-trading-standards-${run}-${n}`);
    const edit = await getForEdit(devonEditor, made.arrangementId);
    expect(edit).toMatchObject({ status: "draft", editable: true, baseVersion: 1 });
    expect(edit!.lead.code).toBe(DEVON);
    expect(edit!.values.partners.sort()).toEqual([EAST_DEVON, SOMERSET].sort());
    expect(edit!.values.savingsAmount).toEqual(["£1,250,000", "£1,250,000.50", "£1,000"]);
    expect(edit!.values.furtherCategories).toEqual(["legal"]);
    const [lead] = await sql<{ n: number }[]>`
      select count(*)::int as n from revision_partners
      where revision_id = ${made.revisionId} and role = 'lead' and organisation_id = ${devon.id}`;
    expect(lead!.n).toBe(1);
  });

  it("gives a second arrangement with the same title its own slug", async () => {
    const values = form();
    const a = await create(devonEditor, values);
    const b = await create(devonEditor, values);
    expect(b.slug).toBe(`${a.slug}-2`);
  });

  it("updates the open draft in place", async () => {
    const made = await create();
    const saved = await saveDraft(
      devonEditor,
      {
        arrangementId: made.arrangementId,
        baseVersion: made.baseVersion,
        idempotencyKey: key(),
        values: form({
          title: "Renamed",
          partners: [SOMERSET],
          savingsYear: [],
          savingsAmount: [],
          savingsKind: [],
          noSavingsReason: "Improves services",
        }),
      },
      request,
    );
    expectOk(saved);
    expect(saved).toMatchObject({ revisionId: made.revisionId, version: 1, baseVersion: 2 });
    expect(await revisions(made.arrangementId)).toEqual([
      { id: made.revisionId, version: 1, state: "draft", title: "Renamed" },
    ]);
    const edit = await getForEdit(devonEditor, made.arrangementId);
    expect(edit!.values).toMatchObject({
      partners: [SOMERSET],
      savingsYear: [],
      noSavingsReason: "Improves services",
    });
  });

  it("submits a draft, refuses to save it while submitted, and withdraws it to a draft", async () => {
    const made = await create();
    const sub = await submitForReview(
      devonEditor,
      { declared: true, arrangementId: made.arrangementId, baseVersion: made.baseVersion },
      request,
    );
    expect(sub).toMatchObject({ ok: true, status: "submitted", baseVersion: 2 });
    expect((await getForEdit(devonEditor, made.arrangementId))!.editable).toBe(false);

    const save = await saveDraft(
      devonEditor,
      { arrangementId: made.arrangementId, baseVersion: 2, idempotencyKey: key(), values: form() },
      request,
    );
    expect(save).toMatchObject({ ok: false, reason: "not-allowed", status: "submitted" });
    await expectNotAllowed(made.arrangementId, "submitted", [
      "submit",
      "delete-draft",
      "discard-changes",
    ]);

    const back = await withdrawSubmission(
      devonEditor,
      { arrangementId: made.arrangementId },
      request,
    );
    expect(back).toMatchObject({ ok: true, status: "draft" });
    expect((await revisions(made.arrangementId)).map((r) => r.state)).toEqual(["draft"]);
    await expectNotAllowed(made.arrangementId, "draft", ["withdraw", "discard-changes"]);
  });

  it("deletes a never-published draft entirely", async () => {
    const made = await create();
    const result = await deleteDraft(devonEditor, { arrangementId: made.arrangementId }, request);
    expect(result).toMatchObject({ ok: true, status: "deleted" });
    expect(await arrangementRow(made.arrangementId)).toBeUndefined();
    const [audit] = await sql<{ action: string }[]>`
      select action from audit_events where entity_type = 'arrangement'
      and entity_id = ${String(made.arrangementId)} order by id desc limit 1`;
    expect(audit!.action).toBe("arrangement.deleted");
    expect(await getForEdit(devonEditor, made.arrangementId)).toBeNull();
  });

  it("edits a published arrangement as a new draft while the published revision stays public", async () => {
    const made = await published();
    const before = await arrangementRow(made.arrangementId);
    expect(before!.published_revision_id).toBe(made.revisionId);
    await expectNotAllowed(made.arrangementId, "published", [
      "withdraw",
      "delete-draft",
      "discard-changes",
    ]);

    const edit = await getForEdit(devonEditor, made.arrangementId);
    expect(edit).toMatchObject({
      status: "published",
      editable: true,
      revision: { id: made.revisionId },
    });
    const saved = await saveOver(devonEditor, made.arrangementId, edit!.baseVersion, {
      ...edit!.values,
      title: "Published, edited",
    });
    expectOk(saved);
    expect(saved.version).toBe(2);
    expect((await arrangementRow(made.arrangementId))!.published_revision_id).toBe(made.revisionId);
    expect(await revisions(made.arrangementId)).toMatchObject([
      { version: 1, state: "approved" },
      { version: 2, state: "draft", title: "Published, edited" },
    ]);
    expect((await getForEdit(devonEditor, made.arrangementId))!.status).toBe("published-draft");

    // Submit, withdraw, submit again: still published throughout.
    expectOk(
      await submitForReview(
        devonEditor,
        { declared: true, arrangementId: made.arrangementId },
        request,
      ),
    );
    expect((await getForEdit(devonEditor, made.arrangementId))!.status).toBe("published-submitted");
    expectOk(await withdrawSubmission(devonEditor, { arrangementId: made.arrangementId }, request));
    expect((await arrangementRow(made.arrangementId))!.published_revision_id).toBe(made.revisionId);

    // Delete the draft: v1 is untouched and still public.
    const deleted = await deleteDraft(devonEditor, { arrangementId: made.arrangementId }, request);
    expect(deleted).toMatchObject({ ok: true, status: "published" });
    expect(await revisions(made.arrangementId)).toMatchObject([{ version: 1, state: "approved" }]);
    expect((await arrangementRow(made.arrangementId))!.published_revision_id).toBe(made.revisionId);
  });

  it("discards pending changes: an open draft is dropped, a rejection is set aside but kept", async () => {
    const made = await published();
    const base = await lockVersion(made.arrangementId);
    expectOk(await saveOver(devonEditor, made.arrangementId, base, form({ title: "v2" })));
    expect(
      await discardChanges(devonEditor, { arrangementId: made.arrangementId }, request),
    ).toMatchObject({
      ok: true,
      status: "published",
    });
    expect((await revisions(made.arrangementId)).map((r) => r.version)).toEqual([1]);

    // A rejected change (v2 again, since the draft was dropped).
    expectOk(
      await saveOver(
        devonEditor,
        made.arrangementId,
        await lockVersion(made.arrangementId),
        form({ title: "v2 again" }),
      ),
    );
    expectOk(
      await submitForReview(
        devonEditor,
        { declared: true, arrangementId: made.arrangementId },
        request,
      ),
    );
    await reject(made.arrangementId, "Please give the savings by year.");
    const rejected = await getForEdit(devonEditor, made.arrangementId);
    expect(rejected).toMatchObject({
      status: "published-rejected",
      reviewNote: "Please give the savings by year.",
      values: { title: "v2 again" },
    });
    // Deleting is for drafts; a published arrangement's rejection is discarded instead.
    await expectNotAllowed(made.arrangementId, "published-rejected", ["delete-draft"]);
    expect(
      await discardChanges(devonEditor, { arrangementId: made.arrangementId }, request),
    ).toMatchObject({
      ok: true,
    });
    expect(await revisions(made.arrangementId)).toMatchObject([
      { version: 1, state: "approved" },
      { version: 2, state: "rejected" },
    ]);
    expect((await getForEdit(devonEditor, made.arrangementId))!.status).toBe("published");
    await expectNotAllowed(made.arrangementId, "published", ["discard-changes"]);
  });

  it("after a rejection of a never-published draft, saving starts v2; deleting removes it all", async () => {
    const made = await submitted();
    await reject(made.arrangementId, "Not a shared service.");
    const edit = await getForEdit(devonEditor, made.arrangementId);
    expect(edit).toMatchObject({
      status: "rejected",
      reviewNote: "Not a shared service.",
      editable: true,
    });
    await expectNotAllowed(made.arrangementId, "rejected", ["submit", "discard-changes"]);
    const saved = await saveOver(devonEditor, made.arrangementId, edit!.baseVersion, edit!.values);
    expectOk(saved);
    expect(saved.version).toBe(2);
    expect((await revisions(made.arrangementId)).map((r) => r.state)).toEqual([
      "rejected",
      "draft",
    ]);

    const other = await submitted();
    await reject(other.arrangementId, "No.");
    expectOk(await deleteDraft(devonEditor, { arrangementId: other.arrangementId }, request));
    expect(await arrangementRow(other.arrangementId)).toBeUndefined();
  });

  it("covers every command in the transition table", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(
      ["delete-draft", "discard-changes", "save", "submit", "withdraw"].sort(),
    );
  });
});

/* Concurrency and idempotency -------------------------------------------------------------------- */

describe("no lost edits", () => {
  it("two editors load v1 and both save: the first wins, the second is shown the stored values", async () => {
    const made = await create();
    const a = await getForEdit(devonEditor, made.arrangementId);
    const b = await getForEdit(devonEditor2, made.arrangementId);
    expect(a!.baseVersion).toBe(b!.baseVersion);

    const first = await saveOver(devonEditor, made.arrangementId, a!.baseVersion, {
      ...a!.values,
      title: "First editor's title",
    });
    expectOk(first);
    const second = await saveOver(devonEditor2, made.arrangementId, b!.baseVersion, {
      ...b!.values,
      title: "Second editor's title",
    });
    expect(second.ok).toBe(false);
    if (second.ok || second.reason !== "conflict") throw new Error(JSON.stringify(second));
    expect(second.conflict.changedByName).toBe(devonEditor.name);
    expect(second.conflict.changedAt).toBeInstanceOf(Date);
    expect(second.conflict.stored.title).toBe("First editor's title");
    expect(second.conflict.baseVersion).toBe(first.baseVersion);
    expect(second.message).toContain(`This record was changed by ${devonEditor.name} at`);
    expect((await revisions(made.arrangementId))[0]!.title).toBe("First editor's title");

    // A stale page cannot submit or delete either.
    expect(
      await submitForReview(
        devonEditor2,
        { declared: true, arrangementId: made.arrangementId, baseVersion: b!.baseVersion },
        request,
      ),
    ).toMatchObject({ ok: false, reason: "conflict" });
    expect(
      await deleteDraft(
        devonEditor2,
        { arrangementId: made.arrangementId, baseVersion: b!.baseVersion },
        request,
      ),
    ).toMatchObject({ ok: false, reason: "conflict" });
    expect(await arrangementRow(made.arrangementId)).toBeDefined();
  });

  it("the same new-arrangement form sent twice in parallel makes one arrangement", async () => {
    const values = form();
    const token = key();
    const results = await Promise.all(
      Array.from({ length: 3 }, () =>
        saveDraft(devonEditor, { idempotencyKey: token, values }, request),
      ),
    );
    for (const r of results) expectOk(r);
    const ok = results as Extract<CommandResult<SavedDraft>, { ok: true }>[];
    expect(new Set(ok.map((r) => r.arrangementId)).size).toBe(1);
    expect(ok.filter((r) => !r.replayed)).toHaveLength(1);
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangement_revisions where title = ${values.title}`;
    expect(row!.n).toBe(1);
    // And sent again later (a browser re-send): still the first.
    const again = await saveDraft(devonEditor, { idempotencyKey: token, values }, request);
    expect(again).toMatchObject({ ok: true, replayed: true, arrangementId: ok[0]!.arrangementId });
  });

  it("the same edit sent twice in parallel saves once and answers both", async () => {
    const made = await published();
    const base = await lockVersion(made.arrangementId);
    const token = key();
    const values = form({ title: "Edited once" });
    const results = await Promise.all(
      Array.from({ length: 2 }, () =>
        saveDraft(
          devonEditor,
          { arrangementId: made.arrangementId, baseVersion: base, idempotencyKey: token, values },
          request,
        ),
      ),
    );
    for (const r of results) expectOk(r);
    expect(results.map((r) => r.ok && r.replayed).sort()).toEqual([false, true]);
    expect(await revisions(made.arrangementId)).toMatchObject([
      { version: 1, state: "approved" },
      { version: 2, state: "draft", title: "Edited once" },
    ]);
    expect(await lockVersion(made.arrangementId)).toBe(base + 1);
  });

  it("the same form sent again with other values (Back, edit, save) is a conflict, not a silent replay", async () => {
    const token = key();
    const first = await saveDraft(devonEditor, { idempotencyKey: token, values: form() }, request);
    expectOk(first);
    const changed = form({ title: "Typed after pressing Back" });
    // The browser's cached "new arrangement" form: the same token, no arrangement id yet.
    const again = await saveDraft(devonEditor, { idempotencyKey: token, values: changed }, request);
    expect(again).toMatchObject({ ok: false, reason: "conflict" });
    // And the cached edit form of the same draft, re-sent with other values.
    const edit = await saveDraft(
      devonEditor,
      {
        arrangementId: first.arrangementId,
        baseVersion: 1,
        idempotencyKey: token,
        values: changed,
      },
      request,
    );
    expect(edit).toMatchObject({ ok: false, reason: "conflict" });
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangement_revisions where title = ${changed.title}`;
    expect(row!.n).toBe(0);
  });
});

/* Authorisation ------------------------------------------------------------------------------------ */

describe("authorisation", () => {
  it("an editor of another organisation gets not-found for every command, changes nothing, and is audited", async () => {
    const made = await published();
    expectOk(
      await saveOver(
        devonEditor,
        made.arrangementId,
        await lockVersion(made.arrangementId),
        form(),
      ),
    );
    const id = made.arrangementId;
    const base = await lockVersion(id);
    const before = await fingerprint(id);
    const [{ max: auditBefore }] = (await sql<{ max: string }[]>`
      select coalesce(max(id), 0)::text as max from audit_events`) as unknown as [{ max: string }];

    for (const intruder of [somersetEditor, admin]) {
      // One after another, as a browser's direct POSTs would arrive.
      const attempts = [
        () =>
          saveDraft(
            intruder,
            { arrangementId: id, baseVersion: base, idempotencyKey: key(), values: form() },
            request,
          ),
        () =>
          submitForReview(
            intruder,
            { declared: true, arrangementId: id, baseVersion: base },
            request,
          ),
        () => withdrawSubmission(intruder, { arrangementId: id }, request),
        () => deleteDraft(intruder, { arrangementId: id }, request),
        () => discardChanges(intruder, { arrangementId: id }, request),
      ];
      for (const attempt of attempts)
        expect(await attempt()).toEqual({
          ok: false,
          reason: "not-found",
          message: "Page not found",
        });
      expect(await getForEdit(intruder, id)).toBeNull();
    }
    expect(await fingerprint(id)).toBe(before);

    const refusals = await sql<{ actor_user_id: number; command: string }[]>`
      select actor_user_id, after->>'command' as command from audit_events
      where id > ${auditBefore}::bigint and action = 'arrangement.access_refused'
        and entity_id = ${String(id)} order by id`;
    expect(refusals).toHaveLength(10);
    expect(
      new Set(refusals.filter((r) => r.actor_user_id === somersetEditor.id).map((r) => r.command)),
    ).toEqual(new Set(["save", "submit", "withdraw", "delete-draft", "discard-changes"]));

    // Ids that do not exist answer the same way.
    expect(
      await submitForReview(
        somersetEditor,
        { declared: true, arrangementId: 2_000_000_000 },
        request,
      ),
    ).toEqual({
      ok: false,
      reason: "not-found",
      message: "Page not found",
    });
  });

  it("administrators cannot create arrangements in the workspace", async () => {
    const result = await saveDraft(admin, { idempotencyKey: key(), values: form() }, request);
    expect(result).toMatchObject({ ok: false, reason: "not-found" });
  });
});

/* Queries ------------------------------------------------------------------------------------------- */

describe("workspace queries", () => {
  it("groups the organisation's arrangements by state with counts, and lists partner arrangements", async () => {
    const draft = await create(somersetEditor, form({ partners: [DEVON] }));
    const sub = await submitted(somersetEditor);
    const pub = await published(somersetEditor);
    const pending = await published(somersetEditor);
    expectOk(
      await saveOver(
        somersetEditor,
        pending.arrangementId,
        await lockVersion(pending.arrangementId),
        form({ title: "Pending change", partners: [DEVON] }),
      ),
    );
    const rej = await submitted(somersetEditor);
    await reject(rej.arrangementId, "Say which councils are involved.");

    const ws = await listWorkspace(somersetEditor);
    expect(ws).not.toBeNull();
    const ids = (group: keyof NonNullable<typeof ws>["groups"]) =>
      ws!.groups[group].map((i) => i.arrangementId);
    expect(ids("drafts")).toContain(draft.arrangementId);
    expect(ids("submitted")).toContain(sub.arrangementId);
    expect(ids("published")).toContain(pub.arrangementId);
    expect(ids("pending")).toContain(pending.arrangementId);
    expect(ids("rejected")).toContain(rej.arrangementId);
    expect(ws!.groups.rejected.find((i) => i.arrangementId === rej.arrangementId)!.reviewNote).toBe(
      "Say which councils are involved.",
    );
    const p = ws!.groups.pending.find((i) => i.arrangementId === pending.arrangementId)!;
    expect(p).toMatchObject({
      title: "Pending change",
      status: "published-draft",
      isPublished: true,
    });
    expect(p.publishedTitle).not.toBe("Pending change");
    const c = ws!.counts;
    expect(c.total).toBe(c.drafts + c.submitted + c.published + c.pending + c.rejected);
    expect(c.drafts).toBe(ws!.groups.drafts.length);
    // Nothing of Devon's own leaks into Somerset's groups.
    const devonOwn = await create(devonEditor);
    expect((await listWorkspace(somersetEditor))!.counts.total).toBe(c.total);
    expect(ids("drafts")).not.toContain(devonOwn.arrangementId);

    // Devon is a partner in Somerset's published ones (published content only), not in drafts.
    const devonWs = await listWorkspace(devonEditor);
    const partnerIds = devonWs!.partnerOf.map((a) => a.arrangementId);
    expect(partnerIds).not.toContain(draft.arrangementId);
    const somersetPub = devonWs!.partnerOf.find((a) => a.arrangementId === pending.arrangementId);
    expect(somersetPub?.title).not.toBe("Pending change");

    expect(await listWorkspace(admin)).toBeNull();
  });

  it("offers the organisations operating on a date as partners", async () => {
    const in2020 = await partnerOptions("2020-04-01");
    const in2024 = await partnerOptions("2024-04-01");
    expect(in2020.some((o) => o.code === SOMERSET)).toBe(true);
    expect(in2024.some((o) => o.code === SOMERSET)).toBe(false);
    expect(in2020.length).toBeGreaterThan(300);
  });
});
