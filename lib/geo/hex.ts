import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { successorOf, type CouncilLookup, type GeoCouncil } from "./councils";
import { ringsToPath, type Point } from "./svg-path";

/*
 * The equal-area hex map: one hexagon per lower-tier council, from Open Innovations' hexjson
 * layouts shipped in db/reference (2019 and 2023 councils; keys are GSS codes; q/r on an "odd-r"
 * grid, r counting northwards). London's boroughs, specks on the boundary map, get a hexagon
 * each like everyone else.
 *
 * A year is drawn on the layout that fits it best (fewest councils to add or remove). Where the
 * councils of the year differ from the layout's:
 * - a council abolished by then leaves its hexagon empty, unless a council of the year shares
 *   its lineage (one replaced the other, or both were replaced by the same council), which then
 *   takes it — the new Buckinghamshire takes a district's hexagon in 2020;
 * - a council with no hexagon left in its lineage takes the nearest empty cell to it — before
 *   2019 the Dorset districts gather around the hexagon of the Dorset that replaced them.
 * The upper tier groups each district's hexagon with its county's.
 */

export type HexCell = { q: number; r: number };
type HexFileShape = { layout: string; hexes: Record<string, { n: string; q: number; r: number }> };

/** The layouts shipped, by the year of the councils they show. */
export const HEX_LAYOUTS = [
  { year: 2019, file: "hexmap_lad_2019.hexjson" },
  { year: 2023, file: "hexmap_lad_2023.hexjson" },
] as const;

export type HexLayoutFile = { year: number; cells: Map<string, HexCell> };

let layouts: HexLayoutFile[] | undefined;

/** The shipped layouts: English areas only, by GSS code. */
export function hexLayoutFiles(): HexLayoutFile[] {
  layouts ??= HEX_LAYOUTS.map(({ year, file }) => {
    const json = JSON.parse(
      readFileSync(path.join(process.cwd(), "db/reference", file), "utf8"),
    ) as HexFileShape;
    if (json.layout !== "odd-r") throw new Error(`${file}: expected an odd-r layout`);
    const cells = new Map<string, HexCell>();
    for (const [code, hex] of Object.entries(json.hexes)) {
      if (code.startsWith("E")) cells.set(code, { q: hex.q, r: hex.r });
    }
    return { year, cells };
  });
  return layouts;
}

const key = (c: HexCell) => `${c.q},${c.r}`;
const isOdd = (r: number) => ((r % 2) + 2) % 2 === 1;

/** The six cells around one on an odd-r grid (odd rows sit half a cell to the right). */
export function hexNeighbours({ q, r }: HexCell): HexCell[] {
  const shift = isOdd(r) ? 0 : -1;
  return [
    { q: q + 1, r },
    { q: q - 1, r },
    { q: q + shift, r: r - 1 },
    { q: q + shift + 1, r: r - 1 },
    { q: q + shift, r: r + 1 },
    { q: q + shift + 1, r: r + 1 },
  ];
}

export type HexPlacement = {
  /** The year of the layout the placement starts from. */
  layoutYear: number;
  /** Council code → its cell. */
  cells: Map<string, HexCell>;
  /** Councils not in the layout, placed in a nearby cell. */
  moved: string[];
  /** Councils that could not be placed (none with the shipped data). */
  unplaced: string[];
};

/**
 * One cell for each council of `councils` (the lower-tier councils of a year), starting from
 * the best-fitting layout of `files`.
 */
