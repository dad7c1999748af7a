import "server-only";
import { areasFor } from "./boundaries";
import type { MapView, Tier } from "./constants";
import type { CouncilLookup, GeoCouncil } from "./councils";
import { hexFrame, hexPath, placeHexes, type HexCell } from "./hex";
import { boundaryPaths } from "./projection";

/*
 * The shapes of one map: one per council that existed in the year, on the boundary map or the
 * hex map, each already a path string. What a council's shape is coloured by is the caller's.
 */

export type MapShape<C extends GeoCouncil = GeoCouncil> = { council: C; d: string };

export type MapGeometry<C extends GeoCouncil = GeoCouncil> = {
  width: number;
  height: number;
  /** One per council, ordered by council code. */
  shapes: MapShape<C>[];
  /** Boundary codes no council in the register stands for (none with the shipped data). */
  unresolved: string[];
  /** The hex map: the layout it starts from, and councils not in that layout. */
  hex?: { layoutYear: number; moved: C[] };
};

/** The councils of a tier in a year, as the boundaries draw them. */
export function councilsDrawn<C extends GeoCouncil>(
  year: number,
  tier: Tier,
  lookup: CouncilLookup<C>,
): { councils: Map<string, { council: C; areaCodes: string[] }>; unresolved: string[] } {
  const councils = new Map<string, { council: C; areaCodes: string[] }>();
  const unresolved: string[] = [];
  for (const area of areasFor(year, tier)) {
    const code = area.properties.areacd;
    const council = lookup.resolve(code);
    if (!council) {
      unresolved.push(code);
      continue;
    }
    const entry = councils.get(council.code);
    if (entry) entry.areaCodes.push(code);
    else councils.set(council.code, { council, areaCodes: [code] });
  }
  return { councils, unresolved };
}

const byCode = (a: MapShape, b: MapShape) => a.council.code.localeCompare(b.council.code);

export function mapGeometry<C extends GeoCouncil>(
  year: number,
  tier: Tier,
  view: MapView,
  lookup: CouncilLookup<C>,
): MapGeometry<C> {
  if (view === "boundaries") {
    const { frame, paths } = boundaryPaths(year, tier);
    const pathByArea = new Map(paths.map((p) => [p.areaCode, p.d]));
    const { councils, unresolved } = councilsDrawn(year, tier, lookup);
    const shapes = [...councils.values()].map(({ council, areaCodes }) => ({
      council,
      d: areaCodes.map((c) => pathByArea.get(c) ?? "").join(""),
    }));
    return { ...frame, shapes: shapes.sort(byCode), unresolved };
  }

  const lower = councilsDrawn(year, "lower", lookup);
  const placement = placeHexes(
    [...lower.councils.values()].map((e) => e.council),
    lookup,
  );
  const frame = hexFrame(placement.cells.values());
  const moved = placement.moved.flatMap((code) => lookup.byCode(code) ?? []);
  const unresolved = [...lower.unresolved, ...placement.unplaced];

  if (tier === "lower") {
    const shapes = [...placement.cells].map(([code, cell]) => ({
      council: lookup.byCode(code)!,
      d: hexPath([cell], frame),
    }));
    return {
      width: frame.width,
      height: frame.height,
      shapes: shapes.sort(byCode),
      unresolved,
      hex: { layoutYear: placement.layoutYear, moved },
    };
  }

  // Upper tier: each district's hexagon joins its county's group; unitaries stand alone.
  const upper = councilsDrawn(year, "upper", lookup);
  const groups = new Map<string, HexCell[]>();
  for (const [code, cell] of placement.cells) {
    const council = lookup.byCode(code)!;
    const group = upper.councils.has(code)
      ? code
      : council.parentCode && upper.councils.has(council.parentCode)
        ? council.parentCode
        : undefined;
    if (!group) {
      unresolved.push(code);
      continue;
    }
    groups.set(group, [...(groups.get(group) ?? []), cell]);
  }
  const shapes = [...groups].map(([code, cells]) => ({
    council: upper.councils.get(code)!.council,
    d: hexPath(cells, frame),
  }));
  return {
    width: frame.width,
    height: frame.height,
    shapes: shapes.sort(byCode),
    unresolved: [...unresolved, ...upper.unresolved],
    hex: { layoutYear: placement.layoutYear, moved },
  };
}
