/**
 * Which councils make up an arrangement. A shape is a pattern of partners: district–district (DD)
 * against district with a county or unitary (DC + DU) follows the 2011 map's 92 to 56; the rest
 * are unitaries together (UU), counties together (CC), a county and a unitary (CU), a county's
 * whole family (BIG) and one council with another public body (ORG).
 */
import type { Geography, Tier } from "./geography";
import type { Random } from "./random";

export type Shape = "DD" | "DC" | "DU" | "UU" | "CC" | "CU" | "BIG" | "ORG";

export const SHAPE_WEIGHTS: Record<Shape, number> = {
  DD: 35,
  DC: 12,
  DU: 7,
  UU: 24,
  CC: 4,
  CU: 6,
  BIG: 4,
  ORG: 4,
};

export const SHAPES_BY_TIER: Record<Tier, Shape[]> = {
  district: ["DD", "DC", "DU", "BIG", "ORG"],
  county: ["DC", "CC", "CU", "BIG", "ORG"],
  unitary: ["UU", "DU", "CU", "BIG", "ORG"],
};

/** Builds groups of neighbours, preferring councils that share least so far. */
export class ShapeBuilder {
  /** While true, a council in no arrangement yet is much likelier to be picked. */
  coverage = true;

  constructor(
    private readonly rng: Random,
    private readonly usage: Map<string, number>,
  ) {}

  use(codes: readonly string[]): void {
    for (const c of codes) this.usage.set(c, (this.usage.get(c) ?? 0) + 1);
  }

  used(code: string): number {
    return this.usage.get(code) ?? 0;
  }

  pickWeighted(codes: readonly string[]): string {
    return this.rng.weighted(
      codes.map((c) => {
        const used = this.used(c);
        return [c, this.coverage && used === 0 ? 6 : 1 / (1 + 0.4 * used)] as const;
      }),
    );
  }

  /** Grows a group by adding candidates of its members until it has `size` councils. */
  grow(members: string[], size: number, candidatesOf: (m: string) => string[]): string[] {
    const group = [...members];
    while (group.length < size) {
      const options = [...new Set(group.flatMap(candidatesOf))].filter((c) => !group.includes(c));
      if (options.length === 0) break;
      group.push(this.pickWeighted(options.sort()));
    }
    return group;
  }

  build(geo: Geography, shape: Shape, anchor: string): string[] | null {
    switch (shape) {
      case "DD":
        return this.districts(geo, anchor);
      case "DC":
        return this.districtsWithCounty(geo, anchor);
      case "DU":
        return this.districtWithUnitary(geo, anchor);
      case "UU":
        return this.sameTier(geo, anchor, "unitary", [
          [2, 70],
          [3, 30],
        ]);
      case "CC":
        return this.sameTier(geo, anchor, "county", [
          [2, 85],
          [3, 15],
        ]);
      case "CU":
        return this.countyWithUnitary(geo, anchor);
      case "BIG":
        return this.family(geo, anchor);
      case "ORG":
        return [anchor];
    }
  }

  private districts(geo: Geography, anchor: string): string[] | null {
    if (geo.tier(anchor) !== "district") return null;
    const size = this.rng.weighted([
      [2, 60],
      [3, 28],
      [4, 12],
    ] as const);
    const group = this.grow([anchor], size, (m) => [
      ...geo.siblings(m),
      ...geo.touching(m, "district"),
    ]);
    return group.length >= 2 ? group : null;
  }

  private districtsWithCounty(geo: Geography, anchor: string): string[] | null {
    const tier = geo.tier(anchor);
    if (tier === "unitary") return null;
    const county = tier === "county" ? anchor : geo.countyOf(anchor);
    const districts = county ? geo.districtsOf(county) : [];
    if (!county || districts.length === 0) return null;
    const first = tier === "county" ? this.pickWeighted(districts) : anchor;
    const extra = this.rng.weighted([
      [0, 55],
      [1, 25],
      [2, 20],
    ] as const);
    return [county, ...this.grow([first], 1 + extra, (m) => geo.siblings(m))];
  }

  private districtWithUnitary(geo: Geography, anchor: string): string[] | null {
    const tier = geo.tier(anchor);
    if (tier === "district") {
      const unitaries = geo.touching(anchor, "unitary");
      if (unitaries.length === 0) return null;
      const group = [anchor, this.pickWeighted(unitaries)];
      if (this.rng.chance(0.3)) {
        const more = geo.touching(group[1]!, "district").filter((d) => d !== anchor);
        if (more.length) group.push(this.pickWeighted(more));
      }
      return group;
    }
    if (tier !== "unitary") return null;
    const districts = geo.touching(anchor, "district");
    if (districts.length === 0) return null;
    const first = this.pickWeighted(districts);
    const group = [anchor, first];
    if (this.rng.chance(0.3)) {
      const more = geo.siblings(first).filter((d) => geo.touching(anchor).includes(d));
      if (more.length) group.push(this.pickWeighted(more));
    }
    return group;
  }

  private sameTier(
    geo: Geography,
    anchor: string,
    tier: Tier,
    sizes: readonly (readonly [number, number])[],
  ): string[] | null {
    if (geo.tier(anchor) !== tier) return null;
    const group = this.grow([anchor], this.rng.weighted(sizes), (m) => geo.touching(m, tier));
    return group.length >= 2 ? group : null;
  }

  private countyWithUnitary(geo: Geography, anchor: string): string[] | null {
    const tier = geo.tier(anchor);
    if (tier === "district") return null;
    const other = geo.touching(anchor, tier === "county" ? "unitary" : "county");
    if (other.length === 0) return null;
    const picked = this.pickWeighted(other);
    return tier === "county" ? [anchor, picked] : [picked, anchor];
  }

  private family(geo: Geography, anchor: string): string[] | null {
    const tier = geo.tier(anchor);
    const county = tier === "county" ? anchor : tier === "district" ? geo.countyOf(anchor) : null;
    if (county) {
      const districts = geo.districtsOf(county);
      if (districts.length < 3) return null;
      const count = this.rng.chance(0.4)
        ? districts.length
        : Math.min(districts.length, this.rng.int(3, 6));
      const chosen = this.rng.shuffle(districts).slice(0, count);
      if (tier === "district" && !chosen.includes(anchor)) chosen[0] = anchor;
      return [county, ...chosen.sort()];
    }
    if (tier !== "unitary") return null;
    const group = this.grow([anchor], this.rng.int(4, 6), (m) => geo.touching(m, "unitary"));
    return group.length >= 4 ? group : null;
  }
}
