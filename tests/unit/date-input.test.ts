import { describe, expect, it } from "vitest";
import { isoToDateParts, parseDateParts } from "@/lib/date-input";
import { parseArrangementForm, parseDraftForm, pickFormValues } from "@/lib/arrangements/schema";

const parse = (day: string, month: string, year: string) =>
  parseDateParts("Start date", { day, month, year });

describe("parseDateParts (GOV.UK date input)", () => {
  it("reads day, month and year as an ISO date", () => {
    expect(parse("1", "4", "2018")).toEqual({ ok: true, iso: "2018-04-01" });
    expect(parse(" 01 ", "04", "2018")).toEqual({ ok: true, iso: "2018-04-01" });
    expect(parse("29", "2", "2020")).toEqual({ ok: true, iso: "2020-02-29" });
    expect(parse("31", "Dec", "2019")).toEqual({ ok: true, iso: "2019-12-31" });
    expect(parse("5", "september", "2021")).toEqual({ ok: true, iso: "2021-09-05" });
  });

  it("nothing typed is no date", () => {
    expect(parse("", " ", "")).toEqual({ ok: true, iso: null });
  });

  it("names the parts missing", () => {
    expect(parse("1", "", "2018")).toEqual({
      ok: false,
      message: "Start date must include a month",
      parts: ["month"],
    });
    expect(parse("", "4", "")).toEqual({
      ok: false,
      message: "Start date must include a day and year",
      parts: ["day", "year"],
    });
    expect(parse("1", "4", "")).toMatchObject({ message: "Start date must include a year" });
  });

  it("refuses a date that does not exist, saying why", () => {
    expect(parse("31", "2", "2020")).toEqual({
      ok: false,
      message: "Start date must be a real date: February 2020 has 29 days",
      parts: ["day"],
    });
    expect(parse("29", "2", "2019")).toMatchObject({
      message: "Start date must be a real date: February 2019 has 28 days",
    });
    expect(parse("31", "4", "2018")).toMatchObject({ ok: false, parts: ["day"] });
  });

  it("refuses parts that are not numbers or out of range, marking only those", () => {
    expect(parse("1", "13", "2018")).toEqual({
      ok: false,
      message: "Start date must be a real date: check the month",
      parts: ["month"],
    });
    expect(parse("x", "4", "20a8")).toEqual({
      ok: false,
      message: "Start date must be a real date: check the day and year",
      parts: ["day", "year"],
    });
    expect(parse("0", "4", "2018")).toMatchObject({ ok: false, parts: ["day"] });
    expect(parse("1", "4", "18")).toEqual({
      ok: false,
      message: "Start date year must include 4 numbers",
      parts: ["year"],
    });
  });

  it("turns an ISO date back into the parts a person types", () => {
    expect(isoToDateParts("2018-04-01")).toEqual({ day: "1", month: "4", year: "2018" });
    expect(isoToDateParts("")).toEqual({ day: "", month: "", year: "" });
  });
});

describe("the arrangement form's dates", () => {
  const form = {
    title: "Shared legal",
    description: "Legal work together.",
    mainCategory: "legal",
    stage: "ended",
    partners: ["E10000027"],
    savingsYear: ["2018"],
    savingsAmount: ["1,000"],
    savingsKind: ["actual"],
  };

  it("reads the parts and prefers them to an ISO date", () => {
    const parsed = parseArrangementForm({
      ...form,
      startDateDay: "1",
      startDateMonth: "4",
      startDateYear: "2018",
      startDate: "2000-01-01",
      endDateDay: "31",
      endDateMonth: "3",
      endDateYear: "2020",
    });
    expect(parsed.ok && [parsed.data.startDate, parsed.data.endDate]).toEqual([
      "2018-04-01",
      "2020-03-31",
    ]);
  });

  it("names the part missing and refuses a date that does not exist, in a draft too", () => {
    const parsed = parseDraftForm({
      ...form,
      startDateDay: "1",
      startDateYear: "2018",
      endDateDay: "31",
      endDateMonth: "2",
      endDateYear: "2020",
    });
    expect(parsed.ok ? null : parsed.errors).toEqual({
      startDate: "Start date must include a month",
      endDate: "End date must be a real date: February 2020 has 29 days",
    });
  });

  it("still applies the range and order rules to typed parts", () => {
    const parsed = parseArrangementForm({
      ...form,
      startDateDay: "1",
      startDateMonth: "4",
      startDateYear: "1985",
      endDate: "2020-03-31",
    });
    expect(parsed.ok ? null : parsed.errors).toEqual({
      startDate: "Start date must be on or after 1 January 1990",
    });
  });

  it("echoes typed parts and fills parts from a stored date", () => {
    expect(
      pickFormValues({ startDateDay: "1", startDateMonth: "4", startDateYear: "2018" }),
    ).toMatchObject({ startDate: "2018-04-01", startDateDay: "1" });
    expect(pickFormValues({ startDate: "2018-04-01" })).toMatchObject({
      startDateDay: "1",
      startDateMonth: "4",
      startDateYear: "2018",
    });
  });
});
