/**
 * The councils an arrangement can join at a given time and who their neighbours are: councils
 * whose boundaries touch (the shipped TopoJSON, through loadCouncilAdjacency) and districts of
 * the same county.
 */
import type { DemoOrganisation } from "./types";

export type Tier = "district" | "county" | "unitary";

export function tierOf(org: Pick<DemoOrganisation, "councilType">): Tier {
  if (org.councilType === "NMD") return "district";
  if (org.councilType === "CTY") return "county";
  return "unitary";
}

export class Geography {
  private readonly pool: Set<string>;
  private readonly districts = new Map<string, string[]>();

  constructor(
    private readonly byCode: ReadonlyMap<string, DemoOrganisation>,
    pool: readonly string[],
    private readonly adjacency: ReadonlyMap<string, ReadonlySet<string>>,
  ) {
    this.pool = new Set(pool);
    for (const code of [...this.pool].sort()) {
      const org = this.org(code);
      if (tierOf(org) !== "district" || !org.parentCode || !this.pool.has(org.parentCode)) {
        continue;
      }
      const list = this.districts.get(org.parentCode) ?? [];
      list.push(code);
      this.districts.set(org.parentCode, list);
    }
  }

  org(code: string): DemoOrganisation {
    const found = this.byCode.get(code);
    if (!found) throw new Error(`Unknown organisation ${code}`);
    return found;
  }

  codes(): string[] {
    return [...this.pool].sort();
  }

  has(code: string): boolean {
    return this.pool.has(code);
  }

  tier(code: string): Tier {
    return tierOf(this.org(code));
  }

  touching(code: string, tier?: Tier): string[] {
    return [...(this.adjacency.get(code) ?? [])]
      .filter((c) => this.pool.has(c) && (!tier || this.tier(c) === tier))
      .sort();
  }

  districtsOf(county: string): string[] {
    return this.districts.get(county) ?? [];
  }

  countyOf(code: string): string | null {
    const parent = this.byCode.get(code)?.parentCode ?? null;
    return parent && this.pool.has(parent) ? parent : null;
  }

  /** The other districts of the same county. */
  siblings(code: string): string[] {
    const county = this.countyOf(code);
    return county ? this.districtsOf(county).filter((d) => d !== code) : [];
  }
}
