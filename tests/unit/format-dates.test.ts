import { describe, expect, it } from "vitest";
import { formatDateTime, formatLongDate, formatUkDate } from "@/lib/format/dates";

/*
 * Dates on the UK calendar and clock, whatever the server's zone: an instant late on 31 March
 * in summer time is already 1 April in the UK, and a `date` column never shifts.
 */

describe("formatDateTime", () => {
  it("writes a moment in UK time, GMT in winter and BST in summer", () => {
    expect(formatDateTime(new Date("2025-03-04T14:05:00Z"))).toBe("4 March 2025 at 14:05");
    expect(formatDateTime(new Date("2025-07-04T14:05:00Z"))).toBe("4 July 2025 at 15:05");
    expect(formatDateTime("2025-07-04T14:05:00Z")).toBe("4 July 2025 at 15:05");
  });

  it("writes nothing for no moment", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime(undefined)).toBe("");
  });
});

describe("formatUkDate", () => {
  it("gives the UK calendar day a moment fell on", () => {
    // 23:30 UTC on 31 March 2024 is 00:30 BST on 1 April.
    expect(formatUkDate(new Date("2024-03-31T23:30:00Z"))).toBe("1 April 2024");
    expect(formatUkDate("2017-06-14T10:00:00Z")).toBe("14 June 2017");
  });
});

describe("formatLongDate", () => {
  it("writes a calendar date day first, never shifted by a zone", () => {
    expect(formatLongDate("2018-03-31")).toBe("31 March 2018");
  });
});
