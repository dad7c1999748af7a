import { sql as q } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Tx } from "@/db/client";
import { publishedArrangements } from "@/lib/public/published";
import { Rollback, testDatabase } from "../support/db";

/*
 * The published register's one SQL definition (lib/public/published.ts) and the columns the
 * database keeps for it by triggers (migration 0004): savings totals and search text.
 */

const { db, sql } = testDatabase();
afterAll(() => sql.end());

async function inRollback(work: (tx: Tx) => Promise<void>) {
  await db
    .transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

type Row = { arrangement_id: number; revision_id: number; total_pence: bigint; rank: number };

async function published(tx: Tx, ...args: Parameters<typeof publishedArrangements>) {
  return tx.execute<Row>(q`SELECT * FROM (${publishedArrangements(...args)}) p`);
}

/** An arrangement led by a Devon council with revisions approved (and superseded) at given times. */
async function arrangementWithHistory(tx: Tx, versions: { approvedAt: string; pence: bigint }[]) {
  const [row] = await tx.execute<{ org: number; cat: number }>(q`
    SELECT (SELECT id FROM organisations WHERE code = 'E10000008') AS org,
           (SELECT id FROM service_categories WHERE slug = 'legal') AS cat`);
  const [arrangement] = await tx.execute<{ id: number }>(q`
    INSERT INTO arrangements (slug, lead_organisation_id)
    VALUES (${`history-${Math.random().toString(36).slice(2)}`}, ${row!.org}) RETURNING id`);
  const ids: number[] = [];
  for (const [i, v] of versions.entries()) {
    const next = versions[i + 1];
    const [revision] = await tx.execute<{ id: number }>(q`
      INSERT INTO arrangement_revisions
        (arrangement_id, version, title, description, main_category_id, stage, state, reviewed_at, superseded_at)
      VALUES (${arrangement!.id}, ${i + 1}, ${`History test v${i + 1}`}, 'Test', ${row!.cat}, 'operational',
              ${next ? "superseded" : "approved"}, ${v.approvedAt}::timestamptz,
              ${next ? next.approvedAt : null}::timestamptz)
      RETURNING id`);
    await tx.execute(q`INSERT INTO revision_savings (revision_id, financial_year, amount_pence, kind)
      VALUES (${revision!.id}, 2016, ${v.pence.toString()}::bigint, 'actual')`);
    ids.push(revision!.id);
  }
  await tx.execute(
    q`UPDATE arrangements SET published_revision_id = ${ids.at(-1)!} WHERE id = ${arrangement!.id}`,
  );
  return { arrangementId: arrangement!.id, revisionIds: ids };
}

describe("the published register", () => {
  it("every revision's total equals the sum of its savings lines", async () => {
    const [row] = await sql<{ mismatched: number; revisions: number }[]>`
      SELECT count(*) FILTER (WHERE r.total_pence <> COALESCE(s.total, 0))::int AS mismatched,
             count(*)::int AS revisions
      FROM arrangement_revisions r
      LEFT JOIN (SELECT revision_id, SUM(amount_pence) AS total FROM revision_savings GROUP BY 1) s
        ON s.revision_id = r.id`;
    expect(row!.revisions).toBeGreaterThan(400);
    expect(row!.mismatched).toBe(0);
  });

  it("every revision's actual part, latest year and organisation kinds equal its lines and partners", async () => {
    const [row] = await sql<{ mismatched: number }[]>`
      SELECT count(*)::int AS mismatched
      FROM arrangement_revisions r
      WHERE r.actual_pence <> COALESCE((SELECT SUM(amount_pence) FROM revision_savings s
                                        WHERE s.revision_id = r.id AND s.kind = 'actual'), 0)
         OR r.last_financial_year IS DISTINCT FROM (SELECT MAX(financial_year) FROM revision_savings s
                                                    WHERE s.revision_id = r.id)
         OR r.organisation_kinds <> COALESCE((SELECT array_agg(DISTINCT o.kind ORDER BY o.kind)
                                              FROM revision_partners rp JOIN organisations o ON o.id = rp.organisation_id
                                              WHERE rp.revision_id = r.id), '{}')`;
    expect(row!.mismatched).toBe(0);
  });

  it("keeps the total when savings lines are added, changed and removed", async () => {
    await inRollback(async (tx) => {
      const { revisionIds } = await arrangementWithHistory(tx, [
        { approvedAt: "2016-05-01T10:00:00Z", pence: 1_000n },
      ]);
      const id = revisionIds[0]!;
      const total = async () =>
        (
          await tx.execute<{ t: bigint }>(
            q`SELECT total_pence AS t FROM arrangement_revisions WHERE id = ${id}`,
          )
        )[0]!.t;
      expect(await total()).toBe(1_000n);
      await tx.execute(q`INSERT INTO revision_savings (revision_id, financial_year, amount_pence, kind)
        VALUES (${id}, 2017, 250, 'forecast'), (${id}, 2018, 5, 'forecast')`);
      expect(await total()).toBe(1_255n);
      const [parts] = await tx.execute<{ actual: bigint; last: number }>(
        q`SELECT actual_pence AS actual, last_financial_year AS last FROM arrangement_revisions WHERE id = ${id}`,
      );
      expect(parts).toEqual({ actual: 1_000n, last: 2018 });
      await tx.execute(
        q`UPDATE revision_savings SET amount_pence = 9000000000001 WHERE revision_id = ${id} AND financial_year = 2016`,
      );
      expect(await total()).toBe(9_000_000_000_256n);
      await tx.execute(q`DELETE FROM revision_savings WHERE revision_id = ${id}`);
      expect(await total()).toBe(0n);
    });
  });

  it("finds an arrangement by an organisation's new name once it is renamed", async () => {
    await inRollback(async (tx) => {
      const before = await published(tx, { q: "Zanzibarshire" });
      expect(before).toHaveLength(0);
      await tx.execute(
        q`UPDATE organisations SET name = 'Zanzibarshire Borough Council' WHERE code = 'E09000005'`,
      );
      const after = await published(tx, { q: "Zanzibarshire" });
      const [hub] = await tx.execute<{ id: number }>(
        q`SELECT id FROM arrangements WHERE slug LIKE 'hub-procurement%'`,
      );
      expect(after.map((r) => r.arrangement_id)).toContain(hub!.id);
    });
  });

  it("as of a moment, it is the revision published then — not a later or earlier one", async () => {
    await inRollback(async (tx) => {
      const { arrangementId, revisionIds } = await arrangementWithHistory(tx, [
        { approvedAt: "2015-01-10T12:00:00Z", pence: 100n },
        { approvedAt: "2016-01-10T12:00:00Z", pence: 250n },
      ]);
      const at = async (iso: string) =>
        (await published(tx, {}, { asOf: new Date(iso) })).filter(
          (r) => r.arrangement_id === arrangementId,
        );
      expect(await at("2015-01-10T11:59:59Z")).toEqual([]);
      expect((await at("2015-01-10T12:00:00Z")).map((r) => r.revision_id)).toEqual([
        revisionIds[0],
      ]);
      expect((await at("2016-01-10T11:59:59Z")).map((r) => r.total_pence)).toEqual([100n]);
      expect((await at("2016-01-10T12:00:00Z")).map((r) => r.revision_id)).toEqual([
        revisionIds[1],
      ]);
      expect((await published(tx)).filter((r) => r.arrangement_id === arrangementId)).toHaveLength(
        1,
      );
    });
  });

  it("never contains a draft, a submission or a rejected revision", async () => {
    await inRollback(async (tx) => {
      const { arrangementId } = await arrangementWithHistory(tx, [
        { approvedAt: "2016-01-10T12:00:00Z", pence: 100n },
      ]);
      for (const state of ["draft", "submitted", "rejected"]) {
        await tx.execute(q`UPDATE arrangement_revisions SET state = ${state}, reviewed_at = now()
          WHERE arrangement_id = ${arrangementId}`);
        const now = await published(tx);
        const then = await published(tx, {}, { asOf: new Date() });
        expect(now.some((r) => r.arrangement_id === arrangementId)).toBe(false);
        expect(then.some((r) => r.arrangement_id === arrangementId)).toBe(false);
      }
    });
  });

  it("search finds HuB Procurement by 'procurement Brent', ranked, and combines with filters", async () => {
    const hits = await db.transaction((tx) => published(tx, { q: "procurement Brent" }));
    const [hub] = await sql<{ id: number }[]>`
      SELECT id FROM arrangements WHERE slug LIKE 'hub-procurement%'`;
    expect(hits.map((r) => r.arrangement_id)).toContain(hub!.id);
    expect(hits.every((r) => r.rank > 0)).toBe(true);
    const inLondon = await db.transaction((tx) =>
      published(tx, {
        q: "procurement Brent",
        region: "london",
        category: "procurement-and-commissioning",
      }),
    );
    expect(inLondon.map((r) => r.arrangement_id)).toContain(hub!.id);
    const elsewhere = await db.transaction((tx) =>
      published(tx, { q: "procurement Brent", region: "north-east" }),
    );
    expect(elsewhere.map((r) => r.arrangement_id)).not.toContain(hub!.id);
  });

  it("each filter equals an independent query", async () => {
    const count = async (filters: Parameters<typeof publishedArrangements>[0]) =>
      (await db.transaction((tx) => published(tx, filters))).length;
    const [expected] = await sql<
      { fire: number; councils_only: number; ended: number; london: number; big: number }[]
    >`
      WITH p AS (
        SELECT a.id, r.id AS rid, r.stage, r.total_pence, lead.region
        FROM arrangements a JOIN arrangement_revisions r ON r.id = a.published_revision_id AND r.state = 'approved'
        JOIN organisations lead ON lead.id = a.lead_organisation_id)
      SELECT
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM revision_partners rp JOIN organisations o ON o.id = rp.organisation_id
                                      WHERE rp.revision_id = p.rid AND o.kind = 'fire'))::int AS fire,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM revision_partners rp JOIN organisations o ON o.id = rp.organisation_id
                                      WHERE rp.revision_id = p.rid AND o.kind <> 'council'))::int AS councils_only,
        count(*) FILTER (WHERE stage = 'ended')::int AS ended,
        count(*) FILTER (WHERE region = 'London')::int AS london,
        count(*) FILTER (WHERE total_pence >= 200000000)::int AS big
      FROM p`;
    expect(await count({ partner: "fire" })).toBe(expected!.fire);
    expect(await count({ partner: "councils-only" })).toBe(expected!.councils_only);
    expect(await count({ stage: "ended" })).toBe(expected!.ended);
    expect(await count({ region: "london" })).toBe(expected!.london);
    expect(await count({ minPence: 200_000_000n })).toBe(expected!.big);
    expect(expected!.fire).toBeGreaterThan(0);
    expect(expected!.london).toBeGreaterThan(0);
  });
});
