import { beforeAll, describe, expect, it } from "vitest";
import { deriveSuccessions } from "@/db/seed/demo";
import {
  existedOn,
  loadCouncilAdjacency,
  loadCouncils,
  loadFireServices,
  loadIcbs,
  loadOrganisations,
  loadPoliceForces,
  servingBodies,
  FIRE_SERVICE_AREAS,
  ICB_AREAS,
  POLICE_FORCE_AREAS,
  type ReferenceOrganisation,
} from "@/db/seed/reference";

/*
 * The reference organisations the seed loads (db/reference, see SOURCES.md there) and the
 * successions the issue 12 design derives from them.
 */

let organisations: ReferenceOrganisation[];
let byCode: Map<string, ReferenceOrganisation>;

beforeAll(() => {
  organisations = loadOrganisations();
  byCode = new Map(organisations.map((o) => [o.code, o]));
});

const councilsOn = (date: string) =>
  organisations.filter((o) => o.kind === "council" && existedOn(o, date));

describe("reference organisations", () => {
  it("counts the English councils of each date", () => {
    expect(councilsOn("2018-04-01")).toHaveLength(353);
    expect(councilsOn("2019-06-01")).toHaveLength(343);
    expect(councilsOn("2025-06-01")).toHaveLength(317);
  });

  it("never has a council and its successor on the same day", () => {
    for (const council of loadCouncils()) {
      if (!council.replacedByCode) continue;
      const successor = byCode.get(council.replacedByCode)!;
      expect(council.endDate, council.name).not.toBeNull();
      expect(successor.startDate! > council.endDate!, council.name).toBe(true);
    }
    const onVestingDay = councilsOn("2023-04-01").map((c) => c.shortName);
    expect(onVestingDay).toContain("Cumberland");
    expect(onVestingDay).not.toContain("Allerdale");
  });

  it("keeps GSS codes, former codes, types and counties", () => {
    const gateshead = byCode.get("E08000037")!;
    expect(gateshead.formerGssCodes).toEqual(["E08000020"]);
    const adur = byCode.get("E07000223")!;
    expect(adur).toMatchObject({
      kind: "council",
      councilType: "NMD",
      gssCode: "E07000223",
      name: "Adur District Council",
      shortName: "Adur",
      parentCode: "E10000032",
      region: "South East",
    });
    expect(adur.population).toBeGreaterThan(60_000);
    // Corrected from the source file: Forest Heath lay in Suffolk.
    expect(byCode.get("E07000201")!.parentCode).toBe("E10000029");
    expect(byCode.get("E07000026")!.replacedByCode).toBe("E06000063");
    for (const district of councilsOn("2018-04-01").filter((c) => c.councilType === "NMD")) {
      expect(byCode.get(district.parentCode ?? "")?.councilType, district.name).toBe("CTY");
    }
    expect(councilsOn("2018-04-01").every((c) => c.region)).toBe(true);
  });

  it("files combined authorities and the GLA as other bodies", () => {
    const other = organisations.filter((o) => o.kind === "other");
    expect(other.map((o) => o.councilType).sort()).toEqual([...Array(14).fill("COMB"), "SRA"]);
    expect(byCode.get("E61000001")!.name).toBe("Greater London Authority");
  });

  it("reads 45 fire services, the police forces of England and Wales and 42 ICBs", () => {
    const fire = loadFireServices();
    expect(fire).toHaveLength(45);
    expect(fire[0]).toMatchObject({ code: "fire:001", kind: "fire", gssCode: null });
    const police = loadPoliceForces();
    expect(police).toHaveLength(43);
    expect(police.map((p) => p.code)).not.toContain("police:northern-ireland");
    expect(police.map((p) => p.code)).toContain("police:south-wales");
    const icbs = loadIcbs();
    expect(icbs).toHaveLength(42);
    for (const icb of icbs) {
      expect(icb.code).toMatch(/^E54\d{6}$/);
      expect(icb.gssCode).toBe(icb.code);
      expect(icb.name).toMatch(/^NHS .+ Integrated Care Board$/);
      expect(icb.startDate).toBe("2022-07-01");
      expect(icb.region).toBeTruthy();
    }
    expect(byCode.get("E54000036")!.name).toBe(
      "NHS Cornwall and the Isles of Scilly Integrated Care Board",
    );
  });

  it("places every upper-tier council of 2018 in one fire, police and ICB area", () => {
    const upper = councilsOn("2018-04-01").filter((c) => c.councilType !== "NMD");
    expect(upper).toHaveLength(152);
    for (const areas of [FIRE_SERVICE_AREAS, POLICE_FORCE_AREAS, ICB_AREAS]) {
      const listed = Object.values(areas).flat();
      expect([...listed].sort()).toEqual(upper.map((c) => c.code).sort());
      for (const body of Object.keys(areas)) expect(byCode.get(body)?.kind, body).toBeDefined();
    }
    for (const council of councilsOn("2018-04-01")) {
      const bodies = servingBodies(council);
      expect(bodies.fire && bodies.police && bodies.health, council.name).toBeTruthy();
    }
    expect(servingBodies(byCode.get("E07000223")!).fire).toBe("fire:044"); // Adur: West Sussex
  });

  it("gives every organisation a unique code and GSS code", () => {
    expect(new Set(organisations.map((o) => o.code)).size).toBe(organisations.length);
    const gss = organisations.map((o) => o.gssCode).filter(Boolean);
    expect(new Set(gss).size).toBe(gss.length);
  });

  it("finds neighbours from the boundaries", () => {
    const adjacency = loadCouncilAdjacency(organisations);
    expect(adjacency.size).toBe(353);
    expect([...adjacency.get("E07000223")!]).toEqual(
      expect.arrayContaining(["E07000229", "E06000043"]), // Adur touches Worthing and Brighton
    );
    for (const [code, touching] of adjacency) {
      expect(touching.size, code).toBeGreaterThan(0);
      for (const other of touching) expect(adjacency.get(other)!.has(code)).toBe(true);
    }
  });
});

