import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { isoTimestamp } from "@/db/typed-sql";
import { cachedPublic } from "@/lib/cache/public-cache";
import {
  listQueryToParams,
  ORGANISATION_KINDS,
  parseListQuery,
  STAGES,
  type ListQuery,
  type OrganisationKind,
  type Sort,
  type Stage,
} from "./filters";
import { publishedArrangements } from "./published";
import { regionByName } from "./regions";

/*
 * The public register, one arrangement at a time: the explorer's list (search, filters, sort,
 * pages) and the arrangement page, both read only from published revisions
 * (lib/public/published.ts). The open-data API serves exactly the same reads.
 */

export type OrganisationRef = {
  code: string;
  /** ONS GSS code: councils (and some other bodies) have one; police and fire do not. */
  gssCode: string | null;
  name: string;
  kind: OrganisationKind;
};

export type CategoryRef = { slug: string; name: string };

export type ArrangementSummary = {
  slug: string;
  title: string;
  isIllustrative: boolean;
  lead: OrganisationRef & { regionSlug: string | null; regionName: string | null };
  mainCategory: CategoryRef;
  stage: Stage;
  /** ISO dates (YYYY-MM-DD). */
  startDate: string | null;
  endDate: string | null;
  /** All the organisations taking part, the lead included. */
  organisationCount: number;
  totalPence: bigint;
  /** When the published revision was approved. */
  publishedAt: Date;
};

export type ArrangementList = {
  rows: ArrangementSummary[];
  /** Arrangements matching the filters, on every page. */
  total: number;
  /** Of those, how many are illustrative demo records. */
  illustrativeCount: number;
  /** Their savings added up. */
  totalPence: bigint;
  page: number;
  limit: number;
  /** Pages at this limit (at least 1, so "page 1 of 1" reads right when nothing matches). */
  pages: number;
  sort: Sort;
};

/** The columns every arrangement read returns, from a published row `alias` joined to `lead` and `c`. */
function summaryColumns(alias: "p" | "pg"): SQL {
  const a = sql.raw(alias);
  return sql`${a}.slug, ${a}.title, ${a}.is_illustrative, ${a}.stage,
    to_char(${a}.start_date, 'YYYY-MM-DD') AS start_date,
    to_char(${a}.end_date, 'YYYY-MM-DD') AS end_date,
    ${a}.total_pence, ${isoTimestamp(sql`${a}.published_at`)} AS published_at,
    lead.code AS lead_code, lead.gss_code AS lead_gss_code, lead.name AS lead_name,
    lead.kind AS lead_kind, lead.region AS lead_region,
    c.slug AS category_slug, c.name AS category_name`;
}

/** What summaryColumns selects, as the driver hands it over. */
const summaryRow = z.object({
  slug: z.string(),
  title: z.string(),
  is_illustrative: z.boolean(),
  stage: z.enum(STAGES),
  start_date: columns.isoDate.nullable(),
  end_date: columns.isoDate.nullable(),
  total_pence: columns.bigint,
  published_at: columns.isoTimestamp,
  lead_code: z.string(),
  lead_gss_code: z.string().nullable(),
  lead_name: z.string(),
  lead_kind: z.enum(ORGANISATION_KINDS),
  lead_region: z.string().nullable(),
  category_slug: z.string(),
  category_name: z.string(),
});

function summaryFromRow(
  row: z.output<typeof summaryRow>,
): Omit<ArrangementSummary, "organisationCount"> {
  const region = regionByName(row.lead_region);
  return {
    slug: row.slug,
    title: row.title,
    isIllustrative: row.is_illustrative,
    lead: {
      code: row.lead_code,
      gssCode: row.lead_gss_code,
      name: row.lead_name,
      kind: row.lead_kind,
      regionSlug: region?.slug ?? null,
      regionName: region?.name ?? row.lead_region,
    },
    mainCategory: { slug: row.category_slug, name: row.category_name },
    stage: row.stage,
    startDate: row.start_date,
    endDate: row.end_date,
    totalPence: row.total_pence,
    publishedAt: new Date(row.published_at),
  };
}

/*
 * Each order ends in the arrangement id, so equal keys (two arrangements saving the same, a
 * shared start date) always come out the same way and pages never repeat or skip a row.
 */
