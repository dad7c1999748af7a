import type { LgaEdition } from "@/lib/editions/lga";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import { formatLongDate } from "@/lib/format/dates";

/** A count the LGA may not have published. */
export function count(value: number | null): string {
  return value === null ? "Not published" : value.toLocaleString("en-GB");
}

/** An amount the LGA may not have published: to the pound in tables, in £m in headlines. */
export function money(value: bigint | null, style: "table" | "headline" = "table"): string {
  if (value === null) return "Not published";
  return style === "headline" ? formatHeadlinePounds(value) : formatWholePounds(value);
}

/** When the LGA published an edition: a day, a month ("2017-06") or a year, as it gave it. */
export function lgaPublished(e: LgaEdition): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(e.published)) return formatLongDate(e.published);
  if (/^\d{4}-\d{2}$/.test(e.published))
    return new Intl.DateTimeFormat("en-GB", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${e.published}-01T00:00:00Z`));
  return e.published;
}
