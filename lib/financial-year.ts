/**
 * Financial years: UK local government runs 1 April – 31 March. Throughout the register a
 * financial year is stored as the calendar year it starts in (2016 means 2016/17), so it sorts
 * and compares as a plain integer.
 *
 * Dates are ISO "YYYY-MM-DD" strings, as PostgreSQL `date` columns are, so there is no time of
 * day and no time-zone drift. Pure module: safe in client components.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks an ISO date names a real calendar day (no 2017-02-30) and returns its parts. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(iso);
  const utc = match ? new Date(`${iso}T00:00:00Z`) : null;
  if (!match || !utc || Number.isNaN(utc.getTime()) || utc.toISOString().slice(0, 10) !== iso) {
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${iso}`);
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9998) {
    throw new RangeError(`Not a financial year: ${year}`);
  }
}

/** 2016 → "2016/17"; 1999 → "1999/00" (the second part is always two digits). */
export function financialYearLabel(year: number): string {
  assertYear(year);
  return `${year}/${String((year + 1) % 100).padStart(2, "0")}`;
}

/** The first day of the financial year, 1 April: 2016 → "2016-04-01". */
export function financialYearStart(year: number): string {
  assertYear(year);
  return `${year}-04-01`;
}

/** The last day of the financial year, 31 March of the next calendar year: 2016 → "2017-03-31". */
export function financialYearEnd(year: number): string {
  assertYear(year);
  return `${year + 1}-03-31`;
}

/**
 * The UK calendar day a moment falls on, as "YYYY-MM-DD". A Date is an instant; midnight at the
 * start of 1 April in British Summer Time is still 31 March in UTC, so reading UTC fields would
 * put it in the wrong financial year.
 */
function ukCalendarDate(moment: Date): string {
  if (Number.isNaN(moment.getTime())) throw new RangeError("Invalid date");
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(moment);
}

/**
 * The financial year a date falls in (years start on 1 April).
 * Accepts an ISO date string ("2017-03-31" → 2016) or a Date (read as the UK calendar day).
 */
export function financialYearOf(date: string | Date): number {
  const iso = typeof date === "string" ? date : ukCalendarDate(date);
  const { year, month } = parseIsoDate(iso);
  return month >= 4 ? year : year - 1;
}

/**
 * Reads "2016/17" back into 2016. Also accepts a hyphen or en dash ("2016-17", "2016–17") and a
 * four-digit second year ("2016/2017"), as spreadsheets use both. Returns null when the second
 * year does not follow the first, or the text is not a financial year at all.
 */
export function parseFinancialYearLabel(label: string): number | null {
  const match = /^(\d{4})\s*[/\-\u2013]\s*(\d{2}|\d{4})$/.exec(label.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const next = match[2]!;
  const expected = next.length === 2 ? (year + 1) % 100 : year + 1;
  return Number(next) === expected ? year : null;
}

/**
 * Whether a savings line is a forecast for a financial year that has ended on `today` (its
 * 31 March is before today): a figure that should by now be known, shown as "forecast, not yet
 * confirmed" until the council confirms it. `today` is lib/clock.ts's today(), passed in so the
 * rule stays pure; SQL reads the same rule as `financial_year < ${financialYearOf(today)}`
 * (lib/public/unconfirmed.ts).
 */
export function isUnconfirmedForecast(
  line: { kind: string; financialYear: number },
  today: string,
): boolean {
  return line.kind === "forecast" && line.financialYear < financialYearOf(today);
}
