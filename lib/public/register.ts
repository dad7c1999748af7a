import "server-only";
import { getTableColumns, sql, WithSubquery, type SQL } from "drizzle-orm";
import { bigint, boolean, date, integer, numeric, pgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { checkedRow, checkedRows, columns } from "@/db/checked-rows";
import { db, type DbOrTx } from "@/db/client";
import { londonToInstant } from "@/lib/editions/london-time";
import type { PublishedFilters } from "./filters";
import { publishedArrangements, publishedColumns } from "./published";

/*
 * "Who takes part on day D": the one rule, defined once as SQL functions (db/migrations
 * 0008_register_rule.sql says it in full) and read by every public surface through this module.
 *
 * - register_published(D): each arrangement's revision as the register stood at 23:59 on D, and
 *   the day it is read on (an ended arrangement on its last day, a planned one on its first).
 * - register_participants(D): the organisations taking part, a ceased partner's successors
 *   "via" it, with their shares of the arrangement.
 * - register_standing(D): running on D or not, how many take part, and whether it is now run
 *   within one council ("internal", from the day the last partners merged).
 *
 * The functions are typed here twice over: as builder CTEs (`standingCte(day)`…, whose columns
 * Drizzle checks) and as checked rows (`registerStanding(day)`…, parsed by zod).
 */

/** An ISO date (YYYY-MM-DD) as a SQL date parameter. */
const onDay = (day: string): SQL => sql`${day}::date`;

const publishedShape = pgTable("register_published", {
  arrangementId: integer("arrangement_id").notNull(),
  revisionId: integer("revision_id").notNull(),
  startDate: date("start_date", { mode: "string" }),
  endDate: date("end_date", { mode: "string" }),
  readingDay: date("reading_day", { mode: "string" }).notNull(),
});

const participantsShape = pgTable("register_participants", {
  arrangementId: integer("arrangement_id").notNull(),
  organisationId: integer("organisation_id").notNull(),
  viaOrganisationId: integer("via_organisation_id"),
  share: numeric("share").notNull(),
  effectiveDate: date("effective_date", { mode: "string" }),
});

const standingShape = pgTable("register_standing", {
  arrangementId: integer("arrangement_id").notNull(),
  revisionId: integer("revision_id").notNull(),
  running: boolean("running").notNull(),
  participants: integer("participants").notNull(),
  internal: boolean("internal").notNull(),
  internalFrom: date("internal_from", { mode: "string" }),
});

/** A set-returning function of `day` as a CTE named after it, with typed, qualified columns. */
function functionCte<
  T extends typeof publishedShape | typeof participantsShape | typeof standingShape,
>(shape: T, name: string, day: string) {
  const cols = getTableColumns(shape);
  const cte = new WithSubquery(
    sql`SELECT * FROM ${sql.identifier(name)}(${onDay(day)})`,
    cols,
    name,
    true,
  );
  return Object.assign(cte, cols) as WithSubquery<string, typeof cols> & typeof cols;
}

/** register_published(day) as a CTE named "register_published". */
export const registerPublishedCte = (day: string) =>
  functionCte(publishedShape, "register_published", day);
/** register_participants(day) as a CTE named "register_participants". */
export const participantsCte = (day: string) =>
  functionCte(participantsShape, "register_participants", day);
/** register_standing(day) as a CTE named "register_standing". */
export const standingCte = (day: string) => functionCte(standingShape, "register_standing", day);

/* The published register on a day, with each arrangement's standing ---------------------- */

const registerShape = pgTable("register", {
  ...publishedColumns(),
  running: boolean("running").notNull(),
  participants: integer("participants").notNull(),
  internal: boolean("internal").notNull(),
  internalFrom: date("internal_from", { mode: "string" }),
  /** The savings that count on the day: all, or an internal one's before it became internal. */
  countedPence: bigint("counted_pence", { mode: "bigint" }).notNull(),
  countedActualPence: bigint("counted_actual_pence", { mode: "bigint" }).notNull(),
});

/** The moment the register is read at for a day: 23:59 London time, as editions are named. */
export function registerMoment(day: string): Date {
  return londonToInstant(day, "23:59");
}

/** The sum of revision `p`'s savings lines (of `kind`) for years before `st` became internal. */
function linesBeforeInternal(kind?: "actual"): SQL {
  return sql`(SELECT coalesce(sum(s.amount_pence), 0) FROM revision_savings s
    WHERE s.revision_id = p.revision_id AND make_date(s.financial_year, 4, 1) < st.internal_from
    ${kind ? sql`AND s.kind = ${kind}` : sql``})`;
}

/**
 * The published arrangements matching `filters` as the register stood on `day` (the columns of
 * lib/public/published.ts, read from the approval history at 23:59), each with its standing
 * that day and the savings that count: an arrangement run within one council keeps the savings
 * of the years before, not after. Most are shared, so the trigger-kept totals serve.
 */
export function registerOnDay(day: string, filters: PublishedFilters = {}): SQL {
  return sql`SELECT p.*, st.running, st.participants, st.internal, st.internal_from,
      (CASE WHEN st.internal_from IS NULL THEN p.total_pence
            ELSE ${linesBeforeInternal()} END)::bigint AS counted_pence,
      (CASE WHEN st.internal_from IS NULL THEN p.actual_pence
            ELSE ${linesBeforeInternal("actual")} END)::bigint AS counted_actual_pence
    FROM (${publishedArrangements(filters, { asOf: registerMoment(day) })}) p
    JOIN register_standing(${onDay(day)}) st ON st.revision_id = p.revision_id`;
}

/** `registerOnDay` as a CTE named "register" for Drizzle's builder (typed, qualified columns). */
export function registerCte(day: string, filters: PublishedFilters = {}) {
  const cols = getTableColumns(registerShape);
  const cte = new WithSubquery(registerOnDay(day, filters), cols, "register", true);
  return Object.assign(cte, cols) as WithSubquery<"register", typeof cols> & typeof cols;
}

/* Checked rows ------------------------------------------------------------------------------ */

export type PublishedOnDay = {
  arrangementId: number;
  revisionId: number;
  startDate: string | null;
  endDate: string | null;
  readingDay: string;
};

export type Participation = {
  arrangementId: number;
  organisationId: number;
  /** The named organisation it takes part for (a predecessor), or null when named itself. */
  viaOrganisationId: number | null;
  /** Its part of the arrangement, exactly as SQL computed it (numeric as text). */
  share: string;
  /** The latest succession used to reach it, or null when named itself. */
  effectiveDate: string | null;
};

export type Standing = {
  arrangementId: number;
  revisionId: number;
  running: boolean;
  participants: number;
  /** Running with a single participant: every partner has become one council. */
  internal: boolean;
  internalFrom: string | null;
};

const isoDateOrNull = columns.isoDate.nullable();

const publishedRow = z
  .object({
    arrangement_id: columns.int,
    revision_id: columns.int,
    start_date: isoDateOrNull,
    end_date: isoDateOrNull,
    reading_day: columns.isoDate,
  })
  .transform((r): PublishedOnDay => ({
    arrangementId: r.arrangement_id,
    revisionId: r.revision_id,
    startDate: r.start_date,
    endDate: r.end_date,
    readingDay: r.reading_day,
  }));

const participantRow = z
  .object({
    arrangement_id: columns.int,
    organisation_id: columns.int,
    via_organisation_id: columns.int.nullable(),
    share: z.string().regex(/^\d+(\.\d+)?$/),
    effective_date: isoDateOrNull,
  })
  .transform((r): Participation => ({
    arrangementId: r.arrangement_id,
    organisationId: r.organisation_id,
    viaOrganisationId: r.via_organisation_id,
    share: r.share,
    effectiveDate: r.effective_date,
  }));

const standingRow = z
  .object({
    arrangement_id: columns.int,
    revision_id: columns.int,
    running: z.boolean(),
    participants: columns.int,
    internal: z.boolean(),
    internal_from: isoDateOrNull,
  })
  .transform((r): Standing => ({
    arrangementId: r.arrangement_id,
    revisionId: r.revision_id,
    running: r.running,
    participants: r.participants,
    internal: r.internal,
    internalFrom: r.internal_from,
  }));

// Dates as text, so a date column never passes through a JavaScript Date and its time zone.
const DATE = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD') AS ${column}`);

/** Every arrangement's revision published as the register stood at 23:59 on `day`. */
export function registerPublished(day: string, reader: DbOrTx = db()): Promise<PublishedOnDay[]> {
  return checkedRows(
    reader,
    publishedRow,
    sql`SELECT arrangement_id, revision_id, ${DATE("start_date")}, ${DATE("end_date")},
               ${DATE("reading_day")}
        FROM register_published(${onDay(day)}) ORDER BY arrangement_id`,
  );
}

/** Who takes part in each published arrangement on `day`, successors via their predecessors. */
export function registerParticipants(day: string, reader: DbOrTx = db()): Promise<Participation[]> {
  return checkedRows(
    reader,
    participantRow,
    sql`SELECT arrangement_id, organisation_id, via_organisation_id, share::text AS share,
               ${DATE("effective_date")}
        FROM register_participants(${onDay(day)})
        ORDER BY arrangement_id, organisation_id, via_organisation_id NULLS FIRST`,
  );
}

/** Each published arrangement's standing on `day`: running, participants, internal. */
export function registerStanding(day: string, reader: DbOrTx = db()): Promise<Standing[]> {
  return checkedRows(
    reader,
    standingRow,
    sql`SELECT arrangement_id, revision_id, running, participants, internal,
               ${DATE("internal_from")}
        FROM register_standing(${onDay(day)}) ORDER BY arrangement_id`,
  );
}

/* The register's figures on a day --------------------------------------------------------- */

export type RegisterFigures = {
  day: string;
  /** Arrangements published as the register stood on the day. */
  published: number;
  /** Of those, run within one council by then (their partners having merged). */
  internal: number;
  /** Shared arrangements: published less internal. */
  arrangements: number;
  /** Of the shared arrangements, those that are illustrative demo records. */
  illustrative: number;
  /** Savings of the shared arrangements, and of internal ones for the years before. */
  totalPence: bigint;
  actualPence: bigint;
  forecastPence: bigint;
  /** Councils existing on the day taking part in a running, shared arrangement. */
  councilsInvolved: number;
  /** Councils existing on the day. */
  councilsExisting: number;
};

const figuresRow = z
  .object({
    published: columns.int,
    internal: columns.int,
    illustrative: columns.int,
    actual_pence: columns.bigintText,
    forecast_pence: columns.bigintText,
    councils_involved: columns.int,
    councils_existing: columns.int,
  })
  .transform((r) => ({
    published: r.published,
    internal: r.internal,
    arrangements: r.published - r.internal,
    illustrative: r.illustrative,
    totalPence: r.actual_pence + r.forecast_pence,
    actualPence: r.actual_pence,
    forecastPence: r.forecast_pence,
    councilsInvolved: r.councils_involved,
    councilsExisting: r.councils_existing,
  }));

/** SQL true when organisation `o` existed on `day`. */
export function existedOnDay(o: string, day: string): SQL {
  const t = sql.identifier(o);
  return sql`(${t}.start_date IS NULL OR ${t}.start_date <= ${onDay(day)})
    AND (${t}.end_date IS NULL OR ${t}.end_date >= ${onDay(day)})`;
}

/**
 * SQL true when savings line `line` counts for the register row (or standing) `row`: every line
 * of a shared arrangement; an internal one's only for financial years that began before it
 * became internal.
 */
export function lineCounts(line: string, row: string): SQL {
  const s = sql.identifier(line);
  const r = sql.identifier(row);
  return sql`(${r}.internal_from IS NULL OR make_date(${s}.financial_year, 4, 1) < ${r}.internal_from)`;
}

/**
 * The whole register's headline figures on `day`, by the rule: read at 23:59 London time on the
 * day, or at the moment `at` (an edition's) when given, the partners and standings on the day.
 */
export async function registerFigures(
  day: string,
  reader: DbOrTx = db(),
  at?: Date,
): Promise<RegisterFigures> {
  const args = at ? sql`${onDay(day)}, ${at.toISOString()}::timestamptz` : onDay(day);
  const figures = await checkedRow(
    reader,
    figuresRow,
    sql`
    WITH st AS (SELECT * FROM register_standing(${args})),
    shared AS (SELECT arrangement_id FROM st WHERE running AND participants > 1)
    SELECT
      (SELECT count(*)::int FROM st) AS published,
      (SELECT count(*)::int FROM st WHERE internal) AS internal,
      (SELECT count(*)::int FROM st JOIN arrangements a ON a.id = st.arrangement_id
         WHERE a.is_illustrative AND NOT st.internal) AS illustrative,
      (SELECT coalesce(sum(s.amount_pence) FILTER (WHERE s.kind = 'actual'), 0)::text
         FROM revision_savings s JOIN st ON st.revision_id = s.revision_id
         WHERE ${lineCounts("s", "st")}) AS actual_pence,
      (SELECT coalesce(sum(s.amount_pence) FILTER (WHERE s.kind = 'forecast'), 0)::text
         FROM revision_savings s JOIN st ON st.revision_id = s.revision_id
         WHERE ${lineCounts("s", "st")}) AS forecast_pence,
      (SELECT count(DISTINCT x.organisation_id)::int
         FROM register_participants(${args}) x
         JOIN shared USING (arrangement_id)
         JOIN organisations o ON o.id = x.organisation_id AND o.kind = 'council'
         WHERE ${existedOnDay("o", day)}) AS councils_involved,
      (SELECT count(*)::int FROM organisations o
         WHERE o.kind = 'council' AND ${existedOnDay("o", day)}) AS councils_existing`,
  );
  return { day, ...figures };
}
