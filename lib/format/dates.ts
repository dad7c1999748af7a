import { parseIsoDate } from "@/lib/financial-year";

/*
 * Dates and times as people read them on the site and in mail: GOV.UK style ("4 March 2025",
 * "4 March 2025 at 14:05"), always on the UK calendar and clock whatever the server's zone.
 * Pure module: safe in client components. (Money is written by lib/money.ts; financial years
 * by lib/financial-year.ts.)
 */

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

const ukDate = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});

// A date column has no time of day: formatted in UTC from a UTC midnight, the day can never
// shift with the server's zone.
const calendarDate = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "long",
  year: "numeric",
});

function moment(value: Date | string): Date {
  return typeof value === "string" ? new Date(value) : value;
}

/** A moment: "4 March 2025 at 14:05" in UK time; "" for none. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  return dateTime.format(moment(value));
}

/** A moment as the UK calendar day it fell on: "14 June 2017". */
export function formatUkDate(value: Date | string): string {
  return ukDate.format(moment(value));
}

/** A calendar date (ISO, as a `date` column holds it): "2018-03-31" → "31 March 2018". */
export function formatLongDate(isoDate: string): string {
  parseIsoDate(isoDate);
  return calendarDate.format(new Date(`${isoDate}T00:00:00Z`));
}
