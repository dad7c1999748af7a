import { describe, expect, it } from "vitest";
import {
  financialYearEnd,
  financialYearLabel,
  financialYearOf,
  financialYearStart,
  isUnconfirmedForecast,
  parseFinancialYearLabel,
} from "@/lib/financial-year";
import { formatLongDate } from "@/lib/format/dates";

describe("financialYearLabel", () => {
  it.each([
    [2016, "2016/17"],
    [2017, "2017/18"],
    [1999, "1999/00"],
    [2009, "2009/10"],
    [2000, "2000/01"],
    [2099, "2099/00"],
  ])("labels %i as %s", (year, label) => {
    expect(financialYearLabel(year)).toBe(label);
  });

  it("refuses a year that is not a whole number", () => {
    expect(() => financialYearLabel(2016.5)).toThrow(RangeError);
    expect(() => financialYearLabel(Number.NaN)).toThrow(RangeError);
  });
});

describe("financialYearStart and financialYearEnd", () => {
  it("runs from 1 April to 31 March of the next year", () => {
    expect(financialYearStart(2016)).toBe("2016-04-01");
    expect(financialYearEnd(2016)).toBe("2017-03-31");
    expect(financialYearEnd(2017)).toBe("2018-03-31");
    expect(financialYearEnd(1999)).toBe("2000-03-31");
  });
});

describe("financialYearOf", () => {
  it.each([
    ["2017-03-31", 2016],
    ["2017-04-01", 2017],
    ["2017-01-01", 2016],
    ["2017-12-31", 2017],
    ["2018-03-31", 2017],
    ["2000-02-29", 1999],
  ])("puts %s in the year starting %i", (date, year) => {
    expect(financialYearOf(date)).toBe(year);
  });

  it("reads a Date as the UK calendar day, not the UTC one", () => {
    // Midnight starting 1 April 2017 in British Summer Time is 23:00 on 31 March in UTC.
    expect(financialYearOf(new Date("2017-03-31T23:00:00Z"))).toBe(2017);
    // One second earlier it is 23:59:59 on 31 March in the UK.
    expect(financialYearOf(new Date("2017-03-31T22:59:59Z"))).toBe(2016);
    expect(financialYearOf(new Date("2018-01-15T12:00:00Z"))).toBe(2017);
  });

  it("refuses text that is not a real ISO date", () => {
    expect(() => financialYearOf("31/03/2017")).toThrow(RangeError);
    expect(() => financialYearOf("2017-02-30")).toThrow(RangeError);
    expect(() => financialYearOf("2017-13-01")).toThrow(RangeError);
    expect(() => financialYearOf(new Date("nonsense"))).toThrow(RangeError);
  });
});

describe("parseFinancialYearLabel", () => {
  it.each([
    ["2016/17", 2016],
    ["1999/00", 1999],
    ["2099/00", 2099],
    [" 2016/17 ", 2016],
    ["2016-17", 2016],
    ["2016\u201317", 2016],
    ["2016/2017", 2016],
  ])("reads %j as %i", (label, year) => {
    expect(parseFinancialYearLabel(label)).toBe(year);
  });

  it.each([
    "2016/18",
    "2016/16",
    "1999/2001",
    "2016",
    "16/17",
    "2016/7",
    "",
    "abcd/ef",
    "2016/17/18",
  ])("returns null for %j", (label) => {
    expect(parseFinancialYearLabel(label)).toBeNull();
  });

  it("round-trips every label it makes", () => {
    for (let year = 1990; year <= 2110; year++) {
      expect(parseFinancialYearLabel(financialYearLabel(year))).toBe(year);
    }
  });
});

describe("formatLongDate", () => {
  it("writes dates in words, day first", () => {
    expect(formatLongDate("2018-03-31")).toBe("31 March 2018");
    expect(formatLongDate("2017-04-01")).toBe("1 April 2017");
  });

  it("refuses text that is not an ISO date", () => {
    expect(() => formatLongDate("31 March 2018")).toThrow(RangeError);
  });
});

describe("isUnconfirmedForecast", () => {
  const forecast = (financialYear: number) => ({ kind: "forecast", financialYear });

  it("is a forecast whose financial year ended before today", () => {
    // 2024/25 ended on 31 March 2025: on that day it is still running, a day later it has ended.
    expect(isUnconfirmedForecast(forecast(2024), "2025-03-31")).toBe(false);
    expect(isUnconfirmedForecast(forecast(2024), "2025-04-01")).toBe(true);
    expect(isUnconfirmedForecast(forecast(2016), "2026-12-02")).toBe(true);
    expect(isUnconfirmedForecast(forecast(2026), "2026-12-02")).toBe(false);
    expect(isUnconfirmedForecast(forecast(2027), "2026-12-02")).toBe(false);
  });

  it("never counts an actual saving", () => {
    expect(isUnconfirmedForecast({ kind: "actual", financialYear: 2016 }, "2026-12-02")).toBe(
      false,
    );
  });
});
