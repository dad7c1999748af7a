import { describe, expect, it } from "vitest";
import { instantToLondon, isIsoDate, londonToInstant, nextDay } from "@/lib/editions/london-time";

describe("UK clock times", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(londonToInstant("2017-12-31", "23:59").toISOString()).toBe("2017-12-31T23:59:00.000Z");
    expect(londonToInstant("2017-06-30", "23:59").toISOString()).toBe("2017-06-30T22:59:00.000Z");
    expect(londonToInstant("2018-04-01").toISOString()).toBe("2018-03-31T23:00:00.000Z");
  });

  it("handles the hours the clocks change", () => {
    // 26 March 2017: 01:00 GMT became 02:00 BST, so 01:30 never happened.
    expect(londonToInstant("2017-03-26", "01:30").toISOString()).toBe("2017-03-26T01:30:00.000Z");
    // 29 October 2017: 01:30 happened twice; the first (BST) is taken.
    expect(londonToInstant("2017-10-29", "01:30").toISOString()).toBe("2017-10-29T00:30:00.000Z");
  });

  it("goes back to the clock, and checks dates", () => {
    expect(instantToLondon(new Date("2017-06-30T22:59:00Z"))).toEqual({
      date: "2017-06-30",
      time: "23:59",
    });
    expect(isIsoDate("2017-02-29")).toBe(false);
    expect(isIsoDate("2016-02-29")).toBe(true);
    expect(nextDay("2017-12-31")).toBe("2018-01-01");
    expect(() => londonToInstant("2017-13-01")).toThrow(RangeError);
  });
});
