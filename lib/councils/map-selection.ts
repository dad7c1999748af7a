/*
 * Finding a council on the map by what someone typed, and where a drawn shape lies (for zooming
 * to a region and drawing lines between partners). Pure module: unit tested in
 * tests/unit/map-selection.test.ts.
 */

export type Findable = { code: string; name: string; shortName: string };

export type FindResult<T extends Findable> =
  { kind: "found"; council: T } | { kind: "not-found"; query: string; suggestions: T[] };

/** Lower case, "&" as "and", punctuation dropped, "council" and "city of" left out. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(council|borough|district|county|city|metropolitan|royal|of|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The council `query` names among `councils`: its code, its name or short name (case, accents,
 * punctuation and words like "Council" or "Borough" aside), or else the only one whose name
 * contains what was typed. Otherwise up to five suggestions: names containing it, then names
 * starting with its first word.
 */
export function findCouncil<T extends Findable>(
  councils: readonly T[],
  query: string,
): FindResult<T> {
  const typed = query.trim();
  const byCode = councils.find((c) => c.code.toLowerCase() === typed.toLowerCase());
  if (byCode) return { kind: "found", council: byCode };
  const wanted = normalise(typed);
  if (wanted) {
    const exact = councils.filter(
      (c) => normalise(c.name) === wanted || normalise(c.shortName) === wanted,
    );
    if (exact.length === 1) return { kind: "found", council: exact[0]! };
    const containing = councils.filter((c) => normalise(c.name).includes(wanted));
    if (containing.length === 1 && exact.length === 0) {
      return { kind: "found", council: containing[0]! };
    }
    const first = wanted.split(" ")[0]!;
    const starting = councils.filter(
      (c) => !containing.includes(c) && normalise(c.shortName).startsWith(first.slice(0, 3)),
    );
    return {
      kind: "not-found",
      query: typed,
      suggestions: [...(exact.length ? exact : containing), ...starting].slice(0, 5),
    };
  }
  return { kind: "not-found", query: typed, suggestions: [] };
}

export type Box = { x: number; y: number; width: number; height: number };

/**
 * The bounding box of a path as lib/geo/svg-path.ts writes them (the boundary and hex maps):
 * subpaths of an absolute "M x y", relative "l dx dy …" steps, and "z".
 */
export function pathBounds(d: string): Box | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const numbers = (args!.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi) ?? []).map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const absolute = command === "M" || command === "L";
      x = absolute ? numbers[i]! : x + numbers[i]!;
      y = absolute ? numbers[i + 1]! : y + numbers[i + 1]!;
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  if (minX === Infinity) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** The box around several boxes, with `padding` on every side. */
export function unionBox(boxes: readonly Box[], padding = 0): Box | null {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x)) - padding;
  const y = Math.min(...boxes.map((b) => b.y)) - padding;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + padding;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + padding;
  return { x, y, width: right - x, height: bottom - y };
}

/** The centre of a box. */
export function boxCentre(box: Box): [number, number] {
  return [box.x + box.width / 2, box.y + box.height / 2];
}
