/*
 * UK wall-clock times ↔ instants. Administrators type dates and times as they read them on a
 * clock in England ("31 March 2017, 23:59"), which is GMT in winter and BST in summer; the
 * database stores instants. Pure module, no time-zone library: Intl knows Europe/London.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The London wall-clock reading of an instant, as milliseconds of a UTC calendar. */
function wallClock(instant: number): number {
  const p = Object.fromEntries(
    parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]),
  );
  return Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
}

/** True when `iso` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(iso: string): boolean {
  const m = ISO_DATE.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === iso;
}

/** True for "HH:MM" or "HH:MM:SS" on a 24-hour clock. */
export function isTime(text: string): boolean {
  return TIME.test(text);
}

/**
 * The instant a London clock shows `date` `time` ("2017-03-31", "23:59"). In the hour the
 * clocks go back (a time that happens twice) it is the first of the two; in the hour that is
 * skipped when they go forward, the time an hour later.
 */
export function londonToInstant(date: string, time = "00:00"): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`Not a time (HH:MM): ${time}`);
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const wanted = Date.UTC(y, mo - 1, d, +t[1]!, +t[2]!, +(t[3] ?? 0));
  // London is UTC or UTC+1: try the larger offset first, so an ambiguous time takes BST.
  for (const offsetHours of [1, 0]) {
    const candidate = wanted - offsetHours * 3_600_000;
    if (wallClock(candidate) === wanted) return new Date(candidate);
  }
  // A skipped time (01:30 on the last Sunday of March): an hour later on the clock.
  return new Date(wanted);
}

/** The first instant of a London calendar day. */
export function londonDayStart(date: string): Date {
  return londonToInstant(date, "00:00");
}

/** The London calendar day after `date` ("2017-03-31" → "2017-04-01"). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The calendar day before `date` ("2021-04-01" → "2021-03-31"): a vesting day's eve. */
export function previousDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** An instant as London's date and time, "2017-03-31" and "23:59" (for form fields). */
export function instantToLondon(instant: Date): { date: string; time: string } {
  const wall = new Date(wallClock(instant.getTime())).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}
