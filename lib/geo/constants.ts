/*
 * What the map can show, as plain values. Pure module (no file reading), safe anywhere.
 */

/** The years the shipped boundaries describe (uk_boundaries_2014_2025.topo.json). */
export const BOUNDARY_FIRST_YEAR = 2014;
export const BOUNDARY_LAST_YEAR = 2025;
export const BOUNDARY_YEARS: readonly number[] = Array.from(
  { length: BOUNDARY_LAST_YEAR - BOUNDARY_FIRST_YEAR + 1 },
  (_, i) => BOUNDARY_FIRST_YEAR + i,
);

/** Lower tier: districts, unitaries, metropolitan and London boroughs. Upper: counties and unitaries. */
export const TIERS = ["lower", "upper"] as const;
export type Tier = (typeof TIERS)[number];

/** The boundary map (ONS shapes) or the equal-area hex map. */
export const MAP_VIEWS = ["boundaries", "hex"] as const;
export type MapView = (typeof MAP_VIEWS)[number];
