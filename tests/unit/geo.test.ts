import { readFileSync } from "node:fs";
import { geoCentroid } from "d3-geo";
import { feature, neighbors } from "topojson-client";
import { describe, expect, it } from "vitest";
import { existedOn, loadCouncils } from "@/db/seed/reference";
import { areasFor, englandOutline, validIn, type AreaProperties } from "@/lib/geo/boundaries";
import { areaCentroids, councilCentroid, distanceKm } from "@/lib/geo/centroids";
import { BOUNDARY_YEARS } from "@/lib/geo/constants";
import { councilLookup, successorOf } from "@/lib/geo/councils";
import { hexLayoutFiles, hexNeighbours, placeHexes } from "@/lib/geo/hex";
import { councilsDrawn, mapGeometry } from "@/lib/geo/map-shapes";
import { boundaryPaths, englandProjection, MAP_TOLERANCE, MAP_WIDTH } from "@/lib/geo/projection";

/*
 * The map's geography against the shipped reference files: the councils drawn per year and
 * tier, their codes, their shapes, hexagons and centroids. Councils come from the same CSV the
 * seed loads, so these tests need no database.
 */

const councils = loadCouncils().filter((c) => c.kind === "council");
const lookup = councilLookup(councils);
const byName = (shortName: string) => {
  const c = councils.find((o) => o.shortName === shortName && o.endDate === null);
  if (!c) throw new Error(`No current council named ${shortName}`);
  return c;
};

/** Absolute corner points of a path written by ringsToPath (M x y, then relative l steps, z). */
function pathPoints(d: string): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (const ring of d.split("z").filter(Boolean)) {
    const match = /^M(-?\d+)\s?(-?\d+)l(.*)$/.exec(ring);
    if (!match) throw new Error(`Unexpected ring: ${ring.slice(0, 40)}`);
    let x = Number(match[1]);
    let y = Number(match[2]);
    points.push([x, y]);
    const steps = (match[3]!.match(/-?\d+/g) ?? []).map(Number);
    for (let i = 0; i < steps.length; i += 2) {
      x += steps[i]!;
      y += steps[i + 1]!;
      points.push([x, y]);
    }
  }
  return points;
}

describe("councils drawn by year and tier", () => {
  it("draws the 326 lower-tier areas of England in 2018 and the 296 of 2025", () => {
    for (const view of ["boundaries", "hex"] as const) {
      expect(mapGeometry(2018, "lower", view, lookup).shapes).toHaveLength(326);
      expect(mapGeometry(2025, "lower", view, lookup).shapes).toHaveLength(296);
    }
  });

  it("draws the upper tier as counties plus unitaries: 27 + 125 in 2018, 21 + 132 in 2025", () => {
    for (const [year, counties, total] of [
      [2018, 27, 152],
      [2025, 21, 153],
    ] as const) {
      for (const view of ["boundaries", "hex"] as const) {
        const shapes = mapGeometry(year, "upper", view, lookup).shapes;
        expect(shapes, `${year} ${view}`).toHaveLength(total);
        expect(shapes.filter((s) => s.council.code.startsWith("E10"))).toHaveLength(counties);
      }
    }
  });

  it("draws one shape per council, each a council that existed that year", () => {
    for (const year of BOUNDARY_YEARS) {
      for (const tier of ["lower", "upper"] as const) {
        const geometry = mapGeometry(year, tier, "boundaries", lookup);
        expect(geometry.unresolved, `${year} ${tier}`).toEqual([]);
        const codes = geometry.shapes.map((s) => s.council.code);
        expect(new Set(codes).size).toBe(codes.length);
        expect(geometry.shapes.length).toBe(areasFor(year, tier).length);
        for (const { council } of geometry.shapes) {
          const org = councils.find((c) => c.code === council.code)!;
          expect(org.kind).toBe("council");
          expect(existedOn(org, `${year}-06-01`), `${org.name} in ${year}`).toBe(true);
        }
      }
    }
  });

  it("follows reorganisations: Bournemouth until 2018, Bournemouth, Christchurch and Poole from 2019", () => {
    const drawn = (year: number) => councilsDrawn(year, "lower", lookup).councils;
    expect(drawn(2018).has("E06000028")).toBe(true);
    expect(drawn(2018).has("E06000058")).toBe(false);
    expect(drawn(2019).has("E06000028")).toBe(false);
    expect(drawn(2019).has("E06000058")).toBe(true);
    // North Yorkshire's districts until 2022, the unitary from 2023.
    expect(drawn(2022).has("E07000165")).toBe(true);
    expect(drawn(2023).has("E07000165")).toBe(false);
    expect(drawn(2023).has("E06000065")).toBe(true);
  });

  it("maps the boundaries' newer codes for Barnsley and Sheffield to the councils' codes", () => {
    const areas2025 = areasFor(2025, "lower").map((a) => a.properties.areacd);
    expect(areas2025).toContain("E08000038");
    expect(lookup.resolve("E08000038")?.name).toBe("Barnsley Metropolitan Borough Council");
    expect(lookup.resolve("E08000039")?.name).toBe("Sheffield City Council");
    const drawn = councilsDrawn(2025, "lower", lookup).councils;
    expect(drawn.has("E08000016")).toBe(true);
    expect(drawn.has("E08000019")).toBe(true);
  });

  it("resolves former GSS codes to today's council", () => {
    // East Hertfordshire was E07000097 before 2014.
    expect(lookup.resolve("E07000097")?.code).toBe("E07000242");
  });
});

