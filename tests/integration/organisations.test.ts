process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { sql as q } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db as appDb, sql as appSql, type Tx } from "@/db/client";
import type { CurrentUser } from "@/lib/auth/access";
import { createOrganisation, markReplaced, updateOrganisation } from "@/lib/organisations/commands";
import { getOrganisation, listOrganisations } from "@/lib/organisations/queries";
import { nowPartOf } from "@/lib/organisations/successors";
import { Rollback, testDatabase } from "../support/db";
import { reviewFixtures } from "../support/review";

/*
 * The administrators' organisation commands. Each test runs inside a transaction that is rolled
 * back (the commands take it as `options.db` and run as a savepoint), so the shared database's
 * councils — whose counts other suites check — are never left changed.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Organisations");
let admin: CurrentUser;
let editor: CurrentUser;

beforeAll(async () => {
  admin = await f.makeUser("admin");
  editor = await f.makeUser("council_editor");
});

afterAll(async () => {
  await f.cleanup();
  await sql.end();
  await appSql().end();
  delete (globalThis as { __sharedServicesDb?: unknown }).__sharedServicesDb;
});

/** Runs `work` in a transaction of the app's own pool, then rolls everything back. */
async function rolledBack(work: (tx: Tx) => Promise<void>) {
  try {
    await appDb().transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    return;
  }
  throw new Error("the transaction was not rolled back");
}

async function idOf(tx: Tx, code: string): Promise<number> {
  const rows = await tx.execute<{ id: number }>(
    q`select id from organisations where code = ${code}`,
  );
  return Number(rows[0]!.id);
}

describe("bodies that are not councils", () => {
  it("adds one with a generated code, refuses a duplicate, edits it, and audits both", async () => {
    await rolledBack(async (tx) => {
      const made = await createOrganisation(
        admin,
        {
          kind: "fire",
          name: "Test Valley Fire and Rescue Service",
          shortName: "Test Valley Fire",
          region: "South West",
        },
        f.request,
        { db: tx },
      );
      expect(made).toMatchObject({ ok: true, code: "fire:test-valley-fire" });
      if (!made.ok) return;

      const again = await createOrganisation(
        admin,
        { kind: "fire", name: "Another", code: "fire:test-valley-fire" },
        f.request,
        { db: tx },
      );
      expect(again).toMatchObject({
        ok: false,
        errors: { code: "Another organisation already has this code" },
      });
      const second = await createOrganisation(
        admin,
        {
          kind: "fire",
          name: "Test Valley Fire and Rescue Service (new)",
          shortName: "Test Valley Fire",
        },
        f.request,
        { db: tx },
      );
      expect(second).toMatchObject({ ok: true, code: "fire:test-valley-fire-2" });

      const detail = (await getOrganisation(admin, made.organisationId, tx))!;
      const edited = await updateOrganisation(
        admin,
        {
          organisationId: String(made.organisationId),
          version: detail.version,
          kind: "fire",
          name: "Test Valley and Moor Fire and Rescue Service",
          shortName: "",
          region: "South West",
          startDate: "2019-04-01",
          endDate: "",
        },
        f.request,
        { db: tx },
      );
      expect(edited).toMatchObject({ ok: true });
      const after = (await getOrganisation(admin, made.organisationId, tx))!;
      expect(after).toMatchObject({
        name: "Test Valley and Moor Fire and Rescue Service",
        shortName: "Test Valley and Moor Fire and Rescue Service",
        startDate: "2019-04-01",
        endDate: null,
      });
      // The form loaded before the edit is now out of date.
      const stale = await updateOrganisation(
        admin,
        {
          organisationId: made.organisationId,
          version: detail.version,
          kind: "fire",
          name: "Lost update",
        },
        f.request,
        { db: tx },
      );
      expect(stale).toMatchObject({ ok: false });
      if (!stale.ok)
        expect(stale.message).toContain("changed this organisation since you opened it");

      const events = await tx.execute<{ action: string; before: unknown; after: { name: string } }>(
        q`select action, before, after from audit_events
          where entity_type = 'organisation' and entity_id = ${String(made.organisationId)} order by id`,
      );
      expect(events.map((e) => e.action)).toEqual(["organisation.created", "organisation.updated"]);
      expect(events[1]!.after.name).toBe("Test Valley and Moor Fire and Rescue Service");
    });
  });

  it("validates with GOV.UK messages", async () => {
    const result = await createOrganisation(
      admin,
      {
        kind: "council",
        name: "  ",
        code: "no spaces allowed",
        startDate: "2020-02-30",
        endDate: "2019-01-01",
      },
      f.request,
    );
    expect(result).toMatchObject({
      ok: false,
      errors: {
        kind: "Select what kind of body it is",
        name: "Enter the name",
        code: expect.stringContaining("Code must be letters, numbers"),
        startDate: "Start date must be a real date, like 2019-04-01",
      },
    });
    const order = await createOrganisation(
      admin,
      { kind: "other", name: "Dates backwards", startDate: "2020-01-01", endDate: "2019-01-01" },
      f.request,
    );
    expect(order).toMatchObject({
      ok: false,
      errors: { endDate: "End date must be the same as or after the start date" },
    });
  });

  it("refuses editors, and refuses to edit a council's reference data", async () => {
    expect(
      await createOrganisation(editor, { kind: "other", name: "Nope" }, f.request),
    ).toMatchObject({
      ok: false,
      message: "Only administrators can do this.",
    });
    await expect(listOrganisations(editor)).rejects.toThrow();
    await rolledBack(async (tx) => {
      const devon = await idOf(tx, "E10000008");
      const result = await updateOrganisation(
        admin,
        { organisationId: devon, kind: "other", name: "Renamed Devon" },
        f.request,
        { db: tx },
      );
      expect(result).toMatchObject({ ok: false });
      if (!result.ok) expect(result.message).toContain("Councils come from the ONS reference data");
    });
  });
});

