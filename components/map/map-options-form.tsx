"use client";

import { SelectField } from "@/components/forms/select-field";

/**
 * The map's settings as a plain GET form: it works without JavaScript (the server renders it)
 * and its URL is the map's address, so any map can be shared or bookmarked.
 */
export function MapOptionsForm({
  years,
  year,
  tier,
  measure,
  view,
}: {
  years: readonly number[];
  year: number;
  tier: string;
  measure: string;
  view: string;
}) {
  return (
    <form method="get" action="/map" className="no-print mt-6 border border-rule bg-surface p-4">
      <div className="grid gap-x-6 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          name="year"
          label="Year"
          hint="Councils that existed then"
          defaultValue={String(year)}
          options={[...years].reverse().map((y) => ({ value: String(y), label: `${y}` }))}
        />
        <SelectField
          name="tier"
          label="Councils"
          hint="Tier of local government"
          defaultValue={tier}
          options={[
            { value: "lower", label: "Lower tier: districts, unitaries, boroughs" },
            { value: "upper", label: "Upper tier: counties and unitaries" },
          ]}
        />
        <SelectField
          name="measure"
          label="Colour by"
          hint="What the colours show"
          defaultValue={measure}
          options={[
            { value: "arrangements", label: "Number of arrangements" },
            { value: "savings", label: "Savings" },
          ]}
        />
        <SelectField
          name="view"
          label="Map"
          hint="Shapes or hexagons"
          defaultValue={view}
          options={[
            { value: "boundaries", label: "Boundaries" },
            { value: "hex", label: "Hex map (equal area)" },
          ]}
        />
      </div>
      <button type="submit" className="button">
        Show map
      </button>
    </form>
  );
}
