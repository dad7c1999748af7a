import { randomUUID } from "node:crypto";
import type postgres from "postgres";

/*
 * Arrangements made straight in the database for tests of public figures: published (an
 * approved revision that the arrangement points at) or not (draft, submitted, rejected), with
 * partners, further categories and savings. Each test run tags its slugs so it can remove
 * exactly what it made.
 */

export type SavingsLine = { year: number; pence: bigint; kind?: "actual" | "forecast" };

export type FixtureArrangement = {
  title: string;
  /** Organisation codes: the lead, then partners. */
  lead: string;
  partners: string[];
  category: string;
  further?: string[];
  savings?: SavingsLine[];
  contactName?: string;
  contactEmail?: string;
  state?: "approved" | "draft" | "submitted" | "rejected";
};

export function fixtureTag(): string {
  return `fx-${randomUUID().slice(0, 8)}`;
}

export async function makeArrangement(
  sql: postgres.Sql,
  tag: string,
  a: FixtureArrangement,
): Promise<{ id: number; slug: string; revisionId: number }> {
  const state = a.state ?? "approved";
  const slug = `${tag}-${randomUUID().slice(0, 8)}`;
  return sql.begin(async (tx) => {
    const [arrangement] = await tx<{ id: number }[]>`
      insert into arrangements (slug, lead_organisation_id, is_illustrative)
      values (${slug}, (select id from organisations where code = ${a.lead}), false)
      returning id`;
    const [revision] = await tx<{ id: number }[]>`
      insert into arrangement_revisions
        (arrangement_id, version, title, description, main_category_id, stage, start_date,
         contact_name, contact_email, state, submitted_at, reviewed_at)
      values (${arrangement!.id}, 1, ${a.title}, 'Made by a test.',
              (select id from service_categories where slug = ${a.category}), 'operational',
              '2016-04-01', ${a.contactName ?? null}, ${a.contactEmail ?? null}, ${state},
              ${state === "draft" ? null : tx`now()`},
              ${state === "approved" || state === "rejected" ? tx`now()` : null})
      returning id`;
    const revisionId = revision!.id;
    await tx`
      insert into revision_partners (revision_id, organisation_id, role)
      select ${revisionId}, id, case when code = ${a.lead} then 'lead' else 'partner' end::partner_role
      from organisations where code in ${tx([a.lead, ...a.partners])}`;
    for (const slugOf of a.further ?? []) {
      await tx`insert into revision_categories (revision_id, category_id)
        select ${revisionId}, id from service_categories where slug = ${slugOf}`;
    }
    for (const line of a.savings ?? []) {
      await tx`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
        values (${revisionId}, ${line.year}, ${line.pence.toString()}, ${line.kind ?? "actual"})`;
    }
    if (state === "approved") {
      await tx`update arrangements set published_revision_id = ${revisionId}
        where id = ${arrangement!.id}`;
    }
    return { id: arrangement!.id, slug, revisionId };
  });
}

/** Removes every arrangement a run made (revisions, partners and savings cascade). */
export async function removeArrangements(sql: postgres.Sql, tag: string): Promise<void> {
  await sql`update arrangements set published_revision_id = null where slug like ${`${tag}-%`}`;
  await sql`delete from arrangements where slug like ${`${tag}-%`}`;
}
