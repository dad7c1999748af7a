process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { getCouncilPage, type CouncilPage } from "@/lib/councils/council-page";
import { getMapModel } from "@/lib/councils/map";
import { today } from "@/lib/clock";
import { classIndex, defaultMapOptions, MAP_CLASSES } from "@/lib/councils/map-options";
import { sql as dsql } from "drizzle-orm";
import { db } from "@/db/client";
import { perResidentText } from "@/lib/councils/population";
import { registerFigures, registerOnDay } from "@/lib/public/register";
import { equalShares } from "@/lib/public/shares";
import { testDatabase } from "../support/db";
import {
  expectedCouncilFigures,
  expectedCouncilNetwork,
  expectedCouncilRows,
  expectedCouncilYears,
  registerYears,
  expectedShares,
} from "../support/expected-figures";
import { fixtureTag, makeArrangement, removeArrangements } from "../support/register-fixtures";

/*
 * The map's figures and the council pages against the database. Expected figures come from SQL
 * written here, independently of lib/: published means the arrangement's published revision is
 * approved; savings are summed from the savings lines themselves (not the trigger-kept total).
 */

const { sql } = testDatabase();
const tag = fixtureTag();

const expectedFigures = (day: string) => expectedCouncilFigures(sql, day);

async function found(code: string): Promise<CouncilPage> {
  const result = await getCouncilPage(code);
  if (result.kind !== "found") throw new Error(`${code}: ${result.kind}`);
  return result.page;
}

beforeAll(async () => {
  // Devon leads; Somerset and East Devon take part. One published, the others never public.
  await makeArrangement(sql, tag, {
    title: `Councils test published ${tag}`,
    lead: "E10000008",
    partners: ["E10000027", "E07000040"],
    category: "legal",
    savings: [
      { year: 2016, pence: 123_456_78n },
      { year: 2017, pence: 1_000_01n, kind: "forecast" },
    ],
  });
  for (const state of ["draft", "submitted", "rejected"] as const) {
    await makeArrangement(sql, tag, {
      title: `Councils test ${state} ${tag}`,
      lead: "E10000008",
      partners: ["E07000040"],
      category: "legal",
      savings: [{ year: 2016, pence: 999_999_99n }],
      state,
    });
  }
});

