/**
 * Other public bodies in council arrangements: the fire and rescue service, police force and
 * (from July 2022, when ICBs began) the integrated care board serving the lead council, only
 * while they exist. A council formed since 2019 is served by the bodies of the councils it
 * replaced.
 */
import { existedOn, servingBodies } from "../reference";
import type { Slug } from "./categories";
import type { Random } from "./random";
import type { DemoOrganisation } from "./types";

type BodyKind = "fire" | "police" | "health";

/** How often each service draws each kind of body into a council arrangement. */
const CHANCE: Record<BodyKind, Partial<Record<Slug, number>>> = {
  fire: {
    "community-safety-emergency-planning": 0.45,
    "assets-and-property": 0.3,
    ict: 0.1,
    "hr-and-payroll": 0.1,
    "finance-and-audit": 0.05,
    "procurement-and-commissioning": 0.06,
    "customer-services": 0.04,
  },
  police: {
    "community-safety-emergency-planning": 0.45,
    "assets-and-property": 0.2,
    ict: 0.05,
    "procurement-and-commissioning": 0.04,
    "hr-and-payroll": 0.03,
  },
  health: {
    "adult-social-care": 0.8,
    "public-health": 0.7,
    "childrens-services-send": 0.35,
  },
};

/** A single council sharing with one other body: what they share depends on the body. */
const SINGLE_BODY_CATEGORIES: Record<BodyKind, [Slug, number][]> = {
  fire: [
    ["community-safety-emergency-planning", 4],
    ["assets-and-property", 4],
    ["ict", 2],
    ["hr-and-payroll", 2],
    ["finance-and-audit", 1],
    ["procurement-and-commissioning", 1],
  ],
  police: [
    ["community-safety-emergency-planning", 4],
    ["assets-and-property", 3],
    ["ict", 1],
    ["hr-and-payroll", 1],
  ],
  // Only upper-tier councils run social care and public health.
  health: [
    ["adult-social-care", 4],
    ["public-health", 2],
    ["childrens-services-send", 1],
  ],
};

const SINGLE_BODY_WEIGHT: Record<BodyKind, number> = { fire: 4, police: 3, health: 5 };

export class BodyPicker {
  constructor(
    private readonly rng: Random,
    private readonly byCode: ReadonlyMap<string, DemoOrganisation>,
    private readonly predecessorsOf: ReadonlyMap<string, readonly string[]>,
  ) {}

  /** The bodies serving a council that exist on `day`; health only for upper-tier councils. */
  serving(code: string, day: string, upperTier: boolean): [BodyKind, string][] {
    const org = this.byCode.get(code)!;
    let served = servingBodies(org);
    const predecessor = this.predecessorsOf.get(code)?.[0];
    if (!served.fire && !served.police && predecessor) {
      served = servingBodies(this.byCode.get(predecessor)!);
    }
    const out: [BodyKind, string][] = [];
    for (const kind of ["fire", "police", "health"] as const) {
      const body = served[kind];
      if (!body || !existedOn(this.byCode.get(body)!, day)) continue;
      if (kind === "health" && !upperTier) continue;
      out.push([kind, body]);
    }
    return out;
  }

  /** Bodies joining a council arrangement led by `lead`, by how often the service draws them. */
  forGroup(lead: string, category: Slug, day: string, upperTier: boolean): string[] {
    return this.serving(lead, day, upperTier)
      .filter(([kind]) => this.rng.chance(CHANCE[kind][category] ?? 0))
      .map(([, body]) => body);
  }

  /** One body sharing with a single council, and the service they share. */
  single(
    council: string,
    day: string,
    upperTier: boolean,
  ): { body: string; category: Slug } | null {
    const options = this.serving(council, day, upperTier);
    if (options.length === 0) return null;
    const [kind, body] = this.rng.weighted(
      options.map((o) => [o, SINGLE_BODY_WEIGHT[o[0]]] as const),
    );
    return { body, category: this.rng.weighted(SINGLE_BODY_CATEGORIES[kind]) };
  }
}
