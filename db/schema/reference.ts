import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { organisationKind } from "./enums";

/*
 * Reference data: the organisations that take part (councils, fire, police, health and other
 * bodies, with their lifetimes and successors) and the service categories.
 */

export const organisations = pgTable(
  "organisations",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stable external code: the GSS code for councils and ICBs, a prefixed register id otherwise. */
    code: text().notNull().unique(),
    gssCode: text(),
    formerGssCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    kind: organisationKind().notNull(),
    /** ONS/mySociety council type (CTY, NMD, UA, MD, LBO, CC) or the body's own type. */
    councilType: text(),
    name: text().notNull(),
    shortName: text().notNull(),
    region: text(),
    /** Code of the county council whose area a district lies in (two-tier areas). */
    parentCode: text(),
    /** First and last day the body existed (both inclusive); null when unknown or still running. */
    startDate: date(),
    endDate: date(),
    replacedById: integer().references((): AnyPgColumn => organisations.id),
    population: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisations_gss_code_key").on(t.gssCode),
    index("organisations_kind_idx").on(t.kind),
    check(
      "organisations_dates_check",
      sql`${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.endDate} >= ${t.startDate}`,
    ),
  ],
);

/**
 * Who took over from whom: a merger is several predecessors each giving its whole (10000 basis
 * points) to one successor; a split is one predecessor sharing itself between several (by
 * population where the reference data gives it). `effectiveDate` is the successor's first day in
 * charge, the predecessor's last day + 1. Read by the rule of "who takes part on a date"
 * (register_participants, db/migrations) and the pages that name successors.
 */
export const organisationSuccessions = pgTable(
  "organisation_successions",
  {
    predecessorId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    successorId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    effectiveDate: date().notNull(),
    /** The part of the predecessor the successor takes, in basis points (1..10000). */
    shareBp: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.predecessorId, t.successorId] }),
    index("organisation_successions_successor_idx").on(t.successorId),
    check("organisation_successions_share_check", sql`${t.shareBp} BETWEEN 1 AND 10000`),
    check("organisation_successions_distinct_check", sql`${t.predecessorId} <> ${t.successorId}`),
  ],
);

export const serviceCategories = pgTable("service_categories", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  description: text().notNull().default(""),
  /** back_office or front_line: the LGA found back office sharing about twice as common. */
  area: text().notNull(),
  sortOrder: integer().notNull(),
});

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type OrganisationSuccession = typeof organisationSuccessions.$inferSelect;
export type ServiceCategory = typeof serviceCategories.$inferSelect;
export type NewServiceCategory = typeof serviceCategories.$inferInsert;
