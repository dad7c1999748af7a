import { describe, expect, it } from "vitest";
import { changeSummary, diffRevisions, type RevisionSnapshot } from "@/lib/review/diff";

const base: RevisionSnapshot = {
  title: "Joint trading standards",
  description: "One team.",
  mainCategory: "regulatory-services",
  furtherCategories: ["legal"],
  stage: "operational",
  startDate: "2018-04-01",
  endDate: null,
  benefits: ["resilience"],
  contactName: null,
  contactEmail: null,
  noSavingsReason: null,
  partners: [
    { code: "E10000027", name: "Somerset County Council" },
    { code: "E07000040", name: "East Devon District Council" },
  ],
  savings: [
    { financialYear: 2018, amountPence: 100_000_000n, kind: "actual" },
    { financialYear: 2019, amountPence: 25_000_050n, kind: "forecast" },
  ],
};

describe("diffRevisions", () => {
  it("finds nothing between a revision and itself", () => {
    const diff = diffRevisions(base, structuredClone(base));
    expect(diff.hasChanges).toBe(false);
    expect(diff.fields.every((f) => !f.changed)).toBe(true);
    expect(diff.savings.netChangePence).toBe(0n);
    expect(changeSummary(diff)).toEqual([]);
  });

  it("compares fields by what people read, ignoring list order", () => {
    const after = {
      ...base,
      title: "Joint trading standards service",
      furtherCategories: ["ict", "legal"],
      benefits: ["resilience"],
      stage: "ended",
      endDate: "2020-03-31",
      contactEmail: "ts@example.org",
    };
    const diff = diffRevisions(base, after);
    const changed = Object.fromEntries(
      diff.fields.filter((f) => f.changed).map((f) => [f.field, [f.before, f.after]]),
    );
    expect(changed).toEqual({
      title: ["Joint trading standards", "Joint trading standards service"],
      furtherCategories: ["Legal", "ICT, Legal"],
      stage: ["Operational", "Ended"],
      endDate: [null, "31 March 2020"],
      contactEmail: [null, "ts@example.org"],
    });
    const reordered = diffRevisions(base, {
      ...base,
      furtherCategories: ["legal"],
      partners: [...base.partners].reverse(),
    });
    expect(reordered.hasChanges).toBe(false);
  });

  it("lists partners added and removed by name, and savings rows with the net change in pence", () => {
    const after: RevisionSnapshot = {
      ...base,
      partners: [
        { code: "E10000027", name: "Somerset County Council" },
        { code: "E06000027", name: "Torbay Council" },
      ],
      savings: [
        { financialYear: 2019, amountPence: 25_000_050n, kind: "actual" },
        { financialYear: 2020, amountPence: 1n, kind: "forecast" },
      ],
    };
    const diff = diffRevisions(base, after);
    expect(diff.partners.added.map((p) => p.name)).toEqual(["Torbay Council"]);
    expect(diff.partners.removed.map((p) => p.name)).toEqual(["East Devon District Council"]);
    expect(diff.partners.kept.map((p) => p.name)).toEqual(["Somerset County Council"]);
    expect(diff.savings.rows.map((r) => [r.financialYear, r.status, r.changePence])).toEqual([
      [2018, "removed", -100_000_000n],
      // Same amount, actual instead of forecast: still a change.
      [2019, "changed", 0n],
      [2020, "added", 1n],
    ]);
    expect(diff.savings.beforeTotalPence).toBe(125_000_050n);
    expect(diff.savings.afterTotalPence).toBe(25_000_051n);
    expect(diff.savings.netChangePence).toBe(-99_999_999n);
    expect(changeSummary(diff)).toEqual(["Partners", "Savings"]);
  });

  it("treats a revision with nothing before it as new", () => {
    const diff = diffRevisions(null, base);
    expect(diff.isNew).toBe(true);
    expect(diff.partners.added).toHaveLength(2);
    expect(diff.savings.rows.every((r) => r.status === "added")).toBe(true);
    expect(diff.savings.netChangePence).toBe(125_000_050n);
    expect(diff.fields.find((f) => f.field === "contactName")!.changed).toBe(false);
    expect(changeSummary(diff)).toEqual(["First published"]);
  });
});
