// The import reads the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/access";
import { submitAllForReview } from "@/lib/arrangements/commands";
import {
  importTemplateXlsx,
  importValidRows,
  nameKey,
  parseImportFile,
  readImportDate,
  templateHeadings,
  type ImportRow,
} from "@/lib/arrangements/import";
import { closeDatabases, testDatabase } from "../support/db";

/*
 * Spreadsheets in (issue 15, item 4) against the real database: the .xlsx reader's refusals
 * (size, rows, macros, a renamed binary, formulas it cannot trust), UK dates in CSV and in
 * workbooks, and partners matched by official name, short name, "X Council" and GSS codes.
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);

const DEVON = "E10000008";
const SOMERSET = "E10000027";
const EXETER = "E07000041";
const GATESHEAD = "E08000037"; // formerly E08000020

let editor: CurrentUser;

beforeAll(async () => {
  const [devon] = await sql<{ id: number }[]>`select id from organisations where code = ${DEVON}`;
  const email = `xlsx-editor.${run}@test.example.org`;
  const [row] = await sql<{ id: number }[]>`
    insert into users (email, name, role, organisation_id, status)
    values (${email}, 'Xlsx tester', 'council_editor', ${devon!.id}, 'active') returning id`;
  editor = {
    id: row!.id,
    email,
    name: "Xlsx tester",
    role: "council_editor",
    organisationId: devon!.id,
    sessionId: `none-${row!.id}`,
  };
});

afterAll(async () => {
  await sql`update users set status = 'disabled' where email like ${`%.${run}@test.example.org`}`;
  await closeDatabases(sql);
});

const HEADINGS = templateHeadings(new Date("2026-12-01T12:00:00Z"));
const errorsOf = (rows: ImportRow[]) =>
  rows.flatMap((r) =>
    r.errors.map((e) => ({ row: r.rowNumber, column: e.column, message: e.message })),
  );

type Cell = ExcelJS.CellValue;

/** A workbook with the template's headings and the given rows (heading → value). */
async function workbook(
  rows: Record<string, Cell>[],
  tweak?: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Arrangements");
  ws.addRow(HEADINGS);
  for (const row of rows) ws.addRow(HEADINGS.map((h) => row[h] ?? null));
  tweak?.(wb, ws);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const good = (title: string): Record<string, Cell> => ({
  title: `${title} ${run}`,
  description: "One team for both councils",
  main_category: "Legal",
  stage: "operational",
  start_date: new Date(Date.UTC(2017, 3, 1)),
  partners: SOMERSET,
  savings_2012_13: 125000,
  savings_2017_18: "actual: 1,250,000",
});

const read = (bytes: Uint8Array, fileName = "register.xlsx") =>
  parseImportFile(bytes, editor, { fileName });

describe("the .xlsx reader refuses", () => {
  it("a file over 5 MB", async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect((await read(big)).fileError).toBe(
      "The file must be 5 MB or smaller. This one is 6.0 MB: split it into smaller files.",
    );
  });

  it("a sheet of more than 10,000 rows", async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => ({ title: `Row ${i}` }));
    const result = await read(await workbook(rows));
    expect(result.fileError).toBe(
      "The sheet “Arrangements” has 10,001 rows below the headings: import at most 10,000 at a time",
    );
  });

  it("a workbook that unpacks past the limit (a zip bomb)", async () => {
    const zip = await JSZip.loadAsync(await workbook([good("Bomb")]));
    zip.file("xl/media/padding.bin", new Uint8Array(90 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024);
    expect((await read(bytes)).fileError).toMatch(
      /^The workbook is too large once unpacked \(more than 80\.0 MB\)/,
    );
  });

  it("a workbook with macros", async () => {
    const zip = await JSZip.loadAsync(await workbook([good("Macro")]));
    zip.file("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect((await read(bytes)).fileError).toBe(
      "The workbook contains macros, which are not accepted. In Excel choose File, Save As, and “Excel Workbook (.xlsx)” (not “Excel Macro-Enabled Workbook”), then upload that copy.",
    );
  });

  it("a renamed binary: a PDF, an old .xls, random bytes, a zip that is not a workbook", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj");
    expect((await read(pdf)).fileError).toBe(
      "The selected file is not an Excel workbook, although its name ends .xlsx: it looks like a PDF document. Open it in Excel and save it as “Excel Workbook (.xlsx)”, or upload a CSV file.",
    );
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await read(xls)).fileError).toMatch(
      /^The selected file is not an \.xlsx workbook: it looks like an old-style Excel \(\.xls\) file or a workbook protected by a password\./,
    );
    const noise = new Uint8Array(2000).map((_, i) => (i * 7919) % 251);
    expect((await read(noise)).fileError).toMatch(
      /^The selected file is not an Excel workbook, although its name ends \.xlsx: it is not a zip package as \.xlsx files are\./,
    );
    const other = new JSZip();
    other.file("readme.txt", "not a workbook");
    const zipped = await other.generateAsync({ type: "uint8array" });
    expect((await read(zipped)).fileError).toMatch(
      /^The selected file is a zip file but not an Excel workbook\./,
    );
    // A workbook named .csv is refused by the CSV reader, naming what it is.
    expect((await read(await workbook([good("Csv")]), "register.csv")).fileError).toMatch(
      /^The selected file must be a CSV file\. This one looks like an Excel workbook/,
    );
    // Deflated garbage where the workbook should be: damaged, said plainly.
    expect(deflateRawSync(Buffer.from("x")).byteLength).toBeGreaterThan(0);
  });
});