const ORDER: Record<Sort, SQL> = {
  relevance: sql`p.rank DESC, lower(p.title), p.arrangement_id`,
  savings: sql`p.total_pence DESC, lower(p.title), p.arrangement_id`,
  newest: sql`p.start_date DESC NULLS LAST, lower(p.title), p.arrangement_id`,
  name: sql`lower(p.title), p.arrangement_id`,
};

const listTotals = z.object({
  total: columns.int,
  illustrative: columns.int,
  all_pence: columns.bigint,
});

/** A row of the list: the totals, then an arrangement — or, when the page is empty, nothing. */
const listRow = z.union([
  listTotals.extend(summaryRow.shape).extend({ organisation_count: columns.int }),
  listTotals.extend({ slug: z.null() }),
]);

async function listQuery(query: ListQuery): Promise<ArrangementList> {
  const { filters, sort, page, limit } = query;
  const offset = (page - 1) * limit;
  const rows = await checkedRows(
    db(),
    listRow,
    sql`
    WITH published AS (${publishedArrangements(filters)}),
    totals AS (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE is_illustrative)::int AS illustrative,
             COALESCE(SUM(total_pence), 0)::bigint AS all_pence
      FROM published
    ),
    page AS (
      SELECT p.*, row_number() OVER (ORDER BY ${ORDER[sort]}) AS ordinal
      FROM published p
      ORDER BY ${ORDER[sort]}
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT t.total, t.illustrative, t.all_pence, ${summaryColumns("pg")},
           (SELECT count(*)::int FROM revision_partners rp WHERE rp.revision_id = pg.revision_id)
             AS organisation_count
    FROM totals t
    LEFT JOIN page pg ON true
    LEFT JOIN organisations lead ON lead.id = pg.lead_organisation_id
    LEFT JOIN service_categories c ON c.id = pg.main_category_id
    ORDER BY pg.ordinal
  `,
  );

  const first = rows[0];
  const total = first?.total ?? 0;
  return {
    rows: rows.flatMap((row) =>
      row.slug === null
        ? []
        : [{ ...summaryFromRow(row), organisationCount: row.organisation_count }],
    ),
    total,
    illustrativeCount: first?.illustrative ?? 0,
    totalPence: first?.all_pence ?? 0n,
    page,
    limit,
    pages: Math.max(1, Math.ceil(total / limit)),
    sort,
  };
}

/* One arrangement ------------------------------------------------------------------------------ */

export type SavingsLine = {
  /** The year the financial year starts in (2016 = 2016/17). */
  financialYear: number;
  kind: "actual" | "forecast";
  amountPence: bigint;
};

export type ArrangementDetail = Omit<ArrangementSummary, "organisationCount"> & {
  /** The arrangement's id, stable across revisions (the change history is keyed by it). */
  arrangementId: number;
  description: string;
  /** Every organisation taking part, the lead first, then by name. */
  organisations: (OrganisationRef & { role: "lead" | "partner" })[];
  /** Further categories besides the main one, in the register's order. */
  furtherCategories: CategoryRef[];
  /** Benefit slugs, in the order the council gave them (labels: lib/categories.ts). */
  benefits: string[];
  contactName: string | null;
  contactEmail: string | null;
  /** Why there is no savings figure, when there is none. */
  noSavingsReason: string | null;
  /** Oldest year first. */
  savings: SavingsLine[];
  actualPence: bigint;
  forecastPence: bigint;
  /** When this arrangement was first published (its first approved revision). */
  firstPublishedAt: Date;
};

const detailRow = summaryRow
  .extend({
    arrangement_id: columns.int,
    description: z.string(),
    actual_pence: columns.bigint,
    forecast_pence: columns.bigint,
    first_published_at: columns.isoTimestamp,
    benefits: z.array(z.string()),
    contact_name: z.string().nullable(),
    contact_email: z.string().nullable(),
    no_savings_reason: z.string().nullable(),
    organisations: z.array(
      z.object({
        code: z.string(),
        gss_code: z.string().nullable(),
        name: z.string(),
        kind: z.enum(ORGANISATION_KINDS),
        role: z.enum(["lead", "partner"]),
      }),
    ),
    further_categories: z.array(z.object({ slug: z.string(), name: z.string() })),
    savings: z.array(
      z.object({
        financial_year: columns.int,
        kind: z.enum(["actual", "forecast"]),
        amount_pence: columns.bigintText,
      }),
    ),
  })
  .transform((row): ArrangementDetail => ({
    ...summaryFromRow(row),
    arrangementId: row.arrangement_id,
    description: row.description,
    furtherCategories: row.further_categories,
    organisations: row.organisations.map((o) => ({
      code: o.code,
      gssCode: o.gss_code,
      name: o.name,
      kind: o.kind,
      role: o.role,
    })),
    benefits: row.benefits,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    noSavingsReason: row.no_savings_reason,
    savings: row.savings.map((s) => ({
      financialYear: s.financial_year,
      kind: s.kind,
      amountPence: s.amount_pence,
    })),
    actualPence: row.actual_pence,
    forecastPence: row.forecast_pence,
    firstPublishedAt: new Date(row.first_published_at),
  }));

