// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { saveDraft, submitForReview } from "@/lib/arrangements/commands";
import { parseImportCsv } from "@/lib/arrangements/import";
import type { ArrangementFormValues } from "@/lib/arrangements/schema";
import { testDatabase } from "../support/db";

/*
 * Nobody is a partner outside their lifetime (issue 12, item 5): saving, submitting and
 * importing refuse an organisation — partner or lead — that did not exist when the arrangement
 * started, naming it and its dates; a council that ceased while the arrangement ran stays.
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
const request = { requestId: `lifetime-test-${run}` };

const DEVON = "E10000008";
const SOMERSET_COUNTY = "E10000027"; // ended 31 March 2023
const SOMERSET_COUNCIL = "E06000066"; // from 1 April 2023
const ICB = "E54000007"; // NHS Greater Manchester Integrated Care Board, from 1 July 2022

let n = 0;
let devonEditor: CurrentUser;
let somersetCouncilEditor: CurrentUser;

async function makeEditor(code: string): Promise<CurrentUser> {
  n += 1;
  const email = `lifetime-${n}.${run}@test.example.org`;
  const [row] = await sql<{ id: number; organisationId: number }[]>`
    insert into users (email, name, role, organisation_id, status)
    select ${email}, 'Lifetime tester', 'council_editor', id, 'active' from organisations
    where code = ${code} returning id, organisation_id as "organisationId"`;
  const { id, organisationId } = row!;
  return {
    id,
    email,
    name: "Lifetime tester",
    role: "council_editor",
    organisationId,
    sessionId: `none-${id}`,
  };
}

function form(overrides: Partial<ArrangementFormValues> = {}): ArrangementFormValues {
  n += 1;
  return {
    title: `Lifetime check ${run} ${n}`,
    description: "A shared team.",
    mainCategory: "legal",
    furtherCategories: [],
    stage: "operational",
    startDate: "2017-04-01",
    endDate: "",
    partners: [SOMERSET_COUNTY],
    savingsYear: ["2017"],
    savingsAmount: ["1000"],
    savingsKind: ["actual"],
    noSavingsReason: "",
    benefits: [],
    contactName: "",
    contactEmail: "",
    ...overrides,
  };
}

async function save(user: CurrentUser, overrides: Partial<ArrangementFormValues>) {
  return saveDraft(user, { idempotencyKey: randomUUID(), values: form(overrides) }, request);
}

async function refusal(user: CurrentUser, overrides: Partial<ArrangementFormValues>) {
  const result = await save(user, overrides);
  if (result.ok || result.reason !== "invalid") throw new Error(JSON.stringify(result));
  return result.errors;
}

beforeAll(async () => {
  devonEditor = await makeEditor(DEVON);
  somersetCouncilEditor = await makeEditor(SOMERSET_COUNCIL);
});

afterAll(async () => {
  await sql`delete from arrangements where created_by_id in (
              select id from users where email like ${`%.${run}@test.example.org`})`;
  await sql`update users set status = 'disabled' where email like ${`%.${run}@test.example.org`}`;
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

describe("saving a revision", () => {
  it("refuses an Integrated Care Board on an arrangement that started before July 2022", async () => {
    const errors = await refusal(devonEditor, { startDate: "2015-04-01", partners: [ICB] });
    expect(errors.partners).toBe(
      "NHS Greater Manchester Integrated Care Board existed from 1 July 2022, so it did not exist when this arrangement started on 1 April 2015. Name the body that existed then (the register follows it to its successors), or correct the start date",
    );
  });

  it("accepts the same board once the arrangement starts after it was formed", async () => {
    const result = await save(devonEditor, { startDate: "2022-07-01", partners: [ICB] });
    expect(result.ok).toBe(true);
  });

  it("keeps a council that ceased while the arrangement ran, for the years it existed", async () => {
    const result = await save(devonEditor, {
      stage: "ended",
      startDate: "2017-04-01",
      endDate: "2025-03-31",
      partners: [SOMERSET_COUNTY],
    });
    expect(result.ok).toBe(true);
  });

  it("refuses a council that had ceased before the start, and one that has ceased on a planned arrangement", async () => {
    const late = await refusal(devonEditor, { startDate: "2023-04-01" });
    expect(late.partners).toBe(
      "Somerset County Council existed until 31 March 2023, so it had ceased before this arrangement started on 1 April 2023. Name the council that took over from it, or correct the start date",
    );
    const planned = await refusal(devonEditor, {
      stage: "planned",
      startDate: "",
      savingsYear: [],
      savingsAmount: [],
      savingsKind: [],
      noSavingsReason: "Not yet known",
    });
    expect(planned.partners).toBe(
      "Somerset County Council existed until 31 March 2023: it cannot take part in a planned arrangement. Name the council that took over from it",
    );
  });

  it("refuses a lead that did not exist when the arrangement started", async () => {
    const errors = await refusal(somersetCouncilEditor, {
      startDate: "2020-04-01",
      partners: [DEVON],
    });
    expect(errors.startDate).toMatch(
      /^Somerset Council existed from 1 April 2023, so it did not exist when this arrangement started on 1 April 2020\./,
    );
    expect(errors.partners).toBeUndefined();
  });
});

describe("submitting a revision", () => {
  it("checks the draft's organisations again, as they stand now", async () => {
    const saved = await save(devonEditor, { startDate: "2016-04-01" });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    // A board added to the draft some other way (an older draft, a data fix) is still refused.
    await sql`insert into revision_partners (revision_id, organisation_id, role)
              select ${saved.revisionId}, id, 'partner' from organisations where code = ${ICB}`;
    const result = await submitForReview(
      devonEditor,
      { declared: true, arrangementId: saved.arrangementId },
      request,
    );
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      message: expect.stringMatching(
        /^NHS Greater Manchester Integrated Care Board existed from 1 July 2022, so it did not exist when this arrangement started on 1 April 2016/,
      ) as unknown as string,
    });
    const [row] = await sql<{ state: string }[]>`
      select state from arrangement_revisions where id = ${saved.revisionId}`;
    expect(row!.state).toBe("draft");
  });
});

describe("importing rows", () => {
  const HEAD = "title,description,main_category,stage,start_date,partners,no_savings_reason";
  const file = (...rows: string[]) =>
    new TextEncoder().encode([HEAD, ...rows].join("\r\n") + "\r\n");

  it("reports the row and the column of an organisation outside its lifetime", async () => {
    const devon = await parseImportCsv(
      file(
        `Good ${run},Desc,legal,operational,2017-04-01,${SOMERSET_COUNTY},None yet`,
        `Board too early ${run},Desc,legal,operational,2015-04-01,${ICB},None yet`,
      ),
      devonEditor,
    );
    expect(devon.rows.map((r) => ({ row: r.rowNumber, errors: r.errors }))).toEqual([
      { row: 2, errors: [] },
      {
        row: 3,
        errors: [
          {
            column: "partners",
            message: expect.stringMatching(
              /^NHS Greater Manchester Integrated Care Board existed from 1 July 2022, so it did not exist/,
            ) as unknown as string,
          },
        ],
      },
    ]);
    const somerset = await parseImportCsv(
      file(`Lead too early ${run},Desc,legal,operational,2019-04-01,${DEVON},None yet`),
      somersetCouncilEditor,
    );
    expect(somerset.rows[0]!.errors).toEqual([
      {
        column: "start_date",
        message: expect.stringMatching(
          /^Somerset Council existed from 1 April 2023, so it did not exist when this arrangement started on 1 April 2019/,
        ) as unknown as string,
      },
    ]);
  });
});
