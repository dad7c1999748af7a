import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { isoTimestamp } from "@/db/typed-sql";
import { cachedPublic } from "@/lib/cache/public-cache";
import {
  summaryColumns,
  summaryFromRow,
  summaryRow,
  type ArrangementSummary,
  type CategoryRef,
  type OrganisationRef,
} from "./arrangement-summary";
import { ORGANISATION_KINDS } from "./filters";
import { publishedArrangements } from "./published";
import { currentFinancialYear, unconfirmedPenceOf } from "./unconfirmed";

/*
 * One published arrangement, as its page and the API show it: the summary, its organisations,
 * categories, savings lines and contact. Read only from the published revision.
 */

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
  /**
   * Every organisation taking part, the lead first, then by name. `notConfirmed`: a partner
   * that disputes taking part, published anyway (lib/confirmations).
   */
  organisations: (OrganisationRef & { role: "lead" | "partner"; notConfirmed: boolean })[];
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
  /** The part of forecastPence for financial years that have ended: not yet confirmed. */
  unconfirmedPence: bigint;
  /** When this arrangement was first published (its first approved revision). */
  firstPublishedAt: Date;
};

const detailRow = summaryRow
  .extend({
    arrangement_id: columns.int,
    description: z.string(),
    actual_pence: columns.bigint,
    forecast_pence: columns.bigint,
    unconfirmed_pence: columns.bigint,
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
        not_confirmed: z.boolean(),
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
      notConfirmed: o.not_confirmed,
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
    unconfirmedPence: row.unconfirmed_pence,
    firstPublishedAt: new Date(row.first_published_at),
  }));

/** Slugs are lower-case words joined by hyphens; anything else cannot name an arrangement. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 200;

export function isPlausibleSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG.test(slug);
}

async function detailQuery(slug: string, currentYear: number): Promise<ArrangementDetail | null> {
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
           ${unconfirmedPenceOf(sql`p.revision_id`, currentYear)} AS unconfirmed_pence,
           ${isoTimestamp(sql`(SELECT MIN(h.reviewed_at) FROM arrangement_revisions h
             WHERE h.arrangement_id = p.arrangement_id AND h.state IN ('approved', 'superseded'))`)}
             AS first_published_at,
           r.benefits, r.contact_name, r.contact_email, r.no_savings_reason,
           COALESCE((
             SELECT json_agg(json_build_object('code', o.code, 'gss_code', o.gss_code,
                      'name', o.name, 'kind', o.kind, 'role', rp.role,
                      'not_confirmed', EXISTS (SELECT 1 FROM partner_confirmations pc
                        WHERE pc.arrangement_id = p.arrangement_id
                          AND pc.organisation_id = o.id AND pc.state = 'disputed'))
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

const cachedDetail = cachedPublic("arrangement-detail", detailQuery);

/** One published arrangement by slug, or null (cached). */
export function getPublishedArrangement(slug: string): Promise<ArrangementDetail | null> {
  return cachedDetail(slug, currentFinancialYear());
}
