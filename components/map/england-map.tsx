import type { MapArea } from "@/lib/councils/map";
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
export function EnglandMap({
  areas,
  width,
  height,
  title,
  description,
}: {
  areas: MapArea[];
  width: number;
  height: number;
  title: string;
  description: string;
}) {
  const rows = areas.map((a): AreaRow => [a.code, a.label, a.classIndex, a.d]);
  return (
    <div className="ssm-map">
      <MapInteractions width={width} height={height}>
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="block h-auto w-full"
          role="group"
          aria-labelledby="map-svg-title map-svg-desc"
          data-testid="map-svg"
        >
          <title id="map-svg-title">{title}</title>
          <desc id="map-svg-desc">{description}</desc>
          <MapPatterns prefix="map-pattern" size={Math.round(width / 110)} />
          <MapAreas areas={rows} />
        </svg>
      </MapInteractions>
    </div>
  );
}