describe("a council replaced by another", () => {
  it("records the last day and successor; its arrangements stay; public pages can say 'now part of'", async () => {
    // Allerdale really was replaced by Cumberland on 1 April 2023; start from a clean slate.
    await rolledBack(async (tx) => {
      const allerdale = await idOf(tx, "E07000026");
      const cumberland = await idOf(tx, "E06000063");
      const carlisle = await idOf(tx, "E07000028");
      await tx.execute(
        q`update organisations set end_date = null, replaced_by_id = null where id = ${allerdale}`,
      );
      const [ledBefore] = await tx.execute<{ n: number }>(
        q`select count(*)::int as n from arrangements where lead_organisation_id = ${allerdale}`,
      );

      const detail = (await getOrganisation(admin, allerdale, tx))!;
      const cases: [Record<string, unknown>, Record<string, string>][] = [
        [
          { endDate: "", replacedById: "" },
          {
            endDate: "Enter the council's last day",
            replacedById: "Select the council that replaced it",
          },
        ],
        [
          { endDate: "2023-03-31", replacedById: allerdale },
          { replacedById: "A council cannot replace itself: select its successor" },
        ],
        [
          { endDate: "2023-03-31", replacedById: await idOf(tx, "fire:001") },
          { replacedById: "Select the council that replaced it from the list" },
        ],
        // Cumberland began on 1 April 2023: it was not there the day after 31 March 2020.
        [
          { endDate: "2020-03-31", replacedById: cumberland },
          {
            replacedById: expect.stringContaining(
              "was not operating on 1 April 2020",
            ) as unknown as string,
          },
        ],
      ];
      for (const [input, errors] of cases) {
        const result = await markReplaced(
          admin,
          { organisationId: allerdale, version: detail.version, ...input },
          f.request,
          { db: tx },
        );
        expect(result, JSON.stringify(input)).toMatchObject({ ok: false, errors });
      }

      const done = await markReplaced(
        admin,
        {
          organisationId: allerdale,
          version: detail.version,
          endDate: "2023-03-31",
          replacedById: cumberland,
        },
        f.request,
        { db: tx },
      );
      expect(done).toMatchObject({ ok: true });
      if (done.ok)
        expect(done.message).toContain("now part of Cumberland Council. Its arrangements stay.");
      const after = (await getOrganisation(admin, allerdale, tx))!;
      expect(after).toMatchObject({
        endDate: "2023-03-31",
        replacedById: cumberland,
        replacedByName: "Cumberland Council",
      });
      // The succession the rule reads: the whole council, from the day after its last day.
      const successions = await tx.execute<{
        successor_id: number;
        effective: string;
        share_bp: number;
      }>(
        q`select successor_id, effective_date::text as effective, share_bp
          from organisation_successions where predecessor_id = ${allerdale}`,
      );
      expect([...successions]).toEqual([
        { successor_id: cumberland, effective: "2023-04-01", share_bp: 10_000 },
      ]);
      const [ledAfter] = await tx.execute<{ n: number }>(
        q`select count(*)::int as n from arrangements where lead_organisation_id = ${allerdale}`,
      );
      expect(ledAfter!.n).toBe(ledBefore!.n);
      const [audit] = await tx.execute<{ n: number }>(
        q`select count(*)::int as n from audit_events where action = 'organisation.replaced' and entity_id = ${String(allerdale)}`,
      );
      expect(audit!.n).toBe(1);

      // A cycle is refused: Cumberland (to 2030) → Westmorland and Furness, then Westmorland
      // and Furness (to 2025) → Cumberland would lead back to where it started.
      const westmorland = await idOf(tx, "E06000064");
      const cumberlandDetail = (await getOrganisation(admin, cumberland, tx))!;
      const forward = await markReplaced(
        admin,
        {
          organisationId: cumberland,
          version: cumberlandDetail.version,
          endDate: "2030-03-31",
          replacedById: westmorland,
        },
        f.request,
        { db: tx },
      );
      expect(forward).toMatchObject({ ok: true });
      const back = await markReplaced(
        admin,
        { organisationId: westmorland, endDate: "2025-03-31", replacedById: cumberland },
        f.request,
        { db: tx },
      );
      expect(back).toMatchObject({
        ok: false,
        errors: {
          replacedById: "Cumberland Council is itself recorded as replaced by this council",
        },
      });
      // Cumberland began on 1 April 2023: it cannot have ended before that.
      const early = await markReplaced(
        admin,
        {
          organisationId: cumberland,
          endDate: "2020-03-31",
          replacedById: carlisle,
        },
        f.request,
        { db: tx },
      );
      expect(early).toMatchObject({
        ok: false,
        errors: { endDate: "Last day must be on or after the day it started, 1 April 2023" },
      });
    });
  });

  it("names the ends of the chains of successors, every part of a split", async () => {
    const seeded = await nowPartOf(["E07000026", "E07000028", "E10000008", "E10000021"]);
    // From the reference data: Allerdale and Carlisle are now part of Cumberland; Devon is current.
    expect(seeded.E07000026).toEqual([
      { code: "E06000063", name: "Cumberland Council", since: "2023-04-01" },
    ]);
    expect(seeded.E07000028?.map((s) => s.code)).toEqual(["E06000063"]);
    expect(seeded.E10000008).toBeUndefined();
    // Northamptonshire was split in two on 1 April 2021.
    expect(seeded.E10000021).toEqual([
      { code: "E06000061", name: "North Northamptonshire Council", since: "2021-04-01" },
      { code: "E06000062", name: "West Northamptonshire Council", since: "2021-04-01" },
    ]);
    // On its last day it was part of nothing else yet.
    expect((await nowPartOf(["E10000021"], "2021-03-31")).E10000021).toBeUndefined();
  });
});
