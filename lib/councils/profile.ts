import { perResidentPence } from "@/lib/money";
import { quantile } from "@/lib/services/estimate";

/*
 * A council's profile against its comparison group (lib/councils/similar.ts: its 15 most
 * similar councils today): its figures by the register's rule today — shared arrangements, its
 * share of their savings (each arrangement's split equally, lib/public/shares.ts), that share
 * per resident, and its share by financial year — each beside the group's lower quartile,
 * median and upper quartile; and the services most of the group share that it does not.
 *
 * Quartiles are taken over the group's councils (not the council itself) by linear
 * interpolation between the nearest ranks, as PostgreSQL's percentile_cont does (the `quantile`
 * of lib/services/estimate.ts); money is then rounded to the penny (halves up: every value is
 * 0 or more). A count's quartiles keep their fraction (7.5 arrangements). Per resident, each
 * council's share is divided by its population and the quartiles are taken over those exact
 * ratios, then rounded to the penny; a council's own figure is rounded as formatPerResident
 * does. Pure module: lib/councils/profile-query.ts reads its inputs.
 */

export type Quartiles<T> = { lowerQuartile: T; median: T; upperQuartile: T };

/** A council's figure beside its group's quartiles. */
export type Measure<T> = { council: T } & Quartiles<T>;

export type ProfileMember = {
  code: string;
  name: string;
  population: number;
  /** Shared arrangements it takes part in today by the rule. */
  arrangements: number;
  /** Its share of the savings of the arrangements it takes part in. */
  sharePence: bigint;
  /** sharePence over population, to the penny. */
  perResidentPence: bigint;
};

export type ProfileYear = Quartiles<bigint> & {
  /** The year it starts: 2016 is 2016/17. */
  financialYear: number;
  councilPence: bigint;
};

export type NotYetShared = {
  slug: string;
  name: string;
  /** Councils of the group sharing it (at least half the group). */
  councils: number;
};

export type CouncilProfile = {
  council: ProfileMember;
  /** Its similar councils, nearest first, with their figures. */
  group: (ProfileMember & { distance: number })[];
  arrangements: Measure<number>;
  share: Measure<bigint>;
  perResident: Measure<bigint>;
  /** Every financial year from the first to the last in which one of them has savings. */
  years: ProfileYear[];
  /** Services at least half the group share and the council does not, most shared first. */
  notYetShared: NotYetShared[];
};

/** The inputs, as lib/councils/profile-query.ts reads them. */
export type ProfileInput = {
  council: MemberInput;
  group: (MemberInput & { distance: number })[];
  /** Its and the group's shares by year (absent: nothing that year). */
  yearShares: { code: string; financialYear: number; sharePence: bigint }[];
  /** Each service category with the councils (of the council and its group) sharing it. */
  categories: { slug: string; name: string; codes: string[] }[];
};

export type MemberInput = Omit<ProfileMember, "perResidentPence">;

/** Services the profile never suggests: "Other" is a catch-all, not a service to share. */
const NOT_SUGGESTED = new Set(["other"]);

/** Where the council's figure stands among its group's: "above the upper quartile". */
export function standingText(m: Measure<number | bigint>): string {
  if (m.council < m.lowerQuartile) return "below the lower quartile";
  if (m.council > m.upperQuartile) return "above the upper quartile";
  if (m.council === m.median) return "at the median";
  if (m.council < m.median) return "between the lower quartile and the median";
  return "between the median and the upper quartile";
}

/** The lower quartile, median and upper quartile of the values, interpolated. */
export function quartiles(values: readonly number[]): Quartiles<number> {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    lowerQuartile: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    upperQuartile: quantile(sorted, 0.75),
  };
}

/** Quartiles of amounts in pence (exact ratios or whole pence), rounded to the penny. */
function penceQuartiles(values: readonly number[]): Quartiles<bigint> {
  const q = quartiles(values);
  const pence = (v: number) => BigInt(Math.round(v));
  return {
    lowerQuartile: pence(q.lowerQuartile),
    median: pence(q.median),
    upperQuartile: pence(q.upperQuartile),
  };
}

function withPerResident<M extends MemberInput>(m: M): M & ProfileMember {
  return { ...m, perResidentPence: perResidentPence(m.sharePence, m.population) ?? 0n };
}

/** Every year from the first to the last with a share, its own and the group's quartiles. */
function profileYears(input: ProfileInput): ProfileYear[] {
  const byCode = new Map<string, Map<number, bigint>>();
  for (const y of input.yearShares) {
    const years = byCode.get(y.code) ?? new Map<number, bigint>();
    years.set(y.financialYear, (years.get(y.financialYear) ?? 0n) + y.sharePence);
    byCode.set(y.code, years);
  }
  const all = input.yearShares.map((y) => y.financialYear);
  if (all.length === 0) return [];
  const share = (code: string, year: number) => byCode.get(code)?.get(year) ?? 0n;
  const out: ProfileYear[] = [];
  for (let year = Math.min(...all); year <= Math.max(...all); year++) {
    out.push({
      financialYear: year,
      councilPence: share(input.council.code, year),
      ...penceQuartiles(input.group.map((g) => Number(share(g.code, year)))),
    });
  }
  return out;
}

/** Services at least half the group share and the council does not: most shared, then A–Z. */
function notYetShared(input: ProfileInput): NotYetShared[] {
  const group = new Set(input.group.map((g) => g.code));
  return input.categories
    .filter((c) => !NOT_SUGGESTED.has(c.slug) && !c.codes.includes(input.council.code))
    .map((c) => ({
      slug: c.slug,
      name: c.name,
      councils: new Set(c.codes.filter((code) => group.has(code))).size,
    }))
    .filter((c) => c.councils * 2 >= group.size)
    .sort((a, b) => b.councils - a.councils || a.name.localeCompare(b.name));
}

export function buildProfile(input: ProfileInput): CouncilProfile {
  if (input.group.length === 0) throw new Error("A profile needs a comparison group");
  const council = withPerResident(input.council);
  const group = input.group.map(withPerResident);
  return {
    council,
    group,
    arrangements: {
      council: council.arrangements,
      ...quartiles(group.map((g) => g.arrangements)),
    },
    share: {
      council: council.sharePence,
      ...penceQuartiles(group.map((g) => Number(g.sharePence))),
    },
    perResident: {
      council: council.perResidentPence,
      ...penceQuartiles(group.map((g) => Number(g.sharePence) / g.population)),
    },
    years: profileYears(input),
    notYetShared: notYetShared(input),
  };
}
