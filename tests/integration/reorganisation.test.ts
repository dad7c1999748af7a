process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as q } from "drizzle-orm";
import { db as appDb, type DbOrTx, type Tx } from "@/db/client";
import { getForEdit, listWorkspace } from "@/lib/arrangements/queries";
import type { CurrentUser } from "@/lib/auth/access";
import { getCouncilPage } from "@/lib/councils/council-page";
import { getOrganisation, listOrganisations } from "@/lib/organisations/queries";
import { recordReorganisation } from "@/lib/organisations/reorganisation";
import { changeSuccessionShares } from "@/lib/organisations/succession-shares";
import { moveEditors } from "@/lib/users/commands";
import { closeDatabases, Rollback, testDatabase } from "../support/db";
import { DEVON, TORBAY, expectOk, reviewFixtures } from "../support/review";
import { saveDraft } from "@/lib/arrangements/commands";

/*
 * A reorganisation recorded by an administrator (issue 12, item 4): two councils end, one of them
 * divided, and two new councils are formed on a vesting day in the future. Before the day nothing
 * changes but what the pages say; from it (APP_TODAY moves lib/clock.ts's today()) the register's
 * rule follows the arrangements to the new councils, the old councils' editors can be moved, and
 * the new councils' editors edit what the old ones led. An unrelated council's editor still gets
 * not-found.
 *
 * The councils are made by the test and live in the 2040s, so no figure of any other suite (all
 * of them read days up to today) can see them. Audit events name them, so they stay; their
 * successions and arrangements are removed.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Reorganisation");
const BEFORE = "2041-06-01";
const VESTING = "2042-04-01";
const code = () => `E69${String(randomInt(1_000_000)).padStart(6, "0")}`;
const P1 = { code: code(), name: `Test Northern District ${f.run}` };
const P2 = { code: code(), name: `Test Southern District ${f.run}` };
const S1 = { code: code(), name: `Test North Unitary ${f.run}` };
const S2 = { code: code(), name: `Test South Unitary ${f.run}` };

let admin: CurrentUser;
let p1Editors: CurrentUser[];
let devonEditor: CurrentUser;
let arrangementId: number;
const ids: Record<string, number> = {};
const savedToday = process.env.APP_TODAY;

function setToday(day: string) {
  process.env.APP_TODAY = day;
}

async function idOf(c: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`select id from organisations where code = ${c}`;
  return row!.id;
}

/** The form's fields for the reorganisation: P1 divided 60/40, P2 wholly to S1. */
function form(overrides: Record<string, string> = {}) {
  return {
    vestingDate: VESTING,
    name1: S1.name,
    code1: S1.code,
    type1: "UA",
    region1: "South West",
    population1: "300,000",
    from1: `${P1.code} 60%\n${P2.name}`,
    name2: S2.name,
    code2: S2.code,
    type2: "UA",
    region2: "South West",
    population2: "100000",
    from2: `${P1.code} 40%`,
    ...overrides,
  };
}

/** Runs `work` in a transaction of the app's own pool, then rolls everything back. */
async function rolledBack(work: (tx: Tx) => Promise<void>) {
  await expect(
    appDb().transaction(async (tx) => {
      await work(tx);
      throw new Rollback();
    }),
  ).rejects.toBeInstanceOf(Rollback);
}

type Participant = { organisation: string; via: string | null; share: string };

async function participants(day: string): Promise<Participant[]> {
  return sql<Participant[]>`
    select o.code as organisation, v.code as via, round(p.share, 4)::text as share
    from register_participants(${day}::date) p
    join organisations o on o.id = p.organisation_id
    left join organisations v on v.id = p.via_organisation_id
    where p.arrangement_id = ${arrangementId}
    order by o.code, v.code nulls first`;
}

function draftValues() {
  return f.form({
    startDate: "2040-06-01",
    partners: [P2.code, TORBAY],
    savingsYear: ["2040"],
    savingsAmount: ["1,000"],
    savingsKind: ["forecast"],
  });
}

