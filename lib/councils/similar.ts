/*
 * Similar councils: each council's comparison group, the councils of its tier most like it in
 * size, density and region. Pure module: the caller passes the councils with their areas
 * (lib/councils/similar-query.ts reads them from the database and the shipped boundaries).
 *
 * The distance, in one sentence: the square root of the squared differences in log population
 * and in log population density, each in standard deviations among the councils of the tier
 * that exist on the day, plus one more (squared, so 1) when the two are in different regions.
 * Standardising makes the log's base irrelevant, and a different region weighs as much as one
 * standard deviation of either measure. Ties are broken by name, then code.
 */

/** How many councils a comparison group holds. */
export const GROUP_SIZE = 15;

/** Counties; districts; unitaries with metropolitan and London boroughs (and the City of London). */
export type SimilarityTier = "county" | "district" | "unitary";

const TIER_OF_TYPE: Readonly<Record<string, SimilarityTier>> = {
  CTY: "county",
  NMD: "district",
  UA: "unitary",
  MD: "unitary",
  LBO: "unitary",
  // Runs every service of a London borough for the Square Mile.
  CC: "unitary",
};

/** The councils of a tier, as the page names them. */
export const TIER_COUNCILS: Readonly<Record<SimilarityTier, string>> = {
  county: "county councils",
  district: "district councils",
  unitary: "unitary councils (unitary authorities, metropolitan and London boroughs)",
};

/** The comparison tier of an ONS council type, or null for a type outside the three tiers. */
export function similarityTier(councilType: string | null): SimilarityTier | null {
  return (councilType && TIER_OF_TYPE[councilType]) || null;
}

export type SimilarityCouncil = {
  code: string;
  name: string;
  councilType: string | null;
  region: string | null;
  population: number | null;
  /** Square kilometres, from its boundary; null when it has none. */
  areaKm2: number | null;
  /** ISO dates, both inclusive; null when unknown or still running. */
  startDate: string | null;
  endDate: string | null;
};

export type SimilarCouncil = { code: string; name: string; distance: number };

export type SimilarityResult =
  | { kind: "group"; tier: SimilarityTier; councils: SimilarCouncil[] }
  /** Why it has no group: it no longer exists, its type has no tier, or it lacks the data. */
  | { kind: "none"; reason: "not-current" | "no-tier" | "no-population" | "no-boundary" };

type Point = {
  council: SimilarityCouncil;
  tier: SimilarityTier;
  logPop: number;
  logDensity: number;
};

/** True when the council exists on the day (ISO date). */
export const existsOn = (c: Pick<SimilarityCouncil, "startDate" | "endDate">, day: string) =>
  (c.startDate === null || c.startDate <= day) && (c.endDate === null || c.endDate >= day);

/** True when it has what the distance needs: a population and an area. */
export const hasSizeAndArea = (c: Pick<SimilarityCouncil, "population" | "areaKm2">) =>
  c.population !== null && c.population > 0 && c.areaKm2 !== null && c.areaKm2 > 0;

/** A council that can be placed: existing on the day, of a tier, with population and area. */
function toPoint(c: SimilarityCouncil, day: string): Point | null {
  const tier = similarityTier(c.councilType);
  if (!existsOn(c, day) || !tier || !hasSizeAndArea(c)) return null;
  const population = c.population!;
  return {
    council: c,
    tier,
    logPop: Math.log(population),
    logDensity: Math.log(population / c.areaKm2!),
  };
}

/** Mean and population standard deviation (1 when every value is the same, to avoid 0/0). */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: variance > 0 ? Math.sqrt(variance) : 1 };
}

/** The stated distance between two councils of a tier, given the tier's spreads. */
export function similarityDistance(
  a: { logPop: number; logDensity: number; region: string | null },
  b: { logPop: number; logDensity: number; region: string | null },
  spread: { popSd: number; densitySd: number },
): number {
  const dPop = (a.logPop - b.logPop) / spread.popSd;
  const dDensity = (a.logDensity - b.logDensity) / spread.densitySd;
  // An unrecorded region is never the same region.
  const regionPenalty = a.region !== null && a.region === b.region ? 0 : 1;
  return Math.sqrt(dPop ** 2 + dDensity ** 2 + regionPenalty);
}

/** Distances within rounding of each other (1e-9) are a tie, broken by name, then code. */
function byDistanceThenName(a: SimilarCouncil, b: SimilarCouncil): number {
  const d = a.distance - b.distance;
  if (Math.abs(d) > 1e-9) return d;
  return a.name.localeCompare(b.name) || a.code.localeCompare(b.code);
}

/** Why a council has no group, when it has none. */
function whyNone(c: SimilarityCouncil, day: string) {
  if (!existsOn(c, day)) return "not-current" as const;
  if (!similarityTier(c.councilType)) return "no-tier" as const;
  if (c.population === null || c.population <= 0) return "no-population" as const;
  return "no-boundary" as const;
}

/**
 * The council's comparison group on the day: the `size` councils of its tier existing that day,
 * with population and area, nearest by the stated distance (itself excluded).
 */
export function similarCouncils(
  target: SimilarityCouncil,
  all: readonly SimilarityCouncil[],
  day: string,
  size: number = GROUP_SIZE,
): SimilarityResult {
  const self = toPoint(target, day);
  if (!self) return { kind: "none", reason: whyNone(target, day) };
  const peers = all
    .map((c) => toPoint(c, day))
    .filter((p): p is Point => p !== null && p.tier === self.tier);
  const spread = {
    popSd: meanAndSd(peers.map((p) => p.logPop)).sd,
    densitySd: meanAndSd(peers.map((p) => p.logDensity)).sd,
  };
  const place = (p: Point) => ({ ...p, region: p.council.region });
  const councils = peers
    .filter((p) => p.council.code !== target.code)
    .map((p) => ({
      code: p.council.code,
      name: p.council.name,
      distance: similarityDistance(place(self), place(p), spread),
    }))
    .sort(byDistanceThenName)
    .slice(0, size);
  return { kind: "group", tier: self.tier, councils };
}
