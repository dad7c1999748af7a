import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { saveDraft, submitForReview } from "@/lib/arrangements/commands";
import type { CommandResult } from "@/lib/commands/result";
import type { ArrangementFormValues } from "@/lib/arrangements/schema";
import type { CurrentUser } from "@/lib/auth/access";
import { approveRevision } from "@/lib/review/commands";
import type { Sql } from "@/db/client";

/*
 * Shared by the review, editions, history and audit integration tests: users made straight in
 * the database, arrangements made and submitted through the editor's real commands, and a
 * cleanup that removes them again (the end-to-end run after these suites checks the demo set's
 * exact totals on the home page).
 */

export const DEVON = "E10000008";
export const SOMERSET = "E10000027";
export const EAST_DEVON = "E07000040";
export const TORBAY = "E06000027";

/** Fails with the whole result shown, and narrows it to its success type. */
export function expectOk<T extends { ok: boolean }>(
  result: T,
): asserts result is Extract<T, { ok: true }> {
  expect(
    result,
    JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)),
  ).toMatchObject({ ok: true });
}

export function reviewFixtures(sql: Sql, label: string) {
  const run = `${label}-${randomUUID().slice(0, 8)}`;
  const domain = `${run}.test.example.org`;
  let n = 0;
  const request = { requestId: `${run}-request` };

  async function makeUser(
    role: "admin" | "council_editor",
    organisationCode: string | null = role === "admin" ? null : DEVON,
  ): Promise<CurrentUser> {
    n += 1;
    const email = `${role}-${n}@${domain}`;
    const name = `${label} ${role === "admin" ? "Admin" : "Editor"} ${n}`;
    const [row] = await sql<{ id: number; organisation_id: number | null }[]>`
      insert into users (email, name, role, organisation_id, status)
      values (${email}, ${name}, ${role},
              ${organisationCode ? sql`(select id from organisations where code = ${organisationCode})` : null},
              'active')
      returning id, organisation_id`;
    return {
      id: row!.id,
      email,
      name,
      role,
      organisationId: row!.organisation_id,
      sessionId: `none-${row!.id}`,
    };
  }

  function form(overrides: Partial<ArrangementFormValues> = {}): ArrangementFormValues {
    n += 1;
    return {
      title: `${label} shared service ${run} ${n}`,
      description: "A combined team for two councils.",
      mainCategory: "regulatory-services",
      furtherCategories: ["legal"],
      stage: "operational",
      startDate: "2018-04-01",
      endDate: "",
      partners: [SOMERSET, EAST_DEVON],
      savingsYear: ["2018", "2019"],
      savingsAmount: ["1,000,000", "250,000.50"],
      savingsKind: ["actual", "forecast"],
      noSavingsReason: "",
      benefits: ["resilience"],
      contactName: "Shared services team",
      contactEmail: "shared@devon.example.org",
      ...overrides,
    };
  }

  /** A draft saved (new, or over the arrangement's current state) by the editor. */
  async function save(editor: CurrentUser, values = form(), arrangementId?: number) {
    let baseVersion: number | null = null;
    if (arrangementId) {
      const [row] = await sql<{ lock_version: number }[]>`
        select lock_version from arrangements where id = ${arrangementId}`;
      baseVersion = row!.lock_version;
    }
    const result = await saveDraft(
      editor,
      { arrangementId, baseVersion, idempotencyKey: randomUUID(), values },
      request,
    );
    expectOk(result as CommandResult<{ arrangementId: number }>);
    return result as Extract<typeof result, { ok: true }>;
  }

  /** Saved and submitted for review; returns the submitted revision's ids. */
  async function submit(editor: CurrentUser, values = form(), arrangementId?: number) {
    const saved = await save(editor, values, arrangementId);
    expectOk(
      await submitForReview(
        editor,
        { declared: true, arrangementId: saved.arrangementId },
        request,
      ),
    );
    return saved;
  }

  /** Submitted, then approved by the administrator. */
  async function publish(
    editor: CurrentUser,
    admin: CurrentUser,
    values = form(),
    arrangementId?: number,
  ) {
    const saved = await submit(editor, values, arrangementId);
    expectOk(await approveRevision(admin, { revisionId: saved.revisionId }, request));
    return saved;
  }

  async function cleanup() {
    // Revisions, partners and savings cascade; audit events stay (they cannot be deleted).
    await sql`delete from arrangements where lead_organisation_id is not null and id in (
      select arrangement_id from arrangement_revisions where author_id in (
        select id from users where email like ${`%@${domain}`}))`;
    await sql`update users set status = 'disabled' where email like ${`%@${domain}`}`;
    // The app's cached public pages must drop anything these tests published.
    await sql`insert into cache_invalidations (tag) values ('public-register')`;
  }

  return { run, domain, request, makeUser, form, save, submit, publish, cleanup };
}
