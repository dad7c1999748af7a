import type { MapArea } from "@/lib/councils/map";
import { mapOptionsToParams, type MapOptions } from "@/lib/councils/map-options";

/**
 * "Find a council": a plain GET form (it works without JavaScript, and its URL is the map with
 * that council selected), offering the names of the councils drawn as the browser's own list.
 * The map's other settings travel as hidden fields.
 */
export function MapSearch({ options, areas }: { options: MapOptions; areas: readonly MapArea[] }) {
  const kept = [...mapOptionsToParams({ ...options, council: undefined })];
  return (
    <form
      method="get"
      action="/map"
      role="search"
      aria-label="Find a council on the map"
      className="no-print mt-6 flex flex-wrap items-end gap-3"
    >
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="min-w-0 grow sm:max-w-md">
        <label htmlFor="map-council" className="block font-bold">
          Find a council
        </label>
        <p id="map-council-hint" className="text-ink-muted">
          Type its name, for example Exeter or Leeds, to see who it shares with
        </p>
        <input
          id="map-council"
          name="council"
          type="search"
          list="map-councils"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="map-council-hint"
          defaultValue={options.council ?? ""}
          className="form-input mt-1 block w-full border-2 border-ink px-2 py-1.5"
        />
        <datalist id="map-councils">
          {areas.map((a) => (
            <option key={a.code} value={a.shortName} />
          ))}
        </datalist>
      </div>
      <button type="submit" className="button mb-0">
        Find
      </button>
    </form>
  );
}
