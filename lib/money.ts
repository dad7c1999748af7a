/**
 * Money: the one place that turns integer pence (bigint) into text and back.
 *
 * Everything here is integer arithmetic on bigint. Floating point cannot represent most
 * pence exactly (0.1 + 0.2), and the register's totals must add up to the penny, so no
 * parseFloat, no Number division — except `penceToChartPounds`, which exists only to feed
 * chart geometry where a rounding error is invisible.
 *
 * Pure module: safe to import from client components (charts format their axis ticks here).
 */

export type ParsePoundsResult = { ok: true; pence: bigint } | { ok: false; message: string };

const PENCE_PER_POUND = 100n;

/** The largest amount a single savings figure may hold: well above any real shared service. */
export const MAX_AMOUNT_PENCE = 10_000_000_000n * PENCE_PER_POUND;

const THOUSAND_POUNDS = 1_000n * PENCE_PER_POUND;
const MILLION_POUNDS = 1_000_000n * PENCE_PER_POUND;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** Rounds numerator / denominator to the nearest integer, halves away from zero (both ≥ 0). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function signOf(pence: bigint): string {
  return pence < 0n ? "-" : "";
}

/**
 * Exact pounds and pence, "£1,234,567" or "£1,250,000.50" (pence only when non-zero). For the
 * council workspace, administration and the open data's pounds beside its pence — never on a
 * public page, where figures are rounded (`formatWholePounds`, `formatHeadlinePounds`).
 */
export function formatPence(pence: bigint): string {
  const magnitude = abs(pence);
  const pounds = magnitude / PENCE_PER_POUND;
  const remainder = magnitude % PENCE_PER_POUND;
  const whole = `${signOf(pence)}£${groupThousands(pounds.toString())}`;
  return remainder === 0n ? whole : `${whole}.${remainder.toString().padStart(2, "0")}`;
}

/**
 * Whole pounds for public tables, "£3,592,826": rounded to the nearest pound, halves (50p)
 * away from zero. A table's total is rounded from the exact sum, never added up from rounded
 * rows, so it can differ by a pound or two from its rows' sum; tables say so.
 */
export function formatWholePounds(pence: bigint): string {
  const pounds = divideRounded(abs(pence), PENCE_PER_POUND);
  return `${pounds === 0n ? "" : signOf(pence)}£${groupThousands(pounds.toString())}`;
}

/**
 * Headlines, chart labels and axes: millions to one decimal place, "£384.9m" (also above a
 * billion: "£1,340.2m", so figures compare at a glance); under a million, whole thousands,
 * "£250k"; under a thousand, whole pounds, "£950". Rounded half away from zero, and an amount
 * that rounds to £1,000k is shown as "£1.0m".
 */
export function formatHeadlinePounds(pence: bigint): string {
  const magnitude = abs(pence);
  const tenthsOfMillion = divideRounded(magnitude * 10n, MILLION_POUNDS);
  const thousands = divideRounded(magnitude, THOUSAND_POUNDS);
  const pounds = divideRounded(magnitude, PENCE_PER_POUND);
  let text: string;
  if (thousands >= 1_000n) {
    const whole = groupThousands((tenthsOfMillion / 10n).toString());
    text = `£${whole}.${tenthsOfMillion % 10n}m`;
  } else if (pounds >= 1_000n) {
    text = `£${thousands}k`;
  } else {
    text = `£${pounds}`;
  }
  return (pounds === 0n ? "" : signOf(pence)) + text;
}

/**
 * Savings per resident to the penny, "£12.34": the exact pence divided by the population,
 * rounded half away from zero. The one public figure shown with pence, always labelled
 * "per resident" by its caller. Null without a population.
 */
export function formatPerResident(pence: bigint, population: number | null): string | null {
  const perResident = perResidentPence(pence, population);
  if (perResident === null) return null;
  return (perResident === 0n ? "" : signOf(pence)) + formatPence(abs(perResident));
}

/**
 * Savings per resident in whole pence, as `formatPerResident` shows them: rounded half away
 * from zero. Null without a population.
 */
export function perResidentPence(pence: bigint, population: number | null): bigint | null {
  if (population === null || !Number.isInteger(population) || population <= 0) return null;
  const magnitude = divideRounded(abs(pence), BigInt(population));
  return pence < 0n ? -magnitude : magnitude;
}

