import { describe, expect, it } from "vitest";
import { placeLabels, placePointLabels, type Box } from "@/lib/charts/label-placement";
import {
  bands,
  fitText,
  linearScale,
  niceTicks,
  shortYearLabel,
  textWidth,
  thinLabels,
} from "@/lib/charts/scale";

describe("niceTicks", () => {
  it("steps of 1, 2 or 5 times a power of ten, from 0 to the first tick at or above the maximum", () => {
    expect(niceTicks(384_928_134, 5)).toEqual([0, 1e8, 2e8, 3e8, 4e8]);
    expect(niceTicks(1_340_000_000, 5)).toEqual([0, 2e8, 4e8, 6e8, 8e8, 1e9, 1.2e9, 1.4e9]);
    expect(niceTicks(643, 4)).toEqual([0, 200, 400, 600, 800]);
    expect(niceTicks(95, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(12_500, 5)).toEqual([0, 2000, 4000, 6000, 8000, 10000, 12000, 14000]);
  });

  it("a maximum exactly on a step is the top tick, with no empty step above it", () => {
    expect(niceTicks(400, 4)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("counts keep whole steps", () => {
    expect(niceTicks(3, 5, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(3, 5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
  });

  it("nothing to show still gives an axis", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe("scales", () => {
  it("maps a domain onto a range, inverted for a y axis", () => {
    const y = linearScale([0, 400], [300, 20]);
    expect(y(0)).toBe(300);
    expect(y(400)).toBe(20);
    expect(y(200)).toBe(160);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(0);
  });

  it("bands centre a bar of capped width in each slot", () => {
    const b = bands(4, 40, 440, 0.7, 56);
    expect(b.slot).toBe(100);
    expect(b.bar).toBe(56);
    expect(b.centre(0)).toBe(90);
    expect(b.left(3)).toBe(390 - 28);
    expect(bands(10, 0, 100).bar).toBeCloseTo(7);
  });
});

describe("labels", () => {
  it("estimates widths on the wide side, so that labels placed by them never touch", () => {
    // DejaVu Sans at 13 px: "2016/17" is 54 px wide, "£643.0m" 58.1 px.
    expect(textWidth("2016/17", 13)).toBeGreaterThanOrEqual(54);
    expect(textWidth("£643.0m", 13)).toBeGreaterThanOrEqual(58.1);
    expect(textWidth("£643.0m", 13, true)).toBeGreaterThan(textWidth("£643.0m", 13));
  });

  it("shortens a name to fit, with an ellipsis", () => {
    expect(fitText("London", 200, 13)).toBe("London");
    const cut = fitText("Revenues and benefits administration", 100, 13);
    expect(cut.endsWith("…")).toBe(true);
    expect(textWidth(cut, 13)).toBeLessThanOrEqual(100);
  });

  it("shortens financial years, and nothing else", () => {
    expect(shortYearLabel("2016/17")).toBe("16/17");
    expect(shortYearLabel("2017")).toBe("2017");
  });

  it("writes every year label when they fit, and thins or shortens them when they do not", () => {
    const years = Array.from({ length: 19 }, (_, i) => `${2012 + i}/${13 + i}`);
    const width = (s: string) => textWidth(s, 13);
    expect(thinLabels(years, 80, width, { short: shortYearLabel })).toEqual(years);
    // Every other long label fits.
    const half = thinLabels(years, 40, width, { short: shortYearLabel });
    expect(half.filter(Boolean)).toEqual(years.filter((_, i) => i % 2 === 0));
    // On a phone: short labels, spaced so that no two touch.
    const phone = thinLabels(years, 15, width, { short: shortYearLabel });
    const shown = phone.flatMap((t, i) => (t ? [{ t, i }] : []));
    expect(shown[0]).toEqual({ t: "12/13", i: 0 });
    for (let k = 1; k < shown.length; k++) {
      const distance = (shown[k]!.i - shown[k - 1]!.i) * 15;
      expect(distance).toBeGreaterThanOrEqual(width(shown[k]!.t) + 8);
    }
  });
});

describe("placeLabels", () => {
  const box = (x0: number, y0: number, x1: number, y1: number): Box => ({ x0, y0, x1, y1 });
  const bounds = box(0, 0, 100, 100);

  it("takes the first free place, and moves a label that would cover one placed before it", () => {
    // Two points at the same spot (£263m and £278m on the same date): the second goes below.
    const above = box(40, 20, 60, 30);
    const below = box(40, 50, 60, 60);
    expect(
      placeLabels(
        [
          [above, below],
          [above, below],
        ],
        { bounds },
      ),
    ).toEqual([0, 1]);
  });

  it("leaves a label out when every place is taken, outside the bounds or on an obstacle", () => {
    const inside = box(10, 10, 20, 20);
    const outside = box(95, 10, 105, 20);
    const onMarker = box(50, 50, 60, 60);
    expect(
      placeLabels([[inside], [inside, outside, onMarker]], {
        bounds,
        obstacles: [box(55, 55, 58, 58)],
      }),
    ).toEqual([0, null]);
  });

  it("keeps a clearance between labels", () => {
    const a = box(0, 0, 10, 10);
    const touching = box(11, 0, 20, 10);
    expect(placeLabels([[a], [touching]], { bounds, pad: 2 })).toEqual([0, null]);
    expect(placeLabels([[a], [touching]], { bounds, pad: 0 })).toEqual([0, 0]);
  });
});

describe("placePointLabels", () => {
  const bounds = { x0: 0, y0: 0, x1: 400, y1: 300 };
  const fontSize = 12;

  it("the complaint on /editions: £263m just under £278m at almost one date, labels apart", () => {
    // Ours (£263m) is labelled first; the LGA's point (£278m) sits just above it, covering the
    // place above ours, so ours goes below its point, and the LGA's, which tries below first,
    // finds that taken and goes above its own.
    const ours = { x: 100, y: 200, width: 40 };
    const theirs = { x: 104, y: 190, width: 40, below: true };
    const [a, b] = placePointLabels([ours, theirs], { bounds, fontSize });
    expect(a!.y).toBeGreaterThan(200);
    expect(b!.y).toBeLessThan(190);
    expect(a!.y - fontSize * 0.95).toBeGreaterThan(b!.y + fontSize * 0.25);
  });

  it("tries below first when asked, and leaves out a label with no room", () => {
    const [below] = placePointLabels([{ x: 100, y: 100, width: 30, below: true }], {
      bounds,
      fontSize,
    });
    expect(below!.y).toBeGreaterThan(100);
    // A point in a box too small for any of its places.
    expect(
      placePointLabels([{ x: 10, y: 10, width: 30 }], {
        bounds: { x0: 0, y0: 0, x1: 20, y1: 20 },
        fontSize,
      }),
    ).toEqual([null]);
  });
});
