import { sql, type SQL } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  arrangementStage,
  organisationKind,
  partnerRole,
  revisionState,
  savingsKind,
} from "./enums";
import { organisations, serviceCategories } from "./reference";
import { users } from "./users";

/*
 * Arrangements and their revisions: each change is a new revision, reviewed before it is
 * published; partners, categories and savings lines belong to a revision.
 */

/** PostgreSQL's full-text document type; only ever written by the database (generated column). */
const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

export const arrangements = pgTable(
  "arrangements",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    slug: text().notNull().unique(),
    leadOrganisationId: integer()
      .notNull()
      .references(() => organisations.id),
    publishedRevisionId: integer().references((): AnyPgColumn => arrangementRevisions.id),
    /** Demo records generated to resemble the LGA's 2017 picture; shown as illustrative. */
    isIllustrative: boolean().notNull().default(false),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /**
     * Raised by every change to the arrangement or any of its revisions (lib/arrangements):
     * a form carries the value it was loaded with, so a save from an older form is detected.
     */
    lockVersion: integer().notNull().default(1),
    /** Who made the change that last raised lock_version (null for seeded records). */
    updatedById: integer().references(() => users.id),
  },
  (t) => [
    index("arrangements_lead_idx").on(t.leadOrganisationId),
    uniqueIndex("arrangements_published_revision_key").on(t.publishedRevisionId),
  ],
);

