import type { MapModel } from "@/lib/councils/map";
import { formatLongDate } from "@/lib/format/dates";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";

const count = (n: number) => n.toLocaleString("en-GB");

/**
 * How the map's total stands against the home page's for the same day, in one sentence: equal,
 * or the arrangements no council drawn takes part in.
 */
function Reconciliation({ model }: { model: MapModel }) {
  const { involved, day } = model;
  const scope = model.categoryName ? ` in ${model.categoryName}` : "";
  const where = model.categoryName ? "The dashboard, for that service," : "The home page";
  const whole = model.categoryTotals ?? model.register;
  const others = whole.arrangements - involved.arrangements;
  if (others === 0 && whole.totalPence === involved.totalPence) {
    return (
      <p data-testid="map-reconciliation">
        These are all the register&rsquo;s {count(whole.arrangements)} shared arrangements{scope}{" "}
        and {formatWholePounds(whole.totalPence)} on {formatLongDate(day)}, as{" "}
        {model.categoryName
          ? "the dashboard counts them for that service"
          : "the home page counts them"}{" "}
        for that day.
      </p>
    );
  }
  return (
    <p data-testid="map-reconciliation">
      {where} counts {count(whole.arrangements)} shared arrangements{scope} and{" "}
      {formatWholePounds(whole.totalPence)} on {formatLongDate(day)}: the other {count(others)} (and{" "}
      {formatWholePounds(whole.totalPence - involved.totalPence)}) have no council drawn here taking
      part that day — they are the other tier&rsquo;s, {model.regionName ? "other regions', " : ""}
      other public bodies&rsquo;, or ended with councils that have since ceased.
    </p>
  );
}

/** What the map counts and shows, under its key: the totals, the year's councils, the source. */
export function MapNotes({ model }: { model: MapModel }) {
  const { options, involved, hex, day } = model;
  return (
    <div className="mt-4 space-y-2 text-sm text-ink-muted">
      <p data-testid="map-involved">
        On {formatLongDate(day)} these councils take part in {count(involved.arrangements)} shared
        arrangement{involved.arrangements === 1 ? "" : "s"}
        {model.categoryName ? ` in ${model.categoryName}` : ""}, each counted once, saving{" "}
        {formatHeadlinePounds(involved.totalPence)} ({formatWholePounds(involved.totalPence)});{" "}
        {count(involved.councils)} of the {count(model.areas.length)} take part in one running that
        day.
      </p>
      <Reconciliation model={model} />
      <p data-testid="map-rule">
        The map shows the councils that existed on {formatLongDate(day)}
        {model.boundaryYear === options.year
          ? ""
          : `, drawn on the ${model.boundaryYear} boundaries, the latest published`}
        . A council that replaced others takes part in their arrangements that were still running
        when it did (&ldquo;through councils it replaced&rdquo;); where every partner has become one
        council, the arrangement is run within it and no longer counted as shared, its earlier
        savings kept.
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
