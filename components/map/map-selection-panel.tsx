import Link from "next/link";
import type { MapModel, MapSelection } from "@/lib/councils/map";
import { organisationKindLabel } from "@/lib/councils/labels";
import { mapOptionsToParams } from "@/lib/councils/map-options";
import { formatLongDate } from "@/lib/format/dates";
import { publicHref } from "@/lib/public-routes";

const count = (n: number) => n.toLocaleString("en-GB");

/** The map's address with another council selected (or none). */
function selectHref(model: MapModel, council?: string) {
  return publicHref("/map", mapOptionsToParams({ ...model.options, council }));
}

/**
 * Beside the map: the council found from the search box and every organisation it shares with
 * on the map's day (lines on the map join it to those drawn), or what was not found and the
 * nearest names.
 */
export function MapSelectionPanel({
  model,
  selection,
}: {
  model: MapModel;
  selection: MapSelection;
}) {
  if (selection.kind === "not-found") {
    return (
      <section
        aria-labelledby="map-selection-heading"
        className="border-l-8 border-error p-4"
        data-testid="map-selection"
      >
        <h2 id="map-selection-heading" className="text-xl font-bold">
          No council called &lsquo;{selection.query}&rsquo; on this map
        </h2>
        {selection.suggestions.length ? (
          <>
            <p className="mt-2">Did you mean:</p>
            <ul className="mt-1 list-disc pl-6">
              {selection.suggestions.map((s) => (
                <li key={s.code}>
                  <Link href={selectHref(model, s.code)}>{s.name}</Link>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2">
            Check the spelling, or choose another year, tier or region: the map shows the councils
            that existed on {formatLongDate(model.day)}.
          </p>
        )}
      </section>
    );
  }
  const drawn = selection.partners.filter((p) => p.drawn).length;
  const scope = model.categoryName ? ` in ${model.categoryName}` : "";
  return (
    <section
      aria-labelledby="map-selection-heading"
      className="border-l-8 border-brand bg-surface p-4"
      data-testid="map-selection"
    >
      <h2 id="map-selection-heading" className="text-xl font-bold">
        {selection.name}
      </h2>
      <p className="mt-2">
        On {formatLongDate(model.day)} it takes part in {count(selection.arrangements)} shared
        arrangement{selection.arrangements === 1 ? "" : "s"}
        {scope}, with {count(selection.partners.length)} other organisation
        {selection.partners.length === 1 ? "" : "s"}.
        {drawn ? ` Lines on the map join it to the ${count(drawn)} drawn there.` : ""}
      </p>
      <p className="mt-2">
        <Link href={`/councils/${selection.code}`}>{selection.name}&rsquo;s page</Link>
        {" · "}
        <Link href={selectHref(model)}>Clear the selection</Link>
      </p>
      {selection.partners.length ? (
        <table className="mt-3 w-full border-collapse text-sm" data-testid="map-partners">
          <caption className="text-left font-bold">Shares with</caption>
          <thead>
            <tr className="border-b-2 border-rule-strong text-left">
              <th scope="col">Organisation</th>
              <th scope="col" className="text-right">
                Arrangements together
              </th>
            </tr>
          </thead>
          <tbody>
            {selection.partners.map((p) => (
              <tr key={p.code} className="border-b border-rule">
                <th scope="row" className="py-1 pr-2 text-left font-normal">
                  {p.kind === "council" ? (
                    <Link href={`/councils/${p.code}`}>{p.name}</Link>
                  ) : (
                    p.name
                  )}
                  {p.kind === "council" ? (
                    p.drawn ? null : (
                      <span className="text-ink-muted"> (not drawn on this map)</span>
                    )
                  ) : (
                    <span className="text-ink-muted"> ({organisationKindLabel(p.kind)})</span>
                  )}
                </th>
                <td className="py-1 text-right tabular-nums">{count(p.arrangements)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
