import { randomUUID } from "node:crypto";
import { sql as q } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Tx } from "@/db/client";
import { buildDemo, DEMO_TODAY, REAL_SLUGS, registerFigures as demoFigures } from "@/db/seed/demo";
import { publishedAt } from "@/db/seed/demo/figures";
import { standingOn } from "@/db/seed/demo/participation";
import { loadOrganisations } from "@/db/seed/reference";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { londonToInstant } from "@/lib/editions/london-time";
import {
  registerFigures,
  registerParticipants,
  registerStanding,
  type Participation,
  type Standing,
} from "@/lib/public/register";
import { closeDatabases, Rollback, testDatabase } from "../support/db";
import { LGA_EDITION_DAYS } from "../support/lga-editions";

/*
 * The one rule of "who takes part on day D" (register_published / register_participants /
 * register_standing, read through lib/public/register.ts): the four succession cases on
 * organisations made for the test (in a transaction rolled back at the end), and the same answer
 * as the demo generator's TypeScript statement of the rule (db/seed/demo/participation.ts) for
 * every demo arrangement on every LGA edition day and the demo's today.
 */

const { db, sql } = testDatabase();
afterAll(() => closeDatabases(sql));

/* Four succession cases ------------------------------------------------------------------- */

type World = {
  tx: Tx;
  tag: string;
  ids: Map<string, number>;
};

async function council(w: World, name: string, start: string | null, end: string | null) {
  const code = `${w.tag}-${name}`;
  const rows = await w.tx.execute<{ id: number }>(q`
    insert into organisations (code, kind, name, short_name, start_date, end_date)
    values (${code}, 'council', ${`${name} Council ${w.tag}`}, ${name}, ${start}, ${end})
    returning id`);
  w.ids.set(name, rows[0]!.id);
}

async function succession(w: World, from: string, to: string, effective: string, shareBp = 10_000) {
  await w.tx.execute(q`
    insert into organisation_successions (predecessor_id, successor_id, effective_date, share_bp)
    values (${w.ids.get(from)!}, ${w.ids.get(to)!}, ${effective}, ${shareBp})`);
}

/** A published arrangement naming `partners` (the first leads), approved in 2015. */
async function arrangement(
  w: World,
  name: string,
  partners: string[],
  dates: { start: string; end?: string },
  savings: Array<{ year: number; pence: bigint; kind?: "actual" | "forecast" }> = [],
) {
  const [a] = await w.tx.execute<{ id: number }>(q`
    insert into arrangements (slug, lead_organisation_id, is_illustrative)
    values (${`${w.tag}-${name}`}, ${w.ids.get(partners[0]!)!}, false) returning id`);
  const [r] = await w.tx.execute<{ id: number }>(q`
    insert into arrangement_revisions
      (arrangement_id, version, title, description, main_category_id, stage, start_date, end_date,
       state, submitted_at, reviewed_at)
    values (${a!.id}, 1, ${`Register rule ${name} ${w.tag}`}, 'Made by a test.',
            (select id from service_categories where slug = 'legal'), 'operational',
            ${dates.start}, ${dates.end ?? null}, 'approved', '2015-01-01', '2015-01-02')
    returning id`);
  for (const [i, p] of partners.entries()) {
    await w.tx.execute(q`insert into revision_partners (revision_id, organisation_id, role)
      values (${r!.id}, ${w.ids.get(p)!}, ${i === 0 ? "lead" : "partner"})`);
  }
  for (const s of savings) {
    await w.tx
      .execute(q`insert into revision_savings (revision_id, financial_year, amount_pence, kind)
      values (${r!.id}, ${s.year}, ${s.pence.toString()}, ${s.kind ?? "actual"})`);
  }
  await w.tx.execute(
    q`update arrangements set published_revision_id = ${r!.id} where id = ${a!.id}`,
  );
  w.ids.set(name, a!.id);
}

/** The rule's answer for one of the world's arrangements on `day`, by organisation name. */
async function standing(w: World, name: string, day: string) {
  const id = w.ids.get(name)!;
  const nameOf = new Map([...w.ids].map(([k, v]) => [v, k]));
  const [s] = (await registerStanding(day, w.tx)).filter((x) => x.arrangementId === id);
  const participants = (await registerParticipants(day, w.tx))
    .filter((x) => x.arrangementId === id)
    .map((x) => ({
      who: nameOf.get(x.organisationId),
      via: x.viaOrganisationId === null ? null : nameOf.get(x.viaOrganisationId),
      share: Number(x.share),
      from: x.effectiveDate,
    }));
  return { ...(s as Standing), taking: participants };
}

/**
 * A, B → M (2020-04-01), then M → N (2024-04-01): a merger, then a chain. S split into S1 (60%)
 * and S2 (40%) on 2021-04-01. P1 and P2, partners of the same arrangement, merged into Q on
 * 2022-04-01. C carries on throughout.
 */
