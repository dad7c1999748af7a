// The import reads the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/access";
import {
  IMPORT_TOKEN_TTL_MS,
  importTemplateCsv,
  importValidRows,
  openImport,
  parseImportCsv,
  signImport,
  type ImportRow,
} from "@/lib/arrangements/import";
import { closeDatabases, testDatabase } from "../support/db";

/*
 * CSV bulk import against the real database: file checks, row validation with exact errors,
 * the signed preview token, and the all-or-nothing import of valid rows as drafts.
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
const request = { requestId: `import-test-${run}` };

const DEVON = "E10000008";
const SOMERSET = "E10000027"; // ended 2023: partners below start before then
const SOMERSET_NOW = "E06000066"; // Somerset Council, from 2023: planned (undated) rows name it
const TORBAY = "E06000027";

let devonId: number;
let torbayName: string;
let editor: CurrentUser;
let otherEditor: CurrentUser;
let n = 0;

async function makeEditor(organisationId: number): Promise<CurrentUser> {
  n += 1;
  const email = `import-editor-${n}.${run}@test.example.org`;
  const name = `Import tester ${n}`;
  const [row] = await sql<{ id: number }[]>`
    insert into users (email, name, role, organisation_id, status)
    values (${email}, ${name}, 'council_editor', ${organisationId}, 'active') returning id`;
  return {
    id: row!.id,
    email,
    name,
    role: "council_editor",
    organisationId,
    sessionId: `none-${row!.id}`,
  };
}

const enc = (text: string) => new TextEncoder().encode(text);

const HEAD =
  "title,description,main_category,further_categories,stage,start_date,end_date,partners,savings_2017_18,savings_2018_19,savings_2018,no_savings_reason,benefits,contact_name,contact_email";

function file(...rows: string[]): Uint8Array {
  return enc([HEAD, ...rows].join("\r\n") + "\r\n");
}

async function countOwn(user: CurrentUser): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from arrangements where created_by_id = ${user.id}`;
  return row!.count;
}

async function auditCount(user: CurrentUser): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from audit_events where actor_user_id = ${user.id}`;
  return row!.count;
}

const errorsOf = (rows: ImportRow[]) =>
  rows.flatMap((r) => r.errors.map((e) => ({ row: r.rowNumber, ...e })));

beforeAll(async () => {
  const orgs = await sql<{ id: number; code: string; name: string }[]>`
    select id, code, name from organisations where code in (${DEVON}, ${TORBAY})`;
  devonId = orgs.find((o) => o.code === DEVON)!.id;
  torbayName = orgs.find((o) => o.code === TORBAY)!.name;
  editor = await makeEditor(devonId);
  otherEditor = await makeEditor(devonId);
});

afterAll(async () => {
  await sql`update users set status = 'disabled' where email like ${`%.${run}@test.example.org`}`;
  await closeDatabases(sql);
});

const GOOD_1 = `Shared legal team ${run},One legal team for both councils,legal,,operational,2017-04-01,,${SOMERSET},"actual: 1,250,000","forecast: £300,000.50",,,resilience,Jo Bloggs,jo@example.gov.uk`;
const goodByName = () =>
  `Shared ICT ${run},Joint ICT service,ict,legal;hr-and-payroll,planned,,,"${torbayName.toUpperCase()}; ${SOMERSET_NOW.toLowerCase()}",,,,Too early to say,,,`;

describe("reading a file", () => {
  it("reports exactly the expected errors: bad amounts, unknown partners, a missing title, duplicate years", async () => {
    const result = await parseImportCsv(
      file(
        GOOD_1,
        goodByName(),
        `Bad amounts ${run},Desc,legal,,operational,2017-04-01,,${SOMERSET},"actual: 12,50",actual: lots,,,,,`,
        `Unknown partner ${run},Desc,legal,,operational,2017-04-01,,"${SOMERSET}; E99999999; Nowhere Council",actual: 100,,,,,,`,
        `,Desc,legal,,operational,2017-04-01,,${SOMERSET},actual: 100,,,,,,`,
        `Duplicate years ${run},Desc,legal,,operational,2017-04-01,,${SOMERSET},,actual: 100,forecast: 200,,,,`,
        `Bare amount ${run},Desc,legal,,operational,2017-04-01,,${SOMERSET},"1,000",,,,,,`,
        ",,,,,,,,,,,,,,", // a blank spreadsheet row: skipped, not an error
      ),
      editor,
    );
    expect(result.fileError).toBeNull();
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(result.validCount).toBe(3);
    expect(result.errorCount).toBe(4);
    expect(errorsOf(result.rows)).toEqual([
      {
        row: 4,
        column: "savings_2017_18",
        message: "Put commas between groups of three digits, like 1,250,000, or leave them out",
      },
      {
        row: 4,
        column: "savings_2018_19",
        message: "Enter an amount in pounds using numbers only, like 1,250,000 or 1250000.50",
      },
      {
        row: 5,
        column: "partners",
        message: "No organisation has the GSS code or name “E99999999”",
        unmatched: "E99999999",
      },
      {
        row: 5,
        column: "partners",
        message: "No organisation has the GSS code or name “Nowhere Council”",
        unmatched: "Nowhere Council",
      },
      { row: 6, column: "title", message: "Enter a title" },
      {
        row: 7,
        column: "savings_2018",
        message: "2018/19 is already listed: enter each year once",
      },
    ]);
    // A bare amount for a year that has ended is an actual saving.
    expect(result.rows[6]!.values.savingsKind).toEqual(["actual"]);
    // Partners by name and by code, any case, come out as organisation codes.
    expect(result.rows[1]!.values.partners).toEqual([TORBAY, SOMERSET_NOW]);
  });

  it("refuses the lead as a partner and a partner outside its lifetime", async () => {
    const result = await parseImportCsv(
      file(
        `Own org ${run},Desc,legal,,planned,,,"${DEVON}; ${SOMERSET}",,,,No savings yet,,,`,
        `Too late ${run},Desc,legal,,operational,2024-04-01,,${SOMERSET},actual: 5,,,,,,`,
      ),
      editor,
    );
    expect(errorsOf(result.rows)).toEqual([
      {
        row: 2,
        column: "partners",
        message: "Your own organisation is the lead: list only the other partners",
      },
      {
        // A planned arrangement (no start date yet) cannot name a council that has ceased.
        row: 2,
        column: "partners",
        message: expect.stringMatching(
          /^Somerset County Council existed .*until 31 March 2023: it cannot take part in a planned arrangement/,
        ),
      },
      {
        row: 3,
        column: "partners",
        message: expect.stringMatching(
          /^Somerset County Council existed .*until 31 March 2023, so it had ceased before this arrangement started on 1 April 2024/,
        ),
      },
    ]);
  });

  it("refuses a 6 MB file", async () => {
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x61);
    const result = await parseImportCsv(big, editor);
    expect(result.fileError).toBe(
      "The file must be 5 MB or smaller. This one is 6.0 MB: split it into smaller files.",
    );
    expect(result.rows).toEqual([]);
  });

  it("refuses a PNG renamed .csv, and text that is not UTF-8", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await parseImportCsv(png, editor)).fileError).toMatch(
      /^The selected file must be a CSV file\. This one looks like a PNG image\./,
    );
    const latin1 = new Uint8Array([...enc("title,description\r\nSavings "), 0xa3, 0x35]);
    expect((await parseImportCsv(latin1, editor)).fileError).toMatch(/must be saved as UTF-8/);
  });

  it("refuses unknown headings and a file without headings", async () => {
    expect((await parseImportCsv(enc("title,colour\r\nA,blue\r\n"), editor)).fileError).toBe(
      "Unknown column heading: colour. Use the headings from the template.",
    );
    expect((await parseImportCsv(enc("A,B\r\n"), editor)).fileError).toMatch(
      /first row must be the column headings/,
    );
    expect((await parseImportCsv(enc(`${HEAD}\r\n`), editor)).fileError).toBe(
      "The file has no rows below the headings",
    );
  });

  it("handles a UTF-8 byte order mark", async () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...file(GOOD_1)]);
    const result = await parseImportCsv(withBom, editor);
    expect(result.fileError).toBeNull();
    expect(result.validCount).toBe(1);
    expect(result.rows[0]!.values.title).toBe(`Shared legal team ${run}`);
  });

  it("reads Excel quoting: commas, doubled quotes and line breaks inside quotes", async () => {
    const description = 'Legal, HR and ICT.\r\nHe said "we share everything", then left.';
    const excel = `"Legal, HR ""and"" ICT ${run}","${description.replaceAll('"', '""')}",legal,,operational,2017-04-01,,"${SOMERSET}",actual: 1,,,,,,`;
    const result = await parseImportCsv(file(excel, GOOD_1), editor);
    expect(errorsOf(result.rows)).toEqual([]);
    expect(result.rows[0]!.values.title).toBe(`Legal, HR "and" ICT ${run}`);
    expect(result.rows[0]!.values.description).toBe(description);
    // Row numbers are records, as a spreadsheet shows them, even after a multi-line cell.
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  it("reads its own template: one valid example row", async () => {
    const result = await parseImportCsv(enc(importTemplateCsv()), editor);
    expect(result.fileError).toBeNull();
    expect(errorsOf(result.rows)).toEqual([]);
    expect(result.validCount).toBe(1);
  });
});

describe("the signed preview", () => {
  it("comes back only untampered, unexpired and to the same user", async () => {
    const bytes = file(GOOD_1);
    const parsed = await parseImportCsv(bytes, editor);
    const token = signImport(editor, { bytes, name: "a.csv" }, parsed);
    const opened = openImport(token, editor)!;
    expect(opened.fileName).toBe("a.csv");
    expect(opened.validRows).toEqual([2]);
    expect(new TextDecoder().decode(opened.bytes)).toBe(new TextDecoder().decode(bytes));
    expect(openImport(token, otherEditor)).toBeNull();
    expect(openImport(`${token.slice(0, 10)}x${token.slice(11)}`, editor)).toBeNull();
    expect(openImport(token, editor, Date.now() + IMPORT_TOKEN_TTL_MS + 1000)).toBeNull();
  });
});

describe("importing", () => {
  it("a previewed then cancelled file writes nothing", async () => {
    const before = [await countOwn(editor), await auditCount(editor)];
    const bytes = file(GOOD_1, goodByName());
    const parsed = await parseImportCsv(bytes, editor);
    signImport(editor, { bytes, name: "cancel.csv" }, parsed);
    expect(parsed.validCount).toBe(2);
    // Cancel is a plain link back to the upload form: nothing else happens.
    expect([await countOwn(editor), await auditCount(editor)]).toEqual(before);
  });

  it("writes exactly the valid rows as drafts, with an audit event each and a summary", async () => {
    const user = await makeEditor(devonId);
    const parsed = await parseImportCsv(
      file(GOOD_1, `,Desc,legal,,planned,,,${SOMERSET_NOW},,,,Reason,,,`, goodByName()),
      user,
    );
    expect([parsed.validCount, parsed.errorCount]).toEqual([2, 1]);
    const importId = randomUUID();
    const result = await importValidRows(user, parsed.rows, request, {
      importId,
      fileName: "good.csv",
    });
    expect(result).toMatchObject({ ok: true, importId });
    if (!result.ok) throw new Error("import failed");
    expect(result.arrangementIds).toHaveLength(2);
    expect(result.message).toBe("2 arrangements were imported as drafts");

    const revisions = await sql<
      { arrangementId: number; lead: number; title: string; state: string; version: number }[]
    >`
      select a.id as "arrangementId", a.lead_organisation_id as lead, r.title, r.state, r.version
      from arrangements a join arrangement_revisions r on r.arrangement_id = a.id
      where a.created_by_id = ${user.id} order by a.id`;
    expect(revisions).toEqual([
      {
        arrangementId: result.arrangementIds[0],
        lead: devonId,
        title: `Shared legal team ${run}`,
        state: "draft",
        version: 1,
      },
      {
        arrangementId: result.arrangementIds[1],
        lead: devonId,
        title: `Shared ICT ${run}`,
        state: "draft",
        version: 1,
      },
    ]);
    const savings = await sql<{ year: number; pence: string; kind: string }[]>`
      select s.financial_year as year, s.amount_pence::text as pence, s.kind
      from revision_savings s join arrangement_revisions r on r.id = s.revision_id
      where r.arrangement_id = ${result.arrangementIds[0]!} order by s.financial_year`;
    expect(savings).toEqual([
      { year: 2017, pence: "125000000", kind: "actual" },
      { year: 2018, pence: "30000050", kind: "forecast" },
    ]);
    const partners = await sql<{ code: string; role: string }[]>`
      select o.code, p.role from revision_partners p
      join organisations o on o.id = p.organisation_id
      join arrangement_revisions r on r.id = p.revision_id
      where r.arrangement_id = ${result.arrangementIds[1]!} order by p.role, o.code`;
    expect(partners).toEqual([
      { code: DEVON, role: "lead" },
      { code: TORBAY, role: "partner" },
      { code: SOMERSET_NOW, role: "partner" },
    ]);

    const events = await sql<{ action: string; entityId: string; after: { rowNumber?: number } }[]>`
      select action, entity_id as "entityId", after from audit_events
      where actor_user_id = ${user.id} order by id`;
    expect(events.map((e) => [e.action, e.entityId, e.after.rowNumber])).toEqual([
      ["arrangement.created", String(result.arrangementIds[0]), 2],
      ["arrangement.created", String(result.arrangementIds[1]), 4],
      ["arrangement.imported", importId, undefined],
    ]);

    // The same import sent again (a double click) writes nothing more.
    const again = await importValidRows(user, parsed.rows, request, { importId });
    expect(again).toMatchObject({ ok: false, reason: "already-imported" });
    expect(await countOwn(user)).toBe(2);
  });

  it("gives rows with the same title their own slugs", async () => {
    const user = await makeEditor(devonId);
    const row = `Same title ${run},Desc,legal,,planned,,,${SOMERSET_NOW},,,,Reason,,,`;
    const parsed = await parseImportCsv(file(row, row, row), user);
    const result = await importValidRows(user, parsed.rows, request);
    expect(result.ok).toBe(true);
    const slugs = await sql<{ slug: string }[]>`
      select slug from arrangements where created_by_id = ${user.id} order by id`;
    const base = `same-title-${run.toLowerCase()}`;
    expect(slugs.map((s) => s.slug)).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it("validates again at import: a row that no longer passes means nothing is written", async () => {
    const user = await makeEditor(devonId);
    const parsed = await parseImportCsv(file(GOOD_1, goodByName()), user);
    // As if the rows had been altered (or the register changed) after the preview.
    const tampered = parsed.rows.map((r, i) =>
      i === 1 ? { ...r, values: { ...r.values, partners: ["E99999999"] } } : r,
    );
    const result = await importValidRows(user, tampered, request);
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      errors: [
        {
          rowNumber: 3,
          column: "partners",
          message: "No organisation has the GSS code or name “E99999999”",
        },
      ],
    });
    expect([await countOwn(user), await auditCount(user)]).toEqual([0, 0]);
  });

  it("rolls everything back when a row fails part-way through", async () => {
    const user = await makeEditor(devonId);
    const marker = `Explode ${run}`;
    await sql.unsafe(`
      create or replace function import_test_explode() returns trigger language plpgsql as $$
      begin
        if new.title like 'Explode %' then raise exception 'simulated failure'; end if;
        return new;
      end $$;
      create trigger import_test_explode before insert on arrangement_revisions
        for each row execute function import_test_explode();`);
    try {
      const parsed = await parseImportCsv(
        file(GOOD_1, `${marker},Desc,legal,,planned,,,${SOMERSET_NOW},,,,Reason,,,`, goodByName()),
        user,
      );
      expect(parsed.validCount).toBe(3);
      await expect(importValidRows(user, parsed.rows, request)).rejects.toThrow();
      expect([await countOwn(user), await auditCount(user)]).toEqual([0, 0]);
    } finally {
      await sql.unsafe(`
        drop trigger if exists import_test_explode on arrangement_revisions;
        drop function if exists import_test_explode();`);
    }
  });

  it("is for council editors only", async () => {
    const admin: CurrentUser = { ...editor, role: "admin", organisationId: null };
    expect((await parseImportCsv(file(GOOD_1), admin)).fileError).toBe(
      "Only council editors can import arrangements",
    );
    expect(await importValidRows(admin, [], request)).toMatchObject({
      ok: false,
      reason: "not-found",
    });
  });
});
