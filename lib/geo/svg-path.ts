/*
 * Small, exact helpers for drawing in SVG. Pure module.
 *
 * Paths are written compactly so a map of 326 councils stays a small page: coordinates are
 * whole map units (the caller sizes its viewBox so a unit is finer than the eye can tell), each
 * ring starts with an absolute move and continues with relative lines, repeated commands are
 * left out and a minus sign doubles as a separator. Relative steps are differences of rounded
 * absolute points, so rounding never drifts along a ring.
 */

export type Point = readonly [number, number];

/** Douglas–Peucker simplification of an open line; the first and last points are kept. */
export function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  const tolerance2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let farthestDistance = tolerance2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(points[i]!, points[first]!, points[last]!);
      if (d > farthestDistance) {
        farthest = i;
        farthestDistance = d;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies an arc that may be closed (an island's whole coast is one arc that starts and ends
 * at the same point): a closed arc is split at its farthest point so it keeps its shape.
 */
export function simplifyArc(points: readonly Point[], tolerance: number): Point[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || points.length < 4 || first[0] !== last[0] || first[1] !== last[1]) {
    return simplifyLine(points, tolerance);
  }
  let split = 1;
  let best = -1;
  for (let i = 1; i < points.length - 1; i++) {
    const d = (points[i]![0] - first[0]) ** 2 + (points[i]![1] - first[1]) ** 2;
    if (d > best) {
      best = d;
      split = i;
    }
  }
  const a = simplifyLine(points.slice(0, split + 1), tolerance);
  const b = simplifyLine(points.slice(split), tolerance);
  return [...a, ...b.slice(1)];
}

function segmentDistance2(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  let t = length2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Numbers joined as SVG allows: a space between them unless the next starts with a minus. */
function joinNumbers(values: readonly number[]): string {
  let out = "";
  for (const v of values) {
    const text = String(v);
    out += out === "" || text.startsWith("-") ? text : ` ${text}`;
  }
  return out;
}

/**
 * Closed rings (in map units) as one compact path. Rings that round to fewer than three
 * distinct corners are dropped: at this scale they are specks.
 */
export function ringsToPath(rings: readonly (readonly Point[])[]): string {
  let d = "";
  for (const ring of rings) {
    const rounded: Array<[number, number]> = [];
    for (const [x, y] of ring) {
      const p: [number, number] = [Math.round(x), Math.round(y)];
      const prev = rounded[rounded.length - 1];
      if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) rounded.push(p);
    }
    const head = rounded[0];
    const tail = rounded[rounded.length - 1];
    if (head && tail && rounded.length > 1 && head[0] === tail[0] && head[1] === tail[1]) {
      rounded.pop();
    }
    if (rounded.length < 3) continue;
    const steps: number[] = [];
    for (let i = 1; i < rounded.length; i++) {
      steps.push(rounded[i]![0] - rounded[i - 1]![0], rounded[i]![1] - rounded[i - 1]![1]);
    }
    d += `M${joinNumbers(rounded[0]!)}l${joinNumbers(steps)}z`;
  }
  return d;
}

/** Signed area of a ring (shoelace), in squared map units. */
export function ringArea(ring: readonly Point[]): number {
  let area = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % n]!;
    area += x1 * y2 - x2 * y1;
  }
  return area / 2;
}
