import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";

/*
 * "Now part of …" for public pages: a council that was replaced keeps its arrangements, and the
 * pages that list them name the council it is part of today — the end of its chain of
 * successors (Allerdale → Cumberland), not merely the next link.
 */

export type Successor = { code: string; name: string; since: string | null };

const successorRow = z
  .object({
    code: z.string(),
    successor_code: z.string(),
    successor_name: z.string(),
    since: columns.isoDate.nullable(),
  })
  .transform((row): [string, Successor] => [
    row.code,
    { code: row.successor_code, name: row.successor_name, since: row.since },
  ]);

async function successorsQuery(codes: string[]): Promise<Record<string, Successor>> {
  if (codes.length === 0) return {};
  const rows = await checkedRows(
    db(),
    successorRow,
    sql`
    WITH RECURSIVE chain(start_code, id, ended, depth) AS (
      SELECT o.code, o.replaced_by_id, o.end_date, 1 FROM organisations o
      WHERE o.code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )}) AND o.replaced_by_id IS NOT NULL
      UNION ALL
      SELECT c.start_code, o.replaced_by_id, c.ended, c.depth + 1
      FROM chain c JOIN organisations o ON o.id = c.id
      WHERE o.replaced_by_id IS NOT NULL AND c.depth < 20
    )
    SELECT DISTINCT ON (c.start_code) c.start_code AS code, s.code AS successor_code,
           s.name AS successor_name, to_char(c.ended + 1, 'YYYY-MM-DD') AS since
    FROM chain c JOIN organisations s ON s.id = c.id
    ORDER BY c.start_code, c.depth DESC`,
  );
  return Object.fromEntries(rows);
}

/** For each organisation code that was replaced, the organisation it is part of now. */
export const nowPartOf = cachedPublic("organisation-successors", (codes: string[]) =>
  successorsQuery([...new Set(codes)].sort()),
);