async function buildWorld(tx: Tx): Promise<World> {
  const w: World = { tx, tag: `reg-${randomUUID().slice(0, 8)}`, ids: new Map() };
  await council(w, "C", null, null);
  for (const [name, start, end] of [
    ["A", null, "2020-03-31"],
    ["B", null, "2020-03-31"],
    ["M", "2020-04-01", "2024-03-31"],
    ["N", "2024-04-01", null],
    ["S", null, "2021-03-31"],
    ["S1", "2021-04-01", null],
    ["S2", "2021-04-01", null],
    ["P1", null, "2022-03-31"],
    ["P2", null, "2022-03-31"],
    ["Q", "2022-04-01", null],
  ] as const)
    await council(w, name, start, end);
  await succession(w, "A", "M", "2020-04-01");
  await succession(w, "B", "M", "2020-04-01");
  await succession(w, "M", "N", "2024-04-01");
  await succession(w, "S", "S1", "2021-04-01", 6000);
  await succession(w, "S", "S2", "2021-04-01", 4000);
  await succession(w, "P1", "Q", "2022-04-01");
  await succession(w, "P2", "Q", "2022-04-01");
  await arrangement(w, "merged", ["A", "C"], { start: "2016-04-01" });
  await arrangement(w, "split", ["S", "C"], { start: "2016-04-01" });
  const lines = [
    { year: 2020, pence: 100_00n },
    { year: 2021, pence: 200_00n },
    { year: 2022, pence: 300_00n, kind: "forecast" as const },
    { year: 2023, pence: 400_00n },
  ];
  await arrangement(w, "partners-merged", ["P1", "P2"], { start: "2016-04-01" }, lines);
  await arrangement(w, "ended-before", ["P1", "P2"], { start: "2016-04-01", end: "2021-12-31" }, [
    { year: 2020, pence: 50_00n },
  ]);
  return w;
}

/** Runs `check` on the world, then rolls everything back. */
async function inWorld(check: (w: World) => Promise<void>) {
  try {
    await db.transaction(async (tx) => {
      await check(await buildWorld(tx));
      throw new Rollback();
    });
  } catch (error) {
    if (error instanceof Rollback) return;
    throw error;
  }
}

describe("who takes part on a date: the four succession cases", () => {
  it("a merger: the successor takes part via the council that ceased", () =>
    inWorld(async (w) => {
      expect(await standing(w, "merged", "2019-04-01")).toMatchObject({
        running: true,
        participants: 2,
        internal: false,
        internalFrom: null,
      });
      const after = await standing(w, "merged", "2021-04-01");
      expect(after).toMatchObject({ running: true, participants: 2, internal: false });
      expect(after.taking).toEqual(
        expect.arrayContaining([
          { who: "C", via: null, share: 0.5, from: null },
          { who: "M", via: "A", share: 0.5, from: "2020-04-01" },
        ]),
      );
    }));

  it("a split: each successor takes part for its share of the council that was split", () =>
    inWorld(async (w) => {
      const s = await standing(w, "split", "2022-04-01");
      expect(s).toMatchObject({ running: true, participants: 3, internal: false });
      expect(s.taking.sort((a, b) => String(a.who).localeCompare(String(b.who)))).toEqual([
        { who: "C", via: null, share: 0.5, from: null },
        { who: "S1", via: "S", share: 0.3, from: "2021-04-01" },
        { who: "S2", via: "S", share: 0.2, from: "2021-04-01" },
      ]);
      // On the council's last day it still takes part itself.
      const before = await standing(w, "split", "2021-03-31");
      expect(before.taking.map((p) => p.who).sort()).toEqual(["C", "S"]);
    }));

  it("a chain: a successor replaced in turn passes the arrangement on", () =>
    inWorld(async (w) => {
      const s = await standing(w, "merged", "2025-04-01");
      expect(s).toMatchObject({ running: true, participants: 2, internal: false });
      expect(s.taking).toEqual(
        expect.arrayContaining([{ who: "N", via: "A", share: 0.5, from: "2024-04-01" }]),
      );
    }));

  it("a merger of two partners: run within one council from that day, earlier savings kept", () =>
    inWorld(async (w) => {
      expect(await standing(w, "partners-merged", "2022-03-31")).toMatchObject({
        participants: 2,
        internal: false,
      });
      const s = await standing(w, "partners-merged", "2023-04-01");
      expect(s).toMatchObject({ participants: 1, internal: true, internalFrom: "2022-04-01" });
      expect(s.taking).toEqual([
        { who: "Q", via: "P1", share: 0.5, from: "2022-04-01" },
        { who: "Q", via: "P2", share: 0.5, from: "2022-04-01" },
      ]);
      // One that had ended before the merger stays as it was: shared, read on its last day.
      expect(await standing(w, "ended-before", "2023-04-01")).toMatchObject({
        running: false,
        participants: 2,
        internal: false,
      });
    }));

  it("counts the cases in the register's figures: internal ones out, their earlier savings in", async () => {
    const day = "2023-04-01";
    const before = await registerFigures(day, db);
    await inWorld(async (w) => {
      const after = await registerFigures(day, w.tx);
      expect({
        published: after.published - before.published,
        internal: after.internal - before.internal,
        arrangements: after.arrangements - before.arrangements,
        actualPence: after.actualPence - before.actualPence,
        forecastPence: after.forecastPence - before.forecastPence,
        councilsInvolved: after.councilsInvolved - before.councilsInvolved,
        councilsExisting: after.councilsExisting - before.councilsExisting,
      }).toEqual({
        published: 4,
        internal: 1,
        arrangements: 3,
        // 2020/21 and 2021/22 of the merged partners' arrangement (not 2022/23 on), and the
        // whole of the one that ended before the merger.
        actualPence: 100_00n + 200_00n + 50_00n,
        forecastPence: 0n,
        // C, M, S1 and S2 share running arrangements; Q runs its own.
        councilsInvolved: 4,
        councilsExisting: 5,
      });
    });
  });
});

