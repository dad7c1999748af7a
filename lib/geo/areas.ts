import "server-only";
import { geoArea } from "d3-geo";
import { allEnglishAreas, type AreaFeature } from "./boundaries";
import { EARTH_RADIUS_KM } from "./centroids";
import { BOUNDARY_FIRST_YEAR, BOUNDARY_LAST_YEAR } from "./constants";
import type { CouncilLookup, GeoCouncil } from "./councils";

/*
 * How large councils are: the spherical area of each boundary the map ships (d3-geo's geoArea,
 * in steradians, × Earth's mean radius², in km²). A council's latest boundary is used (2025's,
 * the last shipped year, for every council of the reference data that exists today); a council
 * formed later, under a code no boundary carries, has no area.
 */

let latest: Map<string, AreaFeature> | undefined;
const areas = new WeakMap<AreaFeature, number>();

/** The later of two boundaries: the one valid last (then the one that began last). */
function later(a: AreaFeature, b: AreaFeature): AreaFeature {
  const end = (f: AreaFeature) => f.properties.end ?? BOUNDARY_LAST_YEAR;
  const start = (f: AreaFeature) => f.properties.start ?? BOUNDARY_FIRST_YEAR;
  return end(b) > end(a) || (end(b) === end(a) && start(b) > start(a)) ? b : a;
}

/** The latest boundary of every English lower- and upper-tier area code. */
function latestBoundaries(): ReadonlyMap<string, AreaFeature> {
  if (!latest) {
    latest = new Map();
    for (const f of allEnglishAreas()) {
      const seen = latest.get(f.properties.areacd);
      latest.set(f.properties.areacd, seen ? later(seen, f) : f);
    }
  }
  return latest;
}

/** A boundary's area in km². */
export function boundaryAreaKm2(f: AreaFeature): number {
  let area = areas.get(f);
  if (area === undefined) {
    area = geoArea(f) * EARTH_RADIUS_KM * EARTH_RADIUS_KM;
    areas.set(f, area);
  }
  return area;
}

/**
 * A council's area in km², from the latest boundary among the codes it is drawn with (its own,
 * an alias, a former code: Barnsley's 2025 boundary carries a new code); null when none has one.
 */
export function councilAreaKm2(lookup: CouncilLookup, council: GeoCouncil): number | null {
  const all = latestBoundaries();
  let found: AreaFeature | undefined;
  for (const code of lookup.areaCodesOf(council)) {
    const f = all.get(code);
    if (f) found = found ? later(found, f) : f;
  }
  return found ? boundaryAreaKm2(found) : null;
}
