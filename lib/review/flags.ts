import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { checkedRows, columns } from "@/db/checked-rows";

/*
 * What the review queue points out about a submission, each with its reason:
 *
 * - an outlier: its total savings are more than OUTLIER_FACTOR times the median total of the
 *   published arrangements of its main category. Only published arrangements that report savings
 *   (a total above zero) count: one without a figure has no total, and counting it as £0 would
 *   put the median of some categories at £0 and flag every submission in them;
 * - a likely duplicate: a published arrangement, not this one, with the same lead organisation
 *   and main category and a title at least DUPLICATE_SIMILARITY similar by pg_trgm's
 *   similarity() (shared three-letter groups, 0 to 1, case-insensitive; migration 0013).
 *
 * "Published" is each arrangement's published revision (arrangements.published_revision_id).
 * Flags inform the reviewer; they decide nothing.
 */

export const OUTLIER_FACTOR = 10;
export const DUPLICATE_SIMILARITY = 0.5;
/** The most similar published arrangements named per submission. */
export const DUPLICATES_SHOWN = 3;

export type OutlierFlag = {
  /** The median total in pence, rounded to the penny (an even count averages the middle two). */
  medianPence: bigint;
  /** How many published arrangements with savings the median is taken over. */
  publishedCount: number;
};

export type DuplicateMatch = { slug: string; title: string; similarity: number };

export type QueueFlags = { outlier: OutlierFlag | null; duplicates: DuplicateMatch[] };

const outlierRow = z
  .object({ revision_id: columns.int, median_pence: columns.bigint, published: columns.int })
  .transform((r) => ({
    revisionId: r.revision_id,
    flag: { medianPence: r.median_pence, publishedCount: r.published },
  }));

const duplicateRow = z
  .object({
    revision_id: columns.int,
    slug: z.string(),
    title: z.string(),
    similarity: z.number(),
  })
  .transform((r) => ({
    revisionId: r.revision_id,
    match: { slug: r.slug, title: r.title, similarity: r.similarity },
  }));

function outliers(reader: DbOrTx, revisionIds: number[]) {
  return checkedRows(
    reader,
    outlierRow,
    sql`
      WITH medians AS (
        SELECT r.main_category_id,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY r.total_pence) AS median,
               count(*)::int AS published
        FROM arrangements a
        JOIN arrangement_revisions r ON r.id = a.published_revision_id
        WHERE r.total_pence > 0
        GROUP BY r.main_category_id
      )
      SELECT s.id AS revision_id, round(m.median)::bigint AS median_pence, m.published
      FROM arrangement_revisions s
      JOIN medians m ON m.main_category_id = s.main_category_id
      WHERE s.id IN ${revisionIds} AND s.total_pence > ${OUTLIER_FACTOR} * m.median`,
  );
}

function duplicates(reader: DbOrTx, revisionIds: number[]) {
  return checkedRows(
    reader,
    duplicateRow,
    sql`
      SELECT s.id AS revision_id, other.slug, p.title,
             similarity(p.title, s.title)::float8 AS similarity
      FROM arrangement_revisions s
      JOIN arrangements own ON own.id = s.arrangement_id
      JOIN arrangements other
        ON other.lead_organisation_id = own.lead_organisation_id AND other.id <> own.id
      JOIN arrangement_revisions p ON p.id = other.published_revision_id
      WHERE s.id IN ${revisionIds}
        AND p.main_category_id = s.main_category_id
        AND similarity(p.title, s.title) >= ${DUPLICATE_SIMILARITY}
      ORDER BY s.id, similarity DESC, p.title`,
  );
}

/** Each revision's flags (revisions without any are absent from the map). */
export async function queueFlags(
  reader: DbOrTx,
  revisionIds: number[],
): Promise<Map<number, QueueFlags>> {
  const flags = new Map<number, QueueFlags>();
  if (revisionIds.length === 0) return flags;
  const entry = (id: number) => {
    let found = flags.get(id);
    if (!found) flags.set(id, (found = { outlier: null, duplicates: [] }));
    return found;
  };
  const [outlying, similar] = await Promise.all([
    outliers(reader, revisionIds),
    duplicates(reader, revisionIds),
  ]);
  for (const row of outlying) entry(row.revisionId).outlier = row.flag;
  for (const row of similar) {
    const found = entry(row.revisionId);
    if (found.duplicates.length < DUPLICATES_SHOWN) found.duplicates.push(row.match);
  }
  return flags;
}
