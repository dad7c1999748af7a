import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { columns } from "@/db/checked-rows";
import { isoTimestamp } from "@/db/typed-sql";
import { ORGANISATION_KINDS, STAGES, type OrganisationKind, type Stage } from "./filters";
import { regionByName } from "./regions";

/*
 * An arrangement as every public read lists it (the explorer's rows, the head of its page):
 * the columns selected, their row schema and the summary built from them.
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

/** The columns every arrangement read returns, from a published row `alias` joined to `lead` and `c`. */
export function summaryColumns(alias: "p" | "pg"): SQL {
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
export const summaryRow = z.object({
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

export function summaryFromRow(
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
