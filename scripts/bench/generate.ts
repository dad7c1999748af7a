// The benchmark's data set, made in SQL on its own database: 25,000 published arrangements
// (40× the LGA's 2019 map), 250,000 savings lines, 2,000 users and 50,000 audit events, over the
// real councils from the reference seed. Deterministic (setseed), so runs compare.
import { hash } from "@node-rs/argon2";
import type postgres from "postgres";

export const SCALE = {
  arrangements: 25_000,
  savingsLines: 250_000,
  users: 2_000,
  auditEvents: 50_000,
};

/** The password of every generated user (the bench signs in as one of them). */
export const BENCH_PASSWORD = "Bench-Lantern-Harbour-2026";

export async function generate(sql: postgres.Sql): Promise<Record<string, number>> {
  const passwordHash = await hash(BENCH_PASSWORD, {
    algorithm: 2,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  await sql.begin(async (tx) => {
    await tx`select setseed(0.2026)`;
    // Councils that existed on 1 April 2018, numbered, to pick leads and partners from.
    await tx`
      create temporary table bench_councils on commit drop as
      select row_number() over (order by code) as n, id, short_name, region
      from organisations
      where kind = 'council' and (start_date is null or start_date <= '2018-04-01')
        and (end_date is null or end_date >= '2018-04-01')`;
    await tx`create temporary table bench_categories on commit drop as
      select row_number() over (order by sort_order) as n, id, name from service_categories`;

    await tx`
      insert into users (email, name, role, organisation_id, status, password_hash)
      select 'bench-' || g || '@bench.example.org', 'Bench user ' || g,
             case when g <= 20 then 'admin'::user_role else 'council_editor'::user_role end,
             case when g <= 20 then null
                  else (select id from bench_councils where n = 1 + (g % (select count(*) from bench_councils))) end,
             'active', ${passwordHash}
      from generate_series(1, ${SCALE.users}) g`;

    await tx`
      create temporary table bench_plan on commit drop as
      select g,
             1 + floor(random() * (select count(*) from bench_councils))::int as lead_n,
             1 + floor(random() * (select count(*) from bench_categories))::int as category_n,
             make_date(2005 + floor(random() * 15)::int, 1 + floor(random() * 12)::int, 1) as start_date,
             timestamptz '2012-01-01' + random() * interval '8 years' as approved_at,
             (array['operational','operational','operational','operational','planned','ended'])[1 + floor(random() * 6)::int]::arrangement_stage as stage,
             2 + floor(random() * 3)::int as partner_count
      from generate_series(1, ${SCALE.arrangements}) g`;

    await tx`
      insert into arrangements (slug, lead_organisation_id, created_at, updated_at, is_illustrative)
      select 'bench-' || p.g, c.id, p.approved_at - interval '7 days', p.approved_at, true
      from bench_plan p join bench_councils c on c.n = p.lead_n
      order by p.g`;

    await tx`
      insert into arrangement_revisions
        (arrangement_id, version, title, description, main_category_id, stage, start_date, state,
         created_at, updated_at, submitted_at, reviewed_at, benefits, contact_name, contact_email)
      select a.id, 1,
             'Shared ' || lower(cat.name) || ': ' || c.short_name || ' and partners ' || p.g,
             'A joint ' || lower(cat.name) || ' service led by ' || c.short_name || ' in the ' ||
               coalesce(c.region, 'English') || ' region, sharing staff, systems and contracts to ' ||
               (array['save money','improve the service','become more resilient','share specialist skills'])[1 + (p.g % 4)] || '.',
             cat.id, p.stage, p.start_date, 'approved',
             p.approved_at - interval '7 days', p.approved_at, p.approved_at - interval '6 days', p.approved_at,
             array['resilience','service-quality'], 'Shared services team', 'shared@bench.example.org'
      from bench_plan p
      join arrangements a on a.slug = 'bench-' || p.g
      join bench_councils c on c.n = p.lead_n
      join bench_categories cat on cat.n = p.category_n`;

    await tx`
      insert into revision_partners (revision_id, organisation_id, role)
      select r.id, a.lead_organisation_id, 'lead'
      from arrangements a join arrangement_revisions r on r.arrangement_id = a.id
      where a.slug like 'bench-%'`;
    // Partners: councils near the lead in the ordering (often the same county), never the lead.
    await tx`
      insert into revision_partners (revision_id, organisation_id, role)
      select distinct r.id, c.id, 'partner'::partner_role
      from bench_plan p
      join arrangements a on a.slug = 'bench-' || p.g
      join arrangement_revisions r on r.arrangement_id = a.id
      cross join lateral generate_series(1, p.partner_count) k
      join bench_councils c
        on c.n = 1 + ((p.lead_n - 1 + k * (1 + (p.g % 7))) % (select count(*) from bench_councils))
      where c.id <> a.lead_organisation_id
      on conflict do nothing`;

    // Ten financial years each: 250,000 lines, the latest two forecast.
    await tx`
      insert into revision_savings (revision_id, financial_year, amount_pence, kind)
      select r.id, y, (1000000 + floor(random() * 50000000))::bigint,
             case when y >= 2018 then 'forecast'::savings_kind else 'actual'::savings_kind end
      from arrangements a
      join arrangement_revisions r on r.arrangement_id = a.id
      cross join generate_series(2010, 2019) y
      where a.slug like 'bench-%'`;

    await tx`
      update arrangements a set published_revision_id = r.id
      from arrangement_revisions r where r.arrangement_id = a.id and a.slug like 'bench-%'`;

    await tx`
      insert into audit_events (at, actor_user_id, organisation_id, action, entity_type, entity_id, after)
      select timestamptz '2019-01-01' + (g * interval '9 minutes'),
             u.id, u.organisation_id,
             (array['arrangement.draft_saved','arrangement.submitted','auth.sign_in','arrangement.approved'])[1 + (g % 4)],
             'arrangement', (1 + g % ${SCALE.arrangements})::text,
             jsonb_build_object('title', 'Bench event ' || g)
      from generate_series(1, ${SCALE.auditEvents}) g
      join users u on u.email = 'bench-' || (1 + g % ${SCALE.users}) || '@bench.example.org'`;
  });
  // VACUUM too: it sets the visibility map, so the public figures get index-only scans.
  await sql`vacuum analyze`;
  const [counts] = await sql<Record<string, number>[]>`
    select (select count(*)::int from arrangements where published_revision_id is not null) as arrangements,
           (select count(*)::int from revision_savings) as savings_lines,
           (select count(*)::int from users) as users,
           (select count(*)::int from audit_events) as audit_events`;
  return counts!;
}
