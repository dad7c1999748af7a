/*
 * The compare page's lines, one per council: each differs from the others in colour, dash and
 * marker shape, so none is told apart by colour alone. Shared by the chart
 * (compare-years-chart.tsx) and its legend. Colours are at least 4.5:1 on white.
 */

export type MarkerShape = "circle" | "square" | "triangle" | "diamond" | "triangle-down" | "cross";

export type SeriesStyle = { colour: string; dash?: string; shape: MarkerShape; words: string };

export const COMPARE_SERIES: readonly SeriesStyle[] = [
  { colour: "#1b6b8a", shape: "circle", words: "solid line, circles" },
  { colour: "#a3520f", dash: "8 4", shape: "square", words: "dashed line, squares" },
  { colour: "#1b1f24", dash: "2 3", shape: "triangle", words: "dotted line, triangles" },
  { colour: "#6b3fa0", dash: "12 3 2 3", shape: "diamond", words: "dash-dot line, diamonds" },
  {
    colour: "#2e6b30",
    dash: "14 5",
    shape: "triangle-down",
    words: "long dashes, inverted triangles",
  },
  { colour: "#b10e1e", dash: "4 2 4 6", shape: "cross", words: "broken line, crosses" },
];

/** The marker's outline as an SVG path, centred on (x, y), about 2r across. */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case "circle":
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case "square":
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case "triangle":
      return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}L${x - r * 1.1},${y + r * 0.8}Z`;
    case "triangle-down":
      return `M${x},${y + r * 1.2}L${x + r * 1.1},${y - r * 0.8}L${x - r * 1.1},${y - r * 0.8}Z`;
    case "diamond":
      return `M${x},${y - r * 1.3}L${x + r * 1.1},${y}L${x},${y + r * 1.3}L${x - r * 1.1},${y}Z`;
    case "cross": {
      const w = r * 0.45;
      return `M${x - w},${y - r}h${2 * w}v${r - w}h${r - w}v${2 * w}h${w - r}v${r - w}h${-2 * w}v${w - r}h${w - r}v${-2 * w}h${r - w}Z`;
    }
  }
}

export function SeriesSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="40" height="16" viewBox="0 0 40 16" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="8"
        x2="39"
        y2="8"
        stroke={style.colour}
        strokeWidth="3"
        strokeDasharray={style.dash}
      />
      <path
        d={markerPath(style.shape, 20, 8, 5)}
        fill={style.colour}
        stroke="#fff"
        strokeWidth="1.5"
      />
    </svg>
  );
}

/** Which line is which council, in words as well as marks. */
export function CompareLegend({ names }: { names: readonly string[] }) {
  return (
    <ul className="mb-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
      {names.map((name, i) => {
        const style = COMPARE_SERIES[i % COMPARE_SERIES.length]!;
        return (
          <li key={`${i}-${name}`} className="flex items-center gap-2">
            <SeriesSwatch style={style} /> {name} ({style.words})
          </li>
        );
      })}
    </ul>
  );
}
