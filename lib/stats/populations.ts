import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows, columns } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";

/*
 * Each region's population on a day: the sum of the populations of the councils existing that
 * day that are not county councils (a county's residents are its districts', so counting both
 * would count them twice; the reference data gives a county exactly its districts' sum). The
 * populations are the reference data's (lib/councils/population.ts names their date). A region
 * with a council whose population is not recorded has none, rather than too small a one.
 */

export type RegionPopulation = { region: string; population: number | null };

const populationRow = z
  .object({ region: z.string(), population: columns.int, missing: columns.int })
  .transform((r): RegionPopulation => ({
    region: r.region,
    population: r.missing > 0 ? null : r.population,
  }));

async function regionPopulationsQuery(day: string): Promise<RegionPopulation[]> {
  return checkedRows(
    db(),
    populationRow,
    sql`SELECT region, coalesce(sum(population), 0)::int AS population,
               (count(*) FILTER (WHERE population IS NULL))::int AS missing
        FROM organisations
        WHERE kind = 'council' AND region IS NOT NULL
          AND council_type IS DISTINCT FROM 'CTY'
          AND (start_date IS NULL OR start_date <= ${day}::date)
          AND (end_date IS NULL OR end_date >= ${day}::date)
        GROUP BY region ORDER BY region`,
  );
}

/** The regions' populations on `day` (cached under the public tag). */
export const getRegionPopulations = cachedPublic("region-populations", regionPopulationsQuery);
