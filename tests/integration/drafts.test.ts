// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/access";
import { saveDraft, submitForReview, type SavedDraft } from "@/lib/arrangements/commands";
import { getForEdit, listWorkspace } from "@/lib/arrangements/queries";
import { EMPTY_FORM_VALUES, type ArrangementFormValues } from "@/lib/arrangements/schema";
import type { CommandResult } from "@/lib/commands/result";
import { closeDatabases, removeRunArrangements, testDatabase } from "../support/db";

/*
 * Drafts save as they are (issue 15, item 1): "Save draft" keeps a half-finished form exactly
 * as typed (an empty title, no category, no stage, no partners, a half-typed email address)
 * and refuses only what cannot be stored; "Submit for review" runs every rule and names every
 * problem at once; whatever is past draft is complete, which the database also holds.
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
const request = { requestId: `drafts-test-${run}` };
const DEVON = "E10000008";
const SOMERSET = "E10000027";

let editor: CurrentUser;

beforeAll(async () => {
  const [devon] = await sql<{ id: number }[]>`select id from organisations where code = ${DEVON}`;
  const email = `drafts-editor.${run}@test.example.org`;
  const [row] = await sql<{ id: number }[]>`
    insert into users (email, name, role, organisation_id, status)
    values (${email}, 'Drafts tester', 'council_editor', ${devon!.id}, 'active') returning id`;
  editor = {
    id: row!.id,
    email,
    name: "Drafts tester",
    role: "council_editor",
    organisationId: devon!.id,
    sessionId: `none-${row!.id}`,
  };
});

afterAll(async () => {
  await removeRunArrangements(sql, run);
  await closeDatabases(sql);
});

/** Half-finished: no title, category, stage, partners or savings; an email half typed. */
const HALF_FINISHED: ArrangementFormValues = {
  ...EMPTY_FORM_VALUES,
  description: `A shared legal team, still being worked out (${run}).`,
  startDate: "2019-04-01",
  benefits: ["resilience"],
  contactName: "Jo Bloggs",
  contactEmail: "jo.bloggs@",
};

function save(values: Partial<ArrangementFormValues>, over?: SavedDraft) {
  return saveDraft(
    editor,
    {
      arrangementId: over?.arrangementId ?? null,
      baseVersion: over?.baseVersion ?? null,
      idempotencyKey: randomUUID(),
      values: { ...HALF_FINISHED, ...values },
    },
    request,
  );
}

