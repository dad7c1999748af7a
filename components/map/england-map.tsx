import type { MapArea } from "@/lib/councils/map";
import { MapInteractions } from "./map-interactions";
import { MapPatterns } from "./map-patterns";
import "./map.css";

/**
 * England's councils as server-rendered SVG: every area a link to its council page, named with
 * its figures, reachable by keyboard (in the table's order, by name) and drawn even without
 * JavaScript. The client island only adds the tooltip and highlight.
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
          {areas.map((area) => (
            <a
              key={area.code}
              href={`/councils/${area.code}`}
              aria-label={area.label}
              className={`ma c${area.classIndex}`}
            >
              <path d={area.d} />
            </a>
          ))}
        </svg>
      </MapInteractions>
    </div>
  );
}
