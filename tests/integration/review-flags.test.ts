// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, sql as appSql } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { DUPLICATE_SIMILARITY, queueFlags } from "@/lib/review/flags";
import { listQueue } from "@/lib/review/queries";
import { testDatabase } from "../support/db";
import { EAST_DEVON, reviewFixtures, SOMERSET } from "../support/review";

/*
 * The review queue's total and flags against SQL written here: an outlier is a total more than
 * ten times the median total of its main category's published arrangements with savings (the
 * median computed in JavaScript from the totals SQL lists); a likely duplicate is a published
 * arrangement of the same lead and main category whose title pg_trgm's similarity() puts at 0.5
 * or more — and not the arrangement itself, not another lead's, not another category's.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Flags");
let devon: CurrentUser;
let somerset: CurrentUser;
let admin: CurrentUser;

beforeAll(async () => {
  devon = await f.makeUser("council_editor");
  somerset = await f.makeUser("council_editor", SOMERSET);
  admin = await f.makeUser("admin");
});

afterAll(async () => {
  await f.cleanup();
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

/** The median of the published totals above zero in a category, rounded half up to the penny. */
async function medianOf(categorySlug: string): Promise<{ median: bigint; count: number }> {
  const rows = await sql<{ total_pence: bigint }[]>`
    select r.total_pence from arrangements a
    join arrangement_revisions r on r.id = a.published_revision_id
    join service_categories c on c.id = r.main_category_id
    where c.slug = ${categorySlug} and r.total_pence > 0`;
  const totals = rows
    .map((r) => BigInt(r.total_pence))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(totals.length / 2);
  const median =
    totals.length % 2 === 1 ? totals[mid]! : (totals[mid - 1]! + totals[mid]! + 1n) / 2n;
  return { median, count: totals.length };
}

/** Published arrangements of the same lead and main category with a similar title. */
async function similarPublished(revisionId: number) {
  return sql<{ slug: string; title: string; similarity: number }[]>`
    select other.slug, p.title, similarity(p.title, s.title)::float8 as similarity
    from arrangement_revisions s
    join arrangements own on own.id = s.arrangement_id
    join arrangements other on other.lead_organisation_id = own.lead_organisation_id
    join arrangement_revisions p on p.id = other.published_revision_id
    where s.id = ${revisionId} and other.id <> own.id
      and p.main_category_id = s.main_category_id
      and similarity(p.title, s.title) >= ${DUPLICATE_SIMILARITY}
    order by similarity desc, p.title`;
}

async function organisationId(code: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`select id from organisations where code = ${code}`;
  return row!.id;
}

/** The queue's row for a revision, read as the page reads it (filtered to its lead). */
async function queueRow(revisionId: number, leadCode: string) {
  const organisation = await organisationId(leadCode);
  for (let page = 1; ; page++) {
    const queue = await listQueue(admin, {
      organisation: String(organisation),
      page: String(page),
    });
    const item = queue.items.find((i) => i.revisionId === revisionId);
    if (item) return item;
    if (page >= queue.pages) throw new Error(`revision ${revisionId} is not in the queue`);
  }
}

describe("the outlier flag", () => {
  it("flags a total more than ten times its category's median, and says the median", async () => {
    const { median, count } = await medianOf("regulatory-services");
    expect(count).toBeGreaterThan(0);
    // Two years of £50m: far above the demo median for regulatory services.
    const big = await f.submit(
      devon,
      f.form({ title: `Outlier ${f.run}`, savingsAmount: ["50,000,000", "50,000,000"] }),
    );
    const [row] = await sql<{ total_pence: string }[]>`
      select total_pence::text from arrangement_revisions where id = ${big.revisionId}`;
    const total = BigInt(row!.total_pence);
    expect(total).toBe(10_000_000_000n);
    expect(total > 10n * median).toBe(true);

    const item = await queueRow(big.revisionId, "E10000008");
    expect(item.totalPence).toBe(total);
    expect(item.flags.outlier).toEqual({ medianPence: median, publishedCount: count });
  });

  it("does not flag a total at most ten times the median", async () => {
    const { median } = await medianOf("regulatory-services");
    // Exactly ten times the median (in whole pounds, rounded down) is not "more than" ten times.
    const pounds = (10n * median) / 100n;
    const usual = await f.submit(
      devon,
      f.form({
        title: `Usual ${f.run}`,
        savingsYear: ["2018"],
        savingsAmount: [pounds.toString()],
        savingsKind: ["actual"],
      }),
    );
    const flags = await queueFlags(db(), [usual.revisionId]);
    expect(flags.get(usual.revisionId)?.outlier ?? null).toBeNull();
  });
});

describe("the likely-duplicate flag", () => {
  const legal = { mainCategory: "legal", furtherCategories: [] };

  it("names published arrangements of the same lead and category with a similar title", async () => {
    const published = await f.publish(
      devon,
      admin,
      f.form({ title: `Devon and Somerset trading standards ${f.run}`, ...legal }),
    );
    const again = await f.submit(
      devon,
      f.form({ title: `Devon & Somerset trading standard ${f.run}`, ...legal }),
    );
    const expected = await similarPublished(again.revisionId);
    expect(expected.map((e) => e.slug)).toContain(published.slug);

    const item = await queueRow(again.revisionId, "E10000008");
    expect(item.flags.duplicates).toEqual(
      expected.slice(0, 3).map((e) => ({ slug: e.slug, title: e.title, similarity: e.similarity })),
    );
    expect(item.flags.duplicates[0]!.similarity).toBeGreaterThanOrEqual(DUPLICATE_SIMILARITY);
  });

  it("ignores another lead's, another category's, a dissimilar title and the arrangement itself", async () => {
    const title = `Joint waste collection partnership ${f.run}`;
    const published = await f.publish(devon, admin, f.form({ title, ...legal }));
    // The same title from another lead, and in another category: neither is a duplicate.
    const otherLead = await f.submit(somerset, f.form({ title, ...legal, partners: [EAST_DEVON] }));
    const otherCategory = await f.submit(
      devon,
      f.form({ title, ...legal, mainCategory: "housing" }),
    );
    const dissimilar = await f.submit(
      devon,
      f.form({ title: `Payroll ${f.run.split("-")[1]}`, ...legal }),
    );
    // A change to the published arrangement keeps its title: not a duplicate of itself.
    const change = await f.submit(
      devon,
      f.form({ title, ...legal, description: "Now with a third council." }),
      published.arrangementId,
    );
    const ids = [otherLead, otherCategory, dissimilar, change].map((r) => r.revisionId);
    const flags = await queueFlags(db(), ids);
    for (const id of ids) {
      expect(await similarPublished(id)).toEqual([]);
      expect(flags.get(id)?.duplicates ?? []).toEqual([]);
    }
  });
});
