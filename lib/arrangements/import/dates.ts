import { monthByName } from "@/lib/date-input";
import { parseIsoDate } from "@/lib/financial-year";

/*
 * Dates as a spreadsheet holds them: ISO (2018-04-01), UK numeric (01/04/2018, 1/4/2018, also
 * with "-" or "."), and written out (1 April 2018, 1st Apr 2018). Always day before month: a
 * register of UK councils reads 01/04/2018 as 1 April. Pure module.
 */

const UK_NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const WRITTEN = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i;

function iso(year: number, month: number, day: number): string | null {
  const text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  try {
    parseIsoDate(text);
    return text;
  } catch {
    return null;
  }
}

function monthNumber(name: string): number | null {
  // "Sept" is common enough to accept beside "Sep".
  return monthByName(name.toLowerCase() === "sept" ? "sep" : name);
}

/** The date as "YYYY-MM-DD", or null when the text is not a real date in one of the formats. */
export function readImportDate(text: string): string | null {
  const value = text.trim().replace(/\s+/g, " ");
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return iso(+value.slice(0, 4), +value.slice(5, 7), +value.slice(8));
  const numeric = UK_NUMERIC.exec(value);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const written = WRITTEN.exec(value);
  if (written) {
    const month = monthNumber(written[2]!);
    return month ? iso(Number(written[3]), month, Number(written[1])) : null;
  }
  return null;
}

export const IMPORT_DATE_EXAMPLES = "01/04/2018, 1 April 2018 or 2018-04-01";
