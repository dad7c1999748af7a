import { bindFields } from "@/components/forms/bind-fields";
import { SelectField } from "@/components/forms/select-field";
import type { MapOptions } from "@/lib/councils/map-options";

const SETTINGS = [
  {
    name: "tier",
    label: "Councils",
    hint: "Tier of local government",
    options: [
      { value: "lower", label: "Lower tier: districts, unitaries, boroughs" },
      { value: "upper", label: "Upper tier: counties and unitaries" },
    ],
  },
  {
    name: "measure",
    label: "Colour by",
    hint: "What the colours show",
    options: [
      { value: "arrangements", label: "Number of arrangements" },
      { value: "savings", label: "Savings" },
    ],
  },
  {
    name: "view",
    label: "Map",
    hint: "Shapes or hexagons",
    options: [
      { value: "boundaries", label: "Boundaries" },
      { value: "hex", label: "Hex map (equal area)" },
    ],
  },
] as const;

/**
 * The map's settings as a plain GET form: it works without JavaScript (the server renders it)
 * and its URL is the map's address, so any map can be shared or bookmarked.
 */
export function MapOptionsForm({
  years,
  options,
}: {
  years: readonly number[];
  options: MapOptions;
}) {
  const field = bindFields({ values: { ...options, year: String(options.year) } });
  return (
    <form method="get" action="/map" className="no-print mt-6 border border-rule bg-surface p-4">
      <div className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          {...field("year")}
          label="Year"
          hint="Councils that existed then"
          options={[...years].reverse().map((y) => ({ value: String(y), label: `${y}` }))}
        />
        {SETTINGS.map((setting) => (
          <SelectField key={setting.name} {...field(setting.name)} {...setting} />
        ))}
      </div>
      <button type="submit" className="button">
        Show map
      </button>
    </form>
  );
}
