/**
 * Demo editions: one at each moment the LGA published figures for its shared services map
 * (db/reference/lga_published_editions.csv, at the moments the issue 12 design names: 23:59
 * London time on the day), so /editions compares like with like. An edition stores only its
 * name and moment; its figures come from the demo data's approval history, which is built to
 * reproduce the LGA's (db/seed/demo).
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { formatLongDate } from "@/lib/format/dates";
import { formatHeadlinePounds } from "@/lib/money";
import { editionTargets, type EditionTarget } from "./demo";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function describe(t: EditionTarget): string {
  const councils =
    t.councilsSharingPercent !== null
      ? `, ${t.councilsSharingPercent}% of councils sharing`
      : t.councilsSharing !== null
        ? `, at least ${t.councilsSharing} councils sharing`
        : "";
  const label = t.name.replace(/ edition$/, "");
  const source = t.source.replace(/\s*\(the seed article\)$/, "");
  return (
    `Demo edition: the register as it stood at 23:59 on ${formatLongDate(t.day)}, beside the ` +
    `LGA's ${label} figures: ${t.arrangements} arrangements and ` +
    `${formatHeadlinePounds(t.cumulativePence)} of savings${councils}. Source: ${source}.`
  );
}

export const DEMO_EDITIONS = editionTargets().map((t) => ({
  name: t.name,
  asOf: t.asOf.toISOString(),
  description: describe(t),
}));

/** Inserts the demo editions that are not there yet; returns how many it inserted. */
export async function insertDemoEditions(tx: Tx): Promise<number> {
  const values = DEMO_EDITIONS.map(
    (e) => sql`(${e.name}, ${e.description}, ${e.asOf}::timestamptz)`,
  );
  const result = await tx.execute(sql`
    INSERT INTO editions (name, description, as_of)
    VALUES ${sql.join(values, sql`, `)}
    ON CONFLICT (name) DO NOTHING`);
  return result.count;
}
