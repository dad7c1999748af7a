import { z } from "zod";
import { serviceCategoryBySlug } from "@/lib/categories";
import { today } from "@/lib/clock";
import {
  BOUNDARY_FIRST_YEAR,
  BOUNDARY_LAST_YEAR,
  MAP_VIEWS,
  TIERS,
  type MapView,
  type Tier,
} from "@/lib/geo/constants";
import { regionBySlug, type RegionSlug } from "@/lib/public/regions";

/*
 * What the map shows, from its URL (/map?year=2018&tier=upper&view=hex&measure=savings, with
 * optionally &category=legal&region=london&council=Exeter), and
 * the classes its areas are coloured by. A bad parameter is named in a message and replaced by
 * its default, never a 500. Pure module (today's date from lib/clock.ts).
 *
 * The map opens on the current year, read on today's date: successors carry their
 * predecessors' arrangements (the register's rule, lib/public/register.ts). An earlier year is
 * read on 1 April, the day reorganisations vest, so its councils are those its boundaries draw.
 * A year after the last shipped boundaries is drawn on the last ones.
 */

export const MEASURES = ["arrangements", "savings"] as const;
export type Measure = (typeof MEASURES)[number];

export type MapOptions = {
  year: number;
  tier: Tier;
  view: MapView;
  measure: Measure;
  /** Only arrangements in this service category (main or further), by slug. */
  category?: string;
  /** Only this region's councils, the map zoomed to them. */
  region?: RegionSlug;
  /** A council to select, as typed: a name, short name or code (lib/councils/map-selection.ts). */
  council?: string;
};

/** The current year (England): the map's latest and default year. */
export function currentYear(): number {
  return Number(today().slice(0, 4));
}

/** The years the map can show, latest first: the boundaries' years, then up to this one. */
export function mapYears(): number[] {
  const last = Math.max(currentYear(), BOUNDARY_LAST_YEAR);
  return Array.from({ length: last - BOUNDARY_FIRST_YEAR + 1 }, (_, i) => last - i);
}

/** The day a year's map is read on: today for the current year, else 1 April of the year. */
export function mapDay(year: number): string {
  return year >= currentYear() ? today() : `${year}-04-01`;
}

/** The boundaries a year is drawn on: its own, or the latest shipped for a later year. */
export function boundaryYear(year: number): number {
  return Math.min(year, BOUNDARY_LAST_YEAR);
}

export function defaultMapOptions(): MapOptions {
  return { year: currentYear(), tier: "lower", view: "boundaries", measure: "arrangements" };
}

const one = <T extends z.ZodType<unknown, string>>(schema: T, several: string) =>
  z
    .array(z.string())
    .max(1, { message: several })
    .transform((values) => values[0])
    .pipe(schema.optional());

const yearRange = () => `Choose a year from ${BOUNDARY_FIRST_YEAR} to ${mapYears()[0]}`;

const shape = {
  year: one(
    z
      .string()
      .regex(/^\d{4}$/, { message: "The year must be a year like 2018" })
      .transform(Number)
      .refine((year) => year >= BOUNDARY_FIRST_YEAR && year <= mapYears()[0]!, {
        error: yearRange,
      }),
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
  category: one(
    z.string().refine((slug) => !!serviceCategoryBySlug(slug), {
      message: "Choose a service category from the list",
    }),
    "Choose one service category",
  ),
  region: one(
    z
      .string()
      .refine((slug) => !!regionBySlug(slug), { message: "Choose a region from the list" })
      .transform((slug) => slug as RegionSlug),
    "Choose one region",
  ),
  council: one(
    z.string().max(120, { message: "Type at most 120 characters of a council's name" }),
    "Find one council at a time",
  ),
};

export type MapOptionsResult = { options: MapOptions; errors: Record<string, string> };

/** The map's options from its query string; each bad parameter falls back to its default. */
export function parseMapOptions(search: URLSearchParams): MapOptionsResult {
  const options: MapOptions = defaultMapOptions();
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
  const defaults = defaultMapOptions();
  if (options.year !== defaults.year) out.set("year", String(options.year));
  if (options.tier !== defaults.tier) out.set("tier", options.tier);
  if (options.view !== defaults.view) out.set("view", options.view);
  if (options.measure !== defaults.measure) out.set("measure", options.measure);
  if (options.category) out.set("category", options.category);
  if (options.region) out.set("region", options.region);
  if (options.council) out.set("council", options.council);
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
