import type { MapModel } from "@/lib/councils/map";
import { formatWholePounds } from "@/lib/money";
import { CouncilRows, type CouncilRow } from "./council-rows";

/**
 * Every council drawn on the map with its figures: the map's equivalent as a table. Its own
 * scrolling box (both ways, with the column heads kept in view), the skip link's target.
 */
export function CouncilTable({ model, caption }: { model: MapModel; caption: string }) {
  const rows = model.areas.map((area): CouncilRow => [
    area.code,
    area.shortName,
    area.typeLabel,
    area.arrangements.toLocaleString("en-GB"),
    area.viaArrangements.toLocaleString("en-GB"),
    formatWholePounds(area.totalPence),
    formatWholePounds(area.sharePence),
  ]);
  return (
    <>
      <p className="mb-2 max-w-3xl text-sm text-ink-muted" data-testid="map-table-shares">
        Savings are those of the whole partnerships each council takes part in: these overlap
        between councils and must not be added up. Its share divides each arrangement&rsquo;s
        savings equally among the organisations taking part, so shares do add up. Rounded to the
        nearest pound; the open data keeps the pence.
      </p>
      <p className="mb-2 text-sm text-ink-muted sm:hidden" data-testid="map-table-scroll-cue">
        The table scrolls sideways: swipe it to see the figures →
      </p>
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
              <th scope="col">Arrangements</th>
              <th scope="col">Of which through councils it replaced</th>
              <th scope="col">Savings of its partnerships</th>
              <th scope="col">Its share</th>
            </tr>
          </thead>
          <tbody>
            <CouncilRows rows={rows} />
          </tbody>
        </table>
      </div>
    </>
  );
}
