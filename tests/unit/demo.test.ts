import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  buildDemo,
  DEMO_TODAY,
  generateDemoArrangements,
  realArrangements,
  registerFigures,
  standingOn,
  type DemoArrangement,
  type DemoBuild,
} from "@/db/seed/demo";
import {
  existedOn,
  loadCouncilAdjacency,
  loadOrganisations,
  type ReferenceOrganisation,
} from "@/db/seed/reference";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { londonToInstant } from "@/lib/editions/london-time";
import { LGA_EDITION_DAYS, lgaEditionRows } from "../support/lga-editions";

/*
 * The demo history (db/seed/demo): every LGA edition reproduced exactly at the moments the
 * issue 12 design names, through the rule (participation.ts); nobody named outside its lifetime;
 * histories that read like real edits; and the pattern of sharing the LGA found.
 */

// The whole history is generated and walked: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let organisations: ReferenceOrganisation[];
let byCode: Map<string, ReferenceOrganisation>;
let build: DemoBuild;
let demo: DemoArrangement[];

beforeAll(() => {
  organisations = loadOrganisations();
  byCode = new Map(organisations.map((o) => [o.code, o]));
  build = buildDemo({ organisations, categories: SERVICE_CATEGORIES });
  demo = build.arrangements;
});

const org = (code: string) => byCode.get(code)!;
const codes = (a: DemoArrangement) => a.partners.map((p) => p.code);
const last = (a: DemoArrangement) => a.revisions.at(-1)!;
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("the LGA's editions", () => {
  it("are each reproduced exactly: arrangements, savings to the penny, councils involved", () => {
    const rows = lgaEditionRows();
    expect(rows.map((r) => r["edition"])).toEqual([...LGA_EDITION_DAYS.keys()]);
    for (const row of rows) {
      const on = LGA_EDITION_DAYS.get(row["edition"]!)!;
      const f = registerFigures(build.rule, demo, londonToInstant(on, "23:59"), on);
      const label = `edition ${row["edition"]}`;
      expect(f.arrangements, label).toBe(Number(row["arrangements"]));
      expect(f.totalPence, label).toBe(BigInt(row["cumulative_savings_gbp"]!) * 100n);
      expect(f.actualPence + f.forecastPence, label).toBe(f.totalPence);
      if (row["councils_sharing"]) {
        expect(f.councilsInvolved, label).toBeGreaterThanOrEqual(Number(row["councils_sharing"]));
      }
      if (row["councils_sharing_pct"]) {
        const pct = Number(row["councils_sharing_pct"]);
        expect(f.councilsInvolved * 100, label).toBeGreaterThanOrEqual(pct * f.councilsExisting);
      }
    }
  });

  it("count the councils of each date: 353 before April 2019, 343 in July 2019", () => {
    const on = (d: string) => registerFigures(build.rule, demo, londonToInstant(d, "23:59"), d);
    expect(on("2017-12-31").councilsExisting).toBe(353);
    expect(on("2019-07-31").councilsExisting).toBe(343);
  });

  it("put nearly £200m (£190m–£200m) in 2018/19 by July 2019", () => {
    const f = registerFigures(
      build.rule,
      demo,
      londonToInstant("2019-07-31", "23:59"),
      "2019-07-31",
    );
    const year = f.byYear.get(2018)!;
    expect(year).toBeGreaterThanOrEqual(19_000_000_000n);
    expect(year).toBeLessThanOrEqual(20_000_000_000n);
  });

  it("come from a history that begins in 2012, with savings lines from 2012/13", () => {
    const first = demo.map((a) => a.revisions[0]!.reviewedAt.getTime());
    expect(day(new Date(Math.min(...first))) >= "2012-01-01").toBe(true);
    expect(day(new Date(Math.min(...first))) < "2012-04-01").toBe(true);
    const years = demo.flatMap((a) =>
      a.revisions.flatMap((r) => r.savings.map((s) => s.financialYear)),
    );
    expect(Math.min(...years)).toBe(2012);
  });

  it("were hit with savings factors close to one another, so amounts stay plausible", () => {
    const factors = build.calibration.flatMap((c) => [c.factor, c.annualFactor ?? c.factor]);
    for (const f of factors) {
      expect(f).toBeGreaterThan(0.6);
      expect(f).toBeLessThan(1.6);
    }
    for (let i = 1; i < build.calibration.length; i++) {
      const ratio = build.calibration[i]!.factor / build.calibration[i - 1]!.factor;
      expect(ratio).toBeGreaterThan(0.6);
      expect(ratio).toBeLessThan(1.65);
    }
  });
});

