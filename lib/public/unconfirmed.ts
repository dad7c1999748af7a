import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";
import { checkedRow, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { today } from "@/lib/clock";
import { financialYearOf } from "@/lib/financial-year";
import type { PublishedFilters } from "./filters";
import { lineCounts, registerOnDay } from "./register";

/*
 * Past forecasts not yet confirmed: forecast savings lines for financial years that have ended.
 * By then the saving is known, so the public pages say "forecast, not yet confirmed" beside it
 * and give totals with and without these lines; the council's workspace asks for them
 * (lib/workspace/past-forecasts.ts). The rule is isUnconfirmedForecast in lib/financial-year.ts:
 * in SQL, kind = 'forecast' AND financial_year < the current financial year.
 *
 * Whether a year "has ended" moves with the date (lib/clock.ts today(), APP_TODAY in tests), so
 * every cached read takes the current financial year as part of its key: on 1 April a new key,
 * a fresh answer.
 */

/** The financial year today falls in: forecasts for any year before it are unconfirmed. */
export function currentFinancialYear(): number {
  return financialYearOf(today());
}

/** SQL: the savings line `s` is a forecast for a financial year that has ended. */
export function isUnconfirmedLine(s: string, currentYear: number): SQL {
  const line = sql.identifier(s);
  return sql`(${line}.kind = 'forecast' AND ${line}.financial_year < ${currentYear}::int)`;
}

/** SQL: the revision's unconfirmed past forecasts added up, in pence (0 when it has none). */
export function unconfirmedPenceOf(revisionId: SQLWrapper, currentYear: number): SQL<bigint> {
  return sql<bigint>`(SELECT COALESCE(SUM(u.amount_pence), 0)::bigint FROM revision_savings u
    WHERE u.revision_id = ${revisionId} AND ${isUnconfirmedLine("u", currentYear)})`.mapWith(
    BigInt,
  );
}

export type UnconfirmedForecasts = {
  /** Financial years before this one have ended. */
  currentYear: number;
  /** The unconfirmed past forecasts of the published arrangements matching the filters. */
  pence: bigint;
  /** How many of those arrangements have any. */
  arrangements: number;
};

const totalsRow = z
  .object({ pence: columns.bigint, arrangements: columns.int })
  .transform((row) => ({ pence: row.pence, arrangements: row.arrangements }));

/** In the register on `day` (lib/public/register.ts), the lines that count there. */
async function unconfirmedQuery(
  filters: Pick<PublishedFilters, "region" | "category">,
  day: string,
): Promise<UnconfirmedForecasts> {
  const currentYear = financialYearOf(day);
  const totals = await checkedRow(
    db(),
    totalsRow,
    sql`
    WITH register AS (${registerOnDay(day, filters)})
    SELECT COALESCE(SUM(s.amount_pence), 0)::bigint AS pence,
           count(DISTINCT p.arrangement_id)::int AS arrangements
    FROM register p
    JOIN revision_savings s ON s.revision_id = p.revision_id
    WHERE ${isUnconfirmedLine("s", currentYear)} AND ${lineCounts("s", "p")}
  `,
  );
  return { currentYear, ...totals };
}

const cachedUnconfirmed = cachedPublic(
  "unconfirmed-forecasts",
  (region: string | null, category: string | null, day: string) =>
    unconfirmedQuery(
      { ...(region === null ? {} : { region }), ...(category === null ? {} : { category }) },
      day,
    ),
);

/**
 * Unconfirmed past forecasts in the register today, narrowed by region and category: of the
 * savings the headline counts (an arrangement run within one council keeps its earlier years').
 */
export function getUnconfirmedForecasts(
  filters: Pick<PublishedFilters, "region" | "category"> = {},
): Promise<UnconfirmedForecasts> {
  return cachedUnconfirmed(filters.region ?? null, filters.category ?? null, today());
}
