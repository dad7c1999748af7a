import { describe, expect, it } from "vitest";
import {
  MAX_AMOUNT_PENCE,
  formatHeadlinePounds,
  formatPence,
  formatPerResident,
  formatWholePounds,
  parsePounds,
  penceToChartPounds,
  penceToPoundsString,
  splitPenceEqually,
} from "@/lib/money";

describe("formatPence (exact)", () => {
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
    expect(formatPence(pence)).toBe(expected);
  });

  it("is exact beyond the range of JavaScript numbers", () => {
    // 2^53 + 1 pence cannot be held exactly in a double.
    expect(formatPence(9_007_199_254_740_993n)).toBe("£90,071,992,547,409.93");
  });

  it("puts the sign before the pound symbol", () => {
    expect(formatPence(-125_050n)).toBe("-£1,250.50");
  });
});

describe("formatWholePounds", () => {
  it.each([
    [0n, "£0"],
    [49n, "£0"],
    [50n, "£1"], // a half pound rounds away from zero
    [149n, "£1"],
    [150n, "£2"],
    [359_282_649n, "£3,592,826"],
    [359_282_650n, "£3,592,827"],
    [99_999_949n, "£999,999"],
    [99_999_950n, "£1,000,000"],
    [9_007_199_254_740_993n, "£90,071,992,547,410"],
  ])("rounds %s pence to %s", (pence, expected) => {
    expect(formatWholePounds(pence)).toBe(expected);
  });

  it("keeps the sign, but not on an amount that rounds to nothing", () => {
    expect(formatWholePounds(-150n)).toBe("-£2");
    expect(formatWholePounds(-149n)).toBe("-£1");
    expect(formatWholePounds(-49n)).toBe("£0");
  });
});

describe("formatHeadlinePounds", () => {
  it.each([
    [38_492_813_412n, "£384.9m"], // the register's headline
    [64_300_000_000n, "£643.0m"], // the LGA's 2017 headline
    [134_020_000_000n, "£1,340.2m"], // millions above a billion too
    [100_000_000n, "£1.0m"],
    [123_456_700n, "£1.2m"],
    [125_000_000n, "£1.3m"], // £1.25m: half away from zero
    [124_999_999n, "£1.2m"],
    [25_000_000n, "£250k"],
    [1_250_000n, "£13k"], // £12,500
    [1_249_999n, "£12k"],
    [100_000n, "£1k"],
    [99_950n, "£1k"], // £999.50 rounds to £1,000
    [99_949n, "£999"],
    [95_000n, "£950"],
    [49n, "£0"],
    [50n, "£1"],
    [0n, "£0"],
  ])("formats %s pence as %s", (pence, expected) => {
    expect(formatHeadlinePounds(pence)).toBe(expected);
  });

  it("crosses from £k to £m where thousands would round to 1,000", () => {
    expect(formatHeadlinePounds(99_999_900n)).toBe("£1.0m"); // £999,999
    expect(formatHeadlinePounds(99_950_000n)).toBe("£1.0m"); // £999,500
    expect(formatHeadlinePounds(99_949_999n)).toBe("£999k"); // £999,499.99
  });

  it("keeps the sign", () => {
    expect(formatHeadlinePounds(-38_492_813_412n)).toBe("-£384.9m");
    expect(formatHeadlinePounds(-25_000_000n)).toBe("-£250k");
    expect(formatHeadlinePounds(-49n)).toBe("£0");
  });
});

describe("formatPerResident", () => {
  it.each([
    [123_400n, 100, "£12.34"],
    [1n, 2, "£0.01"], // half a penny rounds away from zero
    [1n, 3, "£0"],
    [0n, 1_000, "£0"],
    [38_492_813_412n, 56_489_800, "£6.81"],
    [-1_000n, 3, "-£3.33"],
  ])("gives %s pence over %s residents as %s", (pence, population, expected) => {
    expect(formatPerResident(pence, population)).toBe(expected);
  });

  it("gives nothing without a usable population", () => {
    expect(formatPerResident(100n, null)).toBeNull();
    expect(formatPerResident(100n, 0)).toBeNull();
    expect(formatPerResident(100n, 2.5)).toBeNull();
  });
});

describe("splitPenceEqually", () => {
  it("gives the remainder pennies to the first shares, and adds up exactly", () => {
    expect(splitPenceEqually(100n, 3)).toEqual([34n, 33n, 33n]);
    expect(splitPenceEqually(101n, 3)).toEqual([34n, 34n, 33n]);
    expect(splitPenceEqually(99n, 3)).toEqual([33n, 33n, 33n]);
    expect(splitPenceEqually(0n, 4)).toEqual([0n, 0n, 0n, 0n]);
    expect(splitPenceEqually(7n, 1)).toEqual([7n]);
    expect(splitPenceEqually(2n, 5)).toEqual([1n, 1n, 0n, 0n, 0n]);
  });

  it("is exact beyond the range of JavaScript numbers", () => {
    const shares = splitPenceEqually(9_007_199_254_740_993n, 7);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(9_007_199_254_740_993n);
  });

  it("refuses no parts and negative amounts", () => {
    expect(() => splitPenceEqually(100n, 0)).toThrow();
    expect(() => splitPenceEqually(-1n, 2)).toThrow();
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
      expect(parsePounds(formatPence(pence))).toEqual({ ok: true, pence });
    }
  });
});