describe("formulas", () => {
  it("uses a saved result it can trust and refuses the others by row and column", async () => {
    const bytes = await workbook([
      { ...good("Trusted"), savings_2018_19: { formula: "1000*250", result: 250000 } },
      { ...good("No result"), savings_2018_19: { formula: "1000*250" } as Cell },
      { ...good("Volatile"), start_date: { formula: "TODAY()", result: new Date() } as Cell },
      { ...good("Other book"), savings_2019_20: { formula: "[1]Sheet1!A1", result: 5 } },
      { ...good("Error"), savings_2019_20: { formula: "1/0", result: { error: "#DIV/0!" } } },
    ] as Record<string, Cell>[]);
    const result = await read(bytes);
    expect(result.fileError).toBeNull();
    expect(result.rows[0]!.errors).toEqual([]);
    expect(result.rows[0]!.values.savingsAmount).toEqual(["125000", "1,250,000", "250000"]);
    const col = (h: string) => String.fromCharCode(65 + HEADINGS.indexOf(h));
    expect(errorsOf(result.rows)).toEqual([
      {
        row: 3,
        column: "savings_2018_19",
        message: `Cell ${col("savings_2018_19")}3 holds a formula with no saved result (the workbook was not saved by a program that calculates formulas): type the value instead`,
      },
      {
        row: 4,
        column: "start_date",
        message: `Cell F4 holds a formula whose result changes each time the workbook is opened (such as TODAY or INDIRECT): type the value instead`,
      },
      {
        row: 5,
        column: "savings_2019_20",
        message: `Cell ${col("savings_2019_20")}5 holds a formula that refers to another workbook, whose values may have changed: type the value instead`,
      },
      {
        row: 6,
        column: "savings_2019_20",
        message: `Cell ${col("savings_2019_20")}6 holds the error #DIV/0!: type the value instead`,
      },
    ]);
  });

  it("trusts no saved result in a workbook that asks to be recalculated when opened", async () => {
    const bytes = await workbook(
      [{ ...good("Stale"), savings_2018_19: { formula: "1000*250", result: 250000 } }],
      (wb) => {
        wb.calcProperties.fullCalcOnLoad = true;
      },
    );
    expect(errorsOf((await read(bytes)).rows)).toEqual([
      {
        row: 2,
        column: "savings_2018_19",
        message: expect.stringMatching(/asks Excel to recalculate every formula when it is opened/),
      },
    ]);
  });
});

