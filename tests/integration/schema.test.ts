import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Rollback, testDatabase } from "../support/db";

const { sql } = testDatabase();
afterAll(() => sql.end());

const journal = JSON.parse(
  readFileSync(path.join(process.cwd(), "db/migrations/meta/_journal.json"), "utf8"),
) as { entries: { tag: string }[] };

describe("migrations", () => {
  it("applied every committed migration, from empty, exactly once", async () => {
    const rows = await sql<
      { n: number }[]
    >`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(rows[0]!.n).toBe(journal.entries.length);
  });

  it("created every table of the data model", async () => {
    const rows = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "arrangement_revisions",
        "arrangements",
        "audit_events",
        "editions",
        "organisations",
        "revision_categories",
        "revision_partners",
        "revision_savings",
        "service_categories",
        "users",
      ]),
    );
  });
});

/** Creates an arrangement with one revision in `state` inside `tx`, returning its ids. */
async function makeArrangement(tx: typeof sql, state = "draft") {
  const [org] = await tx<
    { id: number }[]
  >`select id from organisations where kind = 'council' limit 1`;
  const [cat] = await tx<{ id: number }[]>`select id from service_categories limit 1`;
  const [arr] = await tx<{ id: number }[]>`
    insert into arrangements (slug, lead_organisation_id)
    values (${"test-" + Math.random().toString(36).slice(2)}, ${org!.id}) returning id`;
  await tx`
    insert into arrangement_revisions (arrangement_id, version, title, description, main_category_id, stage, state)
    values (${arr!.id}, 1, 'Test', 'Test', ${cat!.id}, 'operational', ${state})`;
  return { arrangementId: arr!.id, categoryId: cat!.id };
}

async function expectRefusedInTransaction(work: (tx: typeof sql) => Promise<unknown>) {
  let refused: unknown;
  await sql
    .begin(async (tx) => {
      try {
        await work(tx as unknown as typeof sql);
      } catch (error) {
        refused = error;
      }
      throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return refused as { code?: string; constraint_name?: string } | undefined;
}

describe("database rules", () => {
  it("refuses a second open revision (draft or submitted) for one arrangement", async () => {
    const error = await expectRefusedInTransaction(async (tx) => {
      const { arrangementId, categoryId } = await makeArrangement(tx, "submitted");
      await tx`
        insert into arrangement_revisions (arrangement_id, version, title, description, main_category_id, stage, state)
        values (${arrangementId}, 2, 'Second', 'Second', ${categoryId}, 'operational', 'draft')`;
    });
    expect(error?.code).toBe("23505");
    expect(error?.constraint_name).toBe("arrangement_revisions_one_open_key");
  });

  it("allows a new draft beside closed (approved, rejected) revisions", async () => {
    const error = await expectRefusedInTransaction(async (tx) => {
      const { arrangementId, categoryId } = await makeArrangement(tx, "draft");
      await tx`update arrangement_revisions set state = 'rejected', reviewed_at = now() where arrangement_id = ${arrangementId}`;
      await tx`
        insert into arrangement_revisions (arrangement_id, version, title, description, main_category_id, stage, state)
        values (${arrangementId}, 2, 'Again', 'Again', ${categoryId}, 'operational', 'draft')`;
    });
    expect(error).toBeUndefined();
  });

  it("refuses negative pence, impossible years and an end before the start", async () => {
    const negative = await expectRefusedInTransaction(async (tx) => {
      const { arrangementId } = await makeArrangement(tx);
      const [rev] = await tx<
        { id: number }[]
      >`select id from arrangement_revisions where arrangement_id = ${arrangementId}`;
      await tx`insert into revision_savings (revision_id, financial_year, amount_pence, kind) values (${rev!.id}, 2016, -1, 'actual')`;
    });
    expect(negative?.constraint_name).toBe("revision_savings_amount_check");

    const year = await expectRefusedInTransaction(async (tx) => {
      const { arrangementId } = await makeArrangement(tx);
      const [rev] = await tx<
        { id: number }[]
      >`select id from arrangement_revisions where arrangement_id = ${arrangementId}`;
      await tx`insert into revision_savings (revision_id, financial_year, amount_pence, kind) values (${rev!.id}, 1850, 100, 'actual')`;
    });
    expect(year?.constraint_name).toBe("revision_savings_year_check");

    const dates = await expectRefusedInTransaction(async (tx) => {
      const { arrangementId } = await makeArrangement(tx);
      await tx`update arrangement_revisions set start_date = '2017-04-01', end_date = '2016-04-01' where arrangement_id = ${arrangementId}`;
    });
    expect(dates?.constraint_name).toBe("arrangement_revisions_dates_check");
  });

  it("stores pence beyond 2^53 exactly (bigint, never floating point)", async () => {
    const big = 9007199254740993n; // 2^53 + 1: a float would round it
    const [row] = await sql<{ v: bigint }[]>`select ${big.toString()}::bigint as v`;
    expect(row!.v).toBe(big);
  });

  it("keeps emails unique regardless of case", async () => {
    const error = await expectRefusedInTransaction(async (tx) => {
      await tx`insert into users (email, name, role) values ('Case.Test@Example.org', 'A', 'admin')`;
      await tx`insert into users (email, name, role) values ('case.test@example.ORG', 'B', 'admin')`;
    });
    expect(error?.constraint_name).toBe("users_email_lower_key");
  });

  it("never lets an audit event be changed or deleted", async () => {
    const update = await expectRefusedInTransaction(async (tx) => {
      await tx`insert into audit_events (action, entity_type) values ('test', 'test')`;
      await tx`update audit_events set action = 'changed' where action = 'test'`;
    });
    expect(update?.code).toBe("42501");
    const del = await expectRefusedInTransaction(async (tx) => {
      await tx`insert into audit_events (action, entity_type) values ('test', 'test')`;
      await tx`delete from audit_events where action = 'test'`;
    });
    expect(del?.code).toBe("42501");
  });
});
