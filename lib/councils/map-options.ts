import { z } from "zod";
import {
  BOUNDARY_FIRST_YEAR,
  BOUNDARY_LAST_YEAR,
  MAP_VIEWS,
  TIERS,
  type MapView,
  type Tier,
} from "@/lib/geo/constants";

/*
 * What the map shows, from its URL (/map?year=2018&tier=upper&view=hex&measure=savings), and
 * the classes its areas are coloured by. A bad parameter is named in a message and replaced by
 * its default, never a 500. Pure module.
 */

export const MEASURES = ["arrangements", "savings"] as const;
export type Measure = (typeof MEASURES)[number];

export type MapOptions = { year: number; tier: Tier; view: MapView; measure: Measure };

export const DEFAULT_MAP_OPTIONS: MapOptions = {
  year: BOUNDARY_LAST_YEAR,
  tier: "lower",
  view: "boundaries",
  measure: "arrangements",
};

const one = <T extends z.ZodType<unknown, string>>(schema: T, several: string) =>
  z
    .array(z.string())
    .max(1, { message: several })
    .transform((values) => values[0])
    .pipe(schema.optional());

const shape = {
  year: one(
    z
      .string()
      .regex(/^\d{4}$/, { message: "The year must be a year like 2018" })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(BOUNDARY_FIRST_YEAR, {
            message: `Choose a year from ${BOUNDARY_FIRST_YEAR} to ${BOUNDARY_LAST_YEAR}`,
          })
          .max(BOUNDARY_LAST_YEAR, {
            message: `Choose a year from ${BOUNDARY_FIRST_YEAR} to ${BOUNDARY_LAST_YEAR}`,
          }),
      ),
    "Choose one year",
  ),
  tier: one(
    z.enum(TIERS, { message: "Choose lower-tier or upper-tier councils" }),
    "Choose one tier",
  ),
  view: one(
    z.enum(MAP_VIEWS, { message: "Choose the boundary map or the hex map" }),
    "Choose one view",
  ),
  measure: one(
    z.enum(MEASURES, { message: "Colour the map by arrangements or by savings" }),
    "Choose one measure",
  ),
};

export type MapOptionsResult = { options: MapOptions; errors: Record<string, string> };

/** The map's options from its query string; each bad parameter falls back to its default. */
export function parseMapOptions(search: URLSearchParams): MapOptionsResult {
  const options: MapOptions = { ...DEFAULT_MAP_OPTIONS };
  const errors: Record<string, string> = {};
  for (const name of Object.keys(shape) as (keyof typeof shape)[]) {
    const values = search
      .getAll(name)
      .map((v) => v.trim())
      .filter(Boolean);
    const parsed = shape[name].safeParse(values);
    if (!parsed.success) {
      errors[name] = parsed.error.issues[0]?.message ?? `Check the ${name}`;
    } else if (parsed.data !== undefined) {
      (options as Record<string, unknown>)[name] = parsed.data;
    }
  }
  return { options, errors };
}

/** The query string for a map (defaults left out, so the plain /map is the default map). */
export function mapOptionsToParams(options: MapOptions): URLSearchParams {
  const out = new URLSearchParams();
  if (options.year !== DEFAULT_MAP_OPTIONS.year) out.set("year", String(options.year));
  if (options.tier !== DEFAULT_MAP_OPTIONS.tier) out.set("tier", options.tier);
  if (options.view !== DEFAULT_MAP_OPTIONS.view) out.set("view", options.view);
  if (options.measure !== DEFAULT_MAP_OPTIONS.measure) out.set("measure", options.measure);
  return out;
}

/* Classes ----------------------------------------------------------------------------------- */

export type MapClass = {
  /** Legend wording. */
  label: string;
  /** The class holds values from `min` (inclusive) to the next class's `min`. */
  min: bigint;
};

const POUND = 100n;
const MILLION = 1_000_000n * POUND;

/**
 * Stated, fixed classes (not quantiles), so the same colour means the same thing on every map
 * and every year. Chosen for the register's spread: most councils take part in a few
 * arrangements; savings run from nothing to tens of millions.
 */
export const MAP_CLASSES: Readonly<Record<Measure, readonly MapClass[]>> = {
  arrangements: [
    { label: "None", min: 0n },
    { label: "1 or 2", min: 1n },
    { label: "3 or 4", min: 3n },
    { label: "5 or 6", min: 5n },
    { label: "7 or more", min: 7n },
  ],
  savings: [
    { label: "None recorded", min: 0n },
    { label: "Under £1m", min: 1n },
    { label: "£1m to under £5m", min: 1n * MILLION },
    { label: "£5m to under £15m", min: 5n * MILLION },
    { label: "£15m or more", min: 15n * MILLION },
  ],
};

/** The class index (0 = none) of a council's value. */
export function classIndex(
  measure: Measure,
  value: { arrangements: number; totalPence: bigint },
): number {
  const v = measure === "arrangements" ? BigInt(value.arrangements) : value.totalPence;
  const classes = MAP_CLASSES[measure];
  let index = 0;
  classes.forEach((c, i) => {
    if (v >= c.min) index = i;
  });
  return index;
}
