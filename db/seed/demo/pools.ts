/**
 * Which councils can join a new arrangement on a given day. Only councils that exist then and
 * are not due to be abolished within six months (nobody starts sharing a service on the eve of
 * a merger). Before 2019 the register also grows its reach as the LGA's did: 340 councils in
 * the first editions (the LGA counted at least 337), 348 by 2017 (98% of 353), all but two from
 * 2018. Those two never share anything (not every council does), so the map and the council
 * pages show what a council without arrangements looks like.
 */
import { existedOn } from "../reference";
import { addDays } from "./dates";
import { Geography } from "./geography";
import type { Random } from "./random";
import type { DemoOrganisation } from "./types";

/** Councils that first take part in a later window, and those that wait until 2018. */
const LATE = 8;
const LAST = 3;
const NEVER = 2;
const LATE_FROM = "2013-03-20";
const LAST_FROM = "2018-01-01";

const ADJACENCY_YEARS = [
  ["2019-04-01", 2019],
  ["2020-04-01", 2020],
  ["2021-04-01", 2021],
  ["2023-04-01", 2023],
] as const;

function adjacencyYear(day: string): number {
  let year = 2018;
  for (const [from, y] of ADJACENCY_YEARS) if (day >= from) year = y;
  return year;
}

export class Pools {
  private readonly late: Set<string>;
  private readonly last: Set<string>;
  private readonly never: Set<string>;
  private readonly cache = new Map<string, Geography>();
  /** The last day each council can join something new: six months before it is abolished. */
  private readonly lastJoin = new Map<string, string>();

  constructor(
    rng: Random,
    private readonly councils: readonly DemoOrganisation[],
    private readonly byCode: ReadonlyMap<string, DemoOrganisation>,
    private readonly adjacency: (year: number) => ReadonlyMap<string, ReadonlySet<string>>,
    /** Councils that must take part from the start (the real and deliberate cases). */
    keep: ReadonlySet<string>,
  ) {
    const of2018 = councils.filter((c) => existedOn(c, "2018-04-01"));
    const waiting = rng
      .shuffle(of2018.filter((c) => c.councilType !== "CTY" && !keep.has(c.code)))
      .map((c) => c.code);
    this.late = new Set(waiting.slice(0, LATE));
    this.last = new Set(waiting.slice(LATE, LATE + LAST));
    const lasting = waiting.slice(LATE + LAST).filter((c) => byCode.get(c)!.endDate === null);
    this.never = new Set(lasting.slice(0, NEVER));
    for (const c of councils) if (c.endDate) this.lastJoin.set(c.code, addDays(c.endDate, -180));
  }

  private eligible(c: DemoOrganisation, day: string): boolean {
    const lastJoin = this.lastJoin.get(c.code);
    if (!existedOn(c, day) || (lastJoin !== undefined && lastJoin < day)) return false;
    if (this.never.has(c.code) || (day < LATE_FROM && this.late.has(c.code))) return false;
    return day >= LAST_FROM || !this.last.has(c.code);
  }

  geographyOn(day: string): Geography {
    const pool = this.councils.filter((c) => this.eligible(c, day)).map((c) => c.code);
    const year = adjacencyYear(day);
    const key = `${year}|${pool.join(",")}`;
    let geo = this.cache.get(key);
    if (!geo) {
      geo = new Geography(this.byCode, pool, this.adjacency(year));
      this.cache.set(key, geo);
    }
    return geo;
  }
}