describe("boundary paths", () => {
  it("fits England in the frame, every area inside it", () => {
    const { frame, paths } = boundaryPaths(2018, "lower");
    expect(frame.width).toBe(MAP_WIDTH);
    // England is taller than it is wide.
    expect(frame.height).toBeGreaterThan(MAP_WIDTH);
    for (const p of paths) {
      const points = pathPoints(p.d);
      expect(points.length, p.areaName).toBeGreaterThanOrEqual(3);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(frame.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(frame.height);
      }
    }
  });

  it("puts places where they are: Northumberland north of Cornwall, Norfolk east of Devon", () => {
    const { paths } = boundaryPaths(2025, "upper");
    const centre = (code: string): [number, number] => {
      const pts = pathPoints(paths.find((p) => p.areaCode === code)!.d);
      return [
        pts.reduce((s, p) => s + p[0], 0) / pts.length,
        pts.reduce((s, p) => s + p[1], 0) / pts.length,
      ];
    };
    expect(centre("E06000057")[1]).toBeLessThan(centre("E06000052")[1]); // y grows southwards
    expect(centre("E10000020")[0]).toBeGreaterThan(centre("E10000008")[0]);
  });

  it("keeps each area's extent within the tolerance and half a unit of its true shape", () => {
    // The path as written (simplified, whole units) against the boundary projected point by
    // point, unsimplified: the same box to within what simplifying and rounding may move.
    const { projection } = englandProjection();
    const box = (points: Iterable<readonly [number, number]>) => {
      const b = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of points) {
        b[0] = Math.min(b[0]!, x);
        b[1] = Math.min(b[1]!, y);
        b[2] = Math.max(b[2]!, x);
        b[3] = Math.max(b[3]!, y);
      }
      return b;
    };
    for (const [year, tier] of [
      [2018, "lower"],
      [2025, "upper"],
    ] as const) {
      const { paths } = boundaryPaths(year, tier);
      const features = new Map(areasFor(year, tier).map((f) => [f.properties.areacd, f]));
      for (const p of paths) {
        const geometry = features.get(p.areaCode)!.geometry;
        const polygons =
          geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
        const rings = polygons
          .flat()
          .map((ring) => ring.map((lonLat) => projection(lonLat as [number, number])!));
        // Islets under two pixels across are specks the map leaves out (ringsToPath).
        const drawn = rings.filter((ring) => {
          const [x0, y0, x1, y1] = box(ring);
          return Math.max(x1! - x0!, y1! - y0!) >= 2 * MAP_TOLERANCE;
        });
        const truth = box(drawn.flat());
        const written = box(pathPoints(p.d));
        for (let i = 0; i < 4; i++) {
          expect(Math.abs(written[i]! - truth[i]!), `${p.areaName} ${year}`).toBeLessThanOrEqual(
            MAP_TOLERANCE + 0.5,
          );
        }
      }
    }
  });

  it("keeps the whole map small enough to send as HTML", () => {
    const { paths } = boundaryPaths(2018, "lower");
    const bytes = paths.reduce((sum, p) => sum + p.d.length, 0);
    // 72 KB in a 3,000-unit viewBox at half a 600-pixel map's pixel; 40 KB drawn to its size.
    expect(bytes).toBeLessThan(45_000);
    // And not so small that shapes are lost: even the City of London has a shape.
    const city = paths.find((p) => p.areaCode === "E09000001")!;
    expect(pathPoints(city.d).length).toBeGreaterThanOrEqual(3);
  });
});

