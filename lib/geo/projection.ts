import "server-only";
import type { MultiPolygon, Polygon } from "geojson";
import { geoConicEqualArea, geoPath, type GeoProjection } from "d3-geo";
import type { Arc } from "topojson-specification";
import {
  boundaryTopology,
  englandOutline,
  inYear,
  tierLayer,
  toFeatures,
  type AreaFeature,
  type BoundaryTopology,
} from "./boundaries";
import type { Tier } from "./constants";
import { ringsToPath, simplifyArc, type Point } from "./svg-path";

/*
 * England drawn as SVG path strings, on the server. An equal-area projection (Albers conic,
 * standard parallels either side of England, centred on 2°W like the National Grid), so a
 * council's share of the map is its share of the land: what a choropleth should show.
 *
 * The topology's arcs (the lines between junctions of boundaries, each shared by the areas on
 * either side) are projected and simplified once, then stitched into areas: neighbours keep
 * exactly the same border, so simplifying leaves no gaps or overlaps.
 *
 * The frame is a viewBox in map units quantised to the size the map is drawn at: the page draws
 * it at most MAP_DRAWN_WIDTH CSS pixels wide (max-w-2xl), and a unit is half a pixel there (about
 * 490 m on the ground), so whole units are finer than the eye can tell while every coordinate
 * stays short. The page's SVG scales to any width.
 */

/** The widest the page draws the map, in CSS pixels (components/map: max-w-2xl). */
export const MAP_DRAWN_WIDTH = 672;
/** Map units per CSS pixel at that width: coordinates are whole units, so half a pixel. */
const UNITS_PER_PIXEL = 2;
/** Width of the map in viewBox units. */
export const MAP_WIDTH = MAP_DRAWN_WIDTH * UNITS_PER_PIXEL;
const PADDING = 14;
/**
 * Simplification tolerance in map units: one pixel at the widest the map is drawn, half a
 * pixel on a phone. Finer detail cannot be seen and only adds bytes (a third of them at half
 * a pixel).
 */
export const MAP_TOLERANCE = UNITS_PER_PIXEL;

export type Frame = { width: number; height: number };

let fitted: { projection: GeoProjection; frame: Frame } | undefined;

/** The projection fitted to England, and the frame it fills. */
export function englandProjection(): { projection: GeoProjection; frame: Frame } {
  if (!fitted) {
    const england = englandOutline();
    const projection = geoConicEqualArea()
      .parallels([50.5, 55])
      .rotate([2, 0])
      .fitWidth(MAP_WIDTH - 2 * PADDING, england);
    const [tx, ty] = projection.translate();
    projection.translate([tx + PADDING, ty + PADDING]);
    const [, [, bottom]] = geoPath(projection).bounds(england);
    fitted = { projection, frame: { width: MAP_WIDTH, height: Math.ceil(bottom + PADDING) } };
  }
  return fitted;
}

let projected: BoundaryTopology | undefined;

/** The topology with its arcs projected into map units and simplified. */
function projectedTopology(): BoundaryTopology {
  if (!projected) {
    const topo = boundaryTopology();
    const { projection } = englandProjection();
    const transform = topo.transform;
    if (!transform) throw new Error("The boundaries file is expected to be quantised");
    const [sx, sy] = transform.scale;
    const [ox, oy] = transform.translate;
    const arcs: Arc[] = topo.arcs.map((arc) => {
      let x = 0;
      let y = 0;
      const points: Point[] = arc.map(([dx, dy]) => {
        x += dx!;
        y += dy!;
        return projection([x * sx + ox, y * sy + oy]) ?? [0, 0];
      });
      return simplifyArc(points, MAP_TOLERANCE).map(([px, py]) => [px, py]);
    });
    projected = { ...topo, transform: undefined, arcs };
  }
  return projected;
}

function featurePath(f: AreaFeature): string {
  const geometry = f.geometry as Polygon | MultiPolygon;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return ringsToPath(polygons.flat() as unknown as Point[][]);
}

export type AreaPath = { areaCode: string; areaName: string; d: string };

const layerMemo = new Map<string, AreaFeature[]>();
const memo = new Map<string, AreaPath[]>();

/** Path strings of every area of a tier valid in a year, computed once per process. */
export function boundaryPaths(year: number, tier: Tier): { frame: Frame; paths: AreaPath[] } {
  const key = `${year}:${tier}`;
  let paths = memo.get(key);
  if (!paths) {
    const layer = tierLayer(tier);
    let features = layerMemo.get(layer);
    if (!features) {
      features = toFeatures(layer, projectedTopology());
      layerMemo.set(layer, features);
    }
    paths = inYear(features, year).map((f) => ({
      areaCode: f.properties.areacd,
      areaName: f.properties.areanm,
      d: featurePath(f),
    }));
    memo.set(key, paths);
  }
  return { frame: englandProjection().frame, paths };
}
