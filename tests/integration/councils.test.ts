process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { getCouncilPage, type CouncilPage } from "@/lib/councils/council-page";
import { getMapModel } from "@/lib/councils/map";
import { classIndex, DEFAULT_MAP_OPTIONS, MAP_CLASSES } from "@/lib/councils/map-options";
import { testDatabase } from "../support/db";
import { fixtureTag, makeArrangement, removeArrangements } from "../support/register-fixtures";

/*
 * The map's figures and the council pages against the database. Expected figures come from SQL
 * written here, independently of lib/: published means the arrangement's published revision is
 * approved; savings are summed from the savings lines themselves (not the trigger-kept total).
 */

const { sql } = testDatabase();
const tag = fixtureTag();

type Figures = { arrangements: number; pence: bigint };

/** Every council's published figures, by code. */
async function expectedFigures(): Promise<Map<string, Figures>> {
  const rows = await sql<{ code: string; arrangements: number; pence: string }[]>`
    select o.code, count(distinct a.id)::int as arrangements,
           coalesce(sum(s.total), 0)::text as pence
    from organisations o
    join revision_partners rp on rp.organisation_id = o.id
    join arrangements a on a.published_revision_id = rp.revision_id
    join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
    left join (select revision_id, sum(amount_pence) as total from revision_savings
               group by revision_id) s on s.revision_id = r.id
    group by o.code`;
  return new Map(
    rows.map((r) => [r.code, { arrangements: r.arrangements, pence: BigInt(r.pence) }]),
  );
}

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

describe("map figures", () => {
  it("give every council drawn the figures SQL gives, in every view", async () => {
    const expected = await expectedFigures();
    for (const options of [
      { ...DEFAULT_MAP_OPTIONS, year: 2018 },
      { ...DEFAULT_MAP_OPTIONS, year: 2025, tier: "upper" as const, measure: "savings" as const },
      { ...DEFAULT_MAP_OPTIONS, year: 2020, view: "hex" as const },
    ]) {
      const model = await getMapModel(options);
      expect(model.unresolved).toEqual([]);
      for (const area of model.areas) {
        const e = expected.get(area.code) ?? { arrangements: 0, pence: 0n };
        expect([area.code, area.arrangements, area.totalPence]).toEqual([
          area.code,
          e.arrangements,
          e.pence,
        ]);
        expect(area.classIndex).toBe(
          classIndex(options.measure, { arrangements: e.arrangements, totalPence: e.pence }),
        );
      }
      // The legend's counts add up to the councils drawn.
      expect(model.classCounts.reduce((s, n) => s + n, 0)).toBe(model.areas.length);
      expect(model.classCounts).toHaveLength(MAP_CLASSES[options.measure].length);
    }
  });

  it("counts the arrangements involving the councils drawn once each", async () => {
    const model = await getMapModel({ ...DEFAULT_MAP_OPTIONS, year: 2018 });
    const codes = model.areas.map((a) => a.code);
    const [row] = await sql<{ arrangements: number; illustrative: number; pence: string }[]>`
      select count(*)::int as arrangements,
             count(*) filter (where a.is_illustrative)::int as illustrative,
             coalesce(sum((select sum(amount_pence) from revision_savings s
                           where s.revision_id = r.id)), 0)::text as pence
      from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      where exists (select 1 from revision_partners rp join organisations o on o.id = rp.organisation_id
                    where rp.revision_id = r.id and o.code in ${sql(codes)})`;
    expect(model.involved).toEqual({
      arrangements: row!.arrangements,
      illustrative: row!.illustrative,
      totalPence: BigInt(row!.pence),
    });
  });

  it("counts a published arrangement for each council taking part, and nothing unpublished", async () => {
    const model = await getMapModel({ ...DEFAULT_MAP_OPTIONS, year: 2018 });
    const byCode = new Map(model.areas.map((a) => [a.code, a]));
    const eastDevon = byCode.get("E07000040")!;
    // East Devon takes part in the published arrangement and in three unpublished ones.
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join revision_partners rp on rp.revision_id = r.id
      where rp.organisation_id = (select id from organisations where code = 'E07000040')
        and a.slug not like ${`${tag}-%`}`;
    expect(eastDevon.arrangements).toBe(row!.n + 1);
    expect(eastDevon.label).toMatch(/^East Devon District Council: \d+ arrangements?, /);
  });

  it("names an area without arrangements as such", async () => {
    const model = await getMapModel({ ...DEFAULT_MAP_OPTIONS, year: 2025 });
    const published = async (code: string) => {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from arrangements a
        join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
        join revision_partners rp on rp.revision_id = r.id
        join organisations o on o.id = rp.organisation_id and o.code = ${code}`;
      return row!.n;
    };
    // Not every council shares: the demo data leaves a couple out of every arrangement.
    const none = model.areas.filter((a) => a.arrangements === 0);
    expect(none.length).toBeGreaterThan(0);
    for (const area of none) {
      expect(area.label).toBe(`${area.name}: no published arrangements`);
      expect(area.classIndex).toBe(0);
      expect(await published(area.code)).toBe(0);
    }
    // A council formed in 2023 has arrangements of its own.
    const cumberland = model.areas.find((a) => a.code === "E06000063")!;
    expect(cumberland.arrangements).toBe(await published("E06000063"));
    expect(cumberland.arrangements).toBeGreaterThan(0);
  });
});

describe("council pages", () => {
  it("show the figures, arrangements and network SQL gives", async () => {
    for (const code of ["E10000008", "E07000040", "E09000005"]) {
      const page = await found(code);
      const rows = await sql<{ slug: string; role: string; pence: string }[]>`
        select a.slug, rp.role::text as role,
               coalesce((select sum(amount_pence) from revision_savings s
                         where s.revision_id = r.id), 0)::text as pence
        from arrangements a
        join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
        join revision_partners rp on rp.revision_id = r.id
        where rp.organisation_id = ${page.council.id}`;
      expect(page.totals.arrangements).toBe(rows.length);
      expect(page.totals.asLead).toBe(rows.filter((r) => r.role === "lead").length);
      expect(page.totals.asPartner).toBe(rows.filter((r) => r.role === "partner").length);
      expect(page.totals.totalPence).toBe(rows.reduce((s, r) => s + BigInt(r.pence), 0n));
      expect(page.arrangements.map((a) => a.slug).sort()).toEqual(rows.map((r) => r.slug).sort());
      for (const a of page.arrangements) {
        const r = rows.find((x) => x.slug === a.slug)!;
        expect([a.slug, a.role, a.totalPence]).toEqual([r.slug, r.role, BigInt(r.pence)]);
      }

      const network = await sql<{ code: string; n: number }[]>`
        select o.code, count(*)::int as n
        from arrangements a
        join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
        join revision_partners me on me.revision_id = r.id and me.organisation_id = ${page.council.id}
        join revision_partners other on other.revision_id = r.id
          and other.organisation_id <> ${page.council.id}
        join organisations o on o.id = other.organisation_id
        group by o.code`;
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
