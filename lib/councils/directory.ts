import "server-only";
import { asc, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { organisations } from "@/db/schema";
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
};

async function directoryQuery(): Promise<CouncilEntry[]> {
  const o = organisations;
  return db()
    .select({
      id: o.id,
      code: o.code,
      gssCode: o.gssCode,
      formerGssCodes: o.formerGssCodes,
      name: o.name,
      shortName: o.shortName,
      councilType: o.councilType,
      region: o.region,
      parentCode: o.parentCode,
      startDate: o.startDate,
      endDate: o.endDate,
      population: o.population,
      // Written out: inside a subquery Drizzle leaves the outer table's columns unqualified.
      replacedByCodes: sql<string[]>`ARRAY(
        SELECT n.code FROM organisation_successions s JOIN organisations n ON n.id = s.successor_id
        WHERE s.predecessor_id = "organisations"."id" ORDER BY s.share_bp DESC, n.code)`,
    })
    .from(o)
    .where(sql`${o.kind} = 'council'`)
    .orderBy(asc(o.shortName), asc(o.code));
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
