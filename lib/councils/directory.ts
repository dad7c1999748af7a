import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { councilLookup, type CouncilLookup, type GeoCouncil } from "@/lib/geo/councils";

/*
 * Every council the register knows, current and former, with what the map, the council pages
 * and the partner finder need. Organisations change rarely (an admin recording that a council
 * was replaced), and such changes invalidate the public cache like any other.
 */

export type CouncilEntry = GeoCouncil & {
  id: number;
  shortName: string;
  councilType: string | null;
  region: string | null;
  /** ISO dates, both inclusive; null when unknown or still running. */
  startDate: string | null;
  endDate: string | null;
  population: number | null;
  replacedByName: string | null;
};

type Row = {
  id: number;
  code: string;
  gss_code: string | null;
  former_gss_codes: string[];
  name: string;
  short_name: string;
  council_type: string | null;
  region: string | null;
  parent_code: string | null;
  start_date: string | null;
  end_date: string | null;
  population: number | null;
  replaced_by_code: string | null;
  replaced_by_name: string | null;
};

async function directoryQuery(): Promise<CouncilEntry[]> {
  const rows = await db().execute<Row>(sql`
    SELECT o.id, o.code, o.gss_code, o.former_gss_codes, o.name, o.short_name, o.council_type,
           o.region, o.parent_code, o.start_date::text AS start_date, o.end_date::text AS end_date,
           o.population, successor.code AS replaced_by_code, successor.name AS replaced_by_name
    FROM organisations o
    LEFT JOIN organisations successor ON successor.id = o.replaced_by_id
    WHERE o.kind = 'council'
    ORDER BY o.short_name, o.code
  `);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    gssCode: r.gss_code,
    formerGssCodes: r.former_gss_codes,
    name: r.name,
    shortName: r.short_name,
    councilType: r.council_type,
    region: r.region,
    parentCode: r.parent_code,
    startDate: r.start_date,
    endDate: r.end_date,
    population: r.population,
    replacedByCode: r.replaced_by_code,
    replacedByName: r.replaced_by_name,
  }));
}

/** All councils, current and former, by short name (cached under the public tag). */
export const getCouncilDirectory = cachedPublic("council-directory", directoryQuery);

export type CouncilDirectory = { councils: CouncilEntry[]; lookup: CouncilLookup<CouncilEntry> };

/** The councils with a lookup from boundary codes to them. */
export async function councilDirectory(): Promise<CouncilDirectory> {
  const councils = await getCouncilDirectory();
  return { councils, lookup: councilLookup(councils) };
}

/** True when the council existed on the day (ISO date). */
export function existsOn(council: Pick<CouncilEntry, "startDate" | "endDate">, day: string) {
  return (
    (council.startDate === null || council.startDate <= day) &&
    (council.endDate === null || council.endDate >= day)
  );
}