export const arrangementRevisions = pgTable(
  "arrangement_revisions",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    arrangementId: integer()
      .notNull()
      .references(() => arrangements.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    // Null only in a draft not yet finished (an officer saves half-finished work as it is);
    // the completeness check below keeps every submitted or reviewed revision whole.
    mainCategoryId: integer().references(() => serviceCategories.id),
    stage: arrangementStage(),
    startDate: date(),
    endDate: date(),
    benefits: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    contactName: text(),
    contactEmail: text(),
    noSavingsReason: text(),
    state: revisionState().notNull().default("draft"),
    authorId: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedById: integer().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    /**
     * The submitter's declaration, ticked to submit (issue 15): "I confirm these figures are
     * accurate and may be published". Set with submittedAt, cleared with it on withdrawal;
     * null on revisions submitted before the declaration existed.
     */
    declaredAt: timestamp({ withTimezone: true }),
    declaredById: integer().references(() => users.id),
    reviewedById: integer().references(() => users.id),
    /** For approved (and later superseded) revisions this is the moment it was published. */
    reviewedAt: timestamp({ withTimezone: true }),
    reviewNote: text(),
    /** The token of the rendered form that last saved this revision: a re-sent save is a no-op. */
    idempotencyKey: text(),
    /** Set when the editor discarded a rejected revision of a published arrangement. */
    discardedAt: timestamp({ withTimezone: true }),
    /**
     * When this revision stopped being the published one (a later revision was approved, or the
     * arrangement was withdrawn from publication). With reviewedAt it gives the publication
     * history: the revision was public from reviewedAt until supersededAt. Editions read it.
     */
    supersededAt: timestamp({ withTimezone: true }),
    /**
     * Sum of this revision's savings lines in pence, kept by a database trigger on
     * revision_savings (migration 0004), so lists can filter and sort by savings cheaply.
     */
    totalPence: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    /** The actual (not forecast) part of totalPence; kept by the same trigger. */
    actualPence: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    /** The latest financial year among its savings lines (null without any); same trigger. */
    lastFinancialYear: smallint(),
    /**
     * The kinds of organisation taking part (lead and partners), kept by the trigger on
     * revision_partners (migration 0005), so partner-type figures and filters need no join.
     */
    organisationKinds: organisationKind()
      .array()
      .notNull()
      .default(sql`'{}'::organisation_kind[]`),
    /**
     * Names of the revision's organisations and categories, for full-text search; kept by
     * triggers on its partners and categories (SQL function revision_search_text()).
     */
    searchText: text().notNull().default(""),
    /** Weighted full-text document: title (A), organisations and categories (B), description (C). */
    searchVector: tsvector().generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(search_text, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("arrangement_revisions_idempotency_key").on(t.idempotencyKey),
    uniqueIndex("arrangement_revisions_version_key").on(t.arrangementId, t.version),
    // At most one open revision (draft or submitted) per arrangement.
    uniqueIndex("arrangement_revisions_one_open_key")
      .on(t.arrangementId)
      .where(sql`${t.state} IN ('draft', 'submitted')`),
    index("arrangement_revisions_state_idx").on(t.state),
    index("arrangement_revisions_search_idx").using("gin", t.searchVector),
    // The publication history (editions, change history): revisions that were ever approved.
    index("arrangement_revisions_published_history_idx")
      .on(t.arrangementId, t.reviewedAt)
      .where(sql`${t.state} IN ('approved', 'superseded')`),
    // The published set every public figure reads, without visiting the wide rows.
    index("arrangement_revisions_published_cover_idx")
      .on(t.id)
      .where(sql`${t.state} = 'approved'`),
    // The review queue, oldest first.
    index("arrangement_revisions_queue_idx")
      .on(t.submittedAt)
      .where(sql`${t.state} = 'submitted'`),
    check(
      "arrangement_revisions_dates_check",
      sql`${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.endDate} >= ${t.startDate}`,
    ),
    check("arrangement_revisions_version_check", sql`${t.version} >= 1`),
    check(
      "arrangement_revisions_declared_check",
      sql`(${t.declaredAt} IS NULL) = (${t.declaredById} IS NULL)`,
    ),
    // A draft may be half-finished; anything submitted, approved, returned or superseded has
    // its title, description, main category and stage (the rest of the rules, which span
    // partners and savings, are the submit command's: lib/arrangements/commands).
    check(
      "arrangement_revisions_complete_check",
      sql`${t.state} = 'draft' OR (${t.title} <> '' AND ${t.description} <> '' AND ${t.mainCategoryId} IS NOT NULL AND ${t.stage} IS NOT NULL)`,
    ),
    check(
      "arrangement_revisions_reviewed_check",
      sql`${t.state} NOT IN ('approved', 'rejected', 'superseded') OR ${t.reviewedAt} IS NOT NULL`,
    ),
  ],
);

export const revisionCategories = pgTable(
  "revision_categories",
  {
    revisionId: integer()
      .notNull()
      .references(() => arrangementRevisions.id, { onDelete: "cascade" }),
    categoryId: integer()
      .notNull()
      .references(() => serviceCategories.id),
  },
  (t) => [primaryKey({ columns: [t.revisionId, t.categoryId] })],
);

export const revisionPartners = pgTable(
  "revision_partners",
  {
    revisionId: integer()
      .notNull()
      .references(() => arrangementRevisions.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    role: partnerRole().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.organisationId] }),
    index("revision_partners_organisation_idx").on(t.organisationId),
    uniqueIndex("revision_partners_one_lead_key")
      .on(t.revisionId)
      .where(sql`${t.role} = 'lead'`),
  ],
);

export const revisionSavings = pgTable(
  "revision_savings",
  {
    revisionId: integer()
      .notNull()
      .references(() => arrangementRevisions.id, { onDelete: "cascade" }),
    /** The calendar year the financial year starts in: 2016 means 2016/17. */
    financialYear: smallint().notNull(),
    amountPence: bigint({ mode: "bigint" }).notNull(),
    kind: savingsKind().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.revisionId, t.financialYear] }),
    check("revision_savings_amount_check", sql`${t.amountPence} >= 0`),
    check("revision_savings_year_check", sql`${t.financialYear} BETWEEN 2000 AND 2100`),
  ],
);

export type Arrangement = typeof arrangements.$inferSelect;
export type NewArrangement = typeof arrangements.$inferInsert;
export type ArrangementRevision = typeof arrangementRevisions.$inferSelect;
export type NewArrangementRevision = typeof arrangementRevisions.$inferInsert;
export type RevisionPartner = typeof revisionPartners.$inferSelect;
export type RevisionSaving = typeof revisionSavings.$inferSelect;
