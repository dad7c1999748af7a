process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EDITIONS } from "@/db/seed/editions";
import type { CurrentUser } from "@/lib/auth/access";
import { createEdition } from "@/lib/editions/commands";
import { lgaEditionBefore, lgaEditions } from "@/lib/editions/lga";
import { instantToLondon } from "@/lib/editions/london-time";
import { figuresAsOf, getEditions } from "@/lib/editions/queries";
import { getArrangementHistory } from "@/lib/public/history";
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

/** Independent SQL: what was published at a moment, straight from reviewed_at / superseded_at. */
async function publishedAt(moment: Date) {
  const [row] = await sql<{ arrangements: number; total: string }[]>`
    select count(*)::int as arrangements, coalesce(sum(r.total_pence), 0)::text as total
    from arrangement_revisions r
    where r.state in ('approved', 'superseded') and r.reviewed_at <= ${moment.toISOString()}::timestamptz
      and (r.superseded_at is null or r.superseded_at > ${moment.toISOString()}::timestamptz)`;
  return { arrangements: row!.arrangements, totalPence: BigInt(row!.total) };
}

describe("editions", () => {
  it("names a demo edition at each LGA edition, matching its figures before 2019", async () => {
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
      // Until April 2019 no council had been replaced, so the published set is the rule's:
      // this query's figures are the LGA's, exactly.
      if (day.date < "2019-04-01") {
        expect(e.figures, e.name).toMatchObject({
          arrangements: lga.arrangements,
          totalPence: lga.cumulativeSavingsPence,
        });
        if (lga.councilsSharing !== null) {
          expect(e.figures.councilsInvolved).toBeGreaterThanOrEqual(lga.councilsSharing);
        }
        if (lga.councilsSharingPercent !== null) {
          const [row] = await sql<{ n: number }[]>`
            select count(*)::int as n from organisations where kind = 'council'
              and (start_date is null or start_date <= ${day.date}::date)
              and (end_date is null or end_date >= ${day.date}::date)`;
          expect(e.figures.councilsInvolved * 100).toBeGreaterThanOrEqual(
            lga.councilsSharingPercent * row!.n,
          );
        }
      }
    }
    const e2017 = editions.find((e) => e.name === "2017 edition")!;
    const lga = lgaEditionBefore(instantToLondon(e2017.asOf).date)!;
    expect(lga.edition).toBe("2017");
    expect(lga.source).toContain("LGA press release");
    for (const e of editions) expect(e.figures).toMatchObject(await publishedAt(e.asOf));
  });

  // The July 2019 demo edition counts 626 arrangements and £1.34bn only by the issue 12 rule,
  // which leaves out the arrangements the April 2019 mergers made internal (db/seed/demo verifies
  // it; tests/integration/seed.test.ts checks it in SQL). figuresAsOf does not apply the
  // successions yet: the engineer adding organisation_successions and the rule to lib/ turns
  // this into a test.
  it.todo(
    "figuresAsOf gives the July 2019 demo edition the LGA's 626 arrangements and £1.34bn (successions work, issue 12)",
  );

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
    expect(before).toMatchObject(await publishedAt(result.asOf));

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