/* The SQL functions against the generator's TypeScript rule ------------------------------- */

type Compared = {
  running: boolean;
  internal: boolean;
  internalFrom: string | null;
  participants: Array<{ code: string; via: string[]; share: string }>;
};

const shareText = (n: number) => n.toFixed(9);

async function sqlStandings(day: string): Promise<Map<string, Compared>> {
  const [standings, participants, arrangements, organisations] = await Promise.all([
    registerStanding(day, db),
    registerParticipants(day, db),
    sql<{ id: number; slug: string }[]>`
      select id, slug from arrangements where is_illustrative or slug in ${sql(REAL_SLUGS)}`,
    sql<{ id: number; code: string }[]>`select id, code from organisations`,
  ]);
  const slugOf = new Map(arrangements.map((a) => [a.id, a.slug]));
  const codeOf = new Map(organisations.map((o) => [o.id, o.code]));
  const byArrangement = new Map<number, Participation[]>();
  for (const p of participants)
    byArrangement.set(p.arrangementId, [...(byArrangement.get(p.arrangementId) ?? []), p]);
  const out = new Map<string, Compared>();
  for (const s of standings) {
    const slug = slugOf.get(s.arrangementId);
    if (!slug) continue;
    const byCode = new Map<string, { via: string[]; share: number }>();
    for (const p of byArrangement.get(s.arrangementId) ?? []) {
      const code = codeOf.get(p.organisationId)!;
      const entry = byCode.get(code) ?? { via: [], share: 0 };
      if (p.viaOrganisationId !== null) entry.via.push(codeOf.get(p.viaOrganisationId)!);
      entry.share += Number(p.share);
      byCode.set(code, entry);
    }
    out.set(slug, {
      running: s.running,
      internal: s.internal,
      internalFrom: s.internalFrom,
      participants: [...byCode]
        .map(([code, e]) => ({ code, via: e.via.sort(), share: shareText(e.share) }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    });
  }
  return out;
}

describe("the SQL rule and the demo generator's rule", () => {
  const demo = buildDemo({ organisations: loadOrganisations(), categories: SERVICE_CATEGORIES });

  function tsStandings(day: string): Map<string, Compared> {
    const asOf = londonToInstant(day, "23:59");
    const out = new Map<string, Compared>();
    for (const a of demo.arrangements) {
      const r = publishedAt(a, asOf);
      if (!r) continue;
      const s = standingOn(
        demo.rule,
        a.partners.map((p) => p.code),
        r,
        day,
      );
      out.set(a.slug, {
        running: s.running,
        internal: s.internal,
        internalFrom: s.internalFrom,
        participants: s.participants
          .map((p) => ({
            code: p.code,
            via: [...p.via].sort(),
            share: shareText(p.share.toNumber()),
          }))
          .sort((x, y) => x.code.localeCompare(y.code)),
      });
    }
    return out;
  }

  it.each([...LGA_EDITION_DAYS.values(), "2021-04-01", "2023-04-01", DEMO_TODAY])(
    "agree on every demo arrangement on %s",
    async (day) => {
      const fromSql = await sqlStandings(day);
      const fromTs = tsStandings(day);
      expect(fromSql.size).toBe(fromTs.size);
      for (const [slug, expected] of fromTs) expect(fromSql.get(slug), slug).toEqual(expected);
    },
  );
});

describe("the register's figures on a day", () => {
  const demo = buildDemo({ organisations: loadOrganisations(), categories: SERVICE_CATEGORIES });

  it.each([...LGA_EDITION_DAYS.values(), DEMO_TODAY])(
    "are the demo generator's on %s (only the demo set was approved by then)",
    async (day) => {
      const expected = demoFigures(
        demo.rule,
        demo.arrangements,
        londonToInstant(day, "23:59"),
        day,
      );
      const [flagged] = await sql<{ n: number }[]>`
        select count(*)::int as n from register_standing(${day}::date) st
        join arrangements a on a.id = st.arrangement_id where a.is_illustrative and not st.internal`;
      expect(await registerFigures(day)).toEqual({
        day,
        published: expected.published,
        internal: expected.internal,
        arrangements: expected.arrangements,
        illustrative: flagged!.n,
        totalPence: expected.totalPence,
        actualPence: expected.actualPence,
        forecastPence: expected.forecastPence,
        councilsInvolved: expected.councilsInvolved,
        councilsExisting: expected.councilsExisting,
      });
    },
  );
});
