import type { MapModel } from "@/lib/councils/map";
import { formatPence } from "@/lib/money";

/** What the map counts and shows, under its key: the totals, the year's councils, the source. */
export function MapNotes({ model }: { model: MapModel }) {
  const { options, involved, hex } = model;
  return (
    <div className="mt-4 space-y-2 text-sm text-ink-muted">
      <p data-testid="map-involved">
        Together these councils take part in {involved.arrangements.toLocaleString("en-GB")}{" "}
        published arrangement{involved.arrangements === 1 ? "" : "s"} saving{" "}
        {formatPence(involved.totalPence, "short")} ({formatPence(involved.totalPence, "full")}),
        each arrangement counted once.
      </p>
      <p>
        The map shows the councils that existed in {options.year}. A council formed by merging
        others shows only the arrangements recorded for it; choose an earlier year to see its
        predecessors.
        {options.tier === "upper"
          ? " County councils are shown with their own arrangements, not their districts'."
          : ""}
      </p>
      {hex ? (
        <p>
          Hex map: one hexagon per district, unitary or borough
          {options.tier === "upper" ? ", grouped by county" : ""}, laid out as in Open
          Innovations&rsquo; map of {hex.layoutYear}&rsquo;s councils.
          {hex.moved.length
            ? ` Councils not on that layout take the hexagon of the council they became or were formed from, or the nearest free one: ${hex.moved.map((c) => c.name).join(", ")}.`
            : ""}
        </p>
      ) : (
        <p>
          Boundaries: Office for National Statistics, 2016 super-generalised boundaries, drawn with
          an equal-area projection.
        </p>
      )}
    </div>
  );
}