afterAll(async () => {
  await removeArrangements(sql, tag);
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

describe("shares of an arrangement's savings", () => {
  it("add up exactly to each arrangement's savings that count, on three days, as SQL gives them", async () => {
    for (const day of ["2016-04-01", "2019-04-01", today()]) {
      const expected = await expectedShares(sql, day);
      const rows = await db().execute<{
        arrangement_id: number;
        code: string;
        share_pence: string;
        counted_pence: string;
      }>(dsql`WITH register AS (${registerOnDay(day)})
        SELECT s.arrangement_id, o.code, s.share_pence::text AS share_pence,
               r.counted_pence::text AS counted_pence
        FROM (${equalShares(day)}) s
        JOIN organisations o ON o.id = s.organisation_id
        JOIN register r ON r.arrangement_id = s.arrangement_id`);
      const sums = new Map<number, bigint>();
      for (const row of rows) {
        const e = expected.get(row.arrangement_id)!;
        expect([day, row.arrangement_id, row.code, BigInt(row.share_pence)]).toEqual([
          day,
          row.arrangement_id,
          row.code,
          e.shares.get(row.code),
        ]);
        expect(BigInt(row.counted_pence)).toBe(e.pence);
        sums.set(
          row.arrangement_id,
          (sums.get(row.arrangement_id) ?? 0n) + BigInt(row.share_pence),
        );
      }
      expect(sums.size).toBe(expected.size);
      for (const [id, e] of expected) expect([id, sums.get(id)]).toEqual([id, e.pence]);
    }
  });
});

describe("map figures", () => {
  const thisYear = Number(today().slice(0, 4));

  it("give every council drawn the figures of the rule on the year's day, in every view", async () => {
    for (const [options, day] of [
      [{ ...defaultMapOptions(), year: 2018 }, "2018-04-01"],
      [{ ...defaultMapOptions(), year: 2025, tier: "upper", measure: "savings" }, "2025-04-01"],
      [{ ...defaultMapOptions(), view: "hex" }, today()],
    ] as const) {
      const expected = await expectedFigures(day);
      const model = await getMapModel(options);
      expect(model.day).toBe(day);
      expect(model.unresolved).toEqual([]);
      for (const area of model.areas) {
        const e = expected.get(area.code) ?? { arrangements: 0, via: 0, pence: 0n, share: 0n };
        expect([
          area.code,
          area.arrangements,
          area.viaArrangements,
          area.totalPence,
          area.sharePence,
        ]).toEqual([area.code, e.arrangements, e.via, e.pence, e.share]);
        expect(area.classIndex).toBe(
          classIndex(options.measure, { arrangements: e.arrangements, totalPence: e.pence }),
        );
      }
      // The legend's counts add up to the councils drawn.
      expect(model.classCounts.reduce((s, n) => s + n, 0)).toBe(model.areas.length);
      expect(model.classCounts).toHaveLength(MAP_CLASSES[options.measure].length);
    }
  });

  it("opens on this year, read today, successors carrying their predecessors' arrangements", async () => {
    const model = await getMapModel(defaultMapOptions());
    expect(model.options.year).toBe(thisYear);
    expect(model.day).toBe(today());
    // Councils formed since 2019 are not empty where their predecessors shared.
    const byCode = new Map(model.areas.map((a) => [a.code, a]));
    for (const code of ["E06000063", "E06000064", "E06000061", "E06000062", "E06000066"]) {
      expect(byCode.get(code)?.arrangements, code).toBeGreaterThan(0);
      expect(byCode.get(code)?.viaArrangements, code).toBeGreaterThan(0);
    }
    expect(byCode.get("E06000063")!.label).toMatch(
      /^Cumberland Council: \d+ arrangements? \(\d+ through councils it replaced\), /,
    );
  });

  it("counts the arrangements involving the councils drawn once each, beside the register's", async () => {
    const model = await getMapModel({ ...defaultMapOptions(), year: 2018 });
    const codes = model.areas.map((a) => a.code);
    const [row] = await sql<{ arrangements: number; illustrative: number; pence: string }[]>`
      with st as (select * from register_standing('2018-04-01'::date))
      select count(*) filter (where not st.internal)::int as arrangements,
             count(*) filter (where a.is_illustrative and not st.internal)::int as illustrative,
             coalesce(sum((select sum(amount_pence) from revision_savings s
                           where s.revision_id = st.revision_id
                             and (st.internal_from is null
                                  or make_date(s.financial_year, 4, 1) < st.internal_from))), 0)::text as pence
      from st join arrangements a on a.id = st.arrangement_id
      where exists (select 1 from register_participants('2018-04-01'::date) x
                    join organisations o on o.id = x.organisation_id
                    where x.arrangement_id = st.arrangement_id and o.code in ${sql(codes)})`;
    expect(model.involved).toMatchObject({
      arrangements: row!.arrangements,
      illustrative: row!.illustrative,
      totalPence: BigInt(row!.pence),
    });
    expect(model.register).toEqual(await registerFigures("2018-04-01"));
  });

  it("counts a published arrangement for each council taking part, and nothing unpublished", async () => {
    const model = await getMapModel(defaultMapOptions());
    const byCode = new Map(model.areas.map((a) => [a.code, a]));
    const eastDevon = byCode.get("E07000040")!;
    // East Devon takes part in the published arrangement and in three unpublished ones.
    const expected = await expectedFigures(today());
    const [own] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangements a where a.slug like ${`${tag}-%`}
        and a.published_revision_id is not null`;
    expect(own!.n).toBe(1);
    expect(eastDevon.arrangements).toBe(expected.get("E07000040")!.arrangements);
    expect(eastDevon.label).toMatch(/^East Devon District Council: \d+ arrangements?, /);
  });

  it("names an area without arrangements as such", async () => {
    const model = await getMapModel(defaultMapOptions());
    const expected = await expectedFigures(today());
    // Not every council shares: the demo data leaves a couple out of every arrangement.
    const none = model.areas.filter((a) => a.arrangements === 0 && a.totalPence === 0n);
    expect(none.length).toBeGreaterThan(0);
    for (const area of none) {
      expect(area.label).toBe(`${area.name}: no published arrangements`);
      expect(area.classIndex).toBe(0);
      expect(expected.get(area.code)?.arrangements ?? 0).toBe(0);
    }
  });
});

describe("council pages", () => {
  it("show the figures, arrangements and network of the rule today, successors' via", async () => {
    const day = today();
    const byCode = await expectedCouncilFigures(sql, day);
    // Devon, East Devon, Brent, and Cumberland (formed in 2023 from Allerdale and others).
    for (const code of ["E10000008", "E07000040", "E09000005", "E06000063"]) {
      const page = await found(code);
      expect(page.day).toBe(day);
      expect(page.ceased).toBe(false);
      const e = byCode.get(code)!;
      const rows = await expectedCouncilRows(sql, code, day);
      const shared = rows.filter((r) => !r.internal);
      expect(page.totals).toMatchObject({
        arrangements: e.arrangements,
        via: e.via,
        totalPence: e.pence,
        sharePence: e.share,
        asLead: shared.filter((r) => r.role === "lead").length,
        asPartner: shared.filter((r) => r.role === "partner").length,
        internal: rows.length - shared.length,
      });
      expect(page.arrangements.map((a) => [a.slug, a.role]).sort()).toEqual(
        rows.map((r) => [r.slug, r.role]).sort(),
      );

      const network = await expectedCouncilNetwork(sql, code, day);
      expect(
        page.network
          .map((p) => [p.code, p.arrangements])
          .sort(([a], [b]) => String(a).localeCompare(String(b))),
      ).toEqual(
        network.map((n) => [n.code, n.n]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      );
      // Most shared first.
      const counts = page.network.map((p) => p.arrangements);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    // Cumberland carries on Allerdale's arrangements, naming it.
    const cumberland = await found("E06000063");
    expect(cumberland.totals.via).toBeGreaterThan(0);
    expect(
      cumberland.arrangements
        .filter((a) => a.role === "via")
        .flatMap((a) => a.via.map((v) => v.code)),
    ).toContain("E07000026");
  });

  it("give its savings by financial year as SQL does, adding up to its savings figure", async () => {
    const day = today();
    // Devon, East Devon, Brent, Cumberland (carrying on Allerdale's), and Allerdale itself.
    for (const [code, ceased] of [
      ["E10000008", false],
      ["E07000040", false],
      ["E09000005", false],
      ["E06000063", false],
      ["E07000026", true],
    ] as const) {
      const page = await found(code);
      expect(page.ceased).toBe(ceased);
      const years = await expectedCouncilYears(sql, code, day, { ceased });
      expect(years.length, code).toBeGreaterThan(3);
      expect(page.years, code).toEqual(registerYears(years));
      // The same arrangements and lines as the headline figure above the chart.
      expect(years.at(-1)!.cumulativePence, code).toBe(page.totals.totalPence);
    }
    // This test's arrangement is in Devon's years, to the penny.
    const devon = await found("E10000008");
    const without = await sql<{ y2016: string }[]>`
      select coalesce(sum(s.amount_pence), 0)::text as y2016
      from (select distinct arrangement_id from register_participants(${day}::date)
            where organisation_id = ${devon.council.id}) x
      join register_standing(${day}::date) st using (arrangement_id)
      join revision_savings s on s.revision_id = st.revision_id
      join arrangements a on a.id = st.arrangement_id
      where s.financial_year = 2016
        and s.kind = 'actual' and a.slug not like ${`%${tag}%`}
        and (st.internal_from is null or make_date(s.financial_year, 4, 1) < st.internal_from)`;
    const y2016 = devon.years.find((y) => y.financialYear === 2016)!;
    expect(y2016.actualPence - BigInt(without[0]!.y2016)).toBe(123_456_78n);
  });

  it("list a ceased council's recorded arrangements as they stand today", async () => {
    const allerdale = await found("E07000026");
    expect(allerdale.ceased).toBe(true);
    const rows = await sql<{ slug: string }[]>`
      select a.slug from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join revision_partners rp on rp.revision_id = r.id
      where rp.organisation_id = ${allerdale.council.id}`;
    expect(rows.length).toBeGreaterThan(0);
    expect(allerdale.arrangements.map((a) => a.slug).sort()).toEqual(
      rows.map((r) => r.slug).sort(),
    );
    expect(allerdale.arrangements.every((a) => a.role !== "via")).toBe(true);
  });

  it("count this test's published arrangement for each of its councils, once", async () => {
    const devon = await found("E10000008");
    const mine = devon.arrangements.filter((a) => a.title.endsWith(tag));
    expect(mine.map((a) => a.title)).toEqual([`Councils test published ${tag}`]);
    expect(mine[0]!.totalPence).toBe(123_456_78n + 1_000_01n);
    expect(mine[0]!.role).toBe("lead");
    expect(mine[0]!.organisations).toBe(3);
    const somerset = await found("E10000027");
    expect(somerset.arrangements.find((a) => a.title.endsWith(tag))?.role).toBe("partner");
    expect(somerset.network.find((p) => p.code === "E10000008")!.arrangements).toBeGreaterThan(0);
  });

  it("give this test's arrangement's councils equal shares, the remainder pennies lead first", async () => {
    // 12,445,679p among the three taking part today: 4,148,559p each and two pennies over, to
    // Devon (the lead) and then Somerset Council (E06000066, through Somerset County Council,
    // which ceased in 2023), whose code comes before East Devon's E07000040.
    const shareOf = async (code: string) =>
      (await found(code)).arrangements.find((a) => a.title.endsWith(tag))!.sharePence;
    expect(await shareOf("E10000008")).toBe(4_148_560n);
    expect(await shareOf("E06000066")).toBe(4_148_560n);
    expect(await shareOf("E07000040")).toBe(4_148_559n);
    // Somerset County Council itself has ceased: it takes part in nothing, so has no share.
    expect(await shareOf("E10000027")).toBeNull();
  });

  it("give each arrangement's shares as SQL does, on any council page", async () => {
    const day = today();
    const shares = await expectedShares(sql, day);
    for (const code of ["E10000008", "E07000040", "E09000005", "E06000063"]) {
      const page = await found(code);
      for (const a of page.arrangements) {
        const [row] = await sql<
          { id: number }[]
        >`select id from arrangements where slug = ${a.slug}`;
        expect([a.slug, a.sharePence]).toEqual([a.slug, shares.get(row!.id)!.shares.get(code)]);
      }
    }
  });

  it("give savings per resident as SQL does: its share over its population, to the penny", async () => {
    const day = today();
    const byCode = await expectedCouncilFigures(sql, day);
    for (const code of ["E10000008", "E07000040", "E09000005", "E06000063"]) {
      const page = await found(code);
      const [row] = await sql<{ population: number; per_resident: string }[]>`
        select population,
               round(${byCode.get(code)!.share.toString()}::numeric / population)::text as per_resident
        from organisations where code = ${code}`;
      const pence = BigInt(row!.per_resident);
      const pounds = `£${(pence / 100n).toLocaleString("en-GB")}${pence % 100n === 0n ? "" : `.${(pence % 100n).toString().padStart(2, "0")}`}`;
      expect(perResidentText(page.totals.sharePence, page.council.population)).toBe(
        `${pounds} per resident`,
      );
      expect(page.council.population).toBe(row!.population);
    }
  });

  it("say what a former council became, naming every successor of a split", async () => {
    const allerdale = await found("E07000026");
    expect(allerdale.council.endDate).toBe("2023-03-31");
    expect(allerdale.successors).toEqual([
      {
        code: "E06000063",
        name: "Cumberland Council",
        effectiveDate: "2023-04-01",
        shareBp: 10_000,
      },
    ]);
    expect(allerdale.parent?.code).toBe("E10000006");

    const northamptonshire = await found("E10000021");
    expect(northamptonshire.successors.map((s) => [s.name, s.effectiveDate])).toEqual([
      ["North Northamptonshire Council", "2021-04-01"],
      ["West Northamptonshire Council", "2021-04-01"],
    ]);
    // A split's shares are the successors' parts of the whole, by population.
    expect(northamptonshire.successors.reduce((n, s) => n + s.shareBp, 0)).toBe(10_000);
    const cumbria = await found("E10000006");
    expect(cumbria.successors.map((s) => s.code)).toEqual(["E06000063", "E06000064"]);

    const cumberland = await found("E06000063");
    expect(cumberland.council.endDate).toBeNull();
    expect(cumberland.successors).toEqual([]);
    const [predecessors] = await sql<{ codes: string[] }[]>`
      select coalesce(array_agg(o.code order by o.code), '{}') as codes
      from organisation_successions s join organisations o on o.id = s.predecessor_id
      where s.successor_id = (select id from organisations where code = 'E06000063')`;
    expect(cumberland.predecessors.map((p) => p.code).sort()).toEqual(predecessors!.codes);
    // The six districts and its part of the county.
    expect(predecessors!.codes).toEqual(expect.arrayContaining(["E07000026", "E10000006"]));
    expect(predecessors!.codes).toHaveLength(4);
  });

  it("send old and lower-case codes to the council's address, and refuse what is not a council", async () => {
    expect(await getCouncilPage("e07000026")).toEqual({ kind: "moved", code: "E07000026" });
    // East Hertfordshire's code before 2014.
    expect(await getCouncilPage("E07000097")).toEqual({ kind: "moved", code: "E07000242" });
    // The boundaries' 2025 code for Barnsley.
    expect(await getCouncilPage("E08000038")).toEqual({ kind: "moved", code: "E08000016" });
    expect(await getCouncilPage("E99999999")).toEqual({ kind: "missing" });
    expect(await getCouncilPage("fire:001")).toEqual({ kind: "missing" });
    expect(await getCouncilPage("E54000036")).toEqual({ kind: "missing" }); // an ICB, not a council
    expect(await getCouncilPage("'; drop table organisations; --")).toEqual({ kind: "missing" });
  });
});