/**
 * Splits an amount into `parts` shares that add up to it exactly: each gets the whole-penny
 * quotient, and the remainder pennies go one each to the first shares (partner order), so the
 * split is the same every time. Amounts are ≥ 0.
 */
export function splitPenceEqually(pence: bigint, parts: number): bigint[] {
  if (!Number.isInteger(parts) || parts < 1) throw new Error("parts must be a positive integer");
  if (pence < 0n) throw new Error("amount must be 0 or more");
  const count = BigInt(parts);
  const base = pence / count;
  const remainder = Number(pence % count);
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1n : 0n));
}

/** Pounds with exactly two decimals and no symbol or grouping, for CSV: "1250000.50". */
export function penceToPoundsString(pence: bigint): string {
  const sign = pence < 0n ? "-" : "";
  const magnitude = abs(pence);
  const pounds = magnitude / PENCE_PER_POUND;
  const remainder = (magnitude % PENCE_PER_POUND).toString().padStart(2, "0");
  return `${sign}${pounds}.${remainder}`;
}

/**
 * Pounds as a JavaScript number, ONLY for chart geometry (bar heights, axis scale).
 * Lossy above 2^53 pence; exact figures are written with `formatPence`.
 */
export function penceToChartPounds(pence: bigint): number {
  return Number(pence) / 100;
}

const PLAIN_POUNDS = /^\d+$/;
// Commas only between groups of exactly three digits: "1,250,000" yes, "1,25,0000" no.
const GROUPED_POUNDS = /^\d{1,3}(,\d{3})+$/;
const PENCE_PART = /^\d{1,2}$/;

const MESSAGES = {
  empty: "Enter an amount in pounds, like 1,250,000",
  negative: "Amount must be £0 or more",
  invalid: "Enter an amount in pounds using numbers only, like 1,250,000 or 1250000.50",
  grouping: "Put commas between groups of three digits, like 1,250,000, or leave them out",
  pence: "Amount must not have more than 2 decimal places (pence)",
  tooLarge: "Amount must be £10,000,000,000 (£10bn) or less",
} as const;

/**
 * Parses what a person typed as an amount in pounds into pence.
 * Accepts "1250000", "1,250,000", "£1,250,000.50", " £ 1250000 ", "0.5" (50p).
 * Rejects negatives, more than two decimal places, misplaced commas, anything that is not a
 * number, empty input and amounts above £10bn. Messages follow the GOV.UK Design System style.
 */
export function parsePounds(input: string): ParsePoundsResult {
  let text = input.trim();
  // "-£5", "£-5" and a typographic minus all mean a negative amount; say so specifically.
  if (/^[-\u2212]\s*£|^£\s*[-\u2212]|^[-\u2212]\s*\d/.test(text)) {
    return { ok: false, message: MESSAGES.negative };
  }
  if (text.startsWith("£")) text = text.slice(1).trimStart();
  if (text === "") return { ok: false, message: MESSAGES.empty };

  const [poundsPart = "", pencePart, ...rest] = text.split(".");
  if (rest.length > 0 || !/^[\d,]+$/.test(poundsPart)) {
    return { ok: false, message: MESSAGES.invalid };
  }
  if (pencePart !== undefined) {
    if (!/^\d+$/.test(pencePart)) return { ok: false, message: MESSAGES.invalid };
    if (!PENCE_PART.test(pencePart)) return { ok: false, message: MESSAGES.pence };
  }
  if (!PLAIN_POUNDS.test(poundsPart) && !GROUPED_POUNDS.test(poundsPart)) {
    return { ok: false, message: MESSAGES.grouping };
  }

  const pounds = BigInt(poundsPart.replaceAll(",", ""));
  // "1.5" is one pound fifty: a single decimal digit is tenths of a pound.
  const pence = pencePart === undefined ? 0n : BigInt(pencePart.padEnd(2, "0"));
  const total = pounds * PENCE_PER_POUND + pence;
  if (total > MAX_AMOUNT_PENCE) return { ok: false, message: MESSAGES.tooLarge };
  return { ok: true, pence: total };
}
