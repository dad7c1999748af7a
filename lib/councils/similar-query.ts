import "server-only";
import { councilAreaKm2 } from "@/lib/geo/areas";
import type { CouncilDirectory, CouncilEntry } from "./directory";
import {
  existsOn,
  hasSizeAndArea,
  similarCouncils,
  similarityTier,
  type SimilarityCouncil,
  type SimilarityResult,
} from "./similar";

/*
 * Feeds similarCouncils (similar.ts) from the council directory (the organisations table, cached
 * under the public tag, so a recorded reorganisation changes the groups with everything else)
 * and the areas of the shipped boundaries (lib/geo/areas.ts).
 */

export type SimilarGroup = SimilarityResult & {
  /** Councils of its tier existing on the day left out for want of a population or boundary. */
  leftOut: number;
};

function withArea(directory: CouncilDirectory, c: CouncilEntry): SimilarityCouncil {
  return {
    code: c.code,
    name: c.name,
    councilType: c.councilType,
    region: c.region,
    population: c.population,
    areaKm2: councilAreaKm2(directory.lookup, c),
    startDate: c.startDate,
    endDate: c.endDate,
  };
}

/** Every council with its area in km² (null without a boundary), for the groups and tests. */
export function similarityCouncils(directory: CouncilDirectory): SimilarityCouncil[] {
  return directory.councils.map((c) => withArea(directory, c));
}

/** The council's comparison group on the day. */
export function similarGroupOf(
  directory: CouncilDirectory,
  council: CouncilEntry,
  day: string,
): SimilarGroup {
  const all = similarityCouncils(directory);
  const target = all.find((c) => c.code === council.code) ?? withArea(directory, council);
  const result = similarCouncils(target, all, day);
  const tier = similarityTier(council.councilType);
  const leftOut = all.filter(
    (c) =>
      tier !== null &&
      similarityTier(c.councilType) === tier &&
      existsOn(c, day) &&
      !hasSizeAndArea(c),
  ).length;
  return { ...result, leftOut };
}
