import { describe, expect, it } from "vitest";
import {
  classIndex,
  defaultMapOptions,
  MAP_CLASSES,
  mapDay,
  mapYears,
  mapOptionsToParams,
  parseMapOptions,
} from "@/lib/councils/map-options";
import { canonicalQuery, cachedPageFor } from "@/lib/public-routes";
import { parsePartnerQuery } from "@/lib/partners/query";

/* What the map and the partner finder read from their URLs, and the map's stated classes. */

const q = (text: string) => new URLSearchParams(text);

describe("map options", () => {
  it("default to this year's lower-tier boundary map of arrangements, read today", () => {
    const previous = process.env.APP_TODAY;
    process.env.APP_TODAY = "2027-02-03";
    try {
      expect(parseMapOptions(q(""))).toEqual({ options: defaultMapOptions(), errors: {} });
      expect(defaultMapOptions()).toEqual({
        year: 2027,
        tier: "lower",
        view: "boundaries",
        measure: "arrangements",
      });
      expect(mapDay(2027)).toBe("2027-02-03");
      // An earlier year is read on 1 April, when reorganisations vest.
      expect(mapDay(2019)).toBe("2019-04-01");
      expect(mapYears().slice(0, 3)).toEqual([2027, 2026, 2025]);
      expect(parseMapOptions(q("year=2028")).errors.year).toBe("Choose a year from 2014 to 2027");
    } finally {
      if (previous === undefined) delete process.env.APP_TODAY;
      else process.env.APP_TODAY = previous;
    }
  });

  it("read every option and write them back, leaving defaults out", () => {
    const parsed = parseMapOptions(q("year=2018&tier=upper&view=hex&measure=savings"));
    expect(parsed.errors).toEqual({});
    expect(parsed.options).toEqual({ year: 2018, tier: "upper", view: "hex", measure: "savings" });
    expect(mapOptionsToParams(parsed.options).toString()).toBe(
      "year=2018&tier=upper&view=hex&measure=savings",
    );
    expect(mapOptionsToParams(defaultMapOptions()).toString()).toBe("");
  });

  it("name each bad option and fall back to its default", () => {
    const parsed = parseMapOptions(q("year=1999&tier=middle&view=hex&measure=savings&year=2018"));
    expect(parsed.options).toEqual({ ...defaultMapOptions(), view: "hex", measure: "savings" });
    expect(parsed.errors).toEqual({ year: "Choose one year", tier: expect.stringMatching(/tier/) });
    expect(parseMapOptions(q("year=1999")).errors.year).toBe(
      `Choose a year from 2014 to ${mapYears()[0]}`,
    );
    expect(parseMapOptions(q("year=twenty")).errors.year).toMatch(/like 2018/);
  });

  it("are the parameters the proxy keeps for /map", () => {
    const page = cachedPageFor("/map")!;
    expect(canonicalQuery(page, q("measure=savings&utm=x&view=hex&year=2018&tier=upper"))).toBe(
      "year=2018&tier=upper&view=hex&measure=savings",
    );
  });
});

describe("map classes", () => {
  it("put arrangement counts in the stated classes", () => {
    const of = (n: number) => classIndex("arrangements", { arrangements: n, totalPence: 0n });
    expect([0, 1, 2, 3, 4, 5, 6, 7, 40].map(of)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(MAP_CLASSES.arrangements.map((c) => c.label)).toEqual([
      "None",
      "1 or 2",
      "3 or 4",
      "5 or 6",
      "7 or more",
    ]);
  });

  it("put savings in the stated classes, to the penny at each edge", () => {
    const of = (pence: bigint) => classIndex("savings", { arrangements: 1, totalPence: pence });
    const m = 100_000_000n;
    expect([0n, 1n, m - 1n, m, 5n * m - 1n, 5n * m, 15n * m - 1n, 15n * m].map(of)).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4,
    ]);
  });
});

describe("partner finder question", () => {
  it("is not asked until the form is sent", () => {
    expect(parsePartnerQuery(q(""))).toEqual({ errors: {}, asked: false, page: 1 });
  });

  it("reads a council code and a category", () => {
    expect(parsePartnerQuery(q("council=e09000005&category=legal"))).toEqual({
      council: "E09000005",
      category: "legal",
      errors: {},
      asked: true,
      page: 1,
    });
  });

  it("reads the page of results, refusing what is not a page number", () => {
    expect(parsePartnerQuery(q("council=E09000005&category=legal&page=3")).page).toBe(3);
    for (const [page, message] of [
      ["0", "The page must be a whole number from 1"],
      ["-2", "The page must be a whole number from 1"],
      ["2.5", "The page must be a whole number from 1"],
      ["lots", "The page must be a whole number from 1"],
      ["20000", "The page must be 10000 or less"],
    ]) {
      const parsed = parsePartnerQuery(q(`council=E09000005&category=legal&page=${page}`));
      expect(parsed.errors, page).toEqual({ page: message });
      expect(parsed.page).toBe(1);
    }
    expect(parsePartnerQuery(q("council=E09000005&category=legal&page=1&page=2")).errors).toEqual({
      page: "Give one page number",
    });
  });

  it("says what is missing or wrong, field by field", () => {
    expect(parsePartnerQuery(q("council=E09000005")).errors).toEqual({
      category: "Choose the service you want to share",
    });
    expect(parsePartnerQuery(q("category=legal")).errors).toEqual({
      council: "Choose your council",
    });
    expect(parsePartnerQuery(q("council=<script>&category=astrology")).errors).toEqual({
      council: "Choose a council from the list",
      category: "Choose a service from the list",
    });
    expect(
      parsePartnerQuery(q("council=E09000005&council=E09000015&category=legal")).errors,
    ).toEqual({
      council: "Choose one council",
    });
  });
});
