/**
 * Calendar helpers for the demo generator. Days are ISO "YYYY-MM-DD" strings (as PostgreSQL
 * `date` columns are); approvals are instants on a London working day, since that is when an
 * administrator in England approves something.
 */
import type { Random } from "./random";

export function isoDate(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** The first of the month `months` after the month of `iso`. */
export function firstOfMonthAfter(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  return isoDate(y + Math.floor(m / 12), (((m % 12) + 12) % 12) + 1, 1);
}

export function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

export function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2017-04-01" → "April 2017". */
export function monthYear(iso: string): string {
  return `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/**
 * The instant British Summer Time starts or ends in a year: 01:00 UTC on the last Sunday of
 * March or October. Worked out here rather than through Intl, which is far too slow for the
 * tens of thousands of dates the generator reads (lib/editions/london-time is the general one).
 */
function lastSundayAt1(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0, 1));
  return last.getTime() - last.getUTCDay() * 86_400_000;
}

const HOUR = 3_600_000;

function londonOffset(instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  return instant >= lastSundayAt1(year, 3) && instant < lastSundayAt1(year, 10) ? HOUR : 0;
}

/** The London calendar day of an instant. */
export function londonDate(instant: Date): string {
  return new Date(instant.getTime() + londonOffset(instant.getTime())).toISOString().slice(0, 10);
}

/** The instant a London clock shows `time` on `day` (never within an hour of a clock change). */
export function londonInstant(day: string, time: string): Date {
  const wall = Date.parse(`${day}T${time}:00Z`);
  return new Date(wall - londonOffset(wall - HOUR));
}

/** A day drawn evenly from [from, to], both inclusive. */
export function randomDay(rng: Random, from: string, to: string): string {
  return fromDayNumber(rng.int(dayNumber(from), dayNumber(to)));
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A working day drawn evenly from [from, to] (any day if the range holds no working day). */
export function workingDayBetween(rng: Random, from: string, to: string): string {
  let day = randomDay(rng, from, to);
  for (let tries = 0; tries < 20 && isWeekend(day); tries++) day = randomDay(rng, from, to);
  return day;
}

/** An approval on `day` between 09:00 and 17:30 London time. */
export function approvalOn(rng: Random, day: string): Date {
  const minutes = rng.int(9 * 60, 17 * 60 + 30);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return new Date(londonInstant(day, `${hh}:${mm}`).getTime() + rng.int(0, 59) * 1000);
}

/** An approval on a working day drawn evenly from [from, to]. */
export function approvalBetween(rng: Random, from: string, to: string): Date {
  return approvalOn(rng, workingDayBetween(rng, from, to));
}