describe("UK dates", () => {
  it("reads ISO, 01/04/2018 and 1 April 2018, and nothing ambiguous or unreal", () => {
    expect(readImportDate("2018-04-01")).toBe("2018-04-01");
    expect(readImportDate("01/04/2018")).toBe("2018-04-01");
    expect(readImportDate("1/4/2018")).toBe("2018-04-01");
    expect(readImportDate("1 April 2018")).toBe("2018-04-01");
    expect(readImportDate("1st Apr 2018")).toBe("2018-04-01");
    expect(readImportDate("30 Sept 2019")).toBe("2019-09-30");
    expect(readImportDate("31/02/2018")).toBeNull();
    expect(readImportDate("04/01/18")).toBeNull();
    expect(readImportDate("1 Ap 2018")).toBeNull();
  });

  it("in a CSV: each form imports as the same date; an unreal one is named by row and column", async () => {
    const lines = [
      HEADINGS.join(","),
      ...["01/04/2018", "1 April 2018", "2018-04-01", "31/02/2018"].map((date, i) =>
        HEADINGS.map((h) =>
          h === "start_date"
            ? date
            : h === "title"
              ? `Dated ${i} ${run}`
              : h === "savings_2018_19"
                ? "5000"
                : String(good("x")[h] ?? "").replace(/.*\s\d{2}:.*/, ""),
        )
          .map((v) => (v.includes(",") ? `"${v}"` : v))
          .join(","),
      ),
    ];
    const result = await parseImportFile(new TextEncoder().encode(lines.join("\r\n")), editor, {
      fileName: "dates.csv",
    });
    expect(result.rows.slice(0, 3).map((r) => [r.values.startDate, r.errors])).toEqual([
      ["2018-04-01", []],
      ["2018-04-01", []],
      ["2018-04-01", []],
    ]);
    expect(errorsOf(result.rows.slice(3))).toEqual([
      {
        row: 5,
        column: "start_date",
        message: "Enter a real date, like 01/04/2018, 1 April 2018 or 2018-04-01",
      },
    ]);
  });

  it("in a workbook: date cells and UK dates typed as text", async () => {
    const result = await read(
      await workbook([
        { ...good("Date cell"), start_date: new Date(Date.UTC(2018, 3, 1)) },
        { ...good("Date text"), start_date: "1 April 2018" },
      ]),
    );
    expect(result.rows.map((r) => [r.values.startDate, r.errors])).toEqual([
      ["2018-04-01", []],
      ["2018-04-01", []],
    ]);
  });
});

describe("partners by name", () => {
  it("matches the official name, the short name, “X Council” and current and former GSS codes", async () => {
    const entries = [
      "exeter city council",
      "Exeter",
      "Exeter Council",
      EXETER.toLowerCase(),
      "E08000020",
      "Gateshead",
    ];
    const result = await read(
      await workbook(entries.map((p, i) => ({ ...good(`Named ${i}`), partners: p }))),
    );
    expect(result.rows.map((r) => [r.values.partners, r.errors])).toEqual([
      [[EXETER], []],
      [[EXETER], []],
      [[EXETER], []],
      [[EXETER], []],
      [[GATESHEAD], []],
      [[GATESHEAD], []],
    ]);
  });

  it("resolves a short name shared by a council and its successor by the start date", async () => {
    const result = await read(
      await workbook([
        { ...good("Old Somerset"), partners: "Somerset", start_date: "01/04/2017" },
        { ...good("New Somerset"), partners: "Somerset", start_date: "1 April 2024" },
      ]),
    );
    expect(result.rows.map((r) => [r.values.partners, r.errors])).toEqual([
      [[SOMERSET], []],
      [["E06000066"], []],
    ]);
  });
});