describe("successions", () => {
  it("lists every successor of a council split between several", () => {
    expect(byCode.get("E10000021")!.replacedByCodes).toEqual(["E06000061", "E06000062"]);
    expect(byCode.get("E10000006")!.replacedByCodes).toEqual(["E06000063", "E06000064"]);
    expect(byCode.get("E07000190")!.replacedByCodes).toEqual(["E07000246"]);
    expect(byCode.get("E06000027")!.replacedByCodes).toEqual([]);
  });

  it("follow the design: effective the day after the end, shares by 2020 population", () => {
    const successions = deriveSuccessions(organisations);
    const from = (code: string) => successions.filter((s) => s.predecessorCode === code);
    for (const s of successions) {
      const predecessor = byCode.get(s.predecessorCode)!;
      const successor = byCode.get(s.successorCode)!;
      const dayAfter = new Date(Date.parse(`${predecessor.endDate}T00:00:00Z`) + 86_400_000);
      expect(s.effectiveDate).toBe(dayAfter.toISOString().slice(0, 10));
      expect(successor.startDate! <= s.effectiveDate, s.successorCode).toBe(true);
    }
    const predecessors = new Set(successions.map((s) => s.predecessorCode));
    for (const code of predecessors) {
      expect(
        from(code).reduce((sum, s) => sum + s.shareBp, 0),
        code,
      ).toBe(10_000);
    }
    expect(predecessors.size).toBe(
      organisations.filter((o) => o.replacedByCodes.length > 0).length,
    );

    // Northamptonshire split by population, the remainder on the larger (West).
    const [north, west] = from("E10000021");
    const nnt = byCode.get("E06000061")!.population!;
    const wnt = byCode.get("E06000062")!.population!;
    expect(north).toMatchObject({ successorCode: "E06000061", effectiveDate: "2021-04-01" });
    expect(north!.shareBp).toBe(Math.round((nnt / (nnt + wnt)) * 10_000));
    expect(west!.shareBp).toBe(10_000 - north!.shareBp);
    // A merger's single successor takes the whole; chains run on (Taunton Deane → Somerset).
    expect(from("E07000190")).toEqual([
      expect.objectContaining({
        successorCode: "E07000246",
        effectiveDate: "2019-04-01",
        shareBp: 10_000,
      }),
    ]);
    expect(from("E07000246")).toEqual([
      expect.objectContaining({
        successorCode: "E06000066",
        effectiveDate: "2023-04-01",
        shareBp: 10_000,
      }),
    ]);
  });

  it("date Dorset and Wiltshire Fire and Rescue Service from its formation in April 2016", () => {
    expect(byCode.get("fire:012")).toMatchObject({ startDate: "2016-04-01", endDate: null });
  });
});
