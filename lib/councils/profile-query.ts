import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { checkedRows } from "@/db/checked-rows";
import { db } from "@/db/client";
import { cachedPublic } from "@/lib/cache/public-cache";
import { registerOnDay } from "@/lib/public/register";
import type { CouncilDirectory, CouncilEntry } from "./directory";
import { figuresByCouncil, shareYearsByCouncil } from "./figures-by-council";
import { buildProfile, type CouncilProfile, type MemberInput } from "./profile";
import type { SimilarGroup } from "./similar-query";

/*
 * Reads a council's profile (lib/councils/profile.ts) from the register on the day, for the
 * council and its similar councils at once, by the register's rule: their figures as the map
 * reads them (figures-by-council.ts), their shares by financial year (lib/public/shares.ts,
 * each year split on its own), and the service categories each shares — those of the shared
 * arrangements it takes part in, main or further, as the partner finder counts them.
 */

const codeList = (codes: string[]) =>
  sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  );

const categoryRow = z.object({ slug: z.string(), name: z.string(), codes: z.array(z.string()) });

/**
 * The service categories of the shared arrangements (not run within one council) each of the
 * councils takes part in on `day`, itself or for a council it replaced: main or further.
 */
function categoriesQuery(codes: string[], day: string) {
  return checkedRows(
    db(),
    categoryRow,
    sql`WITH register AS (${registerOnDay(day)}),
    categories AS (
      SELECT r.arrangement_id, r.main_category_id AS category_id FROM register r
      WHERE NOT r.internal
      UNION
      SELECT r.arrangement_id, rc.category_id FROM register r
      JOIN revision_categories rc ON rc.revision_id = r.revision_id
      WHERE NOT r.internal
    )
    SELECT c.slug, c.name, array_agg(DISTINCT o.code ORDER BY o.code) AS codes
    FROM categories k
    JOIN register_participants(${day}::date) x ON x.arrangement_id = k.arrangement_id
    JOIN organisations o ON o.id = x.organisation_id
    JOIN service_categories c ON c.id = k.category_id
    WHERE o.code IN (${codeList(codes)})
    GROUP BY c.slug, c.name, c.sort_order
    ORDER BY c.sort_order`,
  );
}

async function profileDataQuery(codes: string[], day: string) {
  const [figures, yearShares, categories] = await Promise.all([
    figuresByCouncil(codes, day),
    shareYearsByCouncil(codes, day),
    categoriesQuery(codes, day),
  ]);
  return { figures, yearShares, categories };
}

const getProfileData = cachedPublic("council-profile", profileDataQuery);

/**
 * The council's profile against its comparison group on `day`, or null when it has no group
 * (a council that has ceased, or lacks a population or boundary: `similar` says why).
 */
export async function councilProfile(
  directory: CouncilDirectory,
  council: CouncilEntry,
  similar: SimilarGroup,
  day: string,
): Promise<CouncilProfile | null> {
  if (similar.kind !== "group") return null;
  const codes = [council.code, ...similar.councils.map((c) => c.code)];
  const data = await getProfileData(codes, day);
  const figures = new Map(data.figures.map((f) => [f.code, f]));
  const member = (entry: CouncilEntry): MemberInput => {
    // Every council in a group has a population: the distance needs it.
    if (entry.population === null) throw new Error(`${entry.code} has no population`);
    const f = figures.get(entry.code);
    return {
      code: entry.code,
      name: entry.name,
      population: entry.population,
      arrangements: f?.arrangements ?? 0,
      sharePence: f?.sharePence ?? 0n,
    };
  };
  const entry = (code: string) => {
    const found = directory.lookup.byCode(code);
    if (!found) throw new Error(`${code} is not in the council directory`);
    return found;
  };
  return buildProfile({
    council: member(council),
    group: similar.councils.map((c) => ({ ...member(entry(c.code)), distance: c.distance })),
    yearShares: data.yearShares,
    categories: data.categories,
  });
}
