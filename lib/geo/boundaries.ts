import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { BOUNDARY_FIRST_YEAR, BOUNDARY_LAST_YEAR, type Tier } from "./constants";

/*
 * The ONS boundaries shipped in db/reference/uk_boundaries_2014_2025.topo.json (see SOURCES.md
 * there): England's councils year by year. Each area carries its GSS code (`areacd`), its name and,
 * when it did not exist for the whole span, `start` (first year) and `end` (last valid year):
 * Bournemouth has end 2018, Bournemouth, Christchurch and Poole start 2019.
 *
 * Read once per process; everything here is pure once loaded.
 */

const LAYER = { lower: "ltla", upper: "utla" } as const satisfies Record<Tier, string>;

export type AreaProperties = { areacd: string; areanm: string; start?: number; end?: number };
export type AreaFeature = Feature<Polygon | MultiPolygon, AreaProperties>;

export type Layers = "ltla" | "utla" | "ctry";
export type BoundaryTopology = Topology<Record<Layers, GeometryCollection<AreaProperties>>>;

const ENGLAND = "E92000001";

let topology: BoundaryTopology | undefined;

/** The shipped topology, as stored: quantised arcs in longitude and latitude. */
export function boundaryTopology(): BoundaryTopology {
  topology ??= JSON.parse(
    readFileSync(
      path.join(process.cwd(), "db/reference/uk_boundaries_2014_2025.topo.json"),
      "utf8",
    ),
  ) as BoundaryTopology;
  return topology;
}

/** A layer's areas as GeoJSON features, from this topology or another with the same objects. */
export function toFeatures(
  layer: Layers,
  topo: BoundaryTopology = boundaryTopology(),
): AreaFeature[] {
  const collection = feature(topo, topo.objects[layer]) as unknown as {
    features: AreaFeature[];
  };
  return collection.features;
}

const layerFeatures = new Map<Layers, AreaFeature[]>();

/** Every English area of a layer, all years. */
function englishFeatures(layer: "ltla" | "utla"): AreaFeature[] {
  let features = layerFeatures.get(layer);
  if (!features) {
    features = toFeatures(layer).filter((f) => f.properties.areacd.startsWith("E"));
    layerFeatures.set(layer, features);
  }
  return features;
}

export function isBoundaryYear(year: number): boolean {
  return Number.isInteger(year) && year >= BOUNDARY_FIRST_YEAR && year <= BOUNDARY_LAST_YEAR;
}

/** True when an area was valid in the year (start and end both inclusive). */
export function validIn(p: AreaProperties, year: number): boolean {
  return (p.start ?? BOUNDARY_FIRST_YEAR) <= year && (p.end ?? BOUNDARY_LAST_YEAR) >= year;
}

/** England's areas of a tier that existed in a year, by GSS code. */
export function areasFor(year: number, tier: Tier): AreaFeature[] {
  return inYear(englishFeatures(LAYER[tier]), year);
}

/** The layer behind a tier. */
export function tierLayer(tier: Tier): "ltla" | "utla" {
  return LAYER[tier];
}

/** English areas valid in a year, ordered by GSS code. */
export function inYear(features: readonly AreaFeature[], year: number): AreaFeature[] {
  if (!isBoundaryYear(year)) throw new RangeError(`No boundaries for ${year}`);
  return features
    .filter((f) => f.properties.areacd.startsWith("E") && validIn(f.properties, year))
    .sort((a, b) => a.properties.areacd.localeCompare(b.properties.areacd));
}

/** Every English lower- and upper-tier area of any year (for centroids of former councils too). */
export function allEnglishAreas(): AreaFeature[] {
  return [...englishFeatures("ltla"), ...englishFeatures("utla")];
}

let england: AreaFeature | undefined;

/** England's outline, to fit the projection to. */
export function englandOutline(): AreaFeature {
  england ??= toFeatures("ctry").find((f) => f.properties.areacd === ENGLAND);
  if (!england) throw new Error("The boundaries file has no outline for England");
  return england;
}