describe("lifetimes", () => {
  it("name every organisation only within its lifetime, on every revision", () => {
    const outside: string[] = [];
    for (const a of demo) {
      const firstDay = day(a.revisions[0]!.reviewedAt);
      for (const r of a.revisions) {
        for (const code of codes(a)) {
          if (!existedOn(org(code), r.startDate ?? firstDay) || !existedOn(org(code), firstDay)) {
            outside.push(`${a.slug} v${r.version}: ${code}`);
          }
        }
      }
    }
    expect(outside).toEqual([]);
  });

  it("name no integrated care board before ICBs began on 1 July 2022", () => {
    const health = demo.filter((a) => codes(a).some((c) => org(c).kind === "health"));
    expect(health.length).toBeGreaterThan(5);
    for (const a of health) {
      expect(a.revisions[0]!.reviewedAt >= new Date("2022-07-01T00:00:00+01:00"), a.slug).toBe(
        true,
      );
      for (const r of a.revisions) expect(r.startDate! >= "2022-07-01", a.slug).toBe(true);
    }
  });

  it("bring every council formed since 2019 into a running, shared arrangement today", () => {
    const today = new Set<string>();
    for (const a of demo) {
      const s = standingOn(build.rule, codes(a), last(a), DEMO_TODAY);
      if (s.running && !s.internal) s.participants.forEach((p) => today.add(p.code));
    }
    const formed = organisations.filter(
      (o) => o.kind === "council" && o.startDate! >= "2019-04-01" && existedOn(o, DEMO_TODAY),
    );
    expect(formed.length).toBe(11);
    for (const c of formed) expect(today.has(c.code), c.name).toBe(true);
    // Named directly too, so even a page that ignores successions shows them taking part.
    const named = new Set(demo.flatMap(codes));
    for (const c of formed) expect(named.has(c.code), c.name).toBe(true);
  });
});

