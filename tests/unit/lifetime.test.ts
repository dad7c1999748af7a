import { describe, expect, it } from "vitest";
import { describeLifetime, lifetimeProblem } from "@/lib/arrangements/lifetime";

/* The one rule for who may be named on an arrangement with given dates (lib/arrangements/lifetime.ts). */

const TODAY = "2026-06-01";
const county = { name: "Old County Council", startDate: "1974-04-01", endDate: "2021-03-31" };
const unitary = { name: "New Unitary Council", startDate: "2021-04-01", endDate: null };

describe("lifetimeProblem", () => {
  it("accepts a body that existed on the start day, including its first and last days", () => {
    expect(lifetimeProblem(county, { startDate: "1974-04-01" }, TODAY)).toBeNull();
    expect(lifetimeProblem(county, { startDate: "2021-03-31" }, TODAY)).toBeNull();
    expect(lifetimeProblem(unitary, { startDate: "2021-04-01" }, TODAY)).toBeNull();
  });

  it("refuses a body formed after the start and one that had ceased before it", () => {
    expect(lifetimeProblem(unitary, { startDate: "2021-03-31" }, TODAY)).toMatch(
      /^New Unitary Council existed from 1 April 2021, so it did not exist when this arrangement started on 31 March 2021\./,
    );
    expect(lifetimeProblem(county, { startDate: "2021-04-01" }, TODAY)).toMatch(
      /^Old County Council existed 1 April 1974 to 31 March 2021, so it had ceased before this arrangement started on 1 April 2021\./,
    );
  });

  it("for a planned arrangement with no start date, refuses only a body that has ceased by today", () => {
    expect(lifetimeProblem(county, { startDate: null }, TODAY)).toMatch(/planned arrangement/);
    expect(lifetimeProblem(county, { startDate: null }, "2021-03-31")).toBeNull();
    // A council that a recorded reorganisation creates next year may join a plan now.
    expect(
      lifetimeProblem({ ...unitary, startDate: "2027-04-01" }, { startDate: null }, TODAY),
    ).toBeNull();
  });
});

describe("describeLifetime", () => {
  it("says what is known of the dates", () => {
    expect(describeLifetime({ startDate: null, endDate: null })).toBe("with no recorded dates");
    expect(describeLifetime({ startDate: null, endDate: "2023-03-31" })).toBe(
      "until 31 March 2023",
    );
  });
});
