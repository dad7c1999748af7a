/** Names of partners in titles and descriptions, and unique slugs. */
import { tierOf } from "./geography";
import { NUMBER_WORDS } from "./phrases";
import { compareCodeUnits } from "./random";
import type { DemoOrganisation } from "./types";

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function truncateSlug(slug: string, max = 72): string {
  if (slug.length <= max) return slug;
  const words = slug.split("-");
  while (words.join("-").length > max && words.length > 3) words.pop();
  // A slug ending "...-and" or "...-of-the" reads as broken.
  while (words.length > 3 && ["and", "of", "the", "on", "upon", "in"].includes(words.at(-1)!)) {
    words.pop();
  }
  return words.join("-");
}

/** Hands out slugs made from titles, numbering repeats. */
export class Slugs {
  private readonly used: Set<string>;

  constructor(reserved: readonly string[]) {
    this.used = new Set(reserved);
  }

  from(title: string): string {
    const base = truncateSlug(slugify(title));
    let slug = base;
    for (let n = 2; this.used.has(slug); n++) slug = `${base}-${n}`;
    this.used.add(slug);
    return slug;
  }
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const count = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** The partners as a title names them: the lead first, councils before other bodies. */
export function nameList(
  org: (code: string) => DemoOrganisation,
  codes: readonly string[],
  lead: string,
): string {
  const others = codes
    .filter((c) => c !== lead)
    .sort(
      (a, b) =>
        Number(org(a).kind !== "council") - Number(org(b).kind !== "council") ||
        compareCodeUnits(org(a).shortName, org(b).shortName),
    );
  const ordered = [lead, ...others];
  const councils = ordered.filter((c) => org(c).kind === "council");
  if (councils.length <= 3) return joinAnd(ordered.map((c) => org(c).shortName));
  const counties = new Set(
    councils.map((c) => (tierOf(org(c)) === "county" ? c : org(c).parentCode)),
  );
  const county = [...counties][0];
  if (counties.size === 1 && county) {
    // "Dorset County" is the council; the councils of its area are "Dorset councils".
    return `${org(county).shortName.replace(/ County$/, "")} councils`;
  }
  const types = new Set(councils.map((c) => org(c).councilType));
  if (types.size === 1 && types.has("LBO")) return `${count(councils.length)} London boroughs`;
  return `${org(lead).shortName} and ${count(councils.length - 1)} neighbouring councils`;
}

/** The partners as a description's first sentence names them. */
export function fullNames(
  org: (code: string) => DemoOrganisation,
  codes: readonly string[],
  lead: string,
): string {
  const ordered = [lead, ...codes.filter((c) => c !== lead).sort()];
  if (ordered.length > 3) return `The ${count(ordered.length)} partners`;
  return joinAnd(ordered.map((c) => org(c).name));
}
