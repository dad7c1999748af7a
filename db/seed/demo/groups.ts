/**
 * Who shares what: a group of neighbouring councils (a shape), the service they share, the lead
 * and any other public bodies — or one council with one body. The same partners rarely share
 * the same service twice.
 */
import type { BodyPicker } from "./bodies";
import type { CategoryPicker, Slug, TierMix } from "./categories";
import type { Geography } from "./geography";
import type { Random } from "./random";
import { SHAPE_WEIGHTS, SHAPES_BY_TIER, type Shape, type ShapeBuilder } from "./shapes";

export type Group = {
  shape: Shape;
  councils: string[];
  lead: string;
  /** Fire, police and health bodies taking part. */
  bodies: string[];
  category: Slug;
  further: Slug[];
  /**
   * Made to bring a council into the register for the first time: it keeps running (no end,
   * nothing planned) so the councils it covers stay involved at every edition.
   */
  backbone: boolean;
};

export function tierMix(geo: Geography, councils: readonly string[]): TierMix {
  const tiers = councils.map((c) => geo.tier(c));
  return {
    allUpper: tiers.every((t) => t !== "district"),
    allLower: tiers.every((t) => t !== "county"),
    sameTier: new Set(tiers).size === 1,
    size: councils.length,
  };
}

export class GroupMaker {
  private readonly seen = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly shapes: ShapeBuilder,
    private readonly categories: CategoryPicker,
    private readonly bodies: BodyPicker,
  ) {}

  /** Records a group made by hand (the deliberate cases), so no random one repeats it. */
  register(group: Group): void {
    this.seen.add(this.key(group));
    this.categories.record(group.category);
    this.shapes.use(group.councils);
  }

  /** A group on `day` anchored on `anchor` (trying its tier's shapes), or of a random shape. */
  make(geo: Geography, day: string, anchor?: string): Group | null {
    const [start, options] = anchor ? [anchor, this.anchoredShapes(geo, anchor)] : this.random(geo);
    let councils: string[] | null = null;
    let shape: Shape = options[0]!;
    for (const s of options) {
      shape = s;
      councils = this.shapes.build(geo, s, start);
      if (councils) break;
    }
    if (!councils) return null;
    const group = this.complete(geo, day, shape, councils, anchor !== undefined);
    if (!group || this.seen.has(this.key(group))) return null;
    this.register(group);
    return group;
  }

  private anchoredShapes(geo: Geography, anchor: string): Shape[] {
    const remaining = [...SHAPES_BY_TIER[geo.tier(anchor)]];
    const order: Shape[] = [];
    while (remaining.length) {
      const s = this.rng.weighted(remaining.map((x) => [x, SHAPE_WEIGHTS[x]] as const));
      order.push(s);
      remaining.splice(remaining.indexOf(s), 1);
    }
    return order;
  }

  private random(geo: Geography): [string, Shape[]] {
    const shape = this.rng.weighted(Object.entries(SHAPE_WEIGHTS) as [Shape, number][]);
    const eligible = geo.codes().filter((c) => SHAPES_BY_TIER[geo.tier(c)].includes(shape));
    const anchor = this.shapes.pickWeighted(eligible);
    return [anchor, [shape, ...SHAPES_BY_TIER[geo.tier(anchor)].filter((s) => s !== shape)]];
  }

  private complete(
    geo: Geography,
    day: string,
    shape: Shape,
    councils: string[],
    backbone: boolean,
  ): Group | null {
    const mix = tierMix(geo, councils);
    if (shape === "ORG") {
      const other = this.bodies.single(councils[0]!, day, mix.allUpper);
      if (!other) return null;
      const further = this.categories.further(other.category, mix);
      return {
        shape,
        councils,
        lead: councils[0]!,
        bodies: [other.body],
        category: other.category,
        further,
        backbone,
      };
    }
    const category = this.categories.pick(shape, mix);
    const counties = councils.filter((c) => geo.tier(c) === "county");
    const lead =
      counties.length && this.rng.chance(0.55) ? this.rng.pick(counties) : this.rng.pick(councils);
    const bodies = this.bodies.forGroup(lead, category, day, geo.tier(lead) !== "district");
    const further = this.categories.further(category, mix);
    return { shape, councils, lead, bodies, category, further, backbone };
  }

  private key(g: Group): string {
    return `${g.category}|${[...g.councils, ...g.bodies].sort().join(",")}`;
  }
}
