import { beforeAll, describe, expect, it } from "vitest";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { financialYearOf } from "@/lib/financial-year";
import { DEMO_TARGET, generateDemoArrangements, type DemoArrangement } from "@/db/seed/demo";
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

let organisations: ReferenceOrganisation[];
let byCode: Map<string, ReferenceOrganisation>;
let demo: DemoArrangement[];

beforeAll(() => {
  organisations = loadOrganisations();
  byCode = new Map(organisations.map((o) => [o.code, o]));
  demo = generateDemoArrangements({ organisations, categories: SERVICE_CATEGORIES });
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

describe("demo arrangements", () => {
  const councilCodes = (a: DemoArrangement) =>
    a.partners.map((p) => p.code).filter((c) => byCode.get(c)!.kind === "council");

  it("match the 2017 headline exactly: 486 arrangements and £643m", () => {
    expect(demo).toHaveLength(DEMO_TARGET.arrangements);
    const total = demo.flatMap((a) => a.savings).reduce((sum, s) => sum + s.amountPence, 0n);
    expect(total).toBe(64_300_000_000n);
  });

  it("involve at least 98% of the 353 councils, all of which existed then", () => {
    const involved = new Set(demo.flatMap(councilCodes));
    expect(involved.size).toBeGreaterThanOrEqual(346);
    expect(involved.size).toBeLessThan(353);
    for (const code of involved)
      expect(existedOn(byCode.get(code)!, "2018-04-01"), code).toBe(true);
  });

  it("are the same on every run", () => {
    const again = generateDemoArrangements({
      organisations: [...organisations].reverse(),
      categories: SERVICE_CATEGORIES,
    });
    expect(again).toEqual(demo);
  });

  it("flag every record but the three real ones as illustrative", () => {
    const real = demo.filter((a) => !a.isIllustrative);
    expect(real.map((a) => a.slug)).toEqual([
      "west-sussex-vulnerable-people-safe-at-home",
      "devon-and-somerset-trading-standards",
      "hub-procurement-services-brent-and-harrow",
    ]);
    const pence = (a: DemoArrangement) => a.savings.reduce((s, l) => s + l.amountPence, 0n);
    expect(pence(real[0]!)).toBe(0n);
    expect(real[0]!.revision.noSavingsReason).toMatch(/improve services/);
    expect(real[0]!.partners.map((p) => p.code)).toEqual(["E10000032", "fire:044"]);
    expect(pence(real[1]!)).toBe(100_000_000n);
    expect(real[1]!.revision.description).toContain("more than £1 million");
    expect(real[1]!.revision.benefits).toEqual(["customer-experience", "resilience"]);
    expect(pence(real[2]!)).toBe(50_000_000n);
    expect(real[2]!.revision.description).toContain("HuB Procurement Services");
    expect(demo.filter((a) => a.isIllustrative)).toHaveLength(483);
  });

  it("are well formed", () => {
    const slugs = new Set<string>();
    const categories = new Set<string>(SERVICE_CATEGORIES.map((c) => c.slug));
    for (const a of demo) {
      expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slugs.has(a.slug), a.slug).toBe(false);
      slugs.add(a.slug);

      expect(a.partners.length).toBeGreaterThanOrEqual(2);
      expect(a.partners.filter((p) => p.role === "lead")).toEqual([
        { code: a.leadCode, role: "lead" },
      ]);
      expect(new Set(a.partners.map((p) => p.code)).size).toBe(a.partners.length);
      for (const p of a.partners) expect(byCode.has(p.code), p.code).toBe(true);
      expect(byCode.get(a.leadCode)!.kind).toBe("council");

      const r = a.revision;
      expect(categories.has(r.mainCategorySlug)).toBe(true);
      for (const c of r.furtherCategorySlugs) {
        expect(categories.has(c)).toBe(true);
        expect(c).not.toBe(r.mainCategorySlug);
      }
      expect(r.reviewedAt.getTime()).toBeLessThan(Date.parse("2018-01-01T00:00:00Z"));
      if (r.startDate && r.stage !== "planned") {
        expect(r.reviewedAt.toISOString().slice(0, 10) >= r.startDate, a.slug).toBe(true);
      }
      if (r.endDate) expect(r.endDate >= r.startDate!).toBe(true);
      expect(r.stage === "ended").toBe(r.endDate !== null);
      expect(r.contactEmail).toMatch(/@([a-z0-9-]+\.gov\.uk\.example|example\.org)$/);

      const years = a.savings.map((s) => s.financialYear);
      expect(new Set(years).size).toBe(years.length);
      for (const s of a.savings) {
        expect(s.financialYear).toBeGreaterThanOrEqual(2012);
        expect(s.financialYear).toBeLessThanOrEqual(2017);
        expect(s.amountPence).toBeGreaterThan(0n);
        // A year still running when the record was approved can only be a forecast.
        if (s.kind === "actual") {
          expect(r.reviewedAt.toISOString().slice(0, 10) > `${s.financialYear + 1}-03-31`).toBe(
            true,
          );
        }
        if (r.startDate)
          expect(s.financialYear).toBeGreaterThanOrEqual(financialYearOf(r.startDate));
      }
      // Every record without a savings figure says why.
      expect(a.savings.length === 0).toBe(r.noSavingsReason !== null);
    }
  });

  it("look like the real pattern of sharing", () => {
    const illustrative = demo.filter((a) => a.isIllustrative);
    const withoutSavings = demo.filter((a) => a.savings.length === 0);
    expect(withoutSavings.length).toBeGreaterThanOrEqual(140);
    expect(withoutSavings.length).toBeLessThanOrEqual(160);

    const area = new Map<string, string>(SERVICE_CATEGORIES.map((c) => [c.slug, c.area]));
    const back = demo.filter((a) => area.get(a.revision.mainCategorySlug) === "back_office").length;
    const front = demo.length - back;
    expect(back / front).toBeGreaterThan(1.6);
    expect(back / front).toBeLessThan(2.4);

    const counts = new Map<string, number>();
    for (const a of demo) {
      counts.set(a.revision.mainCategorySlug, (counts.get(a.revision.mainCategorySlug) ?? 0) + 1);
    }
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([slug]) => slug);
    expect(ranked[0]).toBe("revenues-and-benefits");
    expect(ranked.slice(0, 6)).toEqual(
      expect.arrayContaining(["legal", "management-teams", "procurement-and-commissioning"]),
    );

    // Procurement and commissioning yield the largest savings per arrangement.
    const average = new Map<string, number>();
    for (const slug of counts.keys()) {
      const saving = demo.filter((a) => a.revision.mainCategorySlug === slug && a.savings.length);
      const total = saving.flatMap((a) => a.savings).reduce((s, l) => s + Number(l.amountPence), 0);
      average.set(slug, total / Math.max(1, saving.length));
    }
    const best = [...average].sort((a, b) => b[1] - a[1])[0]![0];
    expect(best).toBe("procurement-and-commissioning");

    // Districts share most with districts, then with their county or a unitary (92 to 56).
    const typeOf = (code: string) => byCode.get(code)!.councilType;
    let districtOnly = 0;
    let districtWithUpper = 0;
    for (const a of illustrative) {
      const types = new Set(councilCodes(a).map(typeOf));
      if (!types.has("NMD")) continue;
      if (types.size === 1) districtOnly++;
      else districtWithUpper++;
    }
    expect(districtOnly).toBeGreaterThan(districtWithUpper * 1.3);
    expect(districtWithUpper).toBeGreaterThan(districtOnly * 0.4);

    // Mostly two to four partners; stages mostly operational.
    const small = illustrative.filter((a) => a.partners.length <= 4).length;
    expect(small / illustrative.length).toBeGreaterThan(0.9);
    const operational = demo.filter((a) => a.revision.stage === "operational").length;
    expect(operational / demo.length).toBeGreaterThan(0.8);
    for (const kind of ["fire", "police", "health"] as const) {
      const share = demo.filter((a) => a.partners.some((p) => byCode.get(p.code)!.kind === kind));
      expect(share.length, kind).toBeGreaterThan(5);
      expect(share.length / demo.length, kind).toBeLessThan(0.1);
    }
  });

  it("join neighbours: councils that touch or share a county", () => {
    const adjacency = loadCouncilAdjacency(organisations);
    let pairs = 0;
    let near = 0;
    for (const a of demo.filter((d) => d.isIllustrative)) {
      const codes = councilCodes(a);
      for (let i = 0; i < codes.length; i++) {
        for (let j = i + 1; j < codes.length; j++) {
          const x = byCode.get(codes[i]!)!;
          const y = byCode.get(codes[j]!)!;
          pairs++;
          if (
            adjacency.get(x.code)?.has(y.code) ||
            (x.parentCode !== null && x.parentCode === y.parentCode) ||
            x.parentCode === y.code ||
            y.parentCode === x.code
          ) {
            near++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(800);
    expect(near / pairs).toBeGreaterThan(0.85);
  });

  it("spread savings realistically over 2012/13 to 2017/18", () => {
    const lines = demo.flatMap((a) => a.savings);
    const byYear = new Map<number, bigint>();
    for (const l of lines)
      byYear.set(l.financialYear, (byYear.get(l.financialYear) ?? 0n) + l.amountPence);
    // Savings grow as more arrangements start.
    expect(byYear.get(2017)! > byYear.get(2012)!).toBe(true);
    const forecastShare = (year: number) => {
      const inYear = lines.filter((l) => l.financialYear === year);
      return inYear.filter((l) => l.kind === "forecast").length / inYear.length;
    };
    expect(forecastShare(2017)).toBe(1);
    expect(forecastShare(2013)).toBeLessThan(forecastShare(2016));
    for (const l of lines) {
      expect(l.amountPence).toBeGreaterThanOrEqual(1_000_000n); // £10,000
      expect(l.amountPence).toBeLessThanOrEqual(700_000_000n); // £7m
    }
    const wholePounds = lines.filter((l) => l.amountPence % 100n === 0n).length;
    expect(wholePounds / lines.length).toBeGreaterThan(0.8);
  });
});
