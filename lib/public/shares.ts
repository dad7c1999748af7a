import "server-only";
import { sql, type SQL } from "drizzle-orm";

/*
 * A council's share of an arrangement's savings. The register records savings for the whole
 * partnership, and no arrangement records how they divide (there is no share column: a
 * succession's share_bp says how a split council's part passes on, not how partners divide a
 * saving), so a share is the arrangement's counted savings on the day split equally among the
 * organisations taking part that day by the register's rule (a council carrying on for councils
 * it replaced is one of them, once). Shares are whole pence and add up exactly to the
 * arrangement's savings: each gets the quotient, and the remainder pennies go one each to the
 * first organisations in partner order — the lead first, then by organisation code — as
 * `splitPenceEqually` in lib/money.ts does.
 */

/**
 * One row per arrangement and organisation taking part on `day`: `arrangement_id`,
 * `organisation_id`, `share_pence`. Reads a CTE named `register` (lib/public/register.ts
 * `registerOnDay(day)`) for each arrangement's counted savings and number taking part.
 */
export function equalShares(day: string): SQL {
  return sql`SELECT x.arrangement_id, x.organisation_id,
      (r.counted_pence / r.participants
        + CASE WHEN row_number() OVER (
                 PARTITION BY x.arrangement_id
                 ORDER BY (x.organisation_id = r.lead_organisation_id) DESC, o.code)
               <= r.counted_pence % r.participants
          THEN 1 ELSE 0 END)::bigint AS share_pence
    FROM (SELECT DISTINCT arrangement_id, organisation_id
          FROM register_participants(${day}::date)) x
    JOIN register r ON r.arrangement_id = x.arrangement_id
    JOIN organisations o ON o.id = x.organisation_id`;
}
