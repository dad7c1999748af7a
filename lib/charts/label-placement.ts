/*
 * Direct labels that never overlap: each label offers a few places (above its point, below it,
 * beside it), and the first place that touches no label already placed, no obstacle and stays
 * inside the bounds is taken, in the order the labels are given (so the more important go
 * first). A label with no free place is left out: its figure is still in the point's tooltip and
 * in the table beside the chart.
 */

import { ASCENT } from "./scale";

export type Box = { x0: number; y0: number; x1: number; y1: number };

/** True when the two boxes share more than an edge, with `pad` of clearance between them. */
export function overlaps(a: Box, b: Box, pad = 0): boolean {
  return a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;
}

function inside(box: Box, bounds: Box): boolean {
  return box.x0 >= bounds.x0 && box.x1 <= bounds.x1 && box.y0 >= bounds.y0 && box.y1 <= bounds.y1;
}

/** The index of the place each label takes among its candidates, or null when it is left out. */
export function placeLabels(
  candidates: readonly (readonly Box[])[],
  { obstacles = [], bounds, pad = 2 }: { obstacles?: readonly Box[]; bounds: Box; pad?: number },
): (number | null)[] {
  const placed: Box[] = [];
  return candidates.map((places) => {
    const index = places.findIndex(
      (box) =>
        inside(box, bounds) &&
        !placed.some((other) => overlaps(box, other, pad)) &&
        !obstacles.some((other) => overlaps(box, other)),
    );
    if (index === -1) return null;
    placed.push(places[index]!);
    return index;
  });
}

export type Anchor = "start" | "middle" | "end";
/** A point to label: where it is, its label's estimated width, and whether it tries below first. */
export type PointToLabel = { x: number; y: number; width: number; below?: boolean };
/** Where a label is written: its baseline's anchor point. */
export type LabelPlace = { x: number; y: number; anchor: Anchor };

/** How far a label keeps from its point's centre, and the half-size of a point's marker. */
const OFFSET = 10;
const MARKER = 7;

/** A label's box with its baseline at `y`, anchored at `x`. */
function labelBox({ x, y, anchor }: LabelPlace, width: number, fontSize: number): Box {
  const x0 = anchor === "start" ? x : anchor === "end" ? x - width : x - width / 2;
  return { x0, y0: y - fontSize * ASCENT, x1: x0 + width, y1: y + fontSize * 0.25 };
}

/** Above, below, right and left of a point (below first if asked). */
function placesAround(p: PointToLabel, fontSize: number): LabelPlace[] {
  const above: LabelPlace = { x: p.x, y: p.y - OFFSET, anchor: "middle" };
  const below: LabelPlace = { x: p.x, y: p.y + OFFSET + fontSize * ASCENT, anchor: "middle" };
  const middle = p.y + fontSize * 0.35;
  const right: LabelPlace = { x: p.x + OFFSET, y: middle, anchor: "start" };
  const left: LabelPlace = { x: p.x - OFFSET, y: middle, anchor: "end" };
  return p.below ? [below, above, right, left] : [above, below, right, left];
}

/**
 * Labels for points of a line chart, in the order given: each above or below its point, or
 * beside it, wherever it touches no other label and no point's marker; null when it fits nowhere.
 */
export function placePointLabels(
  points: readonly PointToLabel[],
  { bounds, fontSize }: { bounds: Box; fontSize: number },
): (LabelPlace | null)[] {
  const options = points.map((p) => placesAround(p, fontSize));
  const markers = points.map((p) => ({
    x0: p.x - MARKER,
    y0: p.y - MARKER,
    x1: p.x + MARKER,
    y1: p.y + MARKER,
  }));
  const chosen = placeLabels(
    options.map((places, i) => places.map((place) => labelBox(place, points[i]!.width, fontSize))),
    { obstacles: markers, bounds },
  );
  return chosen.map((at, i) => (at === null ? null : options[i]![at]!));
}
