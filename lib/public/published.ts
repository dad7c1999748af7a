import "server-only";
import { getTableColumns, sql, WithSubquery, type SQL, type SQLWrapper } from "drizzle-orm";
import {
  alias,
  bigint,
  boolean,
  date,
  integer,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import {
  arrangementRevisions,
  arrangements,
  arrangementStage,
  organisationKind,
  organisations,
  revisionCategories,
  revisionPartners,
  serviceCategories,
} from "@/db/schema";
import { renderedOnce } from "@/db/typed-sql";
import type { PublishedFilters } from "./filters";
import { regionBySlug } from "./regions";

/*
 * The published register as SQL: the one definition of "what the public sees" that every public
 * figure, list, map and download is computed from.
 *
 * Now: each arrangement's `published_revision_id`, while that revision is 'approved'.
 * As of a moment (editions): the revision that was published then, from the approval history —
 * approved (or since superseded) at or before that moment, and not superseded by it.
 * Drafts, submissions and rejected revisions can never appear in either.
 *
 * Typed reads select from it as a CTE (`publishedCte`); SQL written out uses the same SELECT
 * (`publishedArrangements`). Its columns are declared once, in `publishedRow`.
 */

export type PublishedOptions = {
  /** The register as it stood at this moment (from approval history), instead of now. */
  asOf?: Date;
};

/**
 * The columns of the published register, one row per arrangement. Not a table: the shape of the
 * `published` CTE, so Drizzle's builder can select from it with typed, qualified columns
 * (`rank` is the full-text rank when the filters search, else 0). A function, so that the
 * register on a day (lib/public/register.ts) can add its own columns to the same ones.
 */
export function publishedColumns() {
  return {
    arrangementId: integer("arrangement_id").notNull(),
    slug: text("slug").notNull(),
    isIllustrative: boolean("is_illustrative").notNull(),
    leadOrganisationId: integer("lead_organisation_id").notNull(),
    revisionId: integer("revision_id").notNull(),
    title: text("title").notNull(),
    mainCategoryId: integer("main_category_id").notNull(),
    stage: arrangementStage("stage").notNull(),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    totalPence: bigint("total_pence", { mode: "bigint" }).notNull(),
    actualPence: bigint("actual_pence", { mode: "bigint" }).notNull(),
    lastFinancialYear: smallint("last_financial_year"),
    organisationKinds: organisationKind("organisation_kinds").array().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
    rank: real("rank").notNull(),
  };
}

const publishedRow = pgTable("published", publishedColumns());

type PublishedColumn = keyof typeof publishedRow._.columns;

// The tables inside the SELECT, under short aliases.
const a = alias(arrangements, "a");
const r = alias(arrangementRevisions, "r");
const lead = alias(organisations, "lead");

/** The condition a revision `r` (joined to arrangement `a`) meets when it is the public one. */
function isPublished(options: PublishedOptions): SQL {
  if (options.asOf) {
    const at = options.asOf.toISOString();
    return sql`${r.arrangementId} = ${a.id} AND ${r.state} IN ('approved', 'superseded')
      AND ${r.reviewedAt} <= ${at}::timestamptz
      AND (${r.supersededAt} IS NULL OR ${r.supersededAt} > ${at}::timestamptz)`;
  }
  return PUBLISHED_NOW;
}

const PUBLISHED_NOW = renderedOnce(
  sql`${r.id} = ${a.publishedRevisionId} AND ${r.state} = 'approved'`,
);

const PARTNER_KIND = { fire: "fire", police: "police", health: "health", other: "other" } as const;

function categoryCondition(slug: string): SQL {
  const c = serviceCategories;
  return sql`(
    ${r.mainCategoryId} = (SELECT ${c.id} FROM ${c} WHERE ${c.slug} = ${slug})
    OR EXISTS (SELECT 1 FROM ${revisionCategories} JOIN ${c} ON ${c.id} = ${revisionCategories.categoryId}
               WHERE ${revisionCategories.revisionId} = ${r.id} AND ${c.slug} = ${slug}))`;
}

function organisationCondition(code: string): SQL {
  const o = organisations;
  return sql`EXISTS (SELECT 1 FROM ${revisionPartners} JOIN ${o} ON ${o.id} = ${revisionPartners.organisationId}
    WHERE ${revisionPartners.revisionId} = ${r.id} AND ${o.code} = ${code})`;
}

/** The WHERE conditions for the filters (each one ANDed); `true` when there are none. */
function filterConditions(filters: PublishedFilters): SQL {
  const conditions: SQL[] = [];
  if (filters.region) {
    const region = regionBySlug(filters.region);
    // An unknown slug matches nothing rather than everything.
    conditions.push(region ? sql`${lead.region} = ${region.name}` : sql`false`);
  }
  if (filters.category) conditions.push(categoryCondition(filters.category));
  if (filters.organisation) conditions.push(organisationCondition(filters.organisation));
  // organisation_kinds is kept by a trigger from the revision's lead and partners.
  if (filters.partner === "councils-only") {
    conditions.push(sql`${r.organisationKinds} <@ ARRAY['council']::organisation_kind[]`);
  } else if (filters.partner) {
    conditions.push(
      sql`${PARTNER_KIND[filters.partner]}::organisation_kind = ANY (${r.organisationKinds})`,
    );
  }
  if (filters.stage) conditions.push(sql`${r.stage} = ${filters.stage}`);
  if (filters.fromYear !== undefined)
    conditions.push(sql`${r.startDate} >= make_date(${filters.fromYear}::int, 1, 1)`);
  if (filters.toYear !== undefined)
    conditions.push(sql`${r.startDate} < make_date(${filters.toYear}::int + 1, 1, 1)`);
  if (filters.minPence !== undefined)
    conditions.push(sql`${r.totalPence} >= ${filters.minPence.toString()}::bigint`);
  if (filters.maxPence !== undefined)
    conditions.push(sql`${r.totalPence} <= ${filters.maxPence.toString()}::bigint`);
  if (filters.q)
    conditions.push(sql`${r.searchVector} @@ websearch_to_tsquery('english', ${filters.q})`);
  return conditions.length ? sql.join(conditions, sql` AND `) : sql`true`;
}

/** Where each published column comes from (`rank` depends on the search). */
const SOURCES = {
  arrangementId: a.id,
  slug: a.slug,
  isIllustrative: a.isIllustrative,
  leadOrganisationId: a.leadOrganisationId,
  revisionId: r.id,
  title: r.title,
  mainCategoryId: r.mainCategoryId,
  stage: r.stage,
  startDate: r.startDate,
  endDate: r.endDate,
  totalPence: r.totalPence,
  actualPence: r.actualPence,
  lastFinancialYear: r.lastFinancialYear,
  organisationKinds: r.organisationKinds,
  publishedAt: r.reviewedAt,
} satisfies Record<Exclude<PublishedColumn, "rank">, SQLWrapper>;

// The constant parts of the SELECT, each under the name of its published column.
const COLUMNS = renderedOnce(
  sql.join(
    Object.entries(SOURCES).map(
      ([key, source]) =>
        sql`${source} AS ${sql.identifier(publishedRow[key as PublishedColumn].name)}`,
    ),
    sql`, `,
  ),
);
const ARRANGEMENTS = renderedOnce(sql`${arrangements} ${a}`);
const REVISIONS = renderedOnce(sql`${arrangementRevisions} ${r}`);
const LEAD = renderedOnce(sql`${organisations} ${lead} ON ${lead.id} = ${a.leadOrganisationId}`);

/**
 * A SELECT of the published arrangements matching `filters`, one row each, with the columns of
 * `publishedRow` under their SQL names (arrangement_id, slug, …, published_at, rank). Use it as
 * a CTE: sql`WITH published AS (${publishedArrangements(filters)}) SELECT … FROM published`,
 * or through `publishedCte` with the builder.
 */
export function publishedArrangements(
  filters: PublishedFilters = {},
  options: PublishedOptions = {},
): SQL {
  const rank = filters.q
    ? sql`ts_rank_cd(${r.searchVector}, websearch_to_tsquery('english', ${filters.q}))`
    : sql`0::real`;
  return sql`SELECT ${COLUMNS}, ${rank} AS ${sql.identifier(publishedRow.rank.name)}
    FROM ${ARRANGEMENTS}
    JOIN ${REVISIONS} ON ${isPublished(options)}
    JOIN ${LEAD}
    WHERE ${filterConditions(filters)}`;
}

/**
 * The published register as a CTE named `published` for Drizzle's builder:
 *   const published = publishedCte(filters);
 *   db().with(published).select({ slug: published.slug }).from(published)
 * Its columns are typed and always qualified ("published"."slug"), so joins cannot make them
 * ambiguous. They are `publishedRow`'s own columns, not `$with`'s proxies of them: the table is
 * already named "published", and a proxy on every column read costs time in every row mapped.
 */
export function publishedCte(filters: PublishedFilters = {}, options: PublishedOptions = {}) {
  const columns = getTableColumns(publishedRow);
  const cte = new WithSubquery(publishedArrangements(filters, options), columns, "published", true);
  return Object.assign(cte, columns) as WithSubquery<"published", typeof columns> & typeof columns;
}
