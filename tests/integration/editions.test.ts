process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EDITIONS } from "@/db/seed/editions";
import type { CurrentUser } from "@/lib/auth/access";
import { createEdition } from "@/lib/editions/commands";
import { lgaEditionBefore, lgaEditions } from "@/lib/editions/lga";
import { instantToLondon } from "@/lib/editions/london-time";
import { figuresAsOf, getEditions } from "@/lib/editions/queries";
import { getArrangementHistory } from "@/lib/public/history";
import { registerFigures } from "@/lib/public/register";
import { approveRevision, rejectRevision } from "@/lib/review/commands";
import { getHeadline } from "@/lib/stats/queries";
import { closeDatabases, testDatabase } from "../support/db";
import { expectOk, reviewFixtures } from "../support/review";

/*
 * Editions are the register as it stood at a moment, from the approval history: later
 * approvals never change them. And the public change history of an arrangement: what each
 * published version changed, with nothing from drafts or reviewers.
 */

const { sql } = testDatabase();
const f = reviewFixtures(sql, "Editions");
let editor: CurrentUser;
let admin: CurrentUser;
const madeEditions: number[] = [];

beforeAll(async () => {
  editor = await f.makeUser("council_editor");
  admin = await f.makeUser("admin");
});

afterAll(async () => {
  if (madeEditions.length) await sql`delete from editions where id in ${sql(madeEditions)}`;
  await f.cleanup();
  await closeDatabases(sql);
});

/**
 * What was published at a moment, straight from reviewed_at / superseded_at (independent of the
 * rule's functions), and the savings that count by the rule: every line, less an internal
 * arrangement's lines from the year it became internal (which register_standing says).
 */
async function publishedAt(moment: Date) {
  const day = instantToLondon(moment).date;
  const at = moment.toISOString();
  const [row] = await sql<{ published: number; total: string }[]>`
    with public_then as (
      select r.id from arrangement_revisions r
      where r.state in ('approved', 'superseded') and r.reviewed_at <= ${at}::timestamptz
        and (r.superseded_at is null or r.superseded_at > ${at}::timestamptz)
    ),
    standing as (select * from register_standing(${day}::date, ${at}::timestamptz))
    select (select count(*)::int from public_then) as published,
           (select coalesce(sum(s.amount_pence), 0)::text from revision_savings s
              join public_then p on p.id = s.revision_id
              left join standing st on st.revision_id = s.revision_id
              where st.internal_from is null
                 or make_date(s.financial_year, 4, 1) < st.internal_from) as total`;
  return {
    published: row!.published,
    totalPence: BigInt(row!.total),
  };
}

