import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { lineCounts } from "./register";

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
 * `amount` (of register row `r`) split equally among its `r.participants`, one row of `x` (an
 * organisation taking part, `o` its row) at a time, numbered within `partition` in partner order.
 */
function equalPart(amount: SQL, partition: SQL): SQL {
  return sql`(${amount} / r.participants
        + CASE WHEN row_number() OVER (
                 PARTITION BY ${partition}
                 ORDER BY (x.organisation_id = r.lead_organisation_id) DESC, o.code)
               <= ${amount} % r.participants
          THEN 1 ELSE 0 END)::bigint`;
}

/** Each organisation taking part on `day`, once per arrangement. */
const takingPart = (day: string) =>
  sql`(SELECT DISTINCT arrangement_id, organisation_id
       FROM register_participants(${day}::date))`;

/**
 * One row per arrangement and organisation taking part on `day`: `arrangement_id`,
 * `organisation_id`, `share_pence`. Reads a CTE named `register` (lib/public/register.ts
 * `registerOnDay(day)`) for each arrangement's counted savings and number taking part.
 */
export function equalShares(day: string): SQL {
  return sql`SELECT x.arrangement_id, x.organisation_id,
      ${equalPart(sql`r.counted_pence`, sql`x.arrangement_id`)} AS share_pence
    FROM ${takingPart(day)} x
    JOIN register r ON r.arrangement_id = x.arrangement_id
    JOIN organisations o ON o.id = x.organisation_id`;
}

/**
 * The same split a financial year at a time: one row per arrangement, organisation taking part
 * on `day` and financial year with savings that count, `share_pence` its equal part of that
 * year's savings (actual and forecast). Each year is split on its own, so a council's years add
 * up to its share give or take a few pence (the remainder pennies fall year by year). Reads the
 * CTE `register`, as `equalShares`.
 */
export function equalSharesByYear(day: string): SQL {
  return sql`SELECT x.arrangement_id, x.organisation_id, y.financial_year,
      ${equalPart(sql`y.amount_pence`, sql`x.arrangement_id, y.financial_year`)} AS share_pence
    FROM ${takingPart(day)} x
    JOIN register r ON r.arrangement_id = x.arrangement_id
    JOIN (SELECT s.revision_id, s.financial_year, sum(s.amount_pence)::bigint AS amount_pence
          FROM revision_savings s JOIN register r ON r.revision_id = s.revision_id
          WHERE ${lineCounts("s", "r")}
          GROUP BY s.revision_id, s.financial_year) y ON y.revision_id = r.revision_id
    JOIN organisations o ON o.id = x.organisation_id`;
}
