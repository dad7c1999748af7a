import { afterAll, describe, expect, it } from "vitest";
import { seed } from "@/db/seed";
import { generateDemoArrangements } from "@/db/seed/demo";
import { loadOrganisations } from "@/db/seed/reference";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { testDatabase } from "../support/db";

// The harness's globalSetup migrated this database and seeded it with demo data.
const { db, sql } = testDatabase();
afterAll(() => sql.end());

const REAL_SLUGS = [
  "west-sussex-vulnerable-people-safe-at-home",
  "devon-and-somerset-trading-standards",
  "hub-procurement-services-brent-and-harrow",
];

/** The demo set, read straight from the published revisions: other tests may add records. */
const DEMO_ARRANGEMENTS = `
  select a.id, a.is_illustrative, a.published_revision_id as revision_id
  from arrangements a
  join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
  where a.is_illustrative or a.slug in ('${REAL_SLUGS.join("', '")}')
`;

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
      select o.code from organisations o
      join organisations r on r.id = o.replaced_by_id
      where o.end_date is null or r.start_date is null or r.start_date <= o.end_date`;
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

  it("has 45 fire services, 42 ICBs and the 43 police forces of England and Wales", async () => {
    const rows = await sql<{ kind: string; n: number }[]>`
      select kind::text, count(*)::int as n from organisations group by kind`;
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
    expect(byKind).toMatchObject({ fire: 45, health: 42, police: 43 });
    const ni = await sql`select 1 from organisations where code = 'police:northern-ireland'`;
    expect(ni).toHaveLength(0);
  });
});

describe("seeded demo arrangements", () => {
  it("add up to the 2017 headline: 486 arrangements and £643m", async () => {
    const [row] = await sql<{ arrangements: number; illustrative: number; pence: string }[]>`
      with demo as (${sql.unsafe(DEMO_ARRANGEMENTS)})
      select
        (select count(*)::int from demo) as arrangements,
        (select count(*)::int from demo where is_illustrative) as illustrative,
        (select coalesce(sum(s.amount_pence), 0)::text
           from revision_savings s join demo d on d.revision_id = s.revision_id) as pence`;
    expect(row).toEqual({ arrangements: 486, illustrative: 483, pence: "64300000000" });
  });

  it("involve at least 346 councils, all of which existed on 2018-04-01", async () => {
    const [row] = await sql<{ existing: number; other: number }[]>`
      with demo as (${sql.unsafe(DEMO_ARRANGEMENTS)}),
      councils as (
        select distinct o.id, o.start_date, o.end_date
        from demo d
        join revision_partners p on p.revision_id = d.revision_id
        join organisations o on o.id = p.organisation_id
        where o.kind = 'council'
      )
      select
        count(*) filter (where (start_date is null or start_date <= '2018-04-01')
                           and (end_date is null or end_date >= '2018-04-01'))::int as existing,
        count(*) filter (where not ((start_date is null or start_date <= '2018-04-01')
                           and (end_date is null or end_date >= '2018-04-01')))::int as other
      from councils`;
    expect(row!.existing).toBeGreaterThanOrEqual(346);
    expect(row!.other).toBe(0);
  });

  it("flag every illustrative record and not the three real ones", async () => {
    const real = await sql<{ slug: string; is_illustrative: boolean }[]>`
      select slug, is_illustrative from arrangements where slug in ${sql(REAL_SLUGS)} order by slug`;
    expect(real).toHaveLength(3);
    expect(real.every((r) => !r.is_illustrative)).toBe(true);

    const expected = generateDemoArrangements({
      organisations: loadOrganisations(),
      categories: SERVICE_CATEGORIES,
    });
    const illustrativeSlugs = expected.filter((a) => a.isIllustrative).map((a) => a.slug);
    const [row] = await sql<{ flagged: number }[]>`
      select count(*)::int as flagged from arrangements
      where slug in ${sql(illustrativeSlugs)} and is_illustrative`;
    expect(row!.flagged).toBe(483);
  });

  it("publish one approved revision with exactly one lead, the arrangement's lead", async () => {
    const [row] = await sql<{ bad: number }[]>`
      with demo as (${sql.unsafe(DEMO_ARRANGEMENTS)})
      select count(*)::int as bad
      from demo d join arrangements a on a.id = d.id
      where (select count(*) from revision_partners p
             where p.revision_id = d.revision_id and p.role = 'lead'
               and p.organisation_id = a.lead_organisation_id) <> 1
         or (select count(*) from revision_partners p
             where p.revision_id = d.revision_id and p.role = 'lead') <> 1
         or (select count(*) from revision_partners p where p.revision_id = d.revision_id) < 2`;
    expect(row!.bad).toBe(0);
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