describe("editions", () => {
  it("names a demo edition at each LGA edition, matching its figures by the rule", async () => {
    const editions = await getEditions();
    const names = editions.map((e) => e.name);
    for (const demo of DEMO_EDITIONS) expect(names).toContain(demo.name);
    const demos = editions.filter((e) => DEMO_EDITIONS.some((d) => d.name === e.name));
    expect(demos).toHaveLength(lgaEditions().length);
    for (const e of demos) {
      const day = instantToLondon(e.asOf);
      expect(day.time, e.name).toBe("23:59");
      const lga = lgaEditionBefore(day.date)!;
      expect(e.description, e.name).toContain(`${lga.arrangements} arrangements`);
      expect(e.figures.actualPence + e.figures.forecastPence).toBe(e.figures.totalPence);
      // The LGA's figures exactly: before April 2019 every published arrangement; after the
      // 2019 mergers, less those their partners' merging had made internal.
      expect(e.figures, e.name).toMatchObject({
        arrangements: lga.arrangements,
        totalPence: lga.cumulativeSavingsPence,
      });
      if (day.date < "2019-04-01") expect(e.figures.internal, e.name).toBe(0);
      if (lga.councilsSharing !== null) {
        expect(e.figures.councilsInvolved).toBeGreaterThanOrEqual(lga.councilsSharing);
      }
      if (lga.councilsSharingPercent !== null) {
        const [row] = await sql<{ n: number }[]>`
          select count(*)::int as n from organisations where kind = 'council'
            and (start_date is null or start_date <= ${day.date}::date)
            and (end_date is null or end_date >= ${day.date}::date)`;
        expect(e.figures.councilsExisting).toBe(row!.n);
        expect(e.figures.councilsInvolved * 100).toBeGreaterThanOrEqual(
          lga.councilsSharingPercent * row!.n,
        );
      }
    }
    const e2017 = editions.find((e) => e.name === "2017 edition")!;
    const lga = lgaEditionBefore(instantToLondon(e2017.asOf).date)!;
    expect(lga.edition).toBe("2017");
    expect(lga.source).toContain("LGA press release");
    for (const e of editions) {
      const oracle = await publishedAt(e.asOf);
      expect(e.figures.published, e.name).toBe(oracle.published);
      expect(e.figures.totalPence, e.name).toBe(oracle.totalPence);
    }
  });

  it("gives the July 2019 demo edition the LGA's 626 arrangements and £1.34bn, less the mergers' internal ones", async () => {
    const e2019 = (await getEditions()).find((e) => e.name === "July 2019 edition")!;
    const day = instantToLondon(e2019.asOf).date;
    const lga = lgaEditionBefore(day)!;
    expect(lga).toMatchObject({ edition: "2019-07", arrangements: 626 });
    const oracle = await publishedAt(e2019.asOf);
    // The April 2019 mergers (Dorset, BCP, Somerset West and Taunton, East and West Suffolk)
    // left some arrangements run within one council: published then, not counted as shared.
    expect(e2019.figures.internal).toBeGreaterThan(0);
    expect(e2019.figures.published).toBe(oracle.published);
    expect(e2019.figures.arrangements).toBe(oracle.published - e2019.figures.internal);
    expect(e2019.figures.arrangements).toBe(626);
    expect(e2019.figures.totalPence).toBe(lga.cumulativeSavingsPence);
    expect(e2019.figures.totalPence).toBe(oracle.totalPence);
    // At 23:59 on its day, the moment's reading is the day's.
    expect(await figuresAsOf(e2019.asOf)).toEqual(await registerFigures(day));
  });

  it("keeps an edition's figures when later approvals happen", async () => {
    const existing = await f.publish(editor, admin);
    const change = await f.submit(
      editor,
      f.form({ savingsAmount: ["2,000,000", "0"] }),
      existing.arrangementId,
    );
    const fresh = await f.submit(editor);

    const now = instantToLondon(new Date());
    const name = `Test edition ${f.run}`;
    const result = await createEdition(
      admin,
      { name, asOfDate: now.date, asOfTime: now.time, description: "Before the approvals." },
      f.request,
    );
    expectOk(result);
    madeEditions.push(result.editionId);
    const before = await figuresAsOf(result.asOf);
    const oracle = await publishedAt(result.asOf);
    expect(before).toMatchObject({ published: oracle.published, totalPence: oracle.totalPence });

    expectOk(await approveRevision(admin, { revisionId: change.revisionId }, f.request));
    expectOk(await approveRevision(admin, { revisionId: fresh.revisionId }, f.request));
    const publicNow = await getHeadline();
    expect(publicNow.totalPence).not.toBe(before.totalPence);

    const after = (await getEditions()).find((e) => e.id === result.editionId)!;
    expect(after.figures).toEqual(before);
    expect(after.description).toBe("Before the approvals.");

    const [audit] = await sql<{ n: number }[]>`
      select count(*)::int as n from audit_events where action = 'edition.created' and entity_id = ${String(result.editionId)}`;
    expect(audit!.n).toBe(1);
  });

  it("refuses a moment in the future, a duplicate name, and bad input", async () => {
    const tomorrow = instantToLondon(new Date(Date.now() + 26 * 3600_000)).date;
    expect(
      await createEdition(admin, { name: `Future ${f.run}`, asOfDate: tomorrow }, f.request),
    ).toMatchObject({
      ok: false,
      errors: { asOfDate: expect.stringContaining("must be now or in the past") },
    });
    expect(
      await createEdition(admin, { name: "2017 EDITION", asOfDate: "2017-06-01" }, f.request),
    ).toMatchObject({
      ok: false,
      errors: { name: "There is already an edition with this name" },
    });
    expect(
      await createEdition(
        admin,
        { name: " ", asOfDate: "2017-02-30", asOfTime: "25:00" },
        f.request,
      ),
    ).toMatchObject({
      ok: false,
      errors: {
        name: "Enter a name for the edition",
        asOfDate: "Date must be a real date, like 2017-12-31",
        asOfTime: "Time must be a time on the 24-hour clock, like 17:30",
      },
    });
    expect(
      await createEdition(editor, { name: `Editor ${f.run}`, asOfDate: "2017-06-01" }, f.request),
    ).toMatchObject({
      ok: false,
      message: "Only administrators can do this.",
    });
  });

  it("reads the LGA's figures with their sources", () => {
    const all = lgaEditions();
    expect(all.map((e) => e.edition)).toEqual([
      "2013-01",
      "2013-03",
      "2014",
      "2015",
      "2017",
      "2018-06",
      "2018",
      "2019-07",
    ]);
    expect(all.every((e) => e.source.length > 0)).toBe(true);
    expect(all.find((e) => e.edition === "2019-07")).toMatchObject({
      arrangements: 626,
      cumulativeSavingsPence: 134000000000n,
      annualSavingsPence: 20000000000n,
    });
  });
});

describe("public change history", () => {
  it("lists published versions with what changed, and nothing from drafts or reviewers", async () => {
    const first = await f.publish(editor, admin, f.form({ title: `History one ${f.run}` }));
    const second = await f.submit(
      editor,
      f.form({ title: `History two ${f.run}`, savingsAmount: ["1,500,000", "250,000.50"] }),
      first.arrangementId,
    );
    expectOk(await approveRevision(admin, { revisionId: second.revisionId }, f.request));
    // A rejected change and then an open draft: neither may appear.
    const rejected = await f.submit(
      editor,
      f.form({ title: `Rejected title ${f.run}` }),
      first.arrangementId,
    );
    expectOk(
      await rejectRevision(
        admin,
        { revisionId: rejected.revisionId, reason: "Secret reviewer note here." },
        f.request,
      ),
    );
    await f.save(editor, f.form({ title: `Draft title ${f.run}` }), first.arrangementId);

    const history = (await getArrangementHistory(first.slug))!;
    expect(history.entries.map((e) => [e.version, e.isCurrent])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(history.entries[0]!.summary).toEqual(["First published"]);
    expect(history.entries[1]!.summary).toEqual(["Title", "Savings"]);
    expect(history.entries[1]!.diff.savings.netChangePence).toBe(50000000n);
    expect(history.entries[0]!.supersededAt!.getTime()).toBe(
      history.entries[1]!.publishedAt.getTime(),
    );
    const text = JSON.stringify(history, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(text).not.toContain("Rejected title");
    expect(text).not.toContain("Draft title");
    expect(text).not.toContain("Secret reviewer note");

    expect(await getArrangementHistory("no-such-arrangement")).toBeNull();
    const unpublished = await f.submit(editor);
    expect(await getArrangementHistory(unpublished.slug)).toBeNull();
  });
});