beforeAll(async () => {
  setToday(BEFORE);
  for (const p of [P1, P2])
    await sql`insert into organisations (code, gss_code, kind, council_type, name, short_name,
                region, start_date)
              values (${p.code}, ${p.code}, 'council', 'NMD', ${p.name}, ${p.name}, 'South West',
                '2040-04-01')`;
  ids.P1 = await idOf(P1.code);
  ids.P2 = await idOf(P2.code);
  admin = await f.makeUser("admin");
  p1Editors = [await f.makeUser("council_editor", P1.code)];
  p1Editors.push(await f.makeUser("council_editor", P1.code));
  devonEditor = await f.makeUser("council_editor", DEVON);
  // Led by P1, with P2 and Somerset: published, so the register's rule can be read.
  const published = await f.publish(p1Editors[0]!, admin, draftValues());
  arrangementId = published.arrangementId;
});

afterAll(async () => {
  if (savedToday === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = savedToday;
  await f.cleanup();
  const made = [P1, P2, S1, S2].map((c) => c.code);
  await sql`delete from organisation_successions s using organisations o
    where o.id = s.predecessor_id and o.code in ${sql(made)}`;
  await closeDatabases(sql);
});

describe("recording a reorganisation", () => {
  it("refuses what is wrong field by field, writing nothing", async () => {
    const blank = await recordReorganisation(
      admin,
      { vestingDate: "", name1: "", code1: "E123", from1: "" },
      f.request,
    );
    expect(blank).toMatchObject({
      ok: false,
      errors: {
        vestingDate: "Enter the vesting day",
        name1: "Enter the new council's name",
        code1: "The ONS code must be a letter and 8 digits, like E06000064",
        from1: "Enter the councils it is formed from, one per line",
      },
    });
    const cases: [Record<string, string>, string, string][] = [
      [{ from1: "Nowhere Borough Council" }, "from1", "No council has the code or name"],
      [{ from2: `${P1.code} 30%` }, "from1", "percentages add up to 90%: they must add up to 100%"],
      [{ from2: P1.code }, "from1", "percentage in every new council it is divided between"],
      [{ code2: DEVON }, "code2", `Devon County Council already has the ONS code ${DEVON}`],
      [{ code2: S1.code }, "code2", `Two new councils have the ONS code ${S1.code}`],
      [{ from2: `${P1.code} 40%\n${P1.code}` }, "from2", "is listed twice"],
      [{ vestingDate: "2040-04-01" }, "from1", "only started on 1 April 2040"],
    ];
    for (const [change, field, message] of cases) {
      const result = await recordReorganisation(admin, form(change), f.request);
      expect(result, JSON.stringify(change)).toMatchObject({ ok: false, reason: "invalid" });
      if (!result.ok && "errors" in result)
        expect(result.errors[field], JSON.stringify(change)).toContain(message);
    }
    expect(await recordReorganisation(p1Editors[0]!, form(), f.request)).toMatchObject({
      ok: false,
      message: "Only administrators can do this.",
    });
    const [written] = await sql<{ n: number }[]>`
      select count(*)::int as n from organisations where code in ${sql([S1.code, S2.code])}`;
    expect(written!.n).toBe(0);
    const [p1] = await sql`select end_date from organisations where id = ${ids.P1!}`;
    expect(p1!.end_date).toBeNull();
  });

  it("shares a divided council by the new councils' populations, else equally", async () => {
    for (const [populations, expected] of [
      [
        ["300000", "100000"],
        [7500, 2500],
      ],
      [
        ["300000", ""],
        [5000, 5000],
      ],
    ] as const) {
      await rolledBack(async (tx) => {
        const result = await recordReorganisation(
          admin,
          form({
            population1: populations[0],
            population2: populations[1],
            from1: `${P1.code}\n${P2.code}`,
            from2: P1.name,
          }),
          f.request,
          { db: tx },
        );
        expectOk(result);
        expect(await sharesOf(ids.P1!, tx)).toEqual([
          [S1.code, expected[0]],
          [S2.code, expected[1]],
        ]);
      });
    }
  });

  it("records a future reorganisation in one audited transaction", async () => {
    const result = await recordReorganisation(admin, form(), f.request);
    expectOk(result);
    expect(result.message).toBe(
      `Recorded: from 1 April 2042, ${S1.name} and ${S2.name} will take over from ${P1.name} and ${P2.name}. Until then they carry on as before.`,
    );
    ids.S1 = await idOf(S1.code);
    ids.S2 = await idOf(S2.code);
    expect(result.organisationIds).toEqual([ids.S1, ids.S2]);

    const councils = await sql`
      select code, kind::text, council_type, short_name, region, population,
             to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end
      from organisations where code in ${sql([P1.code, P2.code, S1.code, S2.code])}`;
    const made = (c: { code: string }, type: string, population: number | null) => ({
      code: c.code,
      kind: "council",
      council_type: type,
      region: "South West",
      population,
    });
    expect(new Map(councils.map((c) => [c.code, c]))).toEqual(
      new Map([
        [S1.code, { ...made(S1, "UA", 300000), short_name: S1.name, start: VESTING, end: null }],
        [S2.code, { ...made(S2, "UA", 100000), short_name: S2.name, start: VESTING, end: null }],
        [
          P1.code,
          { ...made(P1, "NMD", null), short_name: P1.name, start: "2040-04-01", end: "2042-03-31" },
        ],
        [
          P2.code,
          { ...made(P2, "NMD", null), short_name: P2.name, start: "2040-04-01", end: "2042-03-31" },
        ],
      ]),
    );
    const successions = await sql`
      select p.code as p, s.code as s, to_char(x.effective_date, 'YYYY-MM-DD') as day, x.share_bp
      from organisation_successions x
      join organisations p on p.id = x.predecessor_id join organisations s on s.id = x.successor_id
      where p.id in ${sql([ids.P1!, ids.P2!])} order by p.code = ${P1.code} desc, s.code = ${S1.code} desc`;
    expect(successions).toEqual([
      { p: P1.code, s: S1.code, day: VESTING, share_bp: 6000 },
      { p: P1.code, s: S2.code, day: VESTING, share_bp: 4000 },
      { p: P2.code, s: S1.code, day: VESTING, share_bp: 10000 },
    ]);
    const events = await sql<{ action: string; entity_id: string }[]>`
      select action, entity_id from audit_events where request_id = ${f.request.requestId}
        and entity_type = 'organisation' order by id`;
    expect(events).toEqual([
      { action: "organisation.created", entity_id: String(ids.S1) },
      { action: "organisation.created", entity_id: String(ids.S2) },
      { action: "organisation.replaced", entity_id: String(ids.P1) },
      { action: "organisation.replaced", entity_id: String(ids.P2) },
    ]);
    // The administrators' list and record say it too.
    const list = await listOrganisations(admin, { q: f.run });
    expect(new Map(list.rows.map((r) => [r.code, [r.endDate, r.successorNames]]))).toEqual(
      new Map([
        [P1.code, ["2042-03-31", [S1.name, S2.name]]],
        [P2.code, ["2042-03-31", [S1.name]]],
        [S1.code, [null, []]],
        [S2.code, [null, []]],
      ]),
    );
    const record = await getOrganisation(admin, ids.P1!);
    expect(record).toMatchObject({
      editors: 2,
      successors: [
        { id: ids.S1, name: S1.name, effectiveDate: VESTING, shareBp: 6000 },
        { id: ids.S2, name: S2.name, effectiveDate: VESTING, shareBp: 4000 },
      ],
      predecessors: [],
    });
    expect((await getOrganisation(admin, ids.S1!))?.predecessors.map((p) => p.id)).toEqual([
      ids.P1,
      ids.P2,
    ]);
    // The same councils cannot end twice.
    const again = await recordReorganisation(
      admin,
      form({ code1: code(), code2: code() }),
      f.request,
    );
    expect(again).toMatchObject({
      ok: false,
      errors: { from1: `${P1.name} is already recorded as replaced` },
    });
  });
});

describe("before the vesting day", () => {
  it("keeps the councils as they are; pages say what is coming; nothing moves yet", async () => {
    setToday(BEFORE);
    expect(await participants(BEFORE)).toEqual(
      [
        { organisation: P1.code, via: null, share: "0.3333" },
        { organisation: P2.code, via: null, share: "0.3333" },
        { organisation: TORBAY, via: null, share: "0.3333" },
      ].sort((a, b) => a.organisation.localeCompare(b.organisation)),
    );
    const page = await getCouncilPage(P1.code);
    expect(
      page.kind === "found" && page.page.successors.map((s) => [s.code, s.effectiveDate]),
    ).toEqual([
      [S1.code, VESTING],
      [S2.code, VESTING],
    ]);
    expect(
      await moveEditors(admin, f.request, { predecessorId: ids.P1!, successorId: ids.S1! }),
    ).toMatchObject({
      ok: false,
      message: `${S1.name} takes over from ${P1.name} on 1 April 2042: its editors can be moved from then.`,
    });
    const s1Editor = await f.makeUser("council_editor", S1.code);
    expect(await getForEdit(s1Editor, arrangementId)).toBeNull();
    expect(await saveOver(s1Editor)).toMatchObject({ ok: false, reason: "not-found" });
  });
});

describe("from the vesting day", () => {
  it("follows the arrangement to the new councils by the rule, no data copied", async () => {
    setToday(VESTING);
    expect(await participants(VESTING)).toEqual(
      [
        { organisation: S1.code, via: P1.code, share: "0.2000" },
        { organisation: S1.code, via: P2.code, share: "0.3333" },
        { organisation: S2.code, via: P1.code, share: "0.1333" },
        { organisation: TORBAY, via: null, share: "0.3333" },
      ].sort(
        (a, b) =>
          a.organisation.localeCompare(b.organisation) || (a.via ?? "").localeCompare(b.via ?? ""),
      ),
    );
    const [lead] =
      await sql`select lead_organisation_id from arrangements where id = ${arrangementId}`;
    expect(lead!.lead_organisation_id).toBe(ids.P1);
  });

  it("moves the old council's editors in one audited step, ending their sessions", async () => {
    setToday(VESTING);
    const before = await sql<{ id: number; session_version: number }[]>`
      select id, session_version from users where id in ${sql(p1Editors.map((e) => e.id))} order by id`;
    const moved = await moveEditors(admin, f.request, {
      predecessorId: String(ids.P1),
      successorId: String(ids.S1),
    });
    expectOk(moved);
    expect(moved.moved).toBe(2);
    const after = await sql<{ id: number; organisation_id: number; session_version: number }[]>`
      select id, organisation_id, session_version from users
      where id in ${sql(p1Editors.map((e) => e.id))} order by id`;
    expect(after).toEqual(
      before.map((b) => ({
        id: b.id,
        organisation_id: ids.S1,
        session_version: b.session_version + 1,
      })),
    );
    const events = await sql`
      select entity_id, before, after from audit_events
      where action = 'user.organisation_changed' and request_id = ${f.request.requestId} order by id`;
    expect(events).toEqual(
      before.map((b) => ({
        entity_id: String(b.id),
        before: { organisationId: ids.P1 },
        after: { organisationId: ids.S1, reason: "reorganisation" },
      })),
    );
    expect(
      await moveEditors(admin, f.request, { predecessorId: ids.P1!, successorId: ids.S1! }),
    ).toMatchObject({ ok: false, message: `${P1.name} has no editors to move.` });
    expect(
      await moveEditors(admin, f.request, { predecessorId: ids.P2!, successorId: ids.S2! }),
    ).toMatchObject({
      ok: false,
      errors: { successorId: "Select one of the councils that took over from it" },
    });
  });

  it("lets the new councils' editors edit what the old council led; anyone else gets not-found", async () => {
    setToday(VESTING);
    const moved = { ...p1Editors[0]!, organisationId: ids.S1! };
    const saved = await saveOver(moved);
    expectOk(saved);
    const [row] = await sql`
      select a.lead_organisation_id, rp.organisation_id as revision_lead
      from arrangements a join revision_partners rp on rp.revision_id = ${saved.revisionId} and rp.role = 'lead'
      where a.id = ${arrangementId}`;
    expect(row).toEqual({ lead_organisation_id: ids.P1, revision_lead: ids.P1 });
    const workspace = await listWorkspace(moved);
    expect(
      workspace?.groups.pending.find((i) => i.arrangementId === arrangementId)?.inheritedFrom,
    ).toBe(P1.name);
    // The split's other successor took part of P1 too.
    const s2Editor = await f.makeUser("council_editor", S2.code);
    expect((await getForEdit(s2Editor, arrangementId))?.lead.code).toBe(P1.code);

    expect(await getForEdit(devonEditor, arrangementId)).toBeNull();
    expect(await saveOver(devonEditor)).toMatchObject({ ok: false, reason: "not-found" });
    const [refused] = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_events
      where action = 'arrangement.access_refused' and actor_user_id = ${devonEditor.id}
        and entity_id = ${String(arrangementId)}`;
    expect(refused!.n).toBe(1);
  });
});

describe("the shares of a divided council", () => {
  it("are changed by an administrator, adding up to 100%, audited", async () => {
    const wrong = await changeSuccessionShares(
      admin,
      { predecessorId: String(ids.P1), [`share${ids.S1}`]: "70", [`share${ids.S2}`]: "20" },
      f.request,
    );
    expect(wrong).toMatchObject({
      ok: false,
      errors: { [`share${ids.S1}`]: "The shares add up to 90%: they must add up to 100%" },
    });
    const changed = await changeSuccessionShares(
      admin,
      { predecessorId: String(ids.P1), [`share${ids.S1}`]: "55.5", [`share${ids.S2}`]: "44.50" },
      f.request,
    );
    expectOk(changed);
    expect(await sharesOf(ids.P1!)).toEqual([
      [S1.code, 5550],
      [S2.code, 4450],
    ]);
    const [event] = await sql`
      select before, after from audit_events
      where action = 'organisation.shares_changed' and entity_id = ${String(ids.P1)}`;
    expect(event).toEqual({
      before: { sharesBp: { [S1.code]: 6000, [S2.code]: 4000 } },
      after: { sharesBp: { [S1.code]: 5550, [S2.code]: 4450 } },
    });
    expect(
      await changeSuccessionShares(
        admin,
        { predecessorId: String(ids.P2), [`share${ids.S1}`]: "100" },
        f.request,
      ),
    ).toMatchObject({ ok: false, reason: "not-allowed" });
  });
});

/** [successor code, share] of a predecessor's successions, the most populous first. */
async function sharesOf(predecessorId: number, reader: DbOrTx = appDb()) {
  const rows = await reader.execute<{ code: string; share_bp: number }>(q`
    select s.code, x.share_bp from organisation_successions x
    join organisations s on s.id = x.successor_id where x.predecessor_id = ${predecessorId}
    order by s.population desc nulls last, s.code`);
  return rows.map((r) => [r.code, r.share_bp]);
}

/** A new draft over the arrangement, saved by `editor`. */
async function saveOver(editor: CurrentUser) {
  const [row] = await sql<{ lock_version: number }[]>`
    select lock_version from arrangements where id = ${arrangementId}`;
  return saveDraft(
    editor,
    {
      arrangementId,
      baseVersion: row!.lock_version,
      idempotencyKey: randomUUID(),
      values: draftValues(),
    },
    f.request,
  );
}
