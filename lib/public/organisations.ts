import "server-only";
import { asc, eq, exists, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { queryBuilder } from "@/db/typed-sql";
import { organisations, revisionPartners } from "@/db/schema";
import { cachedPublic } from "@/lib/cache/public-cache";
import { ORGANISATION_KINDS, type OrganisationKind, type OrganisationQuery } from "./filters";
import { publishedArrangements, publishedCte } from "./published";
import { regionByName, regionBySlug } from "./regions";

/*
 * Organisations as the public sees them: the open-data API's reference list (every council and
 * partner body, with dates and what replaced it) and the explorer's organisation filter (those
 * taking part in a published arrangement).
 */

export type PublicOrganisation = {
  code: string;
  gssCode: string | null;
  /** GSS codes the body had before (a council's code changes when its boundary does). */
  formerGssCodes: string[];
  name: string;
  shortName: string;
  kind: OrganisationKind;
  /** ONS council type (CTY, NMD, UA, MD, LBO, CC) or the body's own type. */
  type: string | null;
  regionSlug: string | null;
  regionName: string | null;
  /** Code of the county council a district lies in. */
  parentCode: string | null;
  /** First and last day it existed (ISO dates), when known. */
  startDate: string | null;
  endDate: string | null;
  /** The organisation that took the largest part of it, when it has been replaced. */
  replacedBy: { code: string; name: string } | null;
  /** Every organisation that replaced it (organisation_successions), largest part first. */
  successors: { code: string; name: string; effectiveDate: string; shareBp: number }[];
  /** Published arrangements it leads or is a partner in. */
  arrangementCount: number;
};

export type OrganisationList = {
  rows: PublicOrganisation[];
  total: number;
  page: number;
  limit: number;
  pages: number;
};

/** An organisation as the list query selects it. */
const organisationRow = z.object({
  code: z.string(),
  gss_code: z.string().nullable(),
  former_gss_codes: z.array(z.string()),
  name: z.string(),
  short_name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  council_type: z.string().nullable(),
  region: z.string().nullable(),
  parent_code: z.string().nullable(),
  start_date: columns.isoDate.nullable(),
  end_date: columns.isoDate.nullable(),
  successors: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      effective_date: columns.isoDate,
      share_bp: columns.int,
    }),
  ),
  arrangement_count: columns.int,
});

/** A row of the list: the total, then an organisation — or, when the page is empty, nothing. */
const listRow = z.union([
  organisationRow
    .extend({ total: columns.int })
    .transform((row) => ({ total: row.total, organisation: toOrganisation(row) })),
  z
    .object({ total: columns.int, code: z.null() })
    .transform((row) => ({ total: row.total, organisation: null })),
]);

function toOrganisation(row: z.output<typeof organisationRow>): PublicOrganisation {
  const region = regionByName(row.region);
  return {
    code: row.code,
    gssCode: row.gss_code,
    formerGssCodes: row.former_gss_codes,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    type: row.council_type,
    regionSlug: region?.slug ?? null,
    regionName: region?.name ?? row.region,
    parentCode: row.parent_code,
    startDate: row.start_date,
    endDate: row.end_date,
    replacedBy: row.successors[0]
      ? { code: row.successors[0].code, name: row.successors[0].name }
      : null,
    successors: row.successors.map((x) => ({
      code: x.code,
      name: x.name,
      effectiveDate: x.effective_date,
      shareBp: x.share_bp,
    })),
    arrangementCount: row.arrangement_count,
  };
}

function conditions(query: Pick<OrganisationQuery, "kind" | "region">): SQL {
  const parts: SQL[] = [];
  if (query.kind) parts.push(sql`o.kind = ${query.kind}`);
  if (query.region) {
    // An unknown slug matches nothing (the parser refuses one anyway). Not a NUL sentinel:
    // PostgreSQL text cannot hold one, and the query would fail instead of matching nothing.
    const region = regionBySlug(query.region);
    parts.push(region ? sql`o.region = ${region.name}` : sql`false`);
  }
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

async function listQuery(query: OrganisationQuery): Promise<OrganisationList> {
  const offset = (query.page - 1) * query.limit;
  const rows = await checkedRows(
    db(),
    listRow,
    sql`
    WITH published AS (${publishedArrangements()}),
    taking_part AS (
      SELECT rp.organisation_id, count(*)::int AS arrangement_count
      FROM revision_partners rp JOIN published p ON p.revision_id = rp.revision_id
      GROUP BY rp.organisation_id
    ),
    matching AS (SELECT o.* FROM organisations o WHERE ${conditions(query)}),
    page AS (
      SELECT m.*, row_number() OVER (ORDER BY m.name, m.code) AS ordinal
      FROM matching m ORDER BY m.name, m.code
      LIMIT ${query.limit} OFFSET ${offset}
    )
    SELECT (SELECT count(*)::int FROM matching) AS total,
           pg.code, pg.gss_code, pg.former_gss_codes, pg.name, pg.short_name, pg.kind,
           pg.council_type, pg.region, pg.parent_code,
           to_char(pg.start_date, 'YYYY-MM-DD') AS start_date,
           to_char(pg.end_date, 'YYYY-MM-DD') AS end_date,
           COALESCE((
             SELECT jsonb_agg(jsonb_build_object('code', n.code, 'name', n.name,
                      'effective_date', to_char(x.effective_date, 'YYYY-MM-DD'),
                      'share_bp', x.share_bp) ORDER BY x.share_bp DESC, n.code)
             FROM organisation_successions x JOIN organisations n ON n.id = x.successor_id
             WHERE x.predecessor_id = pg.id), '[]'::jsonb) AS successors,
           COALESCE(tp.arrangement_count, 0) AS arrangement_count
    FROM (SELECT 1) one
    LEFT JOIN page pg ON true
    LEFT JOIN taking_part tp ON tp.organisation_id = pg.id
    ORDER BY pg.ordinal
  `,
  );
  const total = rows[0]?.total ?? 0;
  return {
    rows: rows.flatMap((row) => (row.organisation ? [row.organisation] : [])),
    total,
    page: query.page,
    limit: query.limit,
    pages: Math.max(1, Math.ceil(total / query.limit)),
  };
}

export type OrganisationOption = { code: string; name: string; kind: OrganisationKind };

/** Organisations in at least one published arrangement, by name: the explorer's filter list. */
async function optionsQuery(): Promise<OrganisationOption[]> {
  const published = publishedCte();
  const o = organisations;
  const takesPart = queryBuilder
    .select({ one: sql`1` })
    .from(revisionPartners)
    .innerJoin(published, eq(published.revisionId, revisionPartners.revisionId))
    .where(eq(revisionPartners.organisationId, o.id));
  return db()
    .with(published)
    .select({ code: o.code, name: o.name, kind: o.kind })
    .from(o)
    .where(exists(takesPart))
    .orderBy(asc(o.name), asc(o.code));
}

/** One page of organisations, by name (cached). The query holds only plain values. */
export const listPublicOrganisations = cachedPublic("organisations-list", listQuery);

/** The organisations the explorer offers as a filter (cached). */
export const getOrganisationOptions = cachedPublic("organisation-options", optionsQuery);