describe("the Excel template", () => {
  it("has a savings column per year from 2012/13 to three years ahead, drop-downs from a sheet of names and categories, and reads back as one valid row", async () => {
    const bytes = await importTemplateXlsx(new Date("2026-12-01T12:00:00Z"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Arrangements", "Lists"]);
    const data = wb.getWorksheet("Arrangements")!;
    const headings = (data.getRow(1).values as string[]).slice(1);
    const savings = headings.filter((h) => h.startsWith("savings_"));
    expect(savings[0]).toBe("savings_2012_13");
    expect(savings.at(-1)).toBe("savings_2029_30");
    expect(savings).toHaveLength(18);

    const lists = wb.getWorksheet("Lists")!;
    const [orgCount] = await sql<{ n: number }[]>`select count(*)::int as n from organisations`;
    const names = lists.getColumn(4).values.slice(2);
    expect(names).toHaveLength(orgCount!.n);
    expect(names).toContain("Exeter City Council");
    expect(lists.getColumn(1).values.slice(2).filter(Boolean)).toContain("Legal");

    const validations = (
      data as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    const letter = (h: string) => String.fromCharCode(65 + headings.indexOf(h));
    expect(validations[`${letter("main_category")}10001`]!.formulae).toEqual(["Lists!$A$2:$A$21"]);
    expect(validations[`${letter("partners")}2`]!.formulae).toEqual([
      `Lists!$D$2:$D$${orgCount!.n + 1}`,
    ]);

    const result = await read(new Uint8Array(bytes));
    expect(errorsOf(result.rows)).toEqual([]);
    expect(result.validCount).toBe(1);
    expect(result.rows[0]!.values.startDate).toBe("2017-04-01");
  });
});

describe("a partner name not found", () => {
  it("gets suggestions by trigram similarity, and the officer's choice makes the row valid", async () => {
    const bytes = await workbook([
      { ...good("Misspelt"), partners: `${SOMERSET}; Exter City Counci` },
      { ...good("Misspelt again"), partners: "exter city counci" },
      { ...good("Nonsense"), partners: "Qqqq Zzzz" },
    ]);
    const preview = await read(bytes);
    expect(preview.unmatched).toHaveLength(1);
    const [exter] = preview.unmatched;
    expect(exter!.entry).toBe("Exter City Counci");
    expect(exter!.rows).toEqual([2, 3]);
    expect(exter!.options[0]).toEqual({
      code: EXETER,
      name: "Exeter City Council",
      label: `Exeter City Council (${EXETER})`,
    });
    // Never the lead (Devon), at most three.
    expect(exter!.options.length).toBeLessThanOrEqual(3);
    expect(exter!.options.map((o) => o.code)).not.toContain(DEVON);
    expect(errorsOf(preview.rows)).toEqual([
      {
        row: 2,
        column: "partners",
        message: expect.stringMatching(
          /^No organisation has the GSS code or name “Exter City Counci”\. Did you mean Exeter City Council( or .+)?\? Choose below\.$/,
        ),
      },
      { row: 3, column: "partners", message: expect.stringContaining("Did you mean") },
      {
        row: 4,
        column: "partners",
        message: "No organisation has the GSS code or name “Qqqq Zzzz”",
      },
    ]);
    expect(preview.matchableRows).toEqual([2, 3]);

    const matched = await parseImportFile(bytes, editor, {
      fileName: "register.xlsx",
      matches: new Map([[nameKey("Exter City Counci"), EXETER]]),
    });
    expect(matched.rows.map((r) => [r.values.partners, r.errors.length])).toEqual([
      [[SOMERSET, EXETER], 0],
      [[EXETER], 0],
      [[], 1],
    ]);
  });
});

describe("submit all", () => {
  it("submits each imported draft through the submit command, and refuses another council's as not found", async () => {
    const bytes = await workbook([good("Submit one"), good("Submit two")]);
    const parsed = await read(bytes);
    const imported = await importValidRows(editor, parsed.rows, { requestId: `xlsx-${run}` });
    if (!imported.ok) throw new Error(imported.message);
    const [other] = await sql<{ id: number }[]>`
      select a.id from arrangements a join organisations o on o.id = a.lead_organisation_id
      where o.code <> ${DEVON} limit 1`;
    const result = await submitAllForReview(
      editor,
      [...imported.arrangementIds, other!.id],
      { requestId: `xlsx-${run}` },
      true,
    );
    expect(result.submitted).toEqual(imported.arrangementIds);
    expect(result.refused).toEqual([
      { arrangementId: other!.id, title: `Arrangement ${other!.id}`, message: expect.any(String) },
    ]);
    const states = await sql<{ state: string; events: number }[]>`
      select r.state,
        (select count(*)::int from audit_events e where e.action = 'arrangement.submitted'
          and e.entity_id = r.arrangement_id::text and e.actor_user_id = ${editor.id}) as events
      from arrangement_revisions r where r.arrangement_id in ${sql(imported.arrangementIds)}`;
    expect(states).toEqual([
      { state: "submitted", events: 1 },
      { state: "submitted", events: 1 },
    ]);
    const [refusal] = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_events
      where action = 'arrangement.access_refused' and actor_user_id = ${editor.id}`;
    expect(refusal!.n).toBe(1);
    await sql`delete from arrangements where id in ${sql(imported.arrangementIds)}`;
  });
});
