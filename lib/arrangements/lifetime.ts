import { formatLongDate } from "@/lib/format/dates";

/*
 * Nobody takes part outside their lifetime (issue 12, item 5). An organisation named on an
 * arrangement — a partner or the lead — must have existed on the day the arrangement started
 * (for a planned arrangement with no start date yet: it must not have ceased by today).
 *
 * A council that ceased while the arrangement ran stays on it: it took part for the years it
 * existed, and the register follows it to its successors from the day they took over (the rule
 * for who takes part on a date). What is refused is a body named for years it did not exist:
 * an Integrated Care Board on a 2015 arrangement, a council formed in 2021 on one that started
 * in 2017 (name its predecessor instead), a council that had already ceased.
 *
 * One rule, used by the form's commands (save, submit) and by the CSV import. Pure module.
 */

export type Lifetime = { name: string; startDate: string | null; endDate: string | null };
export type ArrangementDates = { startDate: string | null };

/** "from 1 April 2021", "until 31 March 2021", "1 April 1974 to 31 March 2021". */
export function describeLifetime(org: Omit<Lifetime, "name">): string {
  const from = org.startDate ? formatLongDate(org.startDate) : null;
  const until = org.endDate ? formatLongDate(org.endDate) : null;
  if (from && until) return `${from} to ${until}`;
  if (from) return `from ${from}`;
  if (until) return `until ${until}`;
  return "with no recorded dates";
}

/**
 * Why `org` cannot be named on an arrangement with these dates, or null when it can.
 * `today` is lib/clock.ts's today(), passed in so the rule stays pure.
 */
export function lifetimeProblem(
  org: Lifetime,
  arrangement: ArrangementDates,
  today: string,
): string | null {
  const existed = `${org.name} existed ${describeLifetime(org)}`;
  const start = arrangement.startDate;
  if (!start) {
    if (org.endDate && org.endDate < today)
      return `${existed}: it cannot take part in a planned arrangement. Name the council that took over from it`;
    return null;
  }
  const started = formatLongDate(start);
  if (org.startDate && org.startDate > start)
    return `${existed}, so it did not exist when this arrangement started on ${started}. Name the body that existed then (the register follows it to its successors), or correct the start date`;
  if (org.endDate && org.endDate < start)
    return `${existed}, so it had ceased before this arrangement started on ${started}. Name the council that took over from it, or correct the start date`;
  return null;
}

/** The first problem among the organisations named (lead first), or null. */
export function firstLifetimeProblem(
  orgs: Lifetime[],
  arrangement: ArrangementDates,
  today: string,
): string | null {
  for (const org of orgs) {
    const problem = lifetimeProblem(org, arrangement, today);
    if (problem) return problem;
  }
  return null;
}
