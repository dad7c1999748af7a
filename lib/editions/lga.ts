import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

/*
 * The LGA's own published headline figures, edition by edition (db/reference/
 * lga_published_editions.csv, with the source of each). Facts to show beside ours, never mixed
 * into the register's figures.
 */

export type LgaEdition = {
  /** "2013-03", "2017", … as the file names it. */
  edition: string;
  /** When it was published, as precisely as the source says ("2013-03-19", "2018-06", "2017"). */
  published: string;
  /** An approximate day to place it on a time line: the middle of a month or year given alone. */
  publishedDay: string;
  arrangements: number | null;
  councilsSharing: number | null;
  councilsSharingPercent: number | null;
  cumulativeSavingsPence: bigint | null;
  annualSavingsPence: bigint | null;
  note: string;
  source: string;
};

function count(text: string | undefined): number | null {
  return text && /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

function pence(pounds: string | undefined): bigint | null {
  return pounds && /^\d+$/.test(pounds.trim()) ? BigInt(pounds.trim()) * 100n : null;
}

function approximateDay(published: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published;
  if (/^\d{4}-\d{2}$/.test(published)) return `${published}-15`;
  if (/^\d{4}$/.test(published)) return `${published}-07-01`;
  throw new Error(`lga_published_editions.csv: cannot read the date "${published}"`);
}

let cached: LgaEdition[] | undefined;

/** Every LGA edition, oldest first. Read once per process; the file ships with the app. */
export function lgaEditions(): LgaEdition[] {
  if (cached) return cached;
  const file = path.join(process.cwd(), "db", "reference", "lga_published_editions.csv");
  const rows = parse(readFileSync(file, "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  cached = rows
    .map((r) => ({
      edition: r.edition!,
      published: r.published!,
      publishedDay: approximateDay(r.published!),
      arrangements: count(r.arrangements),
      councilsSharing: count(r.councils_sharing),
      councilsSharingPercent: count(r.councils_sharing_pct),
      cumulativeSavingsPence: pence(r.cumulative_savings_gbp),
      annualSavingsPence: pence(r.annual_savings_gbp),
      note: r.note ?? "",
      source: r.source ?? "",
    }))
    .sort((a, b) => a.publishedDay.localeCompare(b.publishedDay));
  return cached;
}

/** The latest LGA edition published on or before a day (to set beside one of ours). */
export function lgaEditionBefore(day: string): LgaEdition | null {
  let found: LgaEdition | null = null;
  for (const e of lgaEditions()) if (e.publishedDay <= day) found = e;
  return found;
}
