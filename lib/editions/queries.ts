import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, columns } from "@/db/checked-rows";
import { db, type DbOrTx } from "@/db/client";
import { editions, users } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { publishedArrangements } from "@/lib/public/published";

/*
 * Editions: named moments whose figures are the register as it stood then, computed from the
 * approval history (reviewed_at / superseded_at) by the one definition of the public register,
 * publishedArrangements(…, { asOf }). Nothing is copied when an edition is named, and a later
 * approval (stamped after the moment: lib/review/publication-lock.ts) cannot change it.
 */

export type EditionFigures = {
  arrangements: number;
  illustrative: number;
  /** Councils that led or were partners in an arrangement published at the moment. */
  councilsInvolved: number;
  actualPence: bigint;
  forecastPence: bigint;
  totalPence: bigint;
};

export type EditionWithFigures = {
  id: number;
  name: string;
  description: string;
  asOf: Date;
  createdAt: Date;
  createdByName: string | null;
  figures: EditionFigures;
};

const figuresRow = z
  .object({
    arrangements: columns.int,
    illustrative: columns.int,
    councils_involved: columns.int,
    // Sums as text, then BigInt: exact whatever the driver does with numeric.
    actual_pence: columns.bigintText,
    forecast_pence: columns.bigintText,
  })
  .transform((row): EditionFigures => ({
    arrangements: row.arrangements,
    illustrative: row.illustrative,
    councilsInvolved: row.councils_involved,
    actualPence: row.actual_pence,
    forecastPence: row.forecast_pence,
    totalPence: row.actual_pence + row.forecast_pence,
  }));

/** The register's headline figures as they stood at `asOf`. */
export async function figuresAsOf(asOf: Date, reader: DbOrTx = db()): Promise<EditionFigures> {
  return checkedRow(
    reader,
    figuresRow,
    sql`
    WITH published AS (${publishedArrangements({}, { asOf })})
    SELECT
      (SELECT count(*)::int FROM published) AS arrangements,
      (SELECT count(*)::int FROM published WHERE is_illustrative) AS illustrative,
      (SELECT count(DISTINCT rp.organisation_id)::int
         FROM revision_partners rp
         JOIN published p ON p.revision_id = rp.revision_id
         JOIN organisations o ON o.id = rp.organisation_id AND o.kind = 'council') AS councils_involved,
      (SELECT COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'actual'), 0)::text
         FROM revision_savings s JOIN published p ON p.revision_id = s.revision_id) AS actual_pence,
      (SELECT COALESCE(SUM(s.amount_pence) FILTER (WHERE s.kind = 'forecast'), 0)::text
         FROM revision_savings s JOIN published p ON p.revision_id = s.revision_id) AS forecast_pence`,
  );
}

async function editionsQuery(): Promise<EditionWithFigures[]> {
  const rows = await db()
    .select({
      id: editions.id,
      name: editions.name,
      description: editions.description,
      asOf: editions.asOf,
      createdAt: editions.createdAt,
      createdByName: users.name,
    })
    .from(editions)
    .leftJoin(users, eq(users.id, editions.createdById))
    .orderBy(asc(editions.asOf), asc(editions.id));
  const out: EditionWithFigures[] = [];
  // One after the other: a handful of editions, each one aggregate query.
  for (const row of rows) out.push({ ...row, figures: await figuresAsOf(row.asOf) });
  return out;
}

/** Every edition with its figures, oldest first (cached under the public tag). */
export const getEditions = cachedPublic("editions", editionsQuery);