export function placeHexes<C extends GeoCouncil>(
  councils: readonly C[],
  lookup: CouncilLookup<C>,
  files: readonly HexLayoutFile[] = hexLayoutFiles(),
): HexPlacement {
  const wanted = new Set(councils.map((c) => c.code));
  // Layouts in council codes (boundary codes resolved as the map resolves them).
  const resolved = files.map((file) => {
    const cells = new Map<string, HexCell>();
    for (const [areaCode, cell] of file.cells) {
      const council = lookup.resolve(areaCode);
      if (council && !cells.has(council.code)) cells.set(council.code, cell);
    }
    let mismatch = 0;
    for (const code of wanted) if (!cells.has(code)) mismatch++;
    for (const code of cells.keys()) if (!wanted.has(code)) mismatch++;
    return { year: file.year, cells, mismatch };
  });
  const best = resolved.reduce((a, b) => (b.mismatch < a.mismatch ? b : a));

  const placed = new Map<string, HexCell>();
  const occupied = new Set<string>();
  const vacated: Array<{ cell: HexCell; lineage: string }> = [];
  for (const [code, cell] of best.cells) {
    if (wanted.has(code)) {
      placed.set(code, cell);
      occupied.add(key(cell));
    } else {
      const council = lookup.byCode(code);
      vacated.push({ cell, lineage: council ? successorOf(lookup, council).code : code });
    }
  }

  const pending = councils
    .filter((c) => !placed.has(c.code))
    .sort((a, b) => a.code.localeCompare(b.code));
  const lineageCells = new Map<string, HexCell[]>();
  for (const c of pending) {
    const lineage = successorOf(lookup, c).code;
    lineageCells.set(
      c.code,
      vacated.filter((v) => v.lineage === lineage).map((v) => v.cell),
    );
  }

  // First, councils that can take an empty cell of their own lineage.
  const stillPending: C[] = [];
  for (const c of pending) {
    const free = lineageCells.get(c.code)!.find((cell) => !occupied.has(key(cell)));
    if (free) {
      placed.set(c.code, free);
      occupied.add(key(free));
    } else stillPending.push(c);
  }

  // Then the rest: the nearest empty cell to their lineage's cells (or their county's).
  const moved: string[] = [];
  const unplaced: string[] = [];
  for (const c of stillPending) {
    let starts = lineageCells.get(c.code)!;
    if (starts.length === 0 && c.parentCode) {
      starts = councils
        .filter((o) => o.parentCode === c.parentCode && placed.has(o.code))
        .map((o) => placed.get(o.code)!);
    }
    const cell = nearestFree(starts, occupied);
    if (cell) {
      placed.set(c.code, cell);
      occupied.add(key(cell));
      moved.push(c.code);
    } else unplaced.push(c.code);
  }
  for (const c of pending) if (placed.has(c.code) && !moved.includes(c.code)) moved.push(c.code);
  moved.sort();

  return { layoutYear: best.year, cells: placed, moved, unplaced };
}

/** Breadth-first from the start cells to the first cell no council occupies. */
function nearestFree(starts: readonly HexCell[], occupied: ReadonlySet<string>): HexCell | null {
  const seen = new Set(starts.map(key));
  let frontier = [...starts];
  for (let ring = 0; ring < 12 && frontier.length; ring++) {
    const next: HexCell[] = [];
    for (const cell of frontier) {
      for (const n of hexNeighbours(cell)) {
        const k = key(n);
        if (seen.has(k)) continue;
        if (!occupied.has(k)) return n;
        seen.add(k);
        next.push(n);
      }
    }
    frontier = next;
  }
  return null;
}

/** Distance from a hexagon's centre to a corner, in map units. */
export const HEX_RADIUS = 100;
const HEX_WIDTH = Math.sqrt(3) * HEX_RADIUS;
const HEX_PADDING = 20;

function centreOf({ q, r }: HexCell): Point {
  return [HEX_WIDTH * (q + (isOdd(r) ? 0.5 : 0)), -1.5 * HEX_RADIUS * r];
}

function hexagon(cell: HexCell, origin: Point): Point[] {
  const [cx, cy] = centreOf(cell);
  const corners: Point[] = [];
  for (let k = 0; k < 6; k++) {
    const angle = (Math.PI / 180) * (60 * k + 30);
    corners.push([
      cx - origin[0] + HEX_RADIUS * Math.cos(angle),
      cy - origin[1] + HEX_RADIUS * Math.sin(angle),
    ]);
  }
  return corners;
}

export type HexFrame = { width: number; height: number; origin: Point };

/** The frame (viewBox) that holds every placed cell. */
export function hexFrame(cells: Iterable<HexCell>): HexFrame {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const cell of cells) {
    const [x, y] = centreOf(cell);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (minX === Infinity) return { width: 0, height: 0, origin: [0, 0] };
  const origin: Point = [minX - HEX_WIDTH / 2 - HEX_PADDING, minY - HEX_RADIUS - HEX_PADDING];
  return {
    width: Math.ceil(maxX - origin[0] + HEX_WIDTH / 2 + HEX_PADDING),
    height: Math.ceil(maxY - origin[1] + HEX_RADIUS + HEX_PADDING),
    origin,
  };
}

/** One path for a group of cells (a council's hexagon, or a county's hexagons). */
export function hexPath(cells: readonly HexCell[], frame: HexFrame): string {
  return ringsToPath(cells.map((cell) => hexagon(cell, frame.origin)));
}
