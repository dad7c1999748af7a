import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { today } from "@/lib/clock";

/*
 * Successions as the public pages name them, from organisation_successions (many to many: a
 * merger is several predecessors into one successor, a split one predecessor into several).
 *
 * - `successionsOf`: who a council was directly succeeded by, and whom it succeeded — "replaced
 *   on 1 April 2021 by North Northamptonshire Council and West Northamptonshire Council".
 * - `nowPartOf`: for organisations named on an arrangement, the organisations they are part of
 *   on a day: the ends of their chains of successions in effect by then (Allerdale →
 *   Cumberland), not merely the next link, and every branch of a split.
 */

/** One side of a succession: the other organisation, its first day in charge, its share. */
export type Succession = {
  code: string;
  name: string;
  /** The successor's first day in charge (the predecessor's last day + 1). */
  effectiveDate: string;
  /** The part of the predecessor the successor took, in basis points. */
  shareBp: number;
};

/** An organisation an ended one is part of on a day, and since when. */
export type Successor = { code: string; name: string; since: string };

const successionRow = z
  .object({
    side: z.enum(["successor", "predecessor"]),
    code: z.string(),
    name: z.string(),
    effective_date: columns.isoDate,
    share_bp: columns.int,
  })
  .transform((row) => ({
    side: row.side,
    succession: {
      code: row.code,
      name: row.name,
      effectiveDate: row.effective_date,
      shareBp: row.share_bp,
    } satisfies Succession,
  }));

export type Successions = { successors: Succession[]; predecessors: Succession[] };

async function successionsQuery(organisationId: number): Promise<Successions> {
  const rows = await checkedRows(
    db(),
    successionRow,
    sql`
    SELECT 'successor' AS side, o.code, o.name, to_char(s.effective_date, 'YYYY-MM-DD') AS effective_date,
           s.share_bp
    FROM organisation_successions s JOIN organisations o ON o.id = s.successor_id
    WHERE s.predecessor_id = ${organisationId}
    UNION ALL
    SELECT 'predecessor', o.code, o.name, to_char(s.effective_date, 'YYYY-MM-DD'), s.share_bp
    FROM organisation_successions s JOIN organisations o ON o.id = s.predecessor_id
    WHERE s.successor_id = ${organisationId}
    ORDER BY 1, 4, 3, 2`,
  );
  const of = (side: "successor" | "predecessor") =>
    rows.filter((r) => r.side === side).map((r) => r.succession);
  return { successors: of("successor"), predecessors: of("predecessor") };
}

/** The organisations that directly succeeded the organisation, and those it succeeded. */
export const successionsOf = cachedPublic("organisation-successions", successionsQuery);

const successorRow = z
  .object({
    code: z.string(),
    successor_code: z.string(),
    successor_name: z.string(),
    since: columns.isoDate,
  })
  .transform((row): [string, Successor] => [
    row.code,
    { code: row.successor_code, name: row.successor_name, since: row.since },
  ]);

/** Successions followed at most this far: a longer chain is a data error, not a reorganisation. */
const MAX_DEPTH = 20;

async function successorsQuery(codes: string[], day: string): Promise<Record<string, Successor[]>> {
  if (codes.length === 0) return {};
  const rows = await checkedRows(
    db(),
    successorRow,
    sql`
    WITH RECURSIVE chain(start_code, id, since, depth) AS (
      SELECT o.code, s.successor_id, s.effective_date, 1
      FROM organisations o JOIN organisation_successions s ON s.predecessor_id = o.id
      WHERE o.code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )}) AND s.effective_date <= ${day}::date
      UNION ALL
      SELECT c.start_code, s.successor_id, greatest(c.since, s.effective_date), c.depth + 1
      FROM chain c JOIN organisation_successions s ON s.predecessor_id = c.id
      WHERE s.effective_date <= ${day}::date AND c.depth < ${MAX_DEPTH}
    )
    SELECT DISTINCT ON (c.start_code, o.code) c.start_code AS code, o.code AS successor_code,
           o.name AS successor_name, to_char(c.since, 'YYYY-MM-DD') AS since
    FROM chain c JOIN organisations o ON o.id = c.id
    WHERE NOT EXISTS (SELECT 1 FROM organisation_successions n
                      WHERE n.predecessor_id = c.id AND n.effective_date <= ${day}::date)
    ORDER BY c.start_code, o.code, c.since`,
  );
  const out: Record<string, Successor[]> = {};
  for (const [code, successor] of rows) (out[code] ??= []).push(successor);
  for (const list of Object.values(out)) list.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return out;
}

const cachedSuccessors = cachedPublic("organisation-successors", successorsQuery);

/**
 * For each organisation code succeeded by `day` (today by default), the organisations it is
 * part of then, by name; codes not succeeded are absent.
 */
export function nowPartOf(
  codes: readonly string[],
  day: string = today(),
): Promise<Record<string, Successor[]>> {
  return cachedSuccessors([...new Set(codes)].sort(), day);
}
