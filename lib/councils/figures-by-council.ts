import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import type { PublishedFilters } from "@/lib/public/filters";
import { registerOnDay } from "@/lib/public/register";
import { equalShares, equalSharesByYear } from "@/lib/public/shares";

/*
 * Councils' figures on a day by the register's rule (lib/public/register.ts), for the councils
 * given by code: what the map colours its areas by and what a council's profile sets beside its
 * similar councils'. A council counts the shared arrangements it takes part in on the day —
 * itself, or for a council it succeeded ("via" it) — and the savings of every arrangement it
 * takes part in, in full (these overlap between councils), with its equal share of them
 * (lib/public/shares.ts), which do not; and that share year by year.
 */

export type CouncilDayFigures = {
  code: string;
  /** Shared arrangements it takes part in (those run within it alone by then are not). */
  arrangements: number;
  /** Of `arrangements`, those it takes part in only for a council it succeeded. */
  viaArrangements: number;
  /** Savings of the whole partnerships it takes part in: these overlap between councils. */
  totalPence: bigint;
  /** Its share of them: each arrangement's savings split equally (lib/public/shares.ts). */
  sharePence: bigint;
  /** Takes part in a running, shared arrangement on the day. */
  involved: boolean;
};

const figureRow = z
  .object({
    code: z.string(),
    arrangements: columns.int,
    via_arrangements: columns.int,
    total_pence: columns.bigintText,
    share_pence: columns.bigintText,
    involved: z.boolean(),
  })
  .transform((r): CouncilDayFigures => ({
    code: r.code,
    arrangements: r.arrangements,
    viaArrangements: r.via_arrangements,
    totalPence: r.total_pence,
    sharePence: r.share_pence,
    involved: r.involved,
  }));

/**
 * Who of the councils `codes` takes part in what on `day` (CTEs `register` and `taking`): one
 * row per council and arrangement, `only_via` when it takes part only for councils it succeeded.
 */
export function takingPart(codes: string[], day: string, filters: PublishedFilters) {
  return sql`register AS (${registerOnDay(day, filters)}),
    taking AS (
      SELECT o.code, x.arrangement_id, bool_and(x.via_organisation_id IS NOT NULL) AS only_via
      FROM register_participants(${day}::date) x
      JOIN organisations o ON o.id = x.organisation_id
      WHERE o.code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})
      GROUP BY o.code, x.arrangement_id
    )`;
}

/**
 * Each of the councils `codes` that takes part in anything on `day` (of the filters'
 * arrangements), with its figures; a council taking part in nothing has no row.
 */
export function figuresByCouncil(
  codes: string[],
  day: string,
  filters: PublishedFilters = {},
): Promise<CouncilDayFigures[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return checkedRows(
    db(),
    figureRow,
    sql`WITH ${takingPart(codes, day, filters)},
    shares AS (${equalShares(day)})
    SELECT t.code,
           (count(*) FILTER (WHERE NOT r.internal))::int AS arrangements,
           (count(*) FILTER (WHERE NOT r.internal AND t.only_via))::int AS via_arrangements,
           coalesce(sum(r.counted_pence), 0)::text AS total_pence,
           coalesce(sum(sh.share_pence), 0)::text AS share_pence,
           coalesce(bool_or(r.running AND r.participants > 1), false) AS involved
    FROM taking t
    JOIN register r ON r.arrangement_id = t.arrangement_id
    JOIN organisations o ON o.code = t.code
    LEFT JOIN shares sh ON sh.arrangement_id = t.arrangement_id AND sh.organisation_id = o.id
    GROUP BY t.code`,
  );
}

export type CouncilShareYear = { code: string; financialYear: number; sharePence: bigint };

const shareYearRow = z
  .object({ code: z.string(), financial_year: columns.int, share_pence: columns.bigintText })
  .transform((r): CouncilShareYear => ({
    code: r.code,
    financialYear: r.financial_year,
    sharePence: r.share_pence,
  }));

/**
 * Each of the councils `codes`' share of its arrangements' savings by financial year on `day`
 * (each year's savings split on their own: lib/public/shares.ts `equalSharesByYear`), by code,
 * oldest first; years without savings have no row.
 */
export function shareYearsByCouncil(codes: string[], day: string): Promise<CouncilShareYear[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return checkedRows(
    db(),
    shareYearRow,
    sql`WITH register AS (${registerOnDay(day)}),
    year_shares AS (${equalSharesByYear(day)})
    SELECT o.code, ys.financial_year, sum(ys.share_pence)::text AS share_pence
    FROM year_shares ys
    JOIN organisations o ON o.id = ys.organisation_id
    WHERE o.code IN (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})
    GROUP BY o.code, ys.financial_year
    ORDER BY o.code, ys.financial_year`,
  );
}
