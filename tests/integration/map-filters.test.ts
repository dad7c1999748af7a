process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import { today } from "@/lib/clock";
import { getMapModel } from "@/lib/councils/map";
import { defaultMapOptions } from "@/lib/councils/map-options";
import { testDatabase } from "../support/db";
import { expectedCouncilNetwork } from "../support/expected-figures";

/*
 * The map's service and region filters and its council search (issue 14, item 1) against SQL
 * written here: a category's figures for each council drawn, the region's councils only, and
 * the selected council's partners by the register's rule.
 */

const { sql } = testDatabase();

afterAll(async () => {
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

describe("the map's service filter", () => {
  it("gives each council drawn the shared arrangements of that service it takes part in, and their savings", async () => {
    const day = today();
    const model = await getMapModel({ ...defaultMapOptions(), category: "legal" });
    expect(model.categoryName).toBe("Legal");
    // Every arrangement of the category on the day; one run within one council by then counts
    // no longer, but the savings of its years before still do (the map's rule).
    const rows = await sql<{ code: string; arrangements: number; pence: string }[]>`
      with st as (select * from register_standing(${day}::date)),
      legal as (select id from service_categories where slug = 'legal'),
      cat as (
        select st.* from st join arrangement_revisions r on r.id = st.revision_id
        where r.main_category_id = (select id from legal)
           or exists (select 1 from revision_categories rc
                      where rc.revision_id = r.id and rc.category_id = (select id from legal))
      ),
      taking as (
        select distinct x.arrangement_id, o.code from register_participants(${day}::date) x
        join organisations o on o.id = x.organisation_id
      )
      select t.code, (count(*) filter (where not cat.internal))::int as arrangements,
             coalesce(sum((select sum(s.amount_pence) from revision_savings s
                           where s.revision_id = cat.revision_id
                             and (cat.internal_from is null
                                  or make_date(s.financial_year, 4, 1) < cat.internal_from))), 0)::text as pence
      from taking t join cat using (arrangement_id)
      group by t.code`;
    const expected = new Map(rows.map((r) => [r.code, r]));
    let withSome = 0;
    for (const area of model.areas) {
      const e = expected.get(area.code);
      expect([area.code, area.arrangements, area.totalPence]).toEqual([
        area.code,
        e?.arrangements ?? 0,
        BigInt(e?.pence ?? "0"),
      ]);
      if (e) withSome += 1;
    }
    expect(withSome).toBeGreaterThan(0);
    // Fewer than with every service.
    const all = await getMapModel(defaultMapOptions());
    expect(model.involved.arrangements).toBeLessThan(all.involved.arrangements);

    // The dashboard's headline for the category: shared ones counted, every one's savings that
    // count (an internal one's years before).
    const [totals] = await sql<{ arrangements: number; pence: string }[]>`
      with st as (select * from register_standing(${day}::date)),
      legal as (select id from service_categories where slug = 'legal'),
      cat as (
        select st.* from st join arrangement_revisions r on r.id = st.revision_id
        where r.main_category_id = (select id from legal)
           or exists (select 1 from revision_categories rc
                      where rc.revision_id = r.id and rc.category_id = (select id from legal))
      )
      select (count(*) filter (where not cat.internal))::int as arrangements,
             coalesce(sum((select sum(s.amount_pence) from revision_savings s
                           where s.revision_id = cat.revision_id
                             and (cat.internal_from is null
                                  or make_date(s.financial_year, 4, 1) < cat.internal_from))), 0)::text as pence
      from cat`;
    expect(model.categoryTotals).toEqual({
      arrangements: totals!.arrangements,
      totalPence: BigInt(totals!.pence),
    });
  });
});

describe("the map's region filter", () => {
  it("draws only the region's councils, zoomed to them", async () => {
    const model = await getMapModel({ ...defaultMapOptions(), region: "london" });
    expect(model.regionName).toBe("London");
    const codes = model.areas.map((a) => a.code);
    const [row] = await sql<{ london: number; elsewhere: number }[]>`
      select count(*) filter (where region = 'London')::int as london,
             count(*) filter (where region is distinct from 'London')::int as elsewhere
      from organisations where code in ${sql(codes)}`;
    // The 32 boroughs and the City of London.
    expect(row).toEqual({ london: 33, elsewhere: 0 });
    expect(codes).toHaveLength(33);
    const { viewBox } = model;
    expect(viewBox.width).toBeLessThan(model.width / 4);
    expect(viewBox.x).toBeGreaterThan(0);
    expect(viewBox.x + viewBox.width).toBeLessThan(model.width);
    expect(viewBox.y + viewBox.height).toBeLessThan(model.height);
    // Without a region, all of England.
    expect((await getMapModel(defaultMapOptions())).viewBox).toEqual({
      x: 0,
      y: 0,
      width: model.width,
      height: model.height,
    });
  });
});

describe("finding a council on the map", () => {
  it("lists exactly the organisations it shares with, and draws lines to those on the map", async () => {
    const day = today();
    const all = await getMapModel(defaultMapOptions());
    const busiest = [...all.areas].sort((a, b) => b.arrangements - a.arrangements)[0]!;
    const model = await getMapModel({ ...defaultMapOptions(), council: busiest.shortName });
    const selection = model.selection!;
    expect(selection.kind).toBe("found");
    if (selection.kind !== "found") return;
    expect(selection.code).toBe(busiest.code);
    expect(selection.arrangements).toBe(busiest.arrangements);
    const expected = await expectedCouncilNetwork(sql, busiest.code, day);
    expect(
      selection.partners
        .map((p) => [p.code, p.arrangements])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    ).toEqual(
      expected.map((e) => [e.code, e.n]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(selection.partners.length).toBeGreaterThan(0);
    const drawn = new Set(model.areas.map((a) => a.code));
    expect(selection.lines.map((l) => l.code).sort()).toEqual(
      selection.partners
        .filter((p) => drawn.has(p.code))
        .map((p) => p.code)
        .sort(),
    );
    for (const p of selection.partners) expect(p.drawn).toBe(drawn.has(p.code));
  });

  it("says when nothing matches, with suggestions", async () => {
    const model = await getMapModel({ ...defaultMapOptions(), council: "Exetr" });
    expect(model.selection).toMatchObject({ kind: "not-found", query: "Exetr" });
    expect(
      model.selection?.kind === "not-found" && model.selection.suggestions.map((s) => s.name),
    ).toContain("Exeter City Council");
  });
});
