import type postgres from "postgres";

/*
 * Published arrangements made straight in SQL for the explorer and API tests, so a test owns the
 * rows it counts. The database's own triggers fill total_pence and the search text, exactly as
 * for every other writer. Each test run passes its own slug prefix and removes its rows after.
 */

export type PublishedFixture = {
  slug: string;
  title: string;
  description?: string;
  lead: string;
  partners: string[];
  mainCategory: string;
  furtherCategories?: string[];
  stage?: "planned" | "operational" | "ended";
  startDate?: string | null;
  endDate?: string | null;
  benefits?: string[];
  contactName?: string | null;
  contactEmail?: string | null;
  noSavingsReason?: string | null;
  savings?: { year: number; pence: bigint; kind: "actual" | "forecast" }[];
  illustrative?: boolean;
  /** When the published revision was approved; now by default. */
  reviewedAt?: Date;
};

/** Inserts one arrangement with an approved, published revision; returns the arrangement id. */
export async function insertPublished(sql: postgres.Sql, f: PublishedFixture): Promise<number> {
  return sql.begin(async (tx) => {
    const [arrangement] = await tx<{ id: number }[]>`
      insert into arrangements (slug, lead_organisation_id, is_illustrative)
      values (${f.slug}, (select id from organisations where code = ${f.lead}), ${f.illustrative ?? false})
      returning id`;
    const reviewedAt = (f.reviewedAt ?? new Date()).toISOString();
    const [revision] = await tx<{ id: number }[]>`
      insert into arrangement_revisions (arrangement_id, version, title, description, main_category_id,
        stage, start_date, end_date, benefits, contact_name, contact_email, no_savings_reason,
        state, reviewed_at)
      values (${arrangement!.id}, 1, ${f.title}, ${f.description ?? "A shared service."},
        (select id from service_categories where slug = ${f.mainCategory}),
        ${f.stage ?? "operational"}, ${f.startDate ?? null}, ${f.endDate ?? null},
        ${f.benefits ?? []}::text[], ${f.contactName ?? null}, ${f.contactEmail ?? null},
        ${f.noSavingsReason ?? null}, 'approved', ${reviewedAt}::timestamptz)
      returning id`;
    const revisionId = revision!.id;
    await tx`
      insert into revision_partners (revision_id, organisation_id, role)
      select ${revisionId}, o.id, case when o.code = ${f.lead} then 'lead'::partner_role else 'partner'::partner_role end
      from organisations o where o.code in ${tx([f.lead, ...f.partners])}`;
    for (const slug of f.furtherCategories ?? []) {
      await tx`
        insert into revision_categories (revision_id, category_id)
        values (${revisionId}, (select id from service_categories where slug = ${slug}))`;
    }
    for (const s of f.savings ?? []) {
      await tx`
        insert into revision_savings (revision_id, financial_year, amount_pence, kind)
        values (${revisionId}, ${s.year}, ${s.pence.toString()}::bigint, ${s.kind})`;
    }
    await tx`update arrangements set published_revision_id = ${revisionId} where id = ${arrangement!.id}`;
    return arrangement!.id;
  });
}

/** Removes a run's arrangements (revisions, partners, categories and savings cascade). */
export async function deletePublished(sql: postgres.Sql, slugPrefix: string): Promise<void> {
  await sql`delete from arrangements where slug like ${`${slugPrefix}%`}`;
}

/** Letters only, so full-text search sees one word however the parser splits digits. */
export function randomWord(length = 10): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let word = "";
  for (let i = 0; i < length; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}
