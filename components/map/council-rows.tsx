"use client";

/*
 * The rows of the table of councils. A client component only so that the page's React payload
 * carries each row as a few strings rather than as its elements again (map-areas.tsx says why);
 * rendered on the server, so the table is complete without JavaScript. Figures arrive already
 * formatted: the browser never formats them differently from the server.
 */

/**
 * One council: code, short name, type, arrangements, of which via councils it replaced, savings
 * of the whole partnerships, its share of them.
 */
export type CouncilRow = readonly [
  code: string,
  shortName: string,
  typeLabel: string,
  arrangements: string,
  viaArrangements: string,
  savings: string,
  share: string,
];

export function CouncilRows({ rows }: { rows: readonly CouncilRow[] }) {
  return rows.map(([code, shortName, typeLabel, arrangements, via, savings, share]) => (
    <tr key={code}>
      <th scope="row">
        {/* Plain links: hundreds of them, with nothing to prefetch. */}
        <a href={`/councils/${code}`}>{shortName}</a>
      </th>
      <td>{typeLabel}</td>
      <td>{arrangements}</td>
      <td>{via}</td>
      <td>{savings}</td>
      <td>{share}</td>
    </tr>
  ));
}