/** Slugs are lower-case words joined by hyphens; anything else cannot name an arrangement. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 200;

export function isPlausibleSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG.test(slug);
}

async function detailQuery(slug: string): Promise<ArrangementDetail | null> {
  if (!isPlausibleSlug(slug)) return null;
  const rows = await checkedRows(
    db(),
    detailRow,
    sql`
    WITH published AS (${publishedArrangements()})
    SELECT ${summaryColumns("p")}, p.arrangement_id, r.description,
           (SELECT COALESCE(SUM(s.amount_pence), 0)::bigint FROM revision_savings s
             WHERE s.revision_id = p.revision_id AND s.kind = 'actual') AS actual_pence,
           (SELECT COALESCE(SUM(s.amount_pence), 0)::bigint FROM revision_savings s
             WHERE s.revision_id = p.revision_id AND s.kind = 'forecast') AS forecast_pence,
           ${isoTimestamp(sql`(SELECT MIN(h.reviewed_at) FROM arrangement_revisions h
             WHERE h.arrangement_id = p.arrangement_id AND h.state IN ('approved', 'superseded'))`)}
             AS first_published_at,
           r.benefits, r.contact_name, r.contact_email, r.no_savings_reason,
           COALESCE((
             SELECT json_agg(json_build_object('code', o.code, 'gss_code', o.gss_code,
                      'name', o.name, 'kind', o.kind, 'role', rp.role)
                    ORDER BY rp.role = 'lead' DESC, o.name, o.code)
             FROM revision_partners rp JOIN organisations o ON o.id = rp.organisation_id
             WHERE rp.revision_id = p.revision_id), '[]'::json) AS organisations,
           COALESCE((
             SELECT json_agg(json_build_object('slug', fc.slug, 'name', fc.name)
                    ORDER BY fc.sort_order, fc.slug)
             FROM revision_categories rc JOIN service_categories fc ON fc.id = rc.category_id
             WHERE rc.revision_id = p.revision_id AND rc.category_id <> p.main_category_id),
             '[]'::json) AS further_categories,
           -- Amounts as text inside JSON: exact, whatever the JSON parser does with numbers.
           COALESCE((
             SELECT json_agg(json_build_object('financial_year', s.financial_year,
                      'kind', s.kind, 'amount_pence', s.amount_pence::text)
                    ORDER BY s.financial_year)
             FROM revision_savings s WHERE s.revision_id = p.revision_id), '[]'::json) AS savings
    FROM published p
    JOIN arrangement_revisions r ON r.id = p.revision_id
    JOIN organisations lead ON lead.id = p.lead_organisation_id
    JOIN service_categories c ON c.id = p.main_category_id
    WHERE p.slug = ${slug}
  `,
  );
  return rows[0] ?? null;
}

// Cached by the query's canonical text: cache keys are JSON, which cannot hold the filters'
// bigint amounts, and equal queries must share one entry whatever order they were written in.
const cachedList = cachedPublic("arrangements-list", async (key: string) => {
  const parsed = parseListQuery(new URLSearchParams(key));
  if (!parsed.ok) throw new Error(`Not a canonical list query: ${parsed.message}`);
  return listQuery(parsed.value);
});

/** Published arrangements matching a parsed list query: one page, with the totals (cached). */
export function listPublishedArrangements(query: ListQuery): Promise<ArrangementList> {
  const params = listQueryToParams(query);
  // The limit is always part of the key text, so "limit" omitted and "limit=20" meet.
  params.set("limit", String(query.limit));
  return cachedList(params.toString());
}

/** One published arrangement by slug, or null (cached). */
export const getPublishedArrangement = cachedPublic("arrangement-detail", detailQuery);
