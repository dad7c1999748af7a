import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  BOM,
  csvDocument,
  csvRows,
  csvStream,
  neutraliseFormula,
  type CsvRow,
} from "@/lib/csv/writer";

/*
 * The one CSV writer (lib/csv/writer.ts): the formula guard, numbers left numeric, RFC 4180
 * quoting read back by csv-parse, and the streamed form equal to the in-memory one.
 */

const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

const readBack = (text: string) => parse(text, { bom: true }) as string[][];

describe("the formula guard", () => {
  it.each(FORMULA_STARTS.map((c) => [JSON.stringify(c), c]))(
    "a text cell starting with %s gets a leading apostrophe",
    (_label, start) => {
      const payload = `${start}HYPERLINK("http://evil.example","x")`;
      expect(neutraliseFormula(payload)).toBe(`'${payload}`);
      const [row] = readBack(csvRows([[payload, "after"]]));
      expect(row).toEqual([`'${payload}`, "after"]);
    },
  );

  it("leaves other text alone, including those characters later in the cell", () => {
    for (const text of ["Devon County Council", "a=b", "x+y", " =1+1", "'quoted", "", "ümlaut"])
      expect(neutraliseFormula(text)).toBe(text);
  });

  it("never prefixes numbers, and keeps negative numbers a reader can parse", () => {
    const line = csvRows([[-5, -12345678901234567890n, 0, 3.5, "-1250.50", "-7", "+3", true]]);
    expect(line).toBe("-5,-12345678901234567890,0,3.5,-1250.50,-7,+3,true\r\n");
    const [row] = readBack(line);
    expect(Number(row![0])).toBe(-5);
    expect(BigInt(row![1]!)).toBe(-12345678901234567890n);
    expect(Number(row![4])).toBe(-1250.5);
  });

  it("still guards text that only starts like a number", () => {
    for (const text of ["-5+cmd|' /C calc'!A0", "+44 20 7946 0000", "-1e5", "-", "@SUM(A1)"])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
});

describe("the format", () => {
  it("writes a document: BOM, header, CRLF after every row, empty cells for nothing", () => {
    const text = csvDocument(
      ["name", "pence", "note"],
      [
        ["Devon", 100n, null],
        ["Somerset", 0, undefined],
      ],
    );
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}name,pence,note\r\nDevon,100,\r\nSomerset,0,\r\n`);
  });

  it("quotes commas, quotes and line breaks so a reader gets them back exactly", () => {
    const awkward = ['He said "share", then left', "line one\nline two", "a,b;c", "  padded  "];
    expect(readBack(csvRows([awkward]))).toEqual([awkward]);
  });

  it("writes nothing for no rows", () => {
    expect(csvRows([])).toBe("");
  });
});

describe("the streamed form", () => {
  async function* batches(all: CsvRow[][]) {
    for (const batch of all) yield batch;
  }

  it("gives the same bytes as the document, whatever the batches", async () => {
    const rows: CsvRow[] = Array.from({ length: 7 }, (_, i) => [`=row ${i}`, i, BigInt(i) * 100n]);
    const streamed = csvStream(
      ["text", "n", "pence"],
      batches([rows.slice(0, 3), [], rows.slice(3)]),
      (row: CsvRow) => row,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await new Response(streamed).arrayBuffer(),
    );
    expect(text).toBe(csvDocument(["text", "n", "pence"], rows));
    expect(readBack(text)[1]).toEqual(["'=row 0", "0", "0"]);
  });

  it("ends the batches' generator when the reader cancels", async () => {
    let finished = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) yield [[i]] as CsvRow[];
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(["n"], endless(), (row: CsvRow) => row).getReader();
    await reader.read(); // header
    await reader.read(); // first batch
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