describe("hex map", () => {
  it("uses the 2019 layout up to 2022 and the 2023 layout from 2023", () => {
    const layoutYear = (year: number) =>
      placeHexes(
        [...councilsDrawn(year, "lower", lookup).councils.values()].map((e) => e.council),
        lookup,
      ).layoutYear;
    expect(layoutYear(2014)).toBe(2019);
    expect(layoutYear(2022)).toBe(2019);
    expect(layoutYear(2023)).toBe(2023);
    expect(layoutYear(2025)).toBe(2023);
  });

  it("gives every council its own cell, London's 33 included", () => {
    for (const year of BOUNDARY_YEARS) {
      const drawn = [...councilsDrawn(year, "lower", lookup).councils.values()].map(
        (e) => e.council,
      );
      const placement = placeHexes(drawn, lookup);
      expect(placement.unplaced).toEqual([]);
      expect(placement.cells.size).toBe(drawn.length);
      const cells = new Set([...placement.cells.values()].map((c) => `${c.q},${c.r}`));
      expect(cells.size, `${year}: one council per cell`).toBe(drawn.length);
      const london = [...placement.cells.keys()].filter((code) => code.startsWith("E09"));
      expect(london).toHaveLength(33);
    }
  });

  it("places councils missing from a layout next to their lineage", () => {
    const drawn = [...councilsDrawn(2018, "lower", lookup).councils.values()].map((e) => e.council);
    const placement = placeHexes(drawn, lookup);
    // The 2019 layout has Dorset as one unitary; 2018's Dorset districts gather around it.
    const dorsetCell = hexLayoutFiles()
      .find((f) => f.year === 2019)!
      .cells.get("E06000059")!;
    expect(placement.moved).toContain("E07000052"); // West Dorset
    const westDorset = placement.cells.get("E07000052")!;
    const near = (a: { q: number; r: number }, b: { q: number; r: number }, steps: number) => {
      let frontier = [a];
      const seen = new Set([`${a.q},${a.r}`]);
      for (let i = 0; i < steps; i++) {
        frontier = frontier.flatMap(hexNeighbours).filter((c) => {
          const k = `${c.q},${c.r}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
        if (seen.has(`${b.q},${b.r}`)) return true;
      }
      return seen.has(`${b.q},${b.r}`);
    };
    expect(near(dorsetCell, westDorset, 4)).toBe(true);
    // Each moved council descends from, or became, a council of the layout.
    for (const code of placement.moved) {
      expect(successorOf(lookup, lookup.byCode(code)!).code).toMatch(/^E0[67]/);
    }
  });

  it("reads the layout as odd-r: hexagons next to each other are mostly councils that touch", () => {
    // Boundaries that touch in 2023, from the ONS topology.
    const topo = JSON.parse(readFileSync("db/reference/uk_boundaries_2014_2025.topo.json", "utf8"));
    const areas = (topo.objects.ltla.geometries as Array<{ properties: AreaProperties }>).filter(
      (g) => g.properties.areacd.startsWith("E") && validIn(g.properties, 2023),
    );
    const touching = neighbors(areas as never);
    const touches = new Set<string>();
    areas.forEach((a, i) => {
      for (const j of touching[i]!)
        touches.add(`${a.properties.areacd}|${areas[j]!.properties.areacd}`);
    });
    const layout = hexLayoutFiles().find((f) => f.year === 2023)!.cells;
    const at = new Map([...layout].map(([code, c]) => [`${c.q},${c.r}`, code]));
    // Share of neighbours in the rows above and below that really touch, for a neighbour rule.
    const share = (rule: (c: { q: number; r: number }) => Array<{ q: number; r: number }>) => {
      let pairs = 0;
      let real = 0;
      for (const [code, cell] of layout) {
        for (const n of rule(cell).filter((c) => c.r !== cell.r)) {
          const other = at.get(`${n.q},${n.r}`);
          if (!other) continue;
          pairs++;
          if (touches.has(`${code}|${other}`)) real++;
        }
      }
      return real / pairs;
    };
    // The even-r reading (even rows shifted right) for comparison.
    const evenR = ({ q, r }: { q: number; r: number }) => {
      const shift = ((r % 2) + 2) % 2 === 1 ? -1 : 0;
      return [-1, 1].flatMap((dr) => [
        { q: q + shift, r: r + dr },
        { q: q + shift + 1, r: r + dr },
      ]);
    };
    expect(share(hexNeighbours)).toBeGreaterThan(0.45);
    expect(share(hexNeighbours)).toBeGreaterThan(share(evenR) + 0.05);
  });
});

describe("centroids and distances", () => {
  const brent = byName("Brent");
  const harrow = byName("Harrow");

  it("puts Brent and Harrow under 10 km apart, centroid to centroid", () => {
    const d = distanceKm(councilCentroid(lookup, brent)!, councilCentroid(lookup, harrow)!);
    expect(d).toBeGreaterThan(2);
    expect(d).toBeLessThan(10);
  });

  it("gives distances that are symmetric, zero to itself, and sane across England", () => {
    const cornwall = councilCentroid(lookup, byName("Cornwall"))!;
    const northumberland = councilCentroid(lookup, byName("Northumberland"))!;
    expect(distanceKm(cornwall, cornwall)).toBe(0);
    expect(distanceKm(cornwall, northumberland)).toBeCloseTo(
      distanceKm(northumberland, cornwall),
      9,
    );
    expect(distanceKm(cornwall, northumberland)).toBeGreaterThan(450);
    expect(distanceKm(cornwall, northumberland)).toBeLessThan(650);
  });

  it("places Devon's centroid in Devon, not in the Bristol Channel", () => {
    const [lon, lat] = councilCentroid(lookup, byName("Devon"))!;
    expect(lon).toBeGreaterThan(-4.6);
    expect(lon).toBeLessThan(-3.0);
    expect(lat).toBeGreaterThan(50.4);
    expect(lat).toBeLessThan(51.1);
  });

  it("equals d3-geo's centroid of the shipped boundary, former councils included", () => {
    const topo = JSON.parse(readFileSync("db/reference/uk_boundaries_2014_2025.topo.json", "utf8"));
    const allerdale = (
      feature(topo, topo.objects.ltla) as unknown as {
        features: Array<{ properties: { areacd: string } }>;
      }
    ).features.find((f) => f.properties.areacd === "E07000026")!;
    const expected = geoCentroid(allerdale as never);
    const former = councils.find((c) => c.code === "E07000026")!;
    expect(former.endDate).not.toBeNull();
    expect(councilCentroid(lookup, former)).toEqual(expected);
    // Every council drawn in any year has a centroid.
    for (const year of BOUNDARY_YEARS) {
      for (const tier of ["lower", "upper"] as const) {
        for (const { council } of councilsDrawn(year, tier, lookup).councils.values()) {
          expect(councilCentroid(lookup, council), council.name).toBeDefined();
        }
      }
    }
    expect(areaCentroids().has("E10000002")).toBe(true); // Buckinghamshire County Council
  });

  it("has England's outline", () => {
    expect(englandOutline().properties.areanm).toBe("England");
  });
});
