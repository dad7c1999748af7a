// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/access";
import { saveDraft } from "@/lib/arrangements/commands";
import { getForEdit } from "@/lib/arrangements/queries";
import { closeDatabases, removeRunArrangements, testDatabase } from "../support/db";

/*
 * Many people at once, against the real database: twenty editors save the same record from
 * forms loaded at the same version. Exactly one save may win; every other editor must be told
 * of the conflict, and the database must hold the winner's text.
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
const request = { requestId: `reliability-test-${run}` };
const EDITORS = 20;

const editors: CurrentUser[] = [];

beforeAll(async () => {
  const [devon] = await sql<
    { id: number }[]
  >`select id from organisations where code = 'E10000008'`;
  for (let i = 0; i < EDITORS; i++) {
    const email = `parallel-${i}.${run}@test.example.org`;
    const [row] = await sql<{ id: number }[]>`
      insert into users (email, name, role, organisation_id, status)
      values (${email}, ${`Parallel editor ${i}`}, 'council_editor', ${devon!.id}, 'active')
      returning id`;
    editors.push({
      id: row!.id,
      email,
      name: `Parallel editor ${i}`,
      role: "council_editor",
      organisationId: devon!.id,
      sessionId: `none-${row!.id}`,
    });
  }
});

afterAll(async () => {
  await removeRunArrangements(sql, run);
  await closeDatabases(sql);
});

describe("concurrent editors", () => {
  it(`${EDITORS} editors saving the same record at once: exactly one wins, the rest see the conflict`, async () => {
    const created = await saveDraft(
      editors[0]!,
      {
        idempotencyKey: randomUUID(),
        values: {
          title: `Shared legal service ${run}`,
          description: "Legal advice for two councils.",
          mainCategory: "legal",
          stage: "operational",
          startDate: "2019-04-01",
          partners: ["E10000027"],
          savingsYear: ["2019"],
          savingsAmount: ["100000"],
          savingsKind: ["actual"],
        },
      },
      request,
    );
    if (!created.ok) throw new Error(JSON.stringify(created));
    const loaded = await getForEdit(editors[0]!, created.arrangementId);
    const baseVersion = loaded!.baseVersion;

    const results = await Promise.all(
      editors.map((editor, i) =>
        saveDraft(
          editor,
          {
            arrangementId: created.arrangementId,
            baseVersion,
            idempotencyKey: randomUUID(),
            values: { ...loaded!.values, title: `Shared legal service ${run} by editor ${i}` },
          },
          request,
        ),
      ),
    );

    const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => !r.ok);
    expect(losers).toHaveLength(EDITORS - 1);
    const winnerName = editors[winners[0]!]!.name;
    for (const loser of losers) {
      expect(loser).toMatchObject({ ok: false, reason: "conflict" });
      if (!loser.ok && loser.reason === "conflict") {
        expect(loser.conflict.changedByName).toBe(winnerName);
        expect(loser.conflict.stored.title).toBe(
          `Shared legal service ${run} by editor ${winners[0]}`,
        );
      }
    }
    const [row] = await sql<{ title: string; lock_version: number; events: number }[]>`
      select r.title, a.lock_version,
             (select count(*)::int from audit_events e
              where e.entity_type = 'arrangement' and e.entity_id = a.id::text
                and e.action = 'arrangement.draft_saved') as events
      from arrangements a join arrangement_revisions r on r.arrangement_id = a.id
      where a.id = ${created.arrangementId}`;
    expect(row!.title).toBe(`Shared legal service ${run} by editor ${winners[0]}`);
    expect(row!.lock_version).toBe(baseVersion + 1);
    expect(row!.events).toBe(1);
  });
});

describe("a connection killed by the server", () => {
  it("fails only its own transaction: the pool keeps working, with no stuck connection and no crash", async () => {
    // postgres.js 3.4.9 left a connection whose socket died with a write pending unable ever to
    // write again (queries on it timed out) and threw from a timer; patches/postgres+3.4.9.patch
    // fixes both. This proves the patch is applied.
    const url = process.env.DATABASE_URL!;
    const app = postgres(url, {
      max: 5,
      connect_timeout: 3,
      onnotice: () => {},
      connection: { application_name: `reliability-${run}` },
    });
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      await Promise.all(Array.from({ length: 8 }, () => app`select pg_sleep(0.02)`));
      let failed: string | undefined;
      await sql.begin(async (tx) => {
        await tx`lock table audit_events in share row exclusive mode`;
        const blocked = app
          .begin(async (t) => {
            await t`select 1`;
            await t`insert into audit_events (action, entity_type) values ('test', 'test')`;
          })
          .catch((error: { code?: string }) => {
            failed = error.code;
          });
        await expect
          .poll(
            async () =>
              (
                await tx<{ n: number }[]>`
                    select count(*)::int as n from pg_stat_activity
                    where application_name = ${`reliability-${run}`} and wait_event_type = 'Lock'`
              )[0]!.n,
          )
          .toBe(1);
        await tx`select pg_terminate_backend(pid) from pg_stat_activity
                   where application_name = ${`reliability-${run}`} and wait_event_type = 'Lock'`;
        await blocked;
      });
      expect(failed).toBe("CONNECTION_CLOSED");
      // Every slot of the pool answers again; none hangs until its connect timeout.
      for (let round = 0; round < 3; round++) {
        const results = await Promise.allSettled(
          Array.from({ length: 10 }, () => app`select pg_sleep(0.01)`),
        );
        const codes = results.flatMap((r) =>
          r.status === "rejected" ? [(r.reason as { code?: string }).code] : [],
        );
        // The server's own notice of the kill may reach one query once; never a timeout.
        expect(codes.filter((c) => c !== "57P01")).toEqual([]);
        if (round > 0) expect(codes).toEqual([]);
      }
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
      await app.end({ timeout: 1 });
    }
  });
});
