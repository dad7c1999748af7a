import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

/*
 * The LGA's published editions, read straight from the shipped file, and the London day of each
 * demo edition as the issue 12 design names them (23:59 that day): what tests hold the demo
 * history to, independently of the generator's own reading.
 */

export const LGA_EDITION_DAYS = new Map([
  ["2013-01", "2013-01-29"],
  ["2013-03", "2013-03-19"],
  ["2014", "2014-12-31"],
  ["2015", "2015-12-31"],
  ["2017", "2017-12-31"],
  ["2018-06", "2018-06-30"],
  ["2018", "2018-12-31"],
  ["2019-07", "2019-07-31"],
]);

/** Rows of db/reference/lga_published_editions.csv, as text. */
export function lgaEditionRows(): Record<string, string>[] {
  return parse(readFileSync("db/reference/lga_published_editions.csv", "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}
