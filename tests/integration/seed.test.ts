import { afterAll, describe, expect, it } from "vitest";
import { seed } from "@/db/seed";
import { deriveSuccessions, generateDemoArrangements, REAL_SLUGS } from "@/db/seed/demo";
import { loadOrganisations } from "@/db/seed/reference";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { testDatabase } from "../support/db";
import { expectedDayFigures } from "../support/expected-figures";
import { LGA_EDITION_DAYS, lgaEditionRows } from "../support/lga-editions";

// The harness's globalSetup migrated this database and seeded it with demo data.
const { db, sql } = testDatabase();
afterAll(() => sql.end());

async function councilsOn(date: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from organisations
    where kind = 'council'
      and (start_date is null or start_date <= ${date}::date)
      and (end_date is null or end_date >= ${date}::date)`;
  return row!.n;
}

type TableCounts = {
  organisations: number;
  service_categories: number;
  users: number;
  arrangements: number;
  arrangement_revisions: number;
  revision_partners: number;
  revision_categories: number;
  revision_savings: number;
  audit_events: number;
};

async function tableCounts(): Promise<TableCounts> {
  const [row] = await sql<TableCounts[]>`
    select
      (select count(*)::int from organisations) as organisations,
      (select count(*)::int from service_categories) as service_categories,
      (select count(*)::int from users) as users,
      (select count(*)::int from arrangements) as arrangements,
      (select count(*)::int from arrangement_revisions) as arrangement_revisions,
      (select count(*)::int from revision_partners) as revision_partners,
      (select count(*)::int from revision_categories) as revision_categories,
      (select count(*)::int from revision_savings) as revision_savings,
      (select count(*)::int from audit_events) as audit_events`;
  return row!;
}

describe("seeded organisations", () => {
  it("counts the English councils of each date", async () => {
    expect(await councilsOn("2018-04-01")).toBe(353);
    expect(await councilsOn("2019-06-01")).toBe(343);
    expect(await councilsOn("2025-06-01")).toBe(317);
  });

  it("never counts a council and its successor on the same day", async () => {
    const overlaps = await sql`
      select o.code from organisation_successions s
      join organisations o on o.id = s.predecessor_id
      join organisations r on r.id = s.successor_id
      where o.end_date is null or r.start_date is null or r.start_date <= o.end_date
         or s.effective_date <> o.end_date + 1`;
    expect(overlaps).toHaveLength(0);
    const [row] = await sql<{ cumberland: boolean; allerdale: boolean }[]>`
      select
        bool_or(short_name = 'Cumberland') as cumberland,
        bool_or(short_name = 'Allerdale') as allerdale
      from organisations
      where kind = 'council'
        and (start_date is null or start_date <= '2023-04-01')
        and (end_date is null or end_date >= '2023-04-01')`;
    expect(row).toEqual({ cumberland: true, allerdale: false });
  });

  it("loads every succession of the reference data, the two splits shared by population", async () => {
    const expected = deriveSuccessions(loadOrganisations());
    const rows = await sql<{ p: string; s: string; effective: string; share: number }[]>`
      select p.code as p, n.code as s, to_char(x.effective_date, 'YYYY-MM-DD') as effective,
             x.share_bp as share
      from organisation_successions x
      join organisations p on p.id = x.predecessor_id
      join organisations n on n.id = x.successor_id
      where p.code in ${sql(expected.map((e) => e.predecessorCode))}`;
    const key = (r: { p: string; s: string }) => `${r.p}>${r.s}`;
    expect(new Map(rows.map((r) => [key(r), [r.effective, r.share]]))).toEqual(
      new Map(
        expected.map((e) => [
          key({ p: e.predecessorCode, s: e.successorCode }),
          [e.effectiveDate, e.shareBp],
        ]),
      ),
    );
    const splits = rows.filter((r) => r.share < 10_000);
    expect(splits.map(key).sort()).toEqual([
      "E10000006>E06000063",
      "E10000006>E06000064",
      "E10000021>E06000061",
      "E10000021>E06000062",
    ]);
    expect(
      splits.every((r) => r.effective === (r.p === "E10000006" ? "2023-04-01" : "2021-04-01")),
    ).toBe(true);
  });

  it("has 45 fire services, 42 ICBs and the 43 police forces of England and Wales", async () => {
    const rows = await sql<{ kind: string; n: number }[]>`
      select kind::text, count(*)::int as n from organisations group by kind`;
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(byKind).toMatchObject({ fire: 45, health: 42, police: 43 });
    const ni = await sql`select 1 from organisations where code = 'police:northern-ireland'`;
    expect(ni).toHaveLength(0);
  });
});

describe("seeded demo history", () => {
  it("holds every arrangement, revision and savings line the generator makes", async () => {
    const demo = generateDemoArrangements({
      organisations: loadOrganisations(),
      categories: SERVICE_CATEGORIES,
    });
    const revisions = demo.flatMap((a) => a.revisions);
    const [row] = await sql<
      { arrangements: number; revisions: number; lines: number; pence: string }[]
    >`
      select count(distinct a.id)::int as arrangements, count(r.id)::int as revisions,
             (select count(*)::int from revision_savings s join arrangement_revisions r2 on r2.id = s.revision_id
                where r2.arrangement_id in (select id from arrangements where slug in ${sql(demo.map((a) => a.slug))})) as lines,
             (select coalesce(sum(s.amount_pence), 0)::text from revision_savings s join arrangement_revisions r2 on r2.id = s.revision_id
                where r2.arrangement_id in (select id from arrangements where slug in ${sql(demo.map((a) => a.slug))})) as pence
      from arrangements a join arrangement_revisions r on r.arrangement_id = a.id
      where a.slug in ${sql(demo.map((a) => a.slug))} and r.state in ('approved', 'superseded')`;
    expect(row).toEqual({
      arrangements: demo.length,
      revisions: revisions.length,
      lines: revisions.reduce((n, r) => n + r.savings.length, 0),
      pence: String(revisions.flatMap((r) => r.savings).reduce((s, l) => s + l.amountPence, 0n)),
    });
    const [flagged] = await sql<{ illustrative: number }[]>`
      select count(*)::int as illustrative from arrangements
      where slug in ${sql(demo.filter((a) => a.isIllustrative).map((a) => a.slug))} and is_illustrative`;
    expect(flagged!.illustrative).toBe(demo.length - 3);
    const real = await sql<{ slug: string; is_illustrative: boolean }[]>`
      select slug, is_illustrative from arrangements where slug in ${sql(REAL_SLUGS)}`;
    expect(real).toHaveLength(3);
    expect(real.every((r) => !r.is_illustrative)).toBe(true);
  });

  it("reproduces every LGA edition from the approval history (the rule's SQL functions)", async () => {
    for (const lga of lgaEditionRows()) {
      const day = LGA_EDITION_DAYS.get(lga["edition"]!)!;
      const f = await expectedDayFigures(sql, day, { demoOnly: true });
      const label = `edition ${lga["edition"]}`;
      expect(f.published - f.internal, label).toBe(Number(lga["arrangements"]));
      expect(f.pence, label).toBe(String(BigInt(lga["cumulative_savings_gbp"]!) * 100n));
      if (lga["councils_sharing"]) {
        expect(f.involved, label).toBeGreaterThanOrEqual(Number(lga["councils_sharing"]));
      }
      if (lga["councils_sharing_pct"]) {
        expect(f.involved * 100, label).toBeGreaterThanOrEqual(
          Number(lga["councils_sharing_pct"]) * f.existing,
        );
      }
      // Before April 2019 no council had been replaced: nothing was internal.
      if (day < "2019-04-01") expect(f.internal, label).toBe(0);
      else expect(f.internal, label).toBeGreaterThan(0);
    }
  });

  it("publishes one approved revision per arrangement, the last, each superseded by the next", async () => {
    const bad = await sql<{ slug: string; problem: string }[]>`
      with demo as (
        select a.id, a.slug, a.published_revision_id from arrangements a
        where a.is_illustrative or a.slug in ${sql(REAL_SLUGS)}
      ),
      history as (
        select d.slug, d.published_revision_id, r.*,
               lead(r.reviewed_at) over w as next_reviewed_at,
               lag(r.reviewed_at) over w as previous_reviewed_at,
               row_number() over w as position,
               count(*) over (partition by r.arrangement_id) as revisions
        from demo d join arrangement_revisions r on r.arrangement_id = d.id
        window w as (partition by r.arrangement_id order by r.version)
      )
      select slug, 'version ' || version || ' at ' || position as problem from history where version <> position
      union all
      select slug, 'state of version ' || version from history
        where state <> (case when position = revisions then 'approved' else 'superseded' end)::revision_state
      union all
      select slug, 'superseded_at of version ' || version from history
        where superseded_at is distinct from next_reviewed_at
      union all
      select slug, 'published revision' from history
        where position = revisions and published_revision_id <> id
      union all
      select slug, 'submitted_at of version ' || version from history
        where not (submitted_at < reviewed_at
                   and (previous_reviewed_at is null or submitted_at > previous_reviewed_at))
      union all
      select d.slug, 'approved revisions: ' || count(r.id) from demo d
        left join arrangement_revisions r on r.arrangement_id = d.id and r.state = 'approved'
        group by d.slug having count(r.id) <> 1`;
    expect(bad).toEqual([]);
    const [many] = await sql<{ n: number }[]>`
      select count(*)::int as n from arrangements a
      where a.is_illustrative and (select count(*) from arrangement_revisions r where r.arrangement_id = a.id) > 1`;
    expect(many!.n).toBeGreaterThan(500);
  });

  it("names no organisation outside its lifetime, on any revision", async () => {
    const outside = await sql<{ slug: string; version: number; code: string }[]>`
      with demo as (
        select a.id, a.slug,
               (select min(r.reviewed_at at time zone 'Europe/London')::date
                  from arrangement_revisions r where r.arrangement_id = a.id) as first_approved
        from arrangements a where a.is_illustrative or a.slug in ${sql(REAL_SLUGS)}
      )
      select d.slug, r.version, o.code
      from demo d
      join arrangement_revisions r on r.arrangement_id = d.id and r.state in ('approved', 'superseded')
      join revision_partners rp on rp.revision_id = r.id
      join organisations o on o.id = rp.organisation_id
      cross join lateral (values (coalesce(r.start_date, d.first_approved)), (d.first_approved)) as v(day)
      where not ((o.start_date is null or o.start_date <= v.day)
                 and (o.end_date is null or o.end_date >= v.day))`;
    expect(outside).toEqual([]);
    const [icb] = await sql<{ earliest: string }[]>`
      select to_char(min(least(r.start_date, (r.reviewed_at at time zone 'Europe/London')::date)), 'YYYY-MM-DD') as earliest
      from arrangement_revisions r
      join arrangements a on a.id = r.arrangement_id and a.is_illustrative
      join revision_partners rp on rp.revision_id = r.id
      join organisations o on o.id = rp.organisation_id and o.kind = 'health'`;
    expect(icb!.earliest >= "2022-07-01").toBe(true);
  });

  it("gives the Somerset demo editor to Somerset Council, which replaced the county in 2023", async () => {
    const [row] = await sql<{ code: string; name: string }[]>`
      select o.code, u.name from users u join organisations o on o.id = u.organisation_id
      where lower(u.email) = 'editor@somerset.example.org'`;
    expect(row).toEqual({ code: "E06000066", name: "Somerset Council editor (demo)" });
  });
});

describe("seed", () => {
  it("changes nothing when run again", async () => {
    const before = await tableCounts();
    const summary = await seed(db, { demo: true });
    const after = await tableCounts();
    expect(summary.organisations.inserted).toBe(0);
    expect(summary.serviceCategories.inserted).toBe(0);
    expect(summary.users.inserted).toBe(0);
    expect(summary.arrangements.inserted).toBe(0);
    expect(summary.revisionSavings.inserted).toBe(0);
    // An audit event is written only when the seed changed something (another test may have
    // edited an organisation the seed restores).
    const changed =
      summary.organisations.updated +
        summary.organisations.replacedByLinked +
        summary.organisations.successions +
        summary.serviceCategories.updated >
      0;
    expect(after).toEqual({ ...before, audit_events: before.audit_events + (changed ? 1 : 0) });
  });

  it("never undoes an administrator's edit of an organisation", async () => {
    const [torbay] = await sql<{ id: number; end_date: string | null; name: string }[]>`
      select id, to_char(end_date, 'YYYY-MM-DD') as end_date, name
      from organisations where code = 'E06000027'`;
    try {
      // What lib/organisations does when an administrator records a change.
      await sql`update organisations set end_date = '2031-03-31', name = 'Torbay (edited)'
                where id = ${torbay!.id}`;
      await sql`insert into audit_events (action, entity_type, entity_id)
                values ('organisation.updated', 'organisation', ${String(torbay!.id)})`;
      await seed(db, { demo: false });
      const [after] = await sql<{ end_date: string; name: string }[]>`
        select to_char(end_date, 'YYYY-MM-DD') as end_date, name from organisations
        where id = ${torbay!.id}`;
      expect(after).toEqual({ end_date: "2031-03-31", name: "Torbay (edited)" });
    } finally {
      await sql`update organisations set end_date = ${torbay!.end_date}, name = ${torbay!.name}
                where id = ${torbay!.id}`;
    }
  });

  it("generates the same demo data on every call", () => {
    const input = { organisations: loadOrganisations(), categories: SERVICE_CATEGORIES };
    expect(generateDemoArrangements(input)).toEqual(generateDemoArrangements(input));
  });
});
