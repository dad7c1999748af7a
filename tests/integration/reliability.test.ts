// The commands read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as appSql } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { saveDraft } from "@/lib/arrangements/commands";
import { getForEdit } from "@/lib/arrangements/queries";
import { testDatabase } from "../support/db";

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
  await sql`delete from arrangements where created_by_id in (
              select id from users where email like ${`%.${run}@test.example.org`})`;
  await sql`update users set status = 'disabled' where email like ${`%.${run}@test.example.org`}`;
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
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
