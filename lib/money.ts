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

export type MoneyStyle = "full" | "short";

export type ParsePoundsResult = { ok: true; pence: bigint } | { ok: false; message: string };

const PENCE_PER_POUND = 100n;

/** The largest amount a single savings figure may hold: well above any real shared service. */
export const MAX_AMOUNT_PENCE = 10_000_000_000n * PENCE_PER_POUND;

/** Short-form units, largest first. "bn" is the UK's short-scale thousand million. */
const SHORT_UNITS: ReadonlyArray<{ suffix: string; pence: bigint }> = [
  { suffix: "bn", pence: 1_000_000_000n * PENCE_PER_POUND },
  { suffix: "m", pence: 1_000_000n * PENCE_PER_POUND },
  { suffix: "k", pence: 1_000n * PENCE_PER_POUND },
];

/** Significant figures in the short form: "£643m", "£1.34bn", "£12.5k". */
const SHORT_SIGNIFICANT_FIGURES = 3;

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

function formatFull(pence: bigint): string {
  const pounds = pence / PENCE_PER_POUND;
  const remainder = pence % PENCE_PER_POUND;
  const whole = `£${groupThousands(pounds.toString())}`;
  // Whole pounds read better without ".00"; pence appear only when there are some.
  return remainder === 0n ? whole : `${whole}.${remainder.toString().padStart(2, "0")}`;
}

function formatShort(pence: bigint): string {
  const index = SHORT_UNITS.findIndex((unit) => pence >= unit.pence);
  // Under £1,000 a short form would not be shorter: show the exact amount.
  if (index === -1) return formatFull(pence);

  // Walk back up a unit when rounding carries over, so £999,999 becomes "£1m", not "£1000k".
  for (let i = index; i >= 0; i--) {
    const unit = SHORT_UNITS[i]!;
    const integerDigits = (pence / unit.pence).toString().length;
    const decimals = Math.max(0, SHORT_SIGNIFICANT_FIGURES - integerDigits);
    const scale = 10n ** BigInt(decimals);
    const rounded = divideRounded(pence * scale, unit.pence);
    if (i > 0 && rounded >= 1000n * scale) continue;

    const integerPart = groupThousands((rounded / scale).toString());
    const fraction = (rounded % scale).toString().padStart(decimals, "0").replace(/0+$/, "");
    return `£${integerPart}${fraction ? `.${fraction}` : ""}${unit.suffix}`;
  }
  // The largest unit never carries over, so the loop has returned by now.
  throw new Error("unreachable");
}

/**
 * Formats pence as pounds.
 * - full: exact, "£1,234,567" or "£1,250,000.50" (pence only when non-zero)
 * - short: a headline to three significant figures, "£643m", "£1.34bn", "£12.5k";
 *   amounts under £1,000 are shown exactly.
 */
export function formatPence(pence: bigint, style: MoneyStyle = "full"): string {
  const sign = pence < 0n ? "-" : "";
  const magnitude = abs(pence);
  return sign + (style === "short" ? formatShort(magnitude) : formatFull(magnitude));
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
 * Lossy above 2^53 pence; exact figures must always be shown with `formatPence`.
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
