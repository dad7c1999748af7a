"use client";

/*
 * The map's areas, one link each. A client component only so that what the page sends for
 * them is small: a server component's elements travel twice, as HTML and again in full in the
 * page's React payload (every tag, attribute name and class, about 230 bytes an area beyond
 * its shape); a client component's travel as HTML and as these compact rows. Rendered on the
 * server like the rest of the map, so it is complete without JavaScript.
 */

/** One area: council code, accessible name (name and figures), class of the measure, shape. */
export type AreaRow = readonly [code: string, label: string, classIndex: number, d: string];

export function MapAreas({ areas }: { areas: readonly AreaRow[] }) {
  return areas.map(([code, label, classIndex, d]) => (
    <a key={code} href={`/councils/${code}`} aria-label={label} className={`ma c${classIndex}`}>
      <path d={d} />
    </a>
  ));
}
