import "server-only";
import { sql, type SQL } from "drizzle-orm";
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
 */

export type PublishedOptions = {
  /** The register as it stood at this moment (from approval history), instead of now. */
  asOf?: Date;
};

/** The condition a revision `r` (joined to arrangement `a`) meets when it is the public one. */
function isPublished(options: PublishedOptions): SQL {
  if (options.asOf) {
    const at = options.asOf.toISOString();
    return sql`r.arrangement_id = a.id AND r.state IN ('approved', 'superseded')
      AND r.reviewed_at <= ${at}::timestamptz
      AND (r.superseded_at IS NULL OR r.superseded_at > ${at}::timestamptz)`;
  }
  return sql`r.id = a.published_revision_id AND r.state = 'approved'`;
}

const PARTNER_KIND = { fire: "fire", police: "police", health: "health", other: "other" } as const;

/** The WHERE conditions for the filters (each one ANDed); `true` when there are none. */
export function filterConditions(filters: PublishedFilters): SQL {
  const conditions: SQL[] = [];
  if (filters.region) {
    const region = regionBySlug(filters.region);
    // An unknown slug matches nothing rather than everything.
    conditions.push(region ? sql`lead.region = ${region.name}` : sql`false`);
  }
  if (filters.category) {
    conditions.push(sql`(
      r.main_category_id = (SELECT id FROM service_categories WHERE slug = ${filters.category})
      OR EXISTS (SELECT 1 FROM revision_categories rc JOIN service_categories c ON c.id = rc.category_id
                 WHERE rc.revision_id = r.id AND c.slug = ${filters.category}))`);
  }
  if (filters.organisation) {
    conditions.push(sql`EXISTS (SELECT 1 FROM revision_partners rp JOIN organisations o ON o.id = rp.organisation_id
      WHERE rp.revision_id = r.id AND o.code = ${filters.organisation})`);
  }
  // organisation_kinds is kept by a trigger from the revision's lead and partners.
  if (filters.partner === "councils-only") {
    conditions.push(sql`r.organisation_kinds <@ ARRAY['council']::organisation_kind[]`);
  } else if (filters.partner) {
    conditions.push(
      sql`${PARTNER_KIND[filters.partner]}::organisation_kind = ANY (r.organisation_kinds)`,
    );
  }
  if (filters.stage) conditions.push(sql`r.stage = ${filters.stage}`);
  if (filters.fromYear !== undefined)
    conditions.push(sql`r.start_date >= make_date(${filters.fromYear}::int, 1, 1)`);
  if (filters.toYear !== undefined)
    conditions.push(sql`r.start_date < make_date(${filters.toYear}::int + 1, 1, 1)`);
  if (filters.minPence !== undefined)
    conditions.push(sql`r.total_pence >= ${filters.minPence.toString()}::bigint`);
  if (filters.maxPence !== undefined)
    conditions.push(sql`r.total_pence <= ${filters.maxPence.toString()}::bigint`);
  if (filters.q)
    conditions.push(sql`r.search_vector @@ websearch_to_tsquery('english', ${filters.q})`);
  return conditions.length ? sql.join(conditions, sql` AND `) : sql`true`;
}

/**
 * A SELECT of the published arrangements matching `filters`, one row each:
 *   arrangement_id, slug, is_illustrative, lead_organisation_id, revision_id, title,
 *   main_category_id, stage, start_date, end_date, total_pence and actual_pence (bigint),
 *   last_financial_year, organisation_kinds, published_at, rank
 * (`rank` is the full-text rank when `filters.q` is set, else 0). Use it as a CTE:
 *   sql`WITH published AS (${publishedArrangements(filters)}) SELECT … FROM published`
 */
export function publishedArrangements(
  filters: PublishedFilters = {},
  options: PublishedOptions = {},
): SQL {
  const rank = filters.q
    ? sql`ts_rank_cd(r.search_vector, websearch_to_tsquery('english', ${filters.q}))`
    : sql`0::real`;
  return sql`
    SELECT a.id AS arrangement_id, a.slug, a.is_illustrative, a.lead_organisation_id,
           r.id AS revision_id, r.title, r.main_category_id, r.stage, r.start_date, r.end_date,
           r.total_pence, r.actual_pence, r.last_financial_year, r.organisation_kinds,
           r.reviewed_at AS published_at, ${rank} AS rank
    FROM arrangements a
    JOIN arrangement_revisions r ON ${isPublished(options)}
    JOIN organisations lead ON lead.id = a.lead_organisation_id
    WHERE ${filterConditions(filters)}`;
}
