import type { MapModel } from "@/lib/councils/map";
import { formatPence } from "@/lib/money";

/**
 * Every council drawn on the map with its figures: the map's equivalent as a table. Its own
 * scrolling box (both ways, with the column heads kept in view), the skip link's target.
 */
export function CouncilTable({ model, caption }: { model: MapModel; caption: string }) {
  return (
    <div
      id="council-table"
      className="relative max-h-[52rem] overflow-auto border border-rule print:max-h-none print:overflow-visible"
      role="region"
      aria-labelledby="council-table-caption"
      tabIndex={0}
    >
      <table className="ssm-council-table w-full border-collapse text-sm" data-testid="map-table">
        <caption id="council-table-caption" className="bg-paper p-2 text-left text-lg font-bold">
          {caption}
        </caption>
        <thead className="sticky top-0 bg-paper">
          <tr className="border-b-2 border-rule-strong text-left">
            <th scope="col">Council</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Arrangements
            </th>
            <th scope="col" className="num">
              Of which through councils it replaced
            </th>
            <th scope="col" className="num">
              Savings
            </th>
          </tr>
        </thead>
        <tbody>
          {model.areas.map((area) => (
            <tr key={area.code}>
              <th scope="row">
                {/* Plain links: hundreds of them, with nothing to prefetch or hydrate. */}
                <a href={`/councils/${area.code}`}>{area.shortName}</a>
              </th>
              <td>{area.typeLabel}</td>
              <td className="num">{area.arrangements.toLocaleString("en-GB")}</td>
              <td className="num">{area.viaArrangements.toLocaleString("en-GB")}</td>
              <td className="num">{formatPence(area.totalPence, "full")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
