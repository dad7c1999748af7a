import "server-only";
import { geoCentroid, geoDistance } from "d3-geo";
import { allEnglishAreas } from "./boundaries";
import type { CouncilLookup, GeoCouncil } from "./councils";

/*
 * Where councils are: the spherical centroid of each boundary (from the unsimplified ONS
 * shapes), and great-circle distances between them. Former councils have centroids too, from
 * the boundaries of the years they existed.
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

export type LonLat = [number, number];

let centroids: Map<string, LonLat> | undefined;

/** Centroid of every English lower- and upper-tier area of any year, by boundary code. */
export function areaCentroids(): ReadonlyMap<string, LonLat> {
  if (!centroids) {
    centroids = new Map();
    for (const area of allEnglishAreas()) {
      if (!centroids.has(area.properties.areacd)) {
        centroids.set(area.properties.areacd, geoCentroid(area) as LonLat);
      }
    }
  }
  return centroids;
}

/** A council's centroid: its own boundary, else one it is drawn with (alias, former code). */
export function councilCentroid(lookup: CouncilLookup, council: GeoCouncil): LonLat | undefined {
  const all = areaCentroids();
  for (const code of lookup.areaCodesOf(council)) {
    const c = all.get(code);
    if (c) return c;
  }
  return undefined;
}

/** Great-circle distance in km. */
export function distanceKm(a: LonLat, b: LonLat): number {
  return geoDistance(a, b) * EARTH_RADIUS_KM;
}
