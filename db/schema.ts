import { relations, sql, type SQL } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  customType,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

/** PostgreSQL's full-text document type; only ever written by the database (generated column). */
const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/* Enums ------------------------------------------------------------------ */

export const organisationKind = pgEnum("organisation_kind", [
  "council",
  "fire",
  "police",
  "health",
  "other",
]);

export const userRole = pgEnum("user_role", ["council_editor", "admin"]);
export const userStatus = pgEnum("user_status", ["invited", "active", "disabled"]);

export const arrangementStage = pgEnum("arrangement_stage", ["planned", "operational", "ended"]);

export const revisionState = pgEnum("revision_state", [
  "draft",
  "submitted",
  "approved",
  "rejected",
  "superseded",
]);

export const authTokenPurpose = pgEnum("auth_token_purpose", ["reset", "invite"]);

export const partnerRole = pgEnum("partner_role", ["lead", "partner"]);
export const savingsKind = pgEnum("savings_kind", ["actual", "forecast"]);

/* Reference data ----------------------------------------------------------- */

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

/* People ------------------------------------------------------------------ */

export const users = pgTable(
  "users",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    email: text().notNull(),
    name: text().notNull(),
    role: userRole().notNull(),
    organisationId: integer().references(() => organisations.id),
    status: userStatus().notNull().default("active"),
    passwordHash: text(),
    /** Raised whenever a change must end the user's existing sessions. */
    sessionVersion: integer().notNull().default(1),
    lastSignInAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    check(
      "users_editor_has_organisation_check",
      sql`${t.role} <> 'council_editor' OR ${t.organisationId} IS NOT NULL`,
    ),
  ],
);

/**
 * Server-side sessions. The signed, encrypted session cookie carries only a random secret;
 * its SHA-256 is the id here, so the database alone decides whether a session is still good
 * (idle and absolute timeouts, logout, the user's session version).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The user's session version when this session began; a raise on the user ends it. */
    sessionVersion: integer().notNull(),
    provider: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    endReason: text(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Single-use tokens for password reset and invitations; only their SHA-256 is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: authTokenPurpose().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdById: integer().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("auth_tokens_user_idx").on(t.userId)],
);

/** Mail that was not sent through SMTP (none configured) is kept here for admins and tests. */
export const outbox = pgTable(
  "outbox",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_to_idx").on(sql`lower(${t.toAddress})`, t.createdAt)],
);

/** Sign-in throttling counters (lib/auth/rate-limits.ts), shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull(),
  expiresAt: timestamp({ withTimezone: true }),
});

/* Arrangements and their revisions ----------------------------------------------------- */

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
    mainCategoryId: integer()
      .notNull()
      .references(() => serviceCategories.id),
    stage: arrangementStage().notNull(),
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

/* Audit and editions ---------------------------------------------------------------------- */

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer().references(() => users.id),
    organisationId: integer().references(() => organisations.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [
    index("audit_events_at_idx").on(t.at),
    index("audit_events_organisation_idx").on(t.organisationId, t.at),
    index("audit_events_actor_idx").on(t.actorUserId, t.at),
    index("audit_events_action_idx").on(t.action, t.at),
  ],
);

export const editions = pgTable("editions", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  description: text().notNull().default(""),
  /** The register as it stood at this moment is the edition's content. */
  asOf: timestamp({ withTimezone: true }).notNull(),
  createdById: integer().references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Cache invalidations shared by every app instance: a change to what the public sees inserts the
 * cache tags it makes stale, in the transaction that makes the change. Each instance's cache
 * handler (lib/cache/shared-cache-handler.mjs) reads new rows every few hundred milliseconds and
 * drops the cached pages carrying those tags. Ids, not clocks, order them, so clock skew between
 * servers cannot hide an invalidation.
 */
export const cacheInvalidations = pgTable("cache_invalidations", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  tag: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/* Relations --------------------------------------------------------------------------------- */

export const organisationsRelations = relations(organisations, ({ one }) => ({
  replacedBy: one(organisations, {
    fields: [organisations.replacedById],
    references: [organisations.id],
  }),
}));

export const arrangementsRelations = relations(arrangements, ({ one, many }) => ({
  lead: one(organisations, {
    fields: [arrangements.leadOrganisationId],
    references: [organisations.id],
  }),
  publishedRevision: one(arrangementRevisions, {
    fields: [arrangements.publishedRevisionId],
    references: [arrangementRevisions.id],
  }),
  revisions: many(arrangementRevisions),
}));

export const arrangementRevisionsRelations = relations(arrangementRevisions, ({ one, many }) => ({
  arrangement: one(arrangements, {
    fields: [arrangementRevisions.arrangementId],
    references: [arrangements.id],
  }),
  mainCategory: one(serviceCategories, {
    fields: [arrangementRevisions.mainCategoryId],
    references: [serviceCategories.id],
  }),
  partners: many(revisionPartners),
  savings: many(revisionSavings),
  categories: many(revisionCategories),
}));

export const revisionPartnersRelations = relations(revisionPartners, ({ one }) => ({
  revision: one(arrangementRevisions, {
    fields: [revisionPartners.revisionId],
    references: [arrangementRevisions.id],
  }),
  organisation: one(organisations, {
    fields: [revisionPartners.organisationId],
    references: [organisations.id],
  }),
}));

export const revisionSavingsRelations = relations(revisionSavings, ({ one }) => ({
  revision: one(arrangementRevisions, {
    fields: [revisionSavings.revisionId],
    references: [arrangementRevisions.id],
  }),
}));

export const revisionCategoriesRelations = relations(revisionCategories, ({ one }) => ({
  revision: one(arrangementRevisions, {
    fields: [revisionCategories.revisionId],
    references: [arrangementRevisions.id],
  }),
  category: one(serviceCategories, {
    fields: [revisionCategories.categoryId],
    references: [serviceCategories.id],
  }),
}));

/* Row types ------------------------------------------------------------------------------------ */

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
export type ServiceCategory = typeof serviceCategories.$inferSelect;
export type NewServiceCategory = typeof serviceCategories.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Arrangement = typeof arrangements.$inferSelect;
export type NewArrangement = typeof arrangements.$inferInsert;
export type ArrangementRevision = typeof arrangementRevisions.$inferSelect;
export type NewArrangementRevision = typeof arrangementRevisions.$inferInsert;
export type RevisionPartner = typeof revisionPartners.$inferSelect;
export type RevisionSaving = typeof revisionSavings.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type Edition = typeof editions.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuthToken = typeof authTokens.$inferSelect;
