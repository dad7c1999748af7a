import { bindFields } from "@/components/forms/bind-fields";
import { FieldList, type FieldSpec } from "@/components/forms/field-list";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { mapYears, type MapOptions } from "@/lib/councils/map-options";
import { REGIONS } from "@/lib/public/regions";

/** A choice's options from [value, label] pairs. */
function choices(pairs: [string, string][]) {
  return pairs.map(([value, label]) => ({ value, label }));
}

/** The year's choices, this year first (the list grows each January). */
const yearField = (): FieldSpec => ({
  name: "year",
  label: "Year",
  hint: "Councils that existed then",
  options: mapYears().map((y) => ({ value: String(y), label: `${y}` })),
});

const FIELDS: FieldSpec[] = [
  {
    name: "tier",
    label: "Councils",
    hint: "Tier of local government",
    options: choices([
      ["lower", "Lower tier: districts, unitaries, boroughs"],
      ["upper", "Upper tier: counties and unitaries"],
    ]),
  },
  {
    name: "measure",
    label: "Colour by",
    hint: "What the colours show",
    options: choices([
      ["arrangements", "Number of arrangements"],
      ["savings", "Savings"],
    ]),
  },
  {
    name: "view",
    label: "Map",
    hint: "Shapes or hexagons",
    options: choices([
      ["boundaries", "Boundaries"],
      ["hex", "Hex map (equal area)"],
    ]),
  },
  {
    name: "category",
    label: "Service",
    hint: "Only arrangements sharing this service",
    placeholder: "All services",
    options: SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name })),
  },
  {
    name: "region",
    label: "Region",
    hint: "Zoom to one region's councils",
    placeholder: "All of England",
    options: REGIONS.map((r) => ({ value: r.slug, label: r.name })),
  },
];

/**
 * The map's settings as a plain GET form: it works without JavaScript (the server renders it)
 * and its URL is the map's address, so any map can be shared or bookmarked.
 */
export function MapOptionsForm({ options }: { options: MapOptions }) {
  const field = bindFields({
    values: {
      ...options,
      year: String(options.year),
      category: options.category ?? "",
      region: options.region ?? "",
    },
  });
  return (
    <form method="get" action="/map" className="no-print mt-6 border border-rule bg-surface p-4">
      {options.council ? <input type="hidden" name="council" value={options.council} /> : null}
      <div className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-3">
        <FieldList fields={[yearField(), ...FIELDS]} field={field} />
      </div>
      <button type="submit" className="button">
        Show map
      </button>
    </form>
  );
}
