/*
 * The arithmetic of the server-drawn charts (components/charts/): nice axis ticks, linear and
 * band scales, how wide a label will be, and how many category labels fit. Pure functions of
 * numbers, so the charts come out the same on every render and can be tested here.
 */

/**
 * Axis ticks from 0 up to the first "nice" value at or above `max` (steps of 1, 2 or 5 times a
 * power of ten, as d3's `ticks` chooses them), with about `count` intervals. The last
 * tick is the top of the axis, so the tallest bar always fits under it. `integer` keeps steps
 * of at least 1 (counts, whole pounds). Nothing to show (max ≤ 0) gives [0, 1].
 */
export function niceTicks(max: number, count = 5, integer = false): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const error = rough / power;
  let step =
    power *
    (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
  if (integer) step = Math.max(1, step);
  const intervals = Math.ceil(max / step - 1e-9);
  return Array.from({ length: intervals + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Maps [d0, d1] onto [r0, r1] in a straight line (a flat domain maps to r0). */
export function linearScale(
  [d0, d1]: readonly [number, number],
  [r0, r1]: readonly [number, number],
): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}

/**
 * `n` equal slots across [start, end], each with a bar of `fill` (0–1) of its width, at most
 * `maxBar` wide, centred in it.
 */
export function bands(n: number, start: number, end: number, fill = 0.7, maxBar = Infinity) {
  const slot = (end - start) / Math.max(1, n);
  const bar = Math.min(slot * fill, maxBar);
  return {
    slot,
    bar,
    centre: (i: number) => start + slot * (i + 0.5),
    left: (i: number) => start + slot * (i + 0.5) - bar / 2,
  };
}

/*
 * Widths of characters as a share of the font size, from DejaVu Sans (the widest of the fonts the
 * site's system-ui stack falls back to, and the one Debian's Chromium uses), so an estimate is
 * never narrower than the text a browser draws. Labels are placed from these estimates.
 */
const NARROW = new Set([..." .,:;'!|()[]/-ilIjft"]);
const WIDE = new Set([..."mwMW%@"]);
const DIGIT = 0.64;

function characterWidth(c: string): number {
  if (c >= "0" && c <= "9") return DIGIT;
  if (c === "£" || c === "$" || c === "#") return DIGIT;
  if (NARROW.has(c)) return 0.4;
  if (WIDE.has(c)) return 1.0;
  if (c === "…") return 1.0;
  if (c >= "A" && c <= "Z") return 0.76;
  return 0.64;
}

/** How wide `text` will be drawn at `fontSize`, slightly over rather than under. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const c of text) em += characterWidth(c);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** The height of a line of text, from the top of its tallest glyph to below its descenders. */
export const LINE_HEIGHT = 1.2;
/** Where the baseline sits in that line, from its top. */
export const ASCENT = 0.95;

/** `text` cut short with an ellipsis so that it is at most `width` wide (the whole if it fits). */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const cut = `${text.slice(0, n).trimEnd()}…`;
    if (textWidth(cut, fontSize, bold) <= width) return cut;
  }
  return "…";
}

/** Where a label of `width` centred on `x` must sit instead so that all of it is in [min, max]. */
export function keepInside(x: number, width: number, min: number, max: number): number {
  return Math.min(Math.max(x, min + width / 2), max - width / 2);
}

/** "2016/17" → "16/17": the short form of a financial year, for narrow axes. */
export function shortYearLabel(label: string): string {
  return /^\d{4}\/\d{2}$/.test(label) ? label.slice(2) : label;
}

/**
 * Which of a row of category labels (one per slot of `slot` width) to write, so that no two
 * touch: every label when they fit, otherwise the short forms (if given) of every second, third,
 * … label, counting from the first. Unwritten labels are null; their slots keep a tick mark.
 */
export function thinLabels(
  labels: readonly string[],
  slot: number,
  widthOf: (label: string) => number,
  { gap = 8, short }: { gap?: number; short?: (label: string) => string } = {},
): (string | null)[] {
  const stepFor = (texts: readonly string[]) => {
    const widest = Math.max(0, ...texts.map(widthOf));
    return Math.max(1, Math.ceil((widest + gap) / slot - 1e-9));
  };
  let texts = labels;
  let step = stepFor(texts);
  if (step > 1 && short) {
    // Long labels every other slot still read well; past that, the short form says more.
    const shortTexts = labels.map(short);
    const shortStep = stepFor(shortTexts);
    if (shortStep < step && step > 2) {
      texts = shortTexts;
      step = shortStep;
    }
  }
  return texts.map((text, i) => (i % step === 0 ? text : null));
}
