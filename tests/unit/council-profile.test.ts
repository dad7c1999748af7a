import { describe, expect, it } from "vitest";
import { buildProfile, standingText, type ProfileInput } from "@/lib/councils/profile";

/*
 * A council's profile against its group, worked by hand for a group of four (the page's group is
 * fifteen; tests/integration/council-profile.test.ts holds those to SQL).
 */

const member = (code: string, population: number, arrangements: number, sharePence: bigint) => ({
  code,
  name: `Council ${code}`,
  population,
  arrangements,
  sharePence,
  distance: 1,
});

const input: ProfileInput = {
  council: member("X", 100, 5, 250n),
  group: [
    member("A", 100, 2, 1000n),
    member("B", 200, 4, 1000n),
    member("C", 100, 6, 3000n),
    member("D", 50, 8, 0n),
  ],
  yearShares: [
    { code: "X", financialYear: 2015, sharePence: 100n },
    { code: "A", financialYear: 2017, sharePence: 50n },
    { code: "Z", financialYear: 2017, sharePence: 999n },
  ],
  categories: [
    { slug: "ict", name: "ICT", codes: ["A", "B", "C", "X"] },
    { slug: "legal", name: "Legal", codes: ["A", "B"] },
    { slug: "planning", name: "Planning", codes: ["A", "Z"] },
    { slug: "housing", name: "Housing", codes: ["A", "B", "C"] },
    { slug: "other", name: "Other", codes: ["A", "B", "C", "D"] },
  ],
};

describe("a council's profile", () => {
  const profile = buildProfile(input);

  it("gives the group's quartiles by linear interpolation, money rounded to the penny", () => {
    // Arrangements 2, 4, 6, 8: ranks 1.75, 2.5 and 3.25 of 4.
    expect(profile.arrangements).toEqual({
      council: 5,
      lowerQuartile: 3.5,
      median: 5,
      upperQuartile: 6.5,
    });
    // Shares 0, 1000, 1000, 3000.
    expect(profile.share).toEqual({
      council: 250n,
      lowerQuartile: 750n,
      median: 1000n,
      upperQuartile: 1500n,
    });
    // Per resident 0, 5, 10, 30 (3.75, 7.5 and 15 rounded); the council's 2.5 rounds up.
    expect(profile.perResident).toEqual({
      council: 3n,
      lowerQuartile: 4n,
      median: 8n,
      upperQuartile: 15n,
    });
  });

  it("gives every year from the first to the last, the council's and the group's", () => {
    expect(profile.years).toEqual([
      { financialYear: 2015, councilPence: 100n, lowerQuartile: 0n, median: 0n, upperQuartile: 0n },
      { financialYear: 2016, councilPence: 0n, lowerQuartile: 0n, median: 0n, upperQuartile: 0n },
      // The group's 0, 0, 0, 50; Z is no member.
      { financialYear: 2017, councilPence: 0n, lowerQuartile: 0n, median: 0n, upperQuartile: 13n },
    ]);
  });

  it("lists services at least half the group share and it does not, most shared first", () => {
    expect(profile.notYetShared).toEqual([
      { slug: "housing", name: "Housing", councils: 3 },
      { slug: "legal", name: "Legal", councils: 2 },
    ]);
  });

  it("says where the council stands", () => {
    expect(standingText(profile.arrangements)).toBe("at the median");
    expect(standingText(profile.share)).toBe("below the lower quartile");
    expect(standingText({ council: 7, lowerQuartile: 3.5, median: 5, upperQuartile: 6.5 })).toBe(
      "above the upper quartile",
    );
    expect(standingText({ council: 4, lowerQuartile: 3.5, median: 5, upperQuartile: 6.5 })).toBe(
      "between the lower quartile and the median",
    );
    expect(standingText({ council: 6n, lowerQuartile: 3n, median: 5n, upperQuartile: 6n })).toBe(
      "between the median and the upper quartile",
    );
  });
});
