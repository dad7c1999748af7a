import { z } from "zod";
import { formatLongDate } from "@/lib/format/dates";

/*
 * Content rules every form, command and import shares (issue 13, item 6).
 *
 * Text: what people type is stored in Unicode's composed form (NFC), so "é" typed as e + accent
 * and "é" typed as one character are the same title, the same search match and the same
 * duplicate. Characters that change how text is *shown* without being seen — bidirectional
 * controls (a right-to-left override makes "gpj.exe" read "exe.jpg") and zero-width characters
 * (which split or join words invisibly) — are refused with a message naming the field and the
 * character, never silently removed: the person should know what was in what they pasted.
 *
 * Dates: an arrangement's dates lie between 1 January 1990 and 20 years after today; nothing
 * outside that is a real shared service, and 0001-01-01 or 9999-12-31 would skew every chart.
 * Organisations' lifetimes reach further back (most councils were formed on 1 April 1974), so
 * their dates start at 1900.
 *
 * Pure module: `today` is passed in (lib/clock.ts's today() on the server).
 */

/** Bidi controls (U+202A–202E, U+2066–2069, U+200E/F, U+061C) and zero-width characters. */
const HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

const HIDDEN_NAMES: Record<number, string> = {
  0x061c: "Arabic letter mark",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2060: "word joiner",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
  0xfeff: "zero-width no-break space",
};

/** Text as stored: Unicode NFC. */
export function nfc(value: string): string {
  return value.normalize("NFC");
}

/**
 * Why `value` cannot be stored in the field called `label`, or null: the first hidden
 * character it holds, named with its code point.
 */
export function hiddenCharacterProblem(label: string, value: string): string | null {
  const found = HIDDEN.exec(value);
  if (!found) return null;
  const code = found[0].codePointAt(0)!;
  const point = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `${label} contains an invisible character (${HIDDEN_NAMES[code]}, ${point}) that can disguise text: delete it and type the text again`;
}

/**
 * For `.superRefine` in a zod schema, before any trimming: refuses hidden characters in the
 * field called `label` (an optional field's absence passes).
 */
export function refuseHiddenCharacters(label: string) {
  return (value: string | undefined, ctx: z.RefinementCtx) => {
    const problem = value === undefined ? null : hiddenCharacterProblem(label, value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };
}

// Control characters other than tab and newline have no place in plain text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A reason someone types for others to read (a returned submission, a disputed partnership):
 * NFC, line endings as "\n", trimmed, `min` to `max` characters, plain text, nothing hidden.
 */
export function reasonField(rule: { missing: string; min: number; max: number }) {
  return z
    .string({ error: rule.missing })
    .superRefine(refuseHiddenCharacters("Reason"))
    .transform((s) => nfc(s).replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, rule.missing)
        .min(rule.min, `Reason must be ${rule.min} characters or more`)
        .max(rule.max, `Reason must be ${rule.max} characters or fewer`)
        .refine((s) => !CONTROL.test(s), { message: "Reason must be plain text" }),
    );
}

/* Dates ---------------------------------------------------------------------------------------- */

export const EARLIEST_ARRANGEMENT_DATE = "1990-01-01";
export const EARLIEST_ORGANISATION_DATE = "1900-01-01";
export const YEARS_AHEAD = 20;

/** Twenty years after `today` (YYYY-MM-DD); 29 February becomes 28 February in a common year. */
export function latestDate(today: string): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const year = y + YEARS_AHEAD;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${year}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Why the real date `iso` (YYYY-MM-DD) is out of range for the field called `label`, or null.
 * It must lie from `earliest` to 20 years after `today`, both included.
 */
export function dateRangeProblem(
  label: string,
  iso: string,
  today: string,
  earliest: string = EARLIEST_ARRANGEMENT_DATE,
): string | null {
  if (iso < earliest) return `${label} must be on or after ${formatLongDate(earliest)}`;
  const latest = latestDate(today);
  if (iso > latest)
    return `${label} must be on or before ${formatLongDate(latest)} (${YEARS_AHEAD} years from today)`;
  return null;
}
