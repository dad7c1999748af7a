import { isIsoDate } from "@/lib/editions/london-time";

/*
 * The register's "today": the calendar day in England (Europe/London), which is what a date
 * column, a financial year and a vesting day mean. APP_TODAY (YYYY-MM-DD) overrides it so tests
 * can move the clock past a vesting date or the end of a financial year. It is read at each call,
 * not parsed once at start-up with the rest of the environment, so a test may change it.
 */

const londonDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in England as "YYYY-MM-DD", or APP_TODAY when set to a real date. */
export function today(): string {
  const override = process.env.APP_TODAY?.trim();
  if (override) {
    if (!isIsoDate(override))
      throw new RangeError(`APP_TODAY is not a date (YYYY-MM-DD): ${override}`);
    return override;
  }
  return londonDay.format(new Date());
}
