/**
 * The GOV.UK date input pattern's rules: a date typed as three parts (day, month, year) becomes
 * an ISO date, or a message naming what is wrong ("Start date must include a month") and the
 * parts to mark, so the form highlights only those. Pure: the form (to mark the parts) and the
 * arrangement schema (to check them) both call it.
 *
 * Messages follow https://design-system.service.gov.uk/components/date-input/ : a missing part
 * is named, a date that does not exist says why ("February 2020 has 29 days").
 */

export type DatePart = "day" | "month" | "year";
export type DateParts = Record<DatePart, string>;

export type DateInputResult =
  /** `iso` is null when nothing was typed. */
  { ok: true; iso: string | null } | { ok: false; message: string; parts: DatePart[] };

const PARTS: DatePart[] = ["day", "month", "year"];

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

export const EMPTY_DATE_PARTS: DateParts = { day: "", month: "", year: "" };

/** "2018-04-01" → { day: "1", month: "4", year: "2018" }: how a person would type it. */
export function isoToDateParts(iso: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!match) return { ...EMPTY_DATE_PARTS };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

/** Whether anything was typed in any part. */
export function hasDateParts(parts: DateParts): boolean {
  return PARTS.some((p) => parts[p].trim() !== "");
}

/** A month's number (1–12) from its name or the start of it, three letters or more ("Apr"). */
export function monthByName(text: string): number | null {
  const lower = text.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(lower));
  return index === -1 ? null : index + 1;
}

/** A month as typed: 1–12 (with or without a leading 0), or a name or its first three letters. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  return monthByName(text);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function list(parts: DatePart[]): string {
  return parts.length === 1
    ? parts[0]!
    : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * Reads a date typed as day, month and year. `label` starts each message ("Start date").
 * Nothing typed is `{ ok: true, iso: null }`: whether the date is required is the caller's rule.
 */
export function parseDateParts(label: string, typed: DateParts): DateInputResult {
  const parts = {
    day: typed.day.trim(),
    month: typed.month.trim(),
    year: typed.year.trim(),
  };
  const missing = PARTS.filter((p) => parts[p] === "");
  if (missing.length === 3) return { ok: true, iso: null };
  if (missing.length > 0)
    return { ok: false, message: `${label} must include a ${list(missing)}`, parts: missing };

  const real = (message: string, wrong: DatePart[]) =>
    ({ ok: false, message: `${label} must be a real date${message}`, parts: wrong }) as const;
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : null;
  const month = monthNumber(parts.month);
  const wrong = PARTS.filter(
    (p) =>
      (p === "day" && (day === null || day < 1 || day > 31)) ||
      (p === "month" && (month === null || month < 1 || month > 12)) ||
      (p === "year" && !/^\d+$/.test(parts.year)),
  );
  if (wrong.length > 0) return real(`: check the ${list(wrong)}`, wrong);
  if (!/^\d{4}$/.test(parts.year))
    return { ok: false, message: `${label} year must include 4 numbers`, parts: ["year"] };

  const year = Number(parts.year);
  const days = daysIn(year, month!);
  if (day! > days) {
    const monthName = MONTH_NAMES[month! - 1]!;
    return real(`: ${monthName[0]!.toUpperCase()}${monthName.slice(1)} ${year} has ${days} days`, [
      "day",
    ]);
  }
  const pad = (n: number) => String(n).padStart(2, "0");
  return { ok: true, iso: `${year}-${pad(month!)}-${pad(day!)}` };
}
