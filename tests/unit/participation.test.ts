import { beforeAll, describe, expect, it } from "vitest";
import { deriveSuccessions, ruleContext, standingOn, type RuleContext } from "@/db/seed/demo";
import { loadOrganisations } from "@/db/seed/reference";

/*
 * The issue 12 design's rule, "who takes part on day D", in the generator's TypeScript: the
 * demo editions are verified with it, so it is checked here on cases worked out by hand.
 */

const TAUNTON_DEANE = "E07000190";
const WEST_SOMERSET = "E07000191";
const SEDGEMOOR = "E07000188";
const SOMERSET_WEST_AND_TAUNTON = "E07000246";
const SOMERSET_COUNTY = "E10000027";
const SOMERSET = "E06000066";
const NORTHAMPTONSHIRE = "E10000021";
const CORBY = "E07000150";
const NORTH_NORTHANTS = "E06000061";
const WEST_NORTHANTS = "E06000062";
const DEVON = "E10000008";

let rule: RuleContext;
let shareNorth: number;

beforeAll(() => {
  const organisations = loadOrganisations();
  const successions = deriveSuccessions(organisations);
  rule = ruleContext(organisations, successions);
  shareNorth = successions.find(
    (s) => s.predecessorCode === NORTHAMPTONSHIRE && s.successorCode === NORTH_NORTHANTS,
  )!.shareBp;
});

const running = { startDate: "2013-04-01", endDate: null };
const codes = (s: ReturnType<typeof standingOn>) => s.participants.map((p) => p.code).sort();

describe("who takes part on day D", () => {
  it("keeps organisations that exist, and is shared while they are two", () => {
    const s = standingOn(rule, [TAUNTON_DEANE, WEST_SOMERSET], running, "2019-03-31");
    expect(codes(s)).toEqual([TAUNTON_DEANE, WEST_SOMERSET]);
    expect(s).toMatchObject({ running: true, internal: false, internalFrom: null });
    expect(s.participants.every((p) => p.via.length === 0)).toBe(true);
  });

  it("follows a merger: one council left, internal from the vesting day", () => {
    const s = standingOn(rule, [TAUNTON_DEANE, WEST_SOMERSET], running, "2019-04-01");
    expect(codes(s)).toEqual([SOMERSET_WEST_AND_TAUNTON]);
    expect(s.participants[0]!.via.sort()).toEqual([TAUNTON_DEANE, WEST_SOMERSET]);
    expect(s.participants[0]!.share.toNumber()).toBe(1);
    expect(s).toMatchObject({ internal: true, internalFrom: "2019-04-01" });
  });

  it("follows chains, and internal_from is the latest succession used", () => {
    const before = standingOn(rule, [TAUNTON_DEANE, SOMERSET_COUNTY], running, "2020-06-01");
    expect(codes(before)).toEqual([SOMERSET_COUNTY, SOMERSET_WEST_AND_TAUNTON].sort());
    expect(before.internal).toBe(false);
    const after = standingOn(rule, [TAUNTON_DEANE, SOMERSET_COUNTY], running, "2026-12-02");
    expect(codes(after)).toEqual([SOMERSET]);
    expect(after.internalFrom).toBe("2023-04-01");
  });

  it("splits a county between its successors by share; shares sum to exactly one", () => {
    const s = standingOn(rule, [NORTHAMPTONSHIRE, CORBY], running, "2021-04-01");
    expect(codes(s)).toEqual([NORTH_NORTHANTS, WEST_NORTHANTS]);
    const north = s.participants.find((p) => p.code === NORTH_NORTHANTS)!;
    const west = s.participants.find((p) => p.code === WEST_NORTHANTS)!;
    expect(north.via.sort()).toEqual([CORBY, NORTHAMPTONSHIRE].sort());
    expect(west.via).toEqual([NORTHAMPTONSHIRE]);
    // Corby's half goes to North Northamptonshire; the county's half is split.
    expect(north.share.num * 20_000n).toBe(north.share.den * BigInt(10_000 + shareNorth));
    const total = north.share.add(west.share);
    expect([total.num, total.den]).toEqual([1n, 1n]);
    expect(s.internal).toBe(false);
  });

  it("reads an ended arrangement on its last day and a planned one on its first", () => {
    const ended = { startDate: "2013-04-01", endDate: "2019-03-31" };
    const s = standingOn(rule, [TAUNTON_DEANE, WEST_SOMERSET], ended, "2026-12-02");
    expect(codes(s)).toEqual([TAUNTON_DEANE, WEST_SOMERSET]);
    expect(s).toMatchObject({ running: false, internal: false });
    const planned = { startDate: "2019-06-01", endDate: null };
    const p = standingOn(rule, [TAUNTON_DEANE, WEST_SOMERSET], planned, "2018-12-31");
    expect(codes(p)).toEqual([SOMERSET_WEST_AND_TAUNTON]);
    // Not running yet, so not internal: it counts until it starts.
    expect(p).toMatchObject({ running: false, internal: false });
  });

  it("counts a null start as no lower bound, and follows later successions on later days", () => {
    const open = { startDate: null, endDate: null };
    expect(codes(standingOn(rule, [DEVON, SOMERSET_COUNTY], open, "2017-06-01"))).toEqual(
      [DEVON, SOMERSET_COUNTY].sort(),
    );
    expect(codes(standingOn(rule, [DEVON, SOMERSET_COUNTY], open, "2026-12-02"))).toEqual(
      [DEVON, SOMERSET].sort(),
    );
    const s = standingOn(rule, [SEDGEMOOR, DEVON], running, "2024-01-01");
    expect(codes(s)).toEqual([DEVON, SOMERSET].sort());
  });

  it("keeps an ended organisation no succession leads from, as a historical participant", () => {
    const own = ruleContext(
      [
        { code: "A", kind: "council", startDate: null, endDate: "2015-03-31" },
        { code: "B", kind: "council", startDate: null, endDate: null },
      ],
      [],
    );
    const s = standingOn(own, ["A", "B"], running, "2020-01-01");
    expect(codes(s)).toEqual(["A", "B"]);
    expect(s).toMatchObject({ running: true, internal: false });
  });
});
