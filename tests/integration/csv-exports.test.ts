// The handlers read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as arrangementsCsv } from "@/app/data/arrangements.csv/route";
import { GET as dashboardCsv } from "@/app/data/dashboard/[file]/route";
import { GET as savingsCsv } from "@/app/data/savings.csv/route";
import { auditCsvStream } from "@/lib/audit-log/export";
import { parseAuditFilters } from "@/lib/audit-log/schemas";
import type { CurrentUser } from "@/lib/auth/access";
import { closeDatabases, testDatabase } from "../support/db";
import { reviewFixtures } from "../support/review";
import { createArrangement, pickOrganisation, removeArrangements } from "../support/stats-fixtures";

/*
 * Every CSV download, fed database rows whose text starts with a character that spreadsheets
 * run as a formula, must hand that text out inert (a leading apostrophe, lib/csv/writer.ts):
 * the open data files, the dashboard's top-arrangements table and the audit trail export.
 * (The import template holds no stored text; the writer's own tests cover the guard there.)
 */

const { sql } = testDatabase();
const run = randomUUID().slice(0, 8);
const prefix = `csv-guard-${run}-`;
const f = reviewFixtures(sql, "CsvGuard");

const STARTS = ["=", "+", "-", "@", "\t", "\r"];
const payload = (start: string, what: string) => `${start}HYPERLINK("http://x.example","${what}")`;
/** One title per dangerous first character, each findable by the run's id. */
const TITLES = STARTS.map((start, i) => payload(start, `csv ${run} ${i}`));

const inert = (text: string) => `'${text}`;
const readCsv = (text: string) =>
  parse(text, { bom: true, columns: true }) as Record<string, string>[];

beforeAll(async () => {
  const lead = await pickOrganisation(sql, "council", { region: "North East" });
  const neighbour = await pickOrganisation(sql, "council", { region: "North East", offset: 1 });
  for (const [i, title] of TITLES.entries()) {
    await createArrangement(sql, `${prefix}${i}`, {
      title,
      description: payload("-", `description ${i}`),
      category: "counter-fraud",
      partners: [lead, neighbour],
      contact: { name: payload("@", `contact ${i}`), email: `fraud.${run}@example.org` },
      state: "approved",
      // Large enough to be among the ten largest for the region and category below.
      savings: [{ year: 2017, pence: 90_000_000_000n + BigInt(i), kind: "actual" }],
    });
  }
});

afterAll(async () => {
  await removeArrangements(sql, prefix);
  await f.cleanup();
  await closeDatabases(sql);
});

describe("formulas in stored text come out inert in every CSV download", () => {
  it("open data: arrangements.csv and savings.csv", async () => {
    const query = `?q=${run}`;
    const arrangements = readCsv(
      await (
        await arrangementsCsv(new Request(`http://localhost/data/arrangements.csv${query}`))
      ).text(),
    );
    const ours = arrangements.filter((r) => r.slug!.startsWith(prefix));
    expect(ours.map((r) => r.title).sort()).toEqual(TITLES.map(inert).sort());
    for (const row of ours) {
      expect(row.description).toMatch(/^'-HYPERLINK/);
      expect(row.contact_name).toMatch(/^'@HYPERLINK/);
      // Money stays numeric: digits, no apostrophe.
      expect(row.total_pence).toMatch(/^9000000000\d$/);
      expect(row.total_pounds).toMatch(/^900000000\.0\d$/);
    }

    const savings = readCsv(
      await (await savingsCsv(new Request(`http://localhost/data/savings.csv${query}`))).text(),
    );
    const lines = savings.filter((r) => r.arrangement_slug!.startsWith(prefix));
    expect(lines.map((r) => r.arrangement_title).sort()).toEqual(TITLES.map(inert).sort());
    expect(lines.every((r) => /^\d+$/.test(r.amount_pence!))).toBe(true);
  });

  it("dashboard: top-arrangements.csv", async () => {
    const file = "top-arrangements.csv";
    const response = await dashboardCsv(
      new Request(
        `http://localhost/data/dashboard/${file}?region=north-east&category=counter-fraud`,
      ),
      { params: Promise.resolve({ file }) },
    );
    expect(response.status).toBe(200);
    const rows = readCsv(await response.text());
    const ours = rows.filter((r) => r.arrangement_path!.startsWith(`/arrangements/${prefix}`));
    expect(ours.map((r) => r.arrangement).sort()).toEqual(TITLES.map(inert).sort());
    expect(ours.every((r) => /^9000000000\d$/.test(r.savings_pence!))).toBe(true);
  });

  it("audit trail export: names of people and organisations, request ids", async () => {
    const admin: CurrentUser = await f.makeUser("admin");
    const [org] = await sql<{ id: number; name: string }[]>`
      select id, name from organisations where kind = 'police' order by code limit 1`;
    const action = `csv-guard.${run}`;
    const actors = STARTS.map((start, i) => payload(start, `person ${i}`));
    try {
      // Renamed for this test only (events cannot be deleted, so no new organisation is made).
      await sql`update organisations set name = ${payload("=", "organisation")} where id = ${org!.id}`;
      for (const [i, name] of actors.entries()) {
        const [user] = await sql<{ id: number }[]>`
          insert into users (email, name, role, status)
          values (${`person-${i}@${f.domain}`}, ${name}, 'admin', 'disabled') returning id`;
        await sql`
          insert into audit_events (actor_user_id, organisation_id, action, entity_type, request_id)
          values (${user!.id}, ${org!.id}, ${action}, 'user', ${payload("+", `request ${i}`)})`;
      }
      const { filters } = parseAuditFilters({ action });
      const stream = await auditCsvStream(admin, filters, f.request);
      const rows = readCsv(await new Response(stream).text());
      expect(rows).toHaveLength(STARTS.length);
      expect(rows.map((r) => r.actor_name).sort()).toEqual(actors.map(inert).sort());
      // The sentence starts with the person's name, so it is guarded too.
      expect(rows.map((r) => r.description).sort()).toEqual(
        actors
          .map((name) =>
            inert(
              `${name} (${payload("=", "organisation")}) recorded “Csv guard: ${run}” about an account`,
            ),
          )
          .sort(),
      );
      for (const row of rows) {
        expect(row.organisation_name).toBe(inert(payload("=", "organisation")));
        expect(row.request_id).toMatch(/^'\+HYPERLINK/);
        expect(row.id).toMatch(/^\d+$/);
      }
    } finally {
      await sql`update organisations set name = ${org!.name} where id = ${org!.id}`;
    }
  });
});
