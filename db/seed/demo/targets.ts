/**
 * The moments the demo history is built to match: the LGA's published editions
 * (db/reference/lga_published_editions.csv, real figures) at the moments the issue 12 design
 * names, and "today" for the demo set.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { londonToInstant } from "@/lib/editions/london-time";
import { financialYearOf } from "@/lib/financial-year";
import { referencePath } from "../reference";

/** The demo register runs to this day; no approval is later. */
export const DEMO_TODAY = "2026-12-02";
export const LAST_APPROVAL_DAY = "2026-11-27";

/** Each LGA edition's day (London) and the name of our demo edition at 23:59 that day. */
const EDITION_MOMENTS = [
  { edition: "2013-01", day: "2013-01-29", name: "January 2013 edition" },
  { edition: "2013-03", day: "2013-03-19", name: "March 2013 edition" },
  { edition: "2014", day: "2014-12-31", name: "2014 edition" },
  { edition: "2015", day: "2015-12-31", name: "2015 edition" },
  { edition: "2017", day: "2017-12-31", name: "2017 edition" },
  { edition: "2018-06", day: "2018-06-30", name: "June 2018 edition" },
  { edition: "2018", day: "2018-12-31", name: "2018 edition" },
  { edition: "2019-07", day: "2019-07-31", name: "July 2019 edition" },
] as const;

export type EditionTarget = {
  edition: string;
  name: string;
  /** The London day D of the edition. */
  day: string;
  /** The moment T: 23:59 London time on `day`. */
  asOf: Date;
  arrangements: number;
  cumulativePence: bigint;
  councilsSharing: number | null;
  councilsSharingPercent: number | null;
  /**
   * "Nearly £Xm benchmarked in <year> alone": the savings lines of the financial year before the
   * edition's must lie within [min, max] (nearly = within 5% below).
   */
  annual: { financialYear: number; minPence: bigint; maxPence: bigint } | null;
  source: string;
};

const whole = (text: string | undefined) => (text && /^\d+$/.test(text) ? Number(text) : null);

let cached: EditionTarget[] | undefined;

/** The eight editions, oldest first, with the LGA's figures from the CSV. */
export function editionTargets(): EditionTarget[] {
  if (cached) return cached;
  const rows = parse(readFileSync(referencePath("lga_published_editions.csv"), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  cached = EDITION_MOMENTS.map((m) => {
    const row = rows.find((r) => r["edition"] === m.edition);
    if (!row) throw new Error(`lga_published_editions.csv has no edition ${m.edition}`);
    const annual = whole(row["annual_savings_gbp"]);
    const annualPence = annual === null ? null : BigInt(annual) * 100n;
    return {
      ...m,
      asOf: londonToInstant(m.day, "23:59"),
      arrangements: whole(row["arrangements"])!,
      cumulativePence: BigInt(whole(row["cumulative_savings_gbp"])!) * 100n,
      councilsSharing: whole(row["councils_sharing"]),
      councilsSharingPercent: whole(row["councils_sharing_pct"]),
      annual: annualPence
        ? {
            financialYear: financialYearOf(m.day) - 1,
            minPence: (annualPence * 95n) / 100n,
            maxPence: annualPence,
          }
        : null,
      source: row["source"] ?? "",
    };
  });
  return cached;
}
