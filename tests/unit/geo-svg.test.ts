import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { ringArea, ringsToPath, simplifyArc, simplifyLine, type Point } from "@/lib/geo/svg-path";

/* The compact SVG path writer and the line simplification the map's boundaries go through. */

/** Back from a compact path to absolute points, one list per ring. */
function parse(d: string): Point[][] {
  return d
    .split("z")
    .filter(Boolean)
    .map((ring) => {
      const [, move, steps] = /^M([^l]+)l(.*)$/.exec(ring)!;
      const numbers = (text: string) => (text.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      const [x0, y0] = numbers(move!);
      const points: Point[] = [[x0!, y0!]];
      const s = numbers(steps!);
      for (let i = 0; i < s.length; i += 2) {
        const [px, py] = points[points.length - 1]!;
        points.push([px + s[i]!, py + s[i + 1]!]);
      }
      return points;
    });
}

describe("ringsToPath", () => {
  it("writes rounded absolute corners as relative steps that add back up exactly", () => {
    const ring: Point[] = [
      [10.4, 20.6],
      [30.5, 20.4],
      [30.2, -5.7],
      [9.6, -5.2],
      [10.4, 20.6],
    ];
    const d = ringsToPath([ring]);
    expect(d).toBe("M10 21l21-1-1-26-20 1z");
    expect(parse(d)).toEqual([
      [
        [10, 21],
        [31, 20],
        [30, -6],
        [10, -5],
      ],
    ]);
  });

  it("drops repeated points and rings that round away to nothing", () => {
    const speck: Point[] = [
      [1.1, 1.1],
      [1.2, 1.3],
      [0.9, 1.2],
    ];
    const square: Point[] = [
      [0, 0],
      [0, 0.2],
      [100, 0],
      [100, 100],
      [0, 100],
    ];
    expect(ringsToPath([speck])).toBe("");
    expect(ringsToPath([speck, square])).toBe("M0 0l100 0 0 100-100 0z");
  });

  it("never drifts over a long ring", () => {
    const ring: Point[] = Array.from({ length: 1000 }, (_, i) => {
      const a = (i / 1000) * 2 * Math.PI;
      return [500 + 400.37 * Math.cos(a), 500 + 400.37 * Math.sin(a)];
    });
    const [parsed] = parse(ringsToPath([ring]));
    // Each written point is the input point rounded, however many steps precede it.
    const rounded = ring
      .map(([x, y]) => [Math.round(x), Math.round(y)] as Point)
      .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
    expect(parsed).toEqual(rounded);
  });

  it("round-trips random rings: each corner comes back as its own point rounded (within half a unit)", () => {
    const random = seedrandom("map-quantiser");
    for (let trial = 0; trial < 200; trial++) {
      // A wandering ring of 3 to 60 corners, anywhere (negative too), in steps of up to 30 units.
      let x = (random() - 0.5) * 4000;
      let y = (random() - 0.5) * 4000;
      const ring: Point[] = [];
      for (let i = 3 + Math.floor(random() * 58); i > 0; i--) {
        ring.push([x, y]);
        x += (random() - 0.5) * 60;
        y += (random() - 0.5) * 60;
      }
      const d = ringsToPath([ring]);
      expect(d, d).toMatch(/^(M-?\d+[ -]?\d+l(-?\d+)?([ -]\d+)*z)?$/);
      const [parsed = []] = parse(d);
      const expected = ring
        .map(([px, py]) => [Math.round(px), Math.round(py)] as Point)
        .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
      const [first, last] = [expected[0]!, expected[expected.length - 1]!];
      if (expected.length > 1 && first[0] === last[0] && first[1] === last[1]) expected.pop();
      expect(parsed).toEqual(expected.length >= 3 ? expected : []);
    }
  });
});

describe("simplification", () => {
  it("keeps the ends and the corners, drops what lies within the tolerance", () => {
    const line: Point[] = [
      [0, 0],
      [1, 0.1],
      [2, -0.1],
      [3, 0],
      [3, 5],
      [3.1, 6],
      [3, 10],
    ];
    expect(simplifyLine(line, 0.5)).toEqual([
      [0, 0],
      [3, 0],
      [3, 10],
    ]);
    expect(simplifyLine(line, 0.01)).toHaveLength(line.length);
  });

  it("keeps an island's shape when its coast is one closed arc", () => {
    const island: Point[] = [];
    for (let i = 0; i < 64; i++) {
      const a = (i / 64) * 2 * Math.PI;
      island.push([100 * Math.cos(a), 100 * Math.sin(a)]);
    }
    island.push(island[0]!);
    const simplified = simplifyArc(island, 5);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
    expect(simplified.length).toBeGreaterThan(6);
    expect(simplified.length).toBeLessThan(island.length);
    // Area within a few per cent of the circle's.
    expect(Math.abs(ringArea(simplified))).toBeGreaterThan(0.95 * Math.PI * 100 * 100);
  });
});
