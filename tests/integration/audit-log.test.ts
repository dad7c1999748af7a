process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECLARATION } from "@/lib/arrangements/declaration";
import { sql as appSql } from "@/db/client";
import { auditCsvStream } from "@/lib/audit-log/export";
import { auditEventBatches, auditFilterOptions, listAuditEvents } from "@/lib/audit-log/queries";
import { parseAuditFilters } from "@/lib/audit-log/schemas";
import type { CurrentUser } from "@/lib/auth/access";
import { instantToLondon } from "@/lib/editions/london-time";
import { closeDatabases, testDatabase } from "../support/db";
import { reviewFixtures } from "../support/review";

/*
 * The audit log: append-only for everyone, the application's own connection included; filtered
 * and paged reads with readable before/after; the CSV export of exactly the filtered set.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Audit");
let editor: CurrentUser;
let admin: CurrentUser;
let approvedArrangement: number;

beforeAll(async () => {
  editor = await f.makeUser("council_editor");
  admin = await f.makeUser("admin");
  const made = await f.publish(editor, admin, f.form({ title: `Audited ${f.run}` }));
  approvedArrangement = made.arrangementId;
});

afterAll(async () => {
  await f.cleanup();
  await closeDatabases(sql);
});

type PgError = { code?: string; message?: string };

async function refused(run: () => Promise<unknown>): Promise<PgError> {
  try {
    await run();
  } catch (error) {
    return error as PgError;
  }
  throw new Error("the statement was not refused");
}

describe("the audit trail cannot be changed", () => {
  it("refuses UPDATE, DELETE and TRUNCATE from the application's own connection", async () => {
    const app = appSql();
    const [latest] = await app<{ id: string; action: string }[]>`
      select id::text as id, action from audit_events order by id desc limit 1`;
    const update = await refused(
      () => app`update audit_events set action = 'tampered' where id = ${latest!.id}`,
    );
    expect(update.code).toBe("42501");
    const remove = await refused(() => app`delete from audit_events where id = ${latest!.id}`);
    expect(remove.code).toBe("42501");
    const truncate = await refused(() => app`truncate audit_events`);
    expect(truncate.code).toBe("42501");
    const [after] = await app<
      { action: string }[]
    >`select action from audit_events where id = ${latest!.id}`;
    expect(after!.action).toBe(latest!.action);
  });

  it("a role granted only SELECT and INSERT cannot change it either", async () => {
    const role = `audit_reader_${f.run.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
    const outcome = await sql
      .begin(async (tx) => {
        await tx.unsafe(`create role ${role} nologin`);
        await tx.unsafe(`grant select, insert on audit_events to ${role}`);
        await tx.unsafe(`set local role ${role}`);
        const [row] = await tx<{ n: number }[]>`select count(*)::int as n from audit_events`;
        expect(row!.n).toBeGreaterThan(0);
        await tx`savepoint attempt`;
        const update = await refused(() => tx`update audit_events set action = 'tampered'`);
        await tx`rollback to savepoint attempt`;
        const remove = await refused(() => tx`delete from audit_events`);
        throw Object.assign(new Error("rollback"), { update, remove });
      })
      .catch((e: { update?: PgError; remove?: PgError }) => e);
    expect(outcome.update?.code).toBe("42501");
    expect(outcome.remove?.code).toBe("42501");
    const [left] = await sql<
      { n: number }[]
    >`select count(*)::int as n from pg_roles where rolname = ${role}`;
    expect(left!.n).toBe(0);
  });
});

describe("reading the trail", () => {
  it("filters by organisation, user, action and dates, and pages", async () => {
    const today = instantToLondon(new Date()).date;
    const { filters } = parseAuditFilters({
      user: String(admin.id),
      action: "arrangement.approved",
      organisation: String(editor.organisationId),
      from: today,
      to: today,
    });
    const page = await listAuditEvents(admin, filters);
    const [expected] = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_events
      where actor_user_id = ${admin.id} and action = 'arrangement.approved'
        and organisation_id = ${editor.organisationId}`;
    expect(page.total).toBe(expected!.n);
    expect(page.total).toBeGreaterThan(0);
    const event = page.events.find((e) => e.entityId === String(approvedArrangement))!;
    expect(event).toMatchObject({
      actorName: admin.name,
      organisationName: "Devon County Council",
    });
    // Before/after as a readable diff: labels, old → new, money in pounds.
    const labels = event.changes.map((c) => c.label);
    expect(labels).toContain("Status");
    expect(event.changes.find((c) => c.label === "Content › Title")).toMatchObject({
      before: null,
      after: `Audited ${f.run}`,
    });
    expect(event.changes.find((c) => c.label === "Content › Savings")!.after).toBe(
      "2018/19: £1,000,000, actual\n2019/20: £250,000.50, forecast",
    );

    // A day range that ended yesterday holds none of today's events.
    const yesterday = instantToLondon(new Date(Date.now() - 36 * 3600_000)).date;
    const none = await listAuditEvents(
      admin,
      parseAuditFilters({ user: String(admin.id), to: yesterday }).filters,
    );
    expect(none.total).toBe(0);

    // A second page to read, even when this file runs alone on a fresh database.
    const [written] = await sql<{ n: number }[]>`select count(*)::int as n from audit_events`;
    if (written!.n <= 50)
      await sql`
        insert into audit_events (actor_user_id, action, entity_type, entity_id)
        select ${admin.id}, 'auth.sign_out', 'user', ${String(admin.id)}
        from generate_series(1, ${51 - written!.n})`;
    const all = await listAuditEvents(admin, parseAuditFilters({}).filters);
    const [count] = await sql<{ n: number }[]>`select count(*)::int as n from audit_events`;
    expect(all.total).toBeGreaterThanOrEqual(count!.n);
    expect(all.events).toHaveLength(Math.min(50, all.total));
    const ids = all.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const second = await listAuditEvents(admin, { ...parseAuditFilters({}).filters, page: 2 });
    expect(second.events[0]!.id).toBeLessThan(ids.at(-1)!);
  });

  it("explains bad dates beside the fields and leaves them out", () => {
    const bad = parseAuditFilters({ from: "2017-02-30", to: "yesterday" });
    expect(bad.filters.from).toBeUndefined();
    expect(bad.filters.to).toBeUndefined();
    expect(bad.errors).toEqual({
      from: "Date from must be a real date, like 2017-03-31",
      to: "Date to must be a real date, like 2017-03-31",
    });
    expect(parseAuditFilters({ from: "2018-01-02", to: "2018-01-01" }).errors).toEqual({
      to: "Date to must be the same as or after date from",
    });
  });

  it("offers the actions, people and organisations that occur", async () => {
    const options = await auditFilterOptions(admin);
    expect(options.actions).toEqual(
      expect.arrayContaining(["arrangement.approved", "arrangement.submitted"]),
    );
    expect(options.users.map((u) => u.id)).toEqual(expect.arrayContaining([admin.id, editor.id]));
    await expect(listAuditEvents(editor, parseAuditFilters({}).filters)).rejects.toThrow();
  });

  it("exports exactly the filtered set as CSV, in batches, and audits the export", async () => {
    await f.submit(editor); // two more events: created, submitted
    const { filters } = parseAuditFilters({
      organisation: String(editor.organisationId),
      user: String(editor.id),
    });
    const stream = await auditCsvStream(admin, filters, f.request);
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    // A UTF-8 byte-order mark first, so spreadsheet programs read names with accents rightly.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("id,at_utc,action,")).toBe(true);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    const expected = await sql<{ id: string }[]>`
      select id::text as id from audit_events
      where organisation_id = ${editor.organisationId} and actor_user_id = ${editor.id} order by id desc`;
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    const submitted = rows.find((r) => r.action === "arrangement.submitted")!;
    expect(submitted.changes).toContain("State: (none) → submitted");
    // The submission records the declaration the editor confirmed (lib/arrangements/declaration.ts).
    expect(JSON.parse(submitted.after_json!)).toEqual({
      state: "submitted",
      declared: DECLARATION,
    });

    // Batches join up without gaps or repeats whatever their size.
    const batched: number[] = [];
    for await (const batch of auditEventBatches(admin, filters, 3))
      batched.push(...batch.map((e) => e.id));
    expect(batched.map(String)).toEqual(expected.map((r) => r.id));

    const [exported] = await sql<{ after: { filters: Record<string, unknown> } }[]>`
      select after from audit_events where action = 'audit.exported' and actor_user_id = ${admin.id}
      order by id desc limit 1`;
    expect(exported!.after.filters).toMatchObject({
      organisation: editor.organisationId,
      user: editor.id,
    });
  });
});
