import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgTable,
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
export type ServiceCategory = typeof serviceCategories.$inferSelect;
export type NewServiceCategory = typeof serviceCategories.$inferInsert;
