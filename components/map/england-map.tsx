import type { MapArea, MapSelection } from "@/lib/councils/map";
import type { Box } from "@/lib/councils/map-selection";
import { MapAreas, type AreaRow } from "./map-areas";
import { MapInteractions } from "./map-interactions";
import { MapPatterns } from "./map-patterns";
import "./map.css";

/**
 * England's councils as server-rendered SVG: every area a link to its council page, named with
 * its figures, reachable by keyboard (in the table's order, by name) and drawn even without
 * JavaScript. The client island only adds the tooltip and highlight; the areas are a client
 * component only so that the page carries them compactly (map-areas.tsx).
 */
/**
 * The selected council's outline and a line from it to each partner drawn: drawn over the
 * areas, hidden from assistive technology (the panel beside the map lists the same partners).
 */
function SelectionOverlay({
  selection,
  dot,
}: {
  selection: Extract<MapSelection, { kind: "found" }>;
  /** The radius of a partner's dot, in map units. */
  dot: number;
}) {
  return (
    <g aria-hidden="true" className="ssm-map-selection" data-testid="map-partner-lines">
      {selection.lines.map((l) => (
        <g key={l.code} data-partner={l.code}>
          <line x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} className="ssm-line-halo" />
          <line x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} className="ssm-line" />
          <circle cx={l.x2} cy={l.y2} r={dot} className="ssm-line-end" />
        </g>
      ))}
      <path d={selection.d} className="ssm-selected-halo" />
      <path d={selection.d} className="ssm-selected" />
    </g>
  );
}

export function EnglandMap({
  areas,
  width,
  height,
  viewBox,
  selection,
  title,
  description,
}: {
  areas: MapArea[];
  width: number;
  height: number;
  /** The part of the map shown (a region), in map units; all of it by default. */
  viewBox?: Box;
  selection?: MapSelection;
  title: string;
  description: string;
}) {
  const rows = areas.map((a): AreaRow => [a.code, a.label, a.classIndex, a.d]);
  const box = viewBox ?? { x: 0, y: 0, width, height };
  return (
    <div className="ssm-map">
      <MapInteractions box={box}>
        <svg
          viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
          className="block h-auto w-full"
          role="group"
          aria-labelledby="map-svg-title map-svg-desc"
          data-testid="map-svg"
        >
          <title id="map-svg-title">{title}</title>
          <desc id="map-svg-desc">{description}</desc>
          <MapPatterns prefix="map-pattern" size={Math.max(2, Math.round(box.width / 110))} />
          <MapAreas areas={rows} />
          {selection?.kind === "found" ? (
            <SelectionOverlay selection={selection} dot={Math.max(2, box.width / 220)} />
          ) : null}
        </svg>
      </MapInteractions>
    </div>
  );
}