describe("approval histories", () => {
  it("number revisions 1..n, approved in turn, each submitted a few days before", () => {
    for (const a of demo) {
      a.revisions.forEach((r, i) => {
        expect(r.version).toBe(i + 1);
        const previous = a.revisions[i - 1];
        if (previous) expect(r.submittedAt > previous.reviewedAt, a.slug).toBe(true);
        expect(r.submittedAt < r.reviewedAt, a.slug).toBe(true);
        expect(r.reviewedAt.getTime() - r.submittedAt.getTime()).toBeLessThanOrEqual(
          10 * 86_400_000,
        );
      });
      expect(day(last(a).reviewedAt) < DEMO_TODAY, a.slug).toBe(true);
    }
    expect(demo.filter((a) => a.revisions.length > 1).length / demo.length).toBeGreaterThan(0.8);
  });

  it("record savings as they could be known: actuals only for years that had ended", () => {
    const problems: string[] = [];
    const yearEnd = (fy: number) => `${fy + 1}-03-31`;
    for (const a of demo) {
      let actual = new Map<number, bigint>();
      for (const r of a.revisions) {
        const approved = day(r.reviewedAt);
        const problem = (what: string) => problems.push(`${a.slug} v${r.version}: ${what}`);
        if (new Set(r.savings.map((s) => s.financialYear)).size !== r.savings.length) {
          problem("a year twice");
        }
        if ((r.savings.length === 0) !== (r.noSavingsReason !== null)) problem("reason");
        for (const s of r.savings) {
          if (s.amountPence <= 0n) problem(`${s.financialYear} not positive`);
          if (s.kind === "actual" && approved <= yearEnd(s.financialYear)) {
            problem(`${s.financialYear} actual before the year ended`);
          }
          // A confirmed year stays confirmed, at the same amount.
          const was = actual.get(s.financialYear);
          if (was !== undefined && (s.kind !== "actual" || s.amountPence !== was)) {
            problem(`${s.financialYear} changed after it was confirmed`);
          }
        }
        actual = new Map(
          r.savings.filter((s) => s.kind === "actual").map((s) => [s.financialYear, s.amountPence]),
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it("change like real edits: confirmed forecasts, new years, stages, words", () => {
    let confirmed = 0;
    let confirmedDifferently = 0;
    let addedYears = 0;
    let started = 0;
    let ended = 0;
    let reworded = 0;
    for (const a of demo) {
      a.revisions.slice(1).forEach((r, i) => {
        const before = a.revisions[i]!;
        const was = new Map(before.savings.map((s) => [s.financialYear, s]));
        for (const s of r.savings) {
          const old = was.get(s.financialYear);
          if (!old) addedYears++;
          else if (old.kind === "forecast" && s.kind === "actual") {
            confirmed++;
            if (old.amountPence !== s.amountPence) confirmedDifferently++;
          }
        }
        if (before.stage === "planned" && r.stage === "operational") started++;
        if (before.stage !== "ended" && r.stage === "ended") {
          ended++;
          expect(r.endDate, a.slug).not.toBeNull();
        }
        if (before.description !== r.description) reworded++;
        // Stages only move forward, and the partners never change (they are the arrangement's).
        expect(["planned", "operational", "ended"].indexOf(r.stage)).toBeGreaterThanOrEqual(
          ["planned", "operational", "ended"].indexOf(before.stage),
        );
      });
    }
    expect(confirmed).toBeGreaterThan(2000);
    expect(confirmedDifferently / confirmed).toBeGreaterThan(0.5);
    expect(confirmedDifferently / confirmed).toBeLessThan(0.9);
    expect(addedYears).toBeGreaterThan(1000);
    expect(started).toBeGreaterThan(20);
    expect(ended).toBeGreaterThan(50);
    expect(reworded).toBeGreaterThan(500);
  });
});

describe("the register today (2 December 2026)", () => {
  it("kept growing after July 2019 at 30 to 60 new arrangements a year", () => {
    const firstYear = (a: DemoArrangement) => a.revisions[0]!.reviewedAt.getUTCFullYear();
    for (let year = 2020; year <= 2025; year++) {
      const made = demo.filter((a) => firstYear(a) === year).length;
      expect(made, String(year)).toBeGreaterThanOrEqual(30);
      expect(made, String(year)).toBeLessThanOrEqual(60);
    }
    expect(build.today.published).toBe(demo.length);
  });

  it("shows arrangements that ended and ones that became internal through mergers", () => {
    const t = build.today;
    expect(t.ended).toBeGreaterThan(40);
    expect(t.internal).toBeGreaterThan(10);
    expect(t.arrangements).toBe(t.published - t.internal);
    const standing = (slug: string) => {
      const a = demo.find((x) => x.slug === slug)!;
      return standingOn(build.rule, codes(a), last(a), DEMO_TODAY);
    };
    // Taunton Deane and West Somerset shared a management team, then merged (2019), and went
    // on into Somerset Council (2023). internal_from is the latest succession used to reach the
    // one council (the design's definition), so today it is 2023 and in 2020 it was 2019.
    const taunton = "shared-management-team-taunton-deane-and-west-somerset";
    expect(standing(taunton)).toMatchObject({ internal: true, internalFrom: "2023-04-01" });
    const a = demo.find((x) => x.slug === taunton)!;
    expect(standingOn(build.rule, codes(a), last(a), "2020-06-01")).toMatchObject({
      internal: true,
      internalFrom: "2019-04-01",
    });
    // Christchurch went to BCP and East Dorset to Dorset Council: still shared.
    const split = standing("shared-management-team-christchurch-and-east-dorset");
    expect(split.internal).toBe(false);
    expect(split.participants.map((p) => p.code).sort()).toEqual(["E06000058", "E06000059"]);
  });

  it("leaves some forecasts for past years unconfirmed, but in few arrangements", () => {
    const t = build.today;
    const withSavings = demo.filter((a) => last(a).savings.length > 0).length;
    expect(t.unconfirmedArrangements).toBeGreaterThan(20);
    expect(t.unconfirmedArrangements / withSavings).toBeLessThan(0.2);
    expect(t.unconfirmedPence * 20n).toBeLessThan(t.totalPence);
  });

  it("involves nearly every council existing today", () => {
    expect(build.today.councilsExisting).toBe(317);
    expect(build.today.councilsInvolved * 100).toBeGreaterThanOrEqual(95 * 317);
  });
});

describe("real and illustrative records", () => {
  it("keep the three real arrangements, unchanged and not illustrative", () => {
    const real = demo.filter((a) => !a.isIllustrative);
    expect(real).toEqual(realArrangements());
    expect(real.map((a) => a.slug)).toEqual([
      "west-sussex-vulnerable-people-safe-at-home",
      "devon-and-somerset-trading-standards",
      "hub-procurement-services-brent-and-harrow",
    ]);
    const pence = (a: DemoArrangement) => last(a).savings.reduce((s, l) => s + l.amountPence, 0n);
    expect(pence(real[0]!)).toBe(0n);
    expect(last(real[0]!).noSavingsReason).toMatch(/improve services/);
    expect(codes(real[0]!)).toEqual(["E10000032", "fire:044"]);
    expect(pence(real[1]!)).toBe(100_000_000n);
    expect(last(real[1]!).description).toContain("more than £1 million");
    expect(pence(real[2]!)).toBe(50_000_000n);
    expect(last(real[2]!).description).toContain("HuB Procurement Services");
  });

  it("are the same on every run, whatever order the organisations come in", () => {
    const again = generateDemoArrangements({
      organisations: [...organisations].reverse(),
      categories: SERVICE_CATEGORIES,
    });
    expect(again).toEqual(demo);
  });

  it("are well formed: unique slugs, one lead first, known organisations and categories", () => {
    const slugs = new Set<string>();
    const categories = new Set<string>(SERVICE_CATEGORIES.map((c) => c.slug));
    for (const a of demo) {
      expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slugs.has(a.slug), a.slug).toBe(false);
      slugs.add(a.slug);
      expect(a.partners.length).toBeGreaterThanOrEqual(2);
      expect(a.partners[0]).toEqual({ code: a.leadCode, role: "lead" });
      expect(a.partners.slice(1).every((p) => p.role === "partner")).toBe(true);
      expect(new Set(codes(a)).size).toBe(a.partners.length);
      expect(org(a.leadCode).kind).toBe("council");
      for (const r of a.revisions) {
        expect(categories.has(r.mainCategorySlug)).toBe(true);
        expect(r.furtherCategorySlugs).not.toContain(r.mainCategorySlug);
        expect(r.stage === "ended").toBe(r.endDate !== null);
        expect(r.contactEmail).toMatch(/@([a-z0-9-]+\.gov\.uk\.example|example\.org)$/);
      }
    }
  });
});

describe("the pattern of sharing", () => {
  const published = () => demo.map(last);

  it("records no savings figure, with a reason, for over 150; a fifth set up to improve", () => {
    const improve = (reason: string | null) =>
      reason !== null && /improve|better, more resilient|joined-up/i.test(reason);
    expect(published().filter((r) => r.savings.length === 0).length).toBeGreaterThan(150);
    for (const asOf of ["2017-12-31T23:59:00Z", "2018-06-30T22:59:00Z", "2026-12-02T12:00:00Z"]) {
      const then = demo
        .map((a) => a.revisions.filter((r) => r.reviewedAt <= new Date(asOf)).at(-1))
        .filter((r) => r !== undefined);
      const share = then.filter((r) => improve(r.noSavingsReason)).length / then.length;
      expect(share, asOf).toBeGreaterThanOrEqual(0.2);
      expect(share, asOf).toBeLessThan(0.27);
    }
    const in2017 = demo
      .map((a) =>
        a.revisions.filter((r) => r.reviewedAt <= new Date("2017-12-31T23:59:00Z")).at(-1),
      )
      .filter((r) => r !== undefined);
    expect(in2017.filter((r) => r.savings.length === 0).length).toBeGreaterThan(150);
  });

  it("shares back office about twice as often as front line, revenues and benefits most", () => {
    const area = new Map<string, string>(SERVICE_CATEGORIES.map((c) => [c.slug, c.area]));
    const back = published().filter((r) => area.get(r.mainCategorySlug) === "back_office").length;
    const ratio = back / (demo.length - back);
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.4);
    const counts = new Map<string, number>();
    for (const r of published())
      counts.set(r.mainCategorySlug, (counts.get(r.mainCategorySlug) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([slug]) => slug);
    expect(ranked[0]).toBe("revenues-and-benefits");
    expect(ranked.slice(0, 6)).toEqual(
      expect.arrayContaining(["legal", "management-teams", "procurement-and-commissioning"]),
    );
  });

  it("saves most through procurement and commissioning", () => {
    const average = new Map<string, number>();
    for (const slug of new Set(published().map((r) => r.mainCategorySlug))) {
      const saving = published().filter((r) => r.mainCategorySlug === slug && r.savings.length);
      const total = saving.flatMap((r) => r.savings).reduce((s, l) => s + Number(l.amountPence), 0);
      average.set(slug, total / Math.max(1, saving.length));
    }
    expect([...average].sort((a, b) => b[1] - a[1])[0]![0]).toBe("procurement-and-commissioning");
  });

  it("joins districts with districts most, then with their county or a unitary", () => {
    let districtOnly = 0;
    let districtWithUpper = 0;
    for (const a of demo.filter((x) => x.isIllustrative)) {
      const types = new Set(
        codes(a)
          .map(org)
          .filter((o) => o.kind === "council")
          .map((o) => o.councilType),
      );
      if (!types.has("NMD")) continue;
      if (types.size === 1) districtOnly++;
      else districtWithUpper++;
    }
    expect(districtOnly).toBeGreaterThan(districtWithUpper * 1.3);
    expect(districtWithUpper).toBeGreaterThan(districtOnly * 0.4);
    const small = demo.filter((a) => a.partners.length <= 4).length;
    expect(small / demo.length).toBeGreaterThan(0.9);
    for (const kind of ["fire", "police", "health"] as const) {
      const share = demo.filter((a) => codes(a).some((c) => org(c).kind === kind)).length;
      expect(share, kind).toBeGreaterThan(5);
      expect(share / demo.length, kind).toBeLessThan(0.1);
    }
  });

  it("joins neighbours: councils that touch or share a county", () => {
    const adjacency = new Map<number, Map<string, Set<string>>>();
    const touching = (year: number) => {
      if (!adjacency.has(year)) adjacency.set(year, loadCouncilAdjacency(organisations, year));
      return adjacency.get(year)!;
    };
    let pairs = 0;
    let near = 0;
    for (const a of demo.filter((d) => d.isIllustrative)) {
      const first = day(a.revisions[0]!.reviewedAt);
      const year =
        first < "2019-04-01"
          ? 2018
          : first < "2020-04-01"
            ? 2019
            : first < "2021-04-01"
              ? 2020
              : first < "2023-04-01"
                ? 2021
                : 2023;
      const councils = codes(a).filter((c) => org(c).kind === "council");
      for (let i = 0; i < councils.length; i++) {
        for (let j = i + 1; j < councils.length; j++) {
          const x = org(councils[i]!);
          const y = org(councils[j]!);
          pairs++;
          if (
            touching(year).get(x.code)?.has(y.code) ||
            (x.parentCode !== null && x.parentCode === y.parentCode) ||
            x.parentCode === y.code ||
            y.parentCode === x.code
          ) {
            near++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(1500);
    expect(near / pairs).toBeGreaterThan(0.85);
  });

  it("keeps savings lines between £10,000 and £7m, mostly in whole pounds, growing over time", () => {
    const lines = published().flatMap((r) => r.savings);
    for (const l of lines) {
      expect(l.amountPence).toBeGreaterThanOrEqual(1_000_000n);
      expect(l.amountPence).toBeLessThanOrEqual(700_000_000n);
    }
    expect(lines.filter((l) => l.amountPence % 100n === 0n).length / lines.length).toBeGreaterThan(
      0.8,
    );
    const byYear = build.today.byYear;
    expect(byYear.get(2025)! > byYear.get(2019)!).toBe(true);
    expect(byYear.get(2019)! > byYear.get(2012)!).toBe(true);
    const operational = published().filter((r) => r.stage === "operational").length;
    expect(operational / demo.length).toBeGreaterThan(0.8);
  });
});