function saved(result: CommandResult<SavedDraft>): SavedDraft {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe("saving a draft", () => {
  it("keeps a half-finished form with an empty title exactly as typed", async () => {
    const draft = saved(await save({}));
    const [row] = await sql<
      { title: string; main_category_id: number | null; stage: string | null; state: string }[]
    >`select title, main_category_id, stage, state from arrangement_revisions
      where id = ${draft.revisionId}`;
    expect(row).toEqual({ title: "", main_category_id: null, stage: null, state: "draft" });

    const edit = await getForEdit(editor, draft.arrangementId);
    // The form shows the start date as the GOV.UK date input's parts.
    expect(edit!.values).toEqual({
      ...HALF_FINISHED,
      startDateDay: "1",
      startDateMonth: "4",
      startDateYear: "2019",
      endDateDay: "",
      endDateMonth: "",
      endDateYear: "",
    });
  });

  it("keeps the savings grid as typed: years left blank are no saving, an actual for a year not ended waits for submission", async () => {
    const draft = saved(
      await save({
        // The grid sends every year with its default kind; only two have an amount.
        savingsYear: ["2018", "2019", "2029", "2030"],
        savingsAmount: ["", "£12,000", "", "5,000"],
        savingsKind: ["actual", "actual", "forecast", "actual"],
      }),
    );
    const edit = await getForEdit(editor, draft.arrangementId);
    expect(edit!.values).toMatchObject({
      savingsYear: ["2019", "2030"],
      savingsAmount: ["£12,000", "£5,000"],
      savingsKind: ["actual", "actual"],
    });
    const result = await submitForReview(
      editor,
      { declared: true, arrangementId: draft.arrangementId, baseVersion: draft.baseVersion },
      request,
    );
    if (result.ok || result.reason !== "invalid") throw new Error(JSON.stringify(result));
    expect(result.errors["savings.2030.kind"]).toBe(
      "Savings 2030/31: an actual saving can only be recorded for a year that has ended",
    );
    expect(Object.keys(result.errors).filter((k) => k.startsWith("savings."))).toEqual([
      "savings.2030.kind",
    ]);
  });

  it("keeps a reason for no savings typed beside savings, for submission to question", async () => {
    const draft = saved(
      await save({
        savingsYear: ["2019"],
        savingsAmount: ["£12,000"],
        savingsKind: ["actual"],
        noSavingsReason: "Not known yet",
      }),
    );
    const edit = await getForEdit(editor, draft.arrangementId);
    expect(edit!.values).toMatchObject({
      savingsYear: ["2019"],
      savingsAmount: ["£12,000"],
      noSavingsReason: "Not known yet",
    });
  });

  it("still refuses what cannot be stored: types, lengths and the content rules", async () => {
    const result = await save({
      title: "x".repeat(201),
      description: "Hidden\u200Bspace",
      mainCategory: "not-a-category",
      stage: "finished",
      startDate: "2019-02-30",
      partners: [SOMERSET, SOMERSET],
      savingsYear: ["2019"],
      savingsAmount: ["twelve pounds"],
      savingsKind: ["actual"],
    });
    expect(result).toMatchObject({ ok: false, reason: "invalid" });
    if (result.ok || result.reason !== "invalid") return;
    expect(result.errors).toEqual({
      title: "Title must be 200 characters or fewer",
      description: expect.stringContaining("zero-width space, U+200B"),
      mainCategory: "Select a service category from the list",
      stage: "Select whether the arrangement is planned, operational or ended",
      startDate: "Start date must be a real date, like 2017-04-01",
      partners: "Each partner organisation must be listed only once",
      "savings.2019.amount":
        "Savings 2019/20: enter an amount in pounds using numbers only, like 1,250,000 or 1250000.50",
    });
    // An end before the start cannot be stored either (a database CHECK).
    const backwards = await save({ startDate: "2019-04-01", endDate: "2018-03-31" });
    expect(backwards).toMatchObject({
      ok: false,
      errors: { endDate: "End date must be the same as or after the start date" },
    });
  });
});

describe("submitting a draft", () => {
  it("names every missing field at once and leaves it a draft", async () => {
    const draft = saved(await save({}));
    const result = await submitForReview(
      editor,
      { declared: true, arrangementId: draft.arrangementId, baseVersion: draft.baseVersion },
      request,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      message: "Edit the draft before submitting it for review:",
    });
    if (result.ok || result.reason !== "invalid") return;
    expect(result.errors).toEqual({
      title: "Enter a title",
      mainCategory: "Select the main service category",
      stage: "Select whether the arrangement is planned, operational or ended",
      partners: "Add at least one partner organisation besides your own",
      noSavingsReason: "Enter the savings for at least one year, or say why there are none",
      contactEmail: "Enter an email address in the correct format, like name@example.org",
    });
    const [row] = await sql<{ state: string }[]>`
      select state from arrangement_revisions where id = ${draft.revisionId}`;
    expect(row!.state).toBe("draft");
  });

  it("needs the declaration, and records it with the submission", async () => {
    const draft = saved(
      await save({
        title: `Declared legal team ${run}`,
        mainCategory: "legal",
        stage: "operational",
        partners: [SOMERSET],
        savingsYear: ["2019"],
        savingsAmount: ["£12,000"],
        savingsKind: ["actual"],
        contactEmail: "jo.bloggs@devon.example.org",
      }),
    );
    const undeclared = await submitForReview(
      editor,
      { declared: false, arrangementId: draft.arrangementId, baseVersion: draft.baseVersion },
      request,
    );
    expect(undeclared).toMatchObject({
      ok: false,
      reason: "invalid",
      errors: { declaration: "Confirm that these figures are accurate and may be published" },
    });
    const declared = await submitForReview(
      editor,
      { declared: true, arrangementId: draft.arrangementId, baseVersion: draft.baseVersion },
      request,
    );
    expect(declared).toMatchObject({ ok: true, status: "submitted" });
    const [row] = await sql<{ state: string; declared_by_id: number; declared: boolean }[]>`
      select state, declared_by_id, declared_at = submitted_at as declared
      from arrangement_revisions where id = ${draft.revisionId}`;
    expect(row).toEqual({ state: "submitted", declared_by_id: editor.id, declared: true });
  });

  it("accepts it once complete; the submitted revision is complete", async () => {
    const draft = saved(await save({}));
    const finished = saved(
      await save(
        {
          title: `Shared legal team ${run}`,
          mainCategory: "legal",
          stage: "operational",
          partners: [SOMERSET],
          savingsYear: ["2019"],
          savingsAmount: ["£12,000"],
          savingsKind: ["actual"],
          contactEmail: "jo.bloggs@devon.example.org",
        },
        draft,
      ),
    );
    const result = await submitForReview(
      editor,
      { declared: true, arrangementId: finished.arrangementId, baseVersion: finished.baseVersion },
      request,
    );
    expect(result).toMatchObject({ ok: true, status: "submitted" });
    const [row] = await sql<
      { title: string; category: string; stage: string; partners: number; savings: string }[]
    >`
      select r.title, c.slug as category, r.stage,
             (select count(*)::int from revision_partners p
               where p.revision_id = r.id and p.role = 'partner') as partners,
             r.total_pence::text as savings
      from arrangement_revisions r join service_categories c on c.id = r.main_category_id
      where r.id = ${finished.revisionId} and r.state = 'submitted'`;
    expect(row).toEqual({
      title: `Shared legal team ${run}`,
      category: "legal",
      stage: "operational",
      partners: 1,
      savings: "1200000",
    });

    // The database keeps anything past draft whole, whoever writes.
    for (const change of [
      () => sql`update arrangement_revisions set title = '' where id = ${finished.revisionId}`,
      () =>
        sql`update arrangement_revisions set main_category_id = null where id = ${finished.revisionId}`,
      () => sql`update arrangement_revisions set stage = null where id = ${finished.revisionId}`,
    ])
      await expect(change()).rejects.toMatchObject({
        code: "23514",
        constraint_name: "arrangement_revisions_complete_check",
      });
  });
});

describe("the workspace list", () => {
  it("says how complete each draft is, by the submission rules", async () => {
    const empty = saved(await save({}));
    const nearly = saved(
      await save({
        title: `Nearly done ${run}`,
        mainCategory: "legal",
        stage: "operational",
        contactEmail: "",
      }),
    );
    const items = (await listWorkspace(editor))!.groups.drafts;
    const of = (id: number) => items.find((i) => i.arrangementId === id)!.completeness;
    expect(of(empty.arrangementId)).toEqual({
      done: 1,
      total: 6,
      toDo: [
        "Title",
        "Service category",
        "Stage and dates",
        "Partners",
        "Savings",
        "Benefits and contact",
      ],
      ready: false,
    });
    expect(of(nearly.arrangementId)).toEqual({
      done: 4,
      total: 6,
      toDo: ["Partners", "Savings"],
      ready: false,
    });
  });
});
