import { describe, expect, it } from "vitest";
import { auditChanges, changesText, humanise } from "@/lib/audit-log/diff";

describe("audit before/after as a readable diff", () => {
  it("shows only what differs, by path, with money in pounds and years as financial years", () => {
    const before = {
      status: "published",
      content: {
        title: "Old",
        savings: [{ financialYear: 2018, amountPence: "100000000", kind: "actual" }],
      },
    };
    const after = {
      status: "published",
      content: {
        title: "New",
        savings: [
          { kind: "actual", financialYear: 2018, amountPence: "100000000" },
          { kind: "forecast", financialYear: 2019, amountPence: "50" },
        ],
      },
    };
    expect(auditChanges(before, after)).toEqual([
      { label: "Content › Title", before: "Old", after: "New" },
      {
        label: "Content › Savings",
        before: "2018/19: £1,000,000, actual",
        after: "2018/19: £1,000,000, actual\n2019/20: £0.50, forecast",
      },
    ]);
  });

  it("lists everything as new when there was no before, and joins plain lists", () => {
    const changes = auditChanges(null, { partners: ["E1", "E2"], active: true, totalPence: 12345 });
    expect(changes).toEqual([
      { label: "Partners", before: null, after: "E1, E2" },
      { label: "Active", before: null, after: "Yes" },
      { label: "Total pence", before: null, after: "£123.45" },
    ]);
    expect(changesText(changes)).toBe(
      "Partners: (none) → E1, E2\nActive: (none) → Yes\nTotal pence: (none) → £123.45",
    );
  });

  it("humanises keys", () => {
    expect(humanise("publishedRevisionId")).toBe("Published revision id");
    expect(humanise("end_date")).toBe("End date");
  });
});
