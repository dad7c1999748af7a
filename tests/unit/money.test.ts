import { describe, expect, it } from "vitest";
import {
  MAX_AMOUNT_PENCE,
  formatPence,
  parsePounds,
  penceToChartPounds,
  penceToPoundsString,
} from "@/lib/money";

describe("formatPence, full", () => {
  it.each([
    [0n, "£0"],
    [1n, "£0.01"],
    [50n, "£0.50"],
    [100n, "£1"],
    [123_456_700n, "£1,234,567"],
    [125_000_050n, "£1,250,000.50"],
    [125_000_005n, "£1,250,000.05"],
    [64_300_000_000n, "£643,000,000"],
    [99_999n, "£999.99"],
    [100_000n, "£1,000"],
  ])("formats %s pence as %s", (pence, expected) => {
    expect(formatPence(pence, "full")).toBe(expected);
  });

  it("defaults to the full style", () => {
    expect(formatPence(125_000_050n)).toBe("£1,250,000.50");
  });

  it("is exact beyond the range of JavaScript numbers", () => {
    // 2^53 + 1 pence cannot be held exactly in a double.
    expect(formatPence(9_007_199_254_740_993n, "full")).toBe("£90,071,992,547,409.93");
  });

  it("puts the sign before the pound symbol", () => {
    expect(formatPence(-125_050n, "full")).toBe("-£1,250.50");
  });
});

describe("formatPence, short", () => {
  it.each([
    [64_300_000_000n, "£643m"], // the LGA's 2017 headline
    [134_000_000_000n, "£1.34bn"], // the LGA's 2019 headline
    [27_800_000_000n, "£278m"],
    [1_250_000n, "£12.5k"],
    [100_000n, "£1k"],
    [100_000_000n, "£1m"],
    [150_000_000n, "£1.5m"],
    [123_456_700n, "£1.23m"],
    [100_000_000_000n, "£1bn"],
    [1_000_000_000_000n, "£10bn"],
    [123_400_000_000_000n, "£1,234bn"],
  ])("formats %s pence as %s", (pence, expected) => {
    expect(formatPence(pence, "short")).toBe(expected);
  });

  it("shows amounts under £1,000 exactly", () => {
    expect(formatPence(0n, "short")).toBe("£0");
    expect(formatPence(95_000n, "short")).toBe("£950");
    expect(formatPence(95_050n, "short")).toBe("£950.50");
  });

  it("rounds half up to three significant figures", () => {
    expect(formatPence(123_500_000n, "short")).toBe("£1.24m"); // £1,235,000
    expect(formatPence(123_499_900n, "short")).toBe("£1.23m");
    expect(formatPence(64_349_999_999n, "short")).toBe("£643m");
    expect(formatPence(64_350_000_000n, "short")).toBe("£644m");
  });

  it("carries into the next unit instead of showing 1000 of the smaller one", () => {
    expect(formatPence(99_999_900n, "short")).toBe("£1m"); // £999,999
    expect(formatPence(99_950_000_000n, "short")).toBe("£1bn"); // £999.5m
    expect(formatPence(99_949_999_999n, "short")).toBe("£999m");
    expect(formatPence(999_600_000n, "short")).toBe("£10m"); // £9.996m
  });

  it("keeps the sign", () => {
    expect(formatPence(-64_300_000_000n, "short")).toBe("-£643m");
  });
});

describe("penceToPoundsString", () => {
  it.each([
    [125_000_050n, "1250000.50"],
    [125_000_000n, "1250000.00"],
    [5n, "0.05"],
    [0n, "0.00"],
    [-150n, "-1.50"],
    [9_007_199_254_740_993n, "90071992547409.93"],
  ])("writes %s pence as %s", (pence, expected) => {
    expect(penceToPoundsString(pence)).toBe(expected);
  });
});

describe("penceToChartPounds", () => {
  it("gives pounds as a number for chart geometry", () => {
    expect(penceToChartPounds(64_300_000_000n)).toBe(643_000_000);
    expect(penceToChartPounds(150n)).toBe(1.5);
  });
});

describe("parsePounds", () => {
  it.each([
    ["1250000", 125_000_000n],
    ["1,250,000", 125_000_000n],
    ["£1,250,000.50", 125_000_050n],
    [" £ 1250000 ", 125_000_000n],
    ["£1250000", 125_000_000n],
    ["0", 0n],
    ["0.5", 50n],
    ["0.05", 5n],
    ["12.3", 1_230n],
    ["999", 99_900n],
    ["1,000", 100_000n],
    ["10,000,000,000", MAX_AMOUNT_PENCE],
    ["10000000000.00", MAX_AMOUNT_PENCE],
  ])("accepts %j as %s pence", (input, pence) => {
    expect(parsePounds(input)).toEqual({ ok: true, pence });
  });

  it("keeps every penny of large amounts (no floating point)", () => {
    // parseFloat("9999999999.99") * 100 is 999999999998.9999; integer parsing is exact.
    expect(parsePounds("9,999,999,999.99")).toEqual({ ok: true, pence: 999_999_999_999n });
    expect(parsePounds("0.29")).toEqual({ ok: true, pence: 29n }); // 0.29 * 100 = 28.999999999999996
  });

  it.each([
    ["-5", "£0 or more"],
    ["-1,250,000", "£0 or more"],
    ["£-5", "£0 or more"],
    ["-£5", "£0 or more"],
    ["\u22125", "£0 or more"],
  ])("rejects the negative amount %j", (input, fragment) => {
    const result = parsePounds(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it.each(["", "   ", "£", " £ "])("asks for an amount when given %j", (input) => {
    expect(parsePounds(input)).toEqual({
      ok: false,
      message: "Enter an amount in pounds, like 1,250,000",
    });
  });

  it.each(["1.234", "0.001", "£1,250,000.505"])(
    "rejects more than two decimal places in %j",
    (input) => {
      const result = parsePounds(input);
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message).toMatch(/2 decimal places/);
    },
  );

  it.each(["1,25,0000", "12,50,000", "1,2500", ",100", "100,", "1,,000", "1,000,00"])(
    "rejects the badly grouped %j",
    (input) => {
      const result = parsePounds(input);
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message).toMatch(/commas/);
    },
  );

  it.each([
    "abc",
    "12abc",
    "£1m",
    "1e6",
    "1 250 000",
    "1.2.3",
    "1250000.",
    ".50",
    "+100",
    "$100",
    "1,250,000.5p",
    "NaN",
  ])("rejects %j as not a number", (input) => {
    const result = parsePounds(input);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toMatch(/numbers only/);
  });

  it("rejects amounts above £10bn", () => {
    for (const input of ["10,000,000,000.01", "10000000001", "99999999999999999999"]) {
      const result = parsePounds(input);
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message).toMatch(/£10bn\) or less/);
    }
  });

  it("round-trips with formatPence", () => {
    for (const pence of [0n, 1n, 99n, 100n, 125_000_050n, MAX_AMOUNT_PENCE]) {
      expect(parsePounds(formatPence(pence, "full"))).toEqual({ ok: true, pence });
    }
  });
});
