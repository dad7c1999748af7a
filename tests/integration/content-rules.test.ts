// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { sql as q } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDraft, submitForReview } from "@/lib/arrangements/commands";
import { parseImportCsv } from "@/lib/arrangements/import";
import { readRevisionContent } from "@/lib/arrangements/queries";
import { parseArrangementForm, revisionToFormValues } from "@/lib/arrangements/schema";
import { loadDirectory, resolvePartners } from "@/lib/arrangements/import/directory";
import { db as appDb, type Tx } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { createOrganisation } from "@/lib/organisations/commands";
import { inviteUser } from "@/lib/users/commands";
import { closeDatabases, Rollback, testDatabase } from "../support/db";
import { reviewFixtures, SOMERSET } from "../support/review";

/*
 * Issue 13, item 6, against the real database: what save, submit, the CSV import and the
 * administrators' commands store (NFC) and refuse (hidden characters, dates outside 1990 …
 * 20 years ahead), with nothing written when they refuse.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "ContentRules");
let editor: CurrentUser;
let admin: CurrentUser;

const RLO = "\u202e";
const ZWSP = "\u200b";

beforeAll(async () => {
  editor = await f.makeUser("council_editor");
  admin = await f.makeUser("admin");
});

afterAll(async () => {
  await f.cleanup();
  await closeDatabases(sql);
});

/** Runs `work` in a transaction of the app's own pool, then rolls everything back. */
async function rolledBack(work: (tx: Tx) => Promise<void>): Promise<void> {
  await expect(
    appDb().transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

async function arrangementsBy(user: CurrentUser): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from arrangements where created_by_id = ${user.id}`;
  return row!.count;
}

describe("saving and submitting", () => {
  it("stores a decomposed title composed (NFC)", async () => {
    const saved = await f.save(editor, f.form({ title: `Cafe\u0301 services ${f.run}` }));
    const [row] = await sql<{ title: string }[]>`
      select title from arrangement_revisions where id = ${saved.revisionId}`;
    expect(row!.title).toBe(`Café services ${f.run}`);
    expect(row!.title).toBe(row!.title.normalize("NFC"));
  });

  it("refuses a right-to-left override and a date in year 1, writing nothing", async () => {
    const before = await arrangementsBy(editor);
    const result = await saveDraft(
      editor,
      {
        idempotencyKey: randomUUID(),
        values: f.form({ title: `Shared ${RLO}secivres${f.run}`, startDate: "0001-01-01" }),
      },
      f.request,
    );
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      message: "There is a problem",
      errors: {
        title:
          "Title contains an invisible character (right-to-left override, U+202E) that can disguise text: delete it and type the text again",
        startDate: "Start date must be on or after 1 January 1990",
      },
    });
    expect(await arrangementsBy(editor)).toBe(before);
  });

  it("refuses to submit a draft stored before the rules, and leaves it a draft", async () => {
    const saved = await f.save(editor);
    // A draft written before the rules existed: a far-future end and a zero-width space.
    await sql`update arrangement_revisions
              set stage = 'ended', end_date = '9999-12-31', description = ${`One${ZWSP}team`}
              where id = ${saved.revisionId}`;
    const result = await submitForReview(
      editor,
      { declared: true, arrangementId: saved.arrangementId },
      f.request,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      message: "Edit the draft before submitting it for review:",
      errors: {
        description: expect.stringContaining("zero-width space, U+200B"),
        endDate: expect.stringMatching(
          /^End date must be on or before .* \(20 years from today\)$/,
        ),
      },
    });
    const [row] = await sql<{ state: string }[]>`
      select state from arrangement_revisions where id = ${saved.revisionId}`;
    expect(row!.state).toBe("draft");
  });
});

describe("the demo data", () => {
  // The three real arrangements are left out: the LGA never published their start dates.
  it("passes the form's rules in each illustrative arrangement's newest revision", async () => {
    const newest = await sql<{ id: number }[]>`
      select distinct on (r.arrangement_id) r.id from arrangement_revisions r
      join arrangements a on a.id = r.arrangement_id and a.is_illustrative
      order by r.arrangement_id, r.version desc`;
    expect(newest.length).toBeGreaterThan(900);
    const failures: Record<number, Record<string, string>> = {};
    for (const { id } of newest) {
      const stored = (await readRevisionContent(appDb(), id))!;
      const parsed = parseArrangementForm(revisionToFormValues(stored));
      if (!parsed.ok) failures[id] = parsed.errors;
    }
    expect(failures).toEqual({});
  });
});

describe("the CSV import", () => {
  const HEAD =
    "title,description,main_category,stage,start_date,end_date,partners,savings_2018_19,no_savings_reason";
  const csv = (...rows: string[]) => new TextEncoder().encode([HEAD, ...rows].join("\r\n"));

  it("reports hidden characters and out-of-range dates under their columns", async () => {
    const parsed = await parseImportCsv(
      csv(
        `Good ${f.run},A team,legal,operational,2017-04-01,,${SOMERSET},"actual: 1,000",`,
        `Bad${RLO} ${f.run},A team,legal,ended,1985-04-01,2099-01-01,${SOMERSET},"actual: 1,000",`,
        `Partner ${f.run},A team,legal,operational,2017-04-01,,Somerset${ZWSP} County Council,"actual: 1,000",`,
      ),
      editor,
    );
    expect(parsed.fileError).toBeNull();
    const byRow = Object.fromEntries(parsed.rows.map((r) => [r.rowNumber, r.errors]));
    expect(byRow[2]).toEqual([]);
    expect(byRow[3]).toEqual([
      {
        column: "title",
        message:
          "Title contains an invisible character (right-to-left override, U+202E) that can disguise text: delete it and type the text again",
      },
      { column: "start_date", message: "Start date must be on or after 1 January 1990" },
      {
        column: "end_date",
        message: expect.stringMatching(
          /^End date must be on or before .* \(20 years from today\)$/,
        ),
      },
    ]);
    expect(byRow[4]).toEqual([
      {
        column: "partners",
        message:
          "Partners contains an invisible character (zero-width space, U+200B) that can disguise text: delete it and type the text again",
      },
    ]);
  });

  it("finds a partner named with a combining accent (both sides NFC)", async () => {
    await rolledBack(async (tx) => {
      const made = await createOrganisation(
        admin,
        { kind: "other", name: `Région ${f.run}`, startDate: "1974-04-01" },
        f.request,
        { db: tx },
      );
      expect(made).toMatchObject({ ok: true });
      const directory = await loadDirectory(tx);
      const typed = `Re\u0301gion ${f.run}`;
      expect(typed).not.toBe(`Région ${f.run}`);
      const lead = editor.organisationId!;
      expect(resolvePartners([typed], "2017-04-01", directory, lead)).toEqual({
        codes: [made.ok ? made.code : "?"],
        errors: [],
      });
    });
  });
});

describe("administrators' names", () => {
  it("refuses an organisation or a person named with hidden characters", async () => {
    const org = await createOrganisation(
      admin,
      { kind: "other", name: `Partnership${RLO} ${f.run}`, startDate: "1850-01-01" },
      f.request,
    );
    expect(org).toMatchObject({
      ok: false,
      errors: {
        name: expect.stringContaining("right-to-left override, U+202E"),
        startDate: "Start date must be on or after 1 January 1900",
      },
    });
    const [count] = await sql<{ n: number }[]>`
      select count(*)::int as n from organisations where name like ${`%${f.run}%`}`;
    expect(count!.n).toBe(0);

    const person = await inviteUser(admin, f.request, {
      email: `zw-${f.run}@test.example.org`,
      name: `Jo${ZWSP}Bloggs`,
      role: "admin",
    });
    expect(person).toMatchObject({
      ok: false,
      errors: { name: expect.stringContaining("zero-width space, U+200B") },
    });
  });

  it("stores an organisation's name as NFC", async () => {
    await rolledBack(async (tx) => {
      const made = await createOrganisation(
        admin,
        { kind: "other", name: `Re\u0301gion ${f.run}`, startDate: "1974-04-01" },
        f.request,
        { db: tx },
      );
      expect(made).toMatchObject({ ok: true });
      const rows = await tx.execute<{ name: string }>(
        q`select name from organisations where name like ${`%${f.run}`}`,
      );
      expect(rows[0]!.name).toBe(`Région ${f.run}`);
    });
  });
});
