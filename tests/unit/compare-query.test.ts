import { describe, expect, it } from "vitest";
import { compareHref, parseCompareQuery } from "@/lib/councils/compare-query";

/*
 * The compare page's question from its address: the shareable comma form, and what the picker's
 * GET form sends without JavaScript (repeated councils, add, remove).
 */

const parse = (query: string) => parseCompareQuery(new URLSearchParams(query));

describe("the compare page's question", () => {
  it("reads codes comma-separated or repeated, in order, upper case, each once", () => {
    expect(parse("councils=E10000008,e07000040, E09000005").codes).toEqual([
      "E10000008",
      "E07000040",
      "E09000005",
    ]);
    expect(parse("councils=E10000008&councils=E07000040&councils=E10000008").codes).toEqual([
      "E10000008",
      "E07000040",
    ]);
  });

  it("adds the council chosen, and removes the one whose button was pressed (adding nothing)", () => {
    expect(parse("councils=E10000008&councils=E07000040&add=E09000005").codes).toEqual([
      "E10000008",
      "E07000040",
      "E09000005",
    ]);
    expect(
      parse("councils=E10000008&councils=E07000040&add=E09000005&remove=E10000008").codes,
    ).toEqual(["E07000040"]);
    expect(parse("councils=E10000008&add=").codes).toEqual(["E10000008"]);
  });

  it("keeps what is not a code aside, to say so, and knows a first visit from an empty question", () => {
    const q = parse("councils=E10000008,devon,E1000000,<script>");
    expect(q.codes).toEqual(["E10000008"]);
    expect(q.malformed).toEqual(["devon", "E1000000", "<script>"]);
    expect(parse("").asked).toBe(false);
    expect(parse("councils=").asked).toBe(true);
    expect(parse("councils=,,").codes).toEqual([]);
  });

  it("writes the shareable address with readable commas", () => {
    expect(compareHref(["E10000008", "E07000040"])).toBe("/compare?councils=E10000008,E07000040");
    expect(compareHref([])).toBe("/compare");
    const back = parseCompareQuery(
      new URL(compareHref(["E10000008", "E07000040"]), "http://x").searchParams,
    );
    expect(back.codes).toEqual(["E10000008", "E07000040"]);
  });
});
