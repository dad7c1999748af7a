import type postgres from "postgres";

/*
 * Arrangements made straight in the database for the dashboard and open-data tests: published
 * ones, and the kinds that must never be public (drafts, submitted changes, withdrawn records).
 * Each test run uses its own slug prefix and removes what it made, because the suites share one
 * database whose demo totals other tests check.
 */

export type Org = { id: number; code: string; name: string; region: string | null };

export type SavingsLine = { year: number; pence: bigint; kind: "actual" | "forecast" };

export type RevisionSpec = {
  title: string;
  category: string;
  otherCategories?: string[];
  partners: Org[];
  savings: SavingsLine[];
  state: "approved" | "draft" | "submitted" | "superseded" | "rejected";
  description?: string;
  benefits?: string[];
  contact?: { name: string; email: string };
  startDate?: string;
};

/** One organisation of a kind (and region), deterministic: the first by code. */
export async function pickOrganisation(
  sql: postgres.Sql,
  kind: "council" | "fire" | "police" | "health" | "other",
  options: { region?: string; offset?: number } = {},
): Promise<Org> {
  const rows = await sql<Org[]>`
    select id, code, name, region from organisations
    where kind = ${kind} and end_date is null
      ${options.region ? sql`and region = ${options.region}` : sql``}
    order by code offset ${options.offset ?? 0} limit 1`;
  if (!rows[0])
    throw new Error(`No ${kind} organisation${options.region ? ` in ${options.region}` : ""}`);
  return rows[0];
}

/** Adds a revision (with partners, categories and savings) to an arrangement. */
export async function addRevision(
  sql: postgres.Sql,
  arrangementId: number,
  version: number,
  spec: RevisionSpec,
): Promise<number> {
  const reviewed = ["approved", "superseded", "rejected"].includes(spec.state);
  const [revision] = await sql<{ id: number }[]>`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, state, reviewed_at,
       benefits, contact_name, contact_email, start_date, superseded_at)
    values (${arrangementId}, ${version}, ${spec.title}, ${spec.description ?? `About ${spec.title}`},
            (select id from service_categories where slug = ${spec.category}), 'operational',
            ${spec.state}, ${reviewed ? sql`now() - interval '1 day'` : null},
            ${sql.array(spec.benefits ?? [])}::text[], ${spec.contact?.name ?? null}, ${spec.contact?.email ?? null},
            ${spec.startDate ?? null},
            ${spec.state === "superseded" ? sql`now() - interval '1 hour'` : null})
    returning id`;
  const revisionId = revision!.id;
  for (const [i, org] of spec.partners.entries()) {
    await sql`insert into revision_partners (revision_id, organisation_id, role)
              values (${revisionId}, ${org.id}, ${i === 0 ? "lead" : "partner"})`;
  }
  for (const slug of spec.otherCategories ?? []) {
    await sql`insert into revision_categories (revision_id, category_id)
              values (${revisionId}, (select id from service_categories where slug = ${slug}))`;
  }
  for (const line of spec.savings) {
    await sql`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
              values (${revisionId}, ${line.year}, ${line.pence.toString()}::bigint, ${line.kind})`;
  }
  return revisionId;
}

/**
 * An arrangement whose first revision is `spec`; published (the arrangement points at it) when
 * its state is approved.
 */
export async function createArrangement(
  sql: postgres.Sql,
  slug: string,
  spec: RevisionSpec,
): Promise<{ arrangementId: number; revisionId: number }> {
  const [arrangement] = await sql<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id)
    values (${slug}, ${spec.partners[0]!.id}) returning id`;
  const arrangementId = arrangement!.id;
  const revisionId = await addRevision(sql, arrangementId, 1, spec);
  if (spec.state === "approved") {
    await sql`update arrangements set published_revision_id = ${revisionId} where id = ${arrangementId}`;
  }
  return { arrangementId, revisionId };
}

/** Removes every arrangement whose slug starts with `prefix` (revisions and children cascade). */
export async function removeArrangements(sql: postgres.Sql, prefix: string): Promise<void> {
  await sql`update arrangements set published_revision_id = null where slug like ${`${prefix}%`}`;
  await sql`delete from arrangements where slug like ${`${prefix}%`}`;
}
