import type { Measure } from "@/lib/councils/map-options";
import { MAP_CLASSES } from "@/lib/councils/map-options";
import { MapPatterns } from "./map-patterns";

const MEASURE_HEADINGS: Record<Measure, string> = {
  arrangements: "Published arrangements each council takes part in",
  savings: "Savings of the published arrangements each council takes part in",
};

/**
 * The map's key: each class with its swatch (colour and texture), its range in words and how
 * many councils fall in it, and exactly what is counted.
 */
export function MapLegend({ measure, counts }: { measure: Measure; counts: number[] }) {
  const classes = MAP_CLASSES[measure];
  return (
    <div data-testid="map-legend">
      <h3 className="font-bold">{MEASURE_HEADINGS[measure]}</h3>
      <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
        <MapPatterns prefix="legend-pattern" size={9} />
      </svg>
      <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {classes.map((c, i) => (
          <li key={c.label} className="flex items-center gap-2">
            <svg width="36" height="22" viewBox="0 0 36 22" aria-hidden="true" focusable="false">
              <rect
                x="1"
                y="1"
                width="34"
                height="20"
                fill={`url(#legend-pattern-${i})`}
                stroke="var(--color-rule-strong)"
                strokeWidth="1.5"
              />
            </svg>
            <span>
              {c.label}
              <span className="text-ink-muted">
                {" "}
                ({(counts[i] ?? 0).toLocaleString("en-GB")} council
                {(counts[i] ?? 0) === 1 ? "" : "s"})
              </span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-ink-muted">
        {measure === "arrangements"
          ? "Counts every published arrangement the council leads or is a partner in, whatever its stage or dates."
          : "Adds up the savings recorded for every published arrangement the council leads or is a partner in, actual and forecast, all financial years. An arrangement's savings are counted in full for each council taking part (the register records them for the whole arrangement, not each council's share), so councils' figures overlap and do not add up to the national total."}{" "}
        Hatched areas have none.
      </p>
    </div>
  );
}
