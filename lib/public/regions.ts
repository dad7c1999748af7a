/**
 * England's nine regions, as the reference data names them, with stable slugs for URLs and
 * downloads. An arrangement belongs to the region of its lead organisation. Pure module.
 */
export const REGIONS = [
  { slug: "north-east", name: "North East" },
  { slug: "north-west", name: "North West" },
  { slug: "yorkshire-and-the-humber", name: "Yorkshire and The Humber" },
  { slug: "east-midlands", name: "East Midlands" },
  { slug: "west-midlands", name: "West Midlands" },
  { slug: "east-of-england", name: "East of England" },
  { slug: "london", name: "London" },
  { slug: "south-east", name: "South East" },
  { slug: "south-west", name: "South West" },
] as const;

export type Region = (typeof REGIONS)[number];
export type RegionSlug = Region["slug"];

const BY_SLUG = new Map<string, Region>(REGIONS.map((r) => [r.slug, r]));
const BY_NAME = new Map<string, Region>(REGIONS.map((r) => [r.name, r]));

export function regionBySlug(slug: string): Region | undefined {
  return BY_SLUG.get(slug);
}

export function regionByName(name: string | null | undefined): Region | undefined {
  return name ? BY_NAME.get(name) : undefined;
}
