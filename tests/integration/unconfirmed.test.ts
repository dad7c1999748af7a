// The queries read the environment through db(); the runner sets it, this covers a bare run.
process.env.NEXTAUTH_SECRET ??= "x".repeat(32);

import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getCouncilPage } from "@/lib/councils/council-page";
import { getPublishedArrangement, listPublishedArrangements } from "@/lib/public/arrangements";
import { parseListQuery } from "@/lib/public/filters";
import { getUnconfirmedForecasts } from "@/lib/public/unconfirmed";
import { loadDashboard } from "@/lib/stats/dashboard";
import { closeDatabases, testDatabase } from "../support/db";
import { expectedUnconfirmed, matching, type Filters } from "../support/expected-figures";
import {
  addRevision,
  createArrangement,
  pickOrganisation,
  removeArrangements,
  type Org,
} from "../support/stats-fixtures";

/*
 * Forecasts for financial years that have ended, not yet confirmed (issue 12, item 7): every
 * figure the public pages show — the home page's "of which … not yet confirmed" and its total
 * without them, the explorer's, a council's, an arrangement's — against SQL written here, which
 * says "ended" its own way (the year's 31 March is before today) rather than by the app's
 * financial-year comparison (tests/support/expected-figures.ts). On three dates: today, the last day of 2018/19 and the day after,
 * when the 2018/19 forecasts become unconfirmed (APP_TODAY moves lib/clock.ts's today()).
 * The test adds a published arrangement of its own and records that must never count: a draft
 * and a submitted change forecasting large sums for past years.
 */

const { sql } = testDatabase();
const prefix = `unconfirmed-test-${randomUUID().slice(0, 8)}-`;
const DATES = [undefined, "2019-03-31", "2019-04-01"] as const;
const FILTERS: Filters[] = [
  {},
  { region: "london" },
  { category: "legal" },
  { region: "north-east" },
];

let lead: Org;
let partner: Org;
const slug = `${prefix}published`;

function setToday(day: string | undefined) {
  if (day === undefined) delete process.env.APP_TODAY;
  else process.env.APP_TODAY = day;
}

const expected = (filters: Filters, day?: string, options: { asListed?: boolean } = {}) =>
  expectedUnconfirmed(sql, filters, day, options);

beforeAll(async () => {
  lead = await pickOrganisation(sql, "council", { region: "North East" });
  partner = await pickOrganisation(sql, "council", { region: "North East", offset: 1 });
  await createArrangement(sql, slug, {
    title: "Unconfirmed test: shared audit",
    category: "legal",
    partners: [lead, partner],
    state: "approved",
    savings: [
      { year: 2017, pence: 100_000n, kind: "actual" },
      { year: 2018, pence: 234_567n, kind: "forecast" },
      { year: 2040, pence: 500_000n, kind: "forecast" },
    ],
  });
  // A change waiting for review with a huge past forecast: never public.
  const { arrangementId } = await createArrangement(sql, `${prefix}pending`, {
    title: "Unconfirmed test: pending change",
    category: "legal",
    partners: [lead, partner],
    state: "approved",
    savings: [{ year: 2017, pence: 1_000n, kind: "actual" }],
  });
  await addRevision(sql, arrangementId, 2, {
    title: "Unconfirmed test: pending change",
    category: "legal",
    partners: [lead, partner],
    state: "submitted",
    savings: [{ year: 2018, pence: 99_000_000_000n, kind: "forecast" }],
  });
  await createArrangement(sql, `${prefix}draft`, {
    title: "Unconfirmed test: draft",
    category: "legal",
    partners: [lead, partner],
    state: "draft",
    savings: [{ year: 2018, pence: 88_000_000_000n, kind: "forecast" }],
  });
});

afterEach(() => setToday(undefined));

afterAll(async () => {
  await removeArrangements(sql, prefix);
  await closeDatabases(sql);
});

describe("unconfirmed past forecasts in the published register", () => {
  for (const day of DATES) {
    for (const filters of FILTERS) {
      it(`equal SQL on ${day ?? "today"} with ${JSON.stringify(filters)}`, async () => {
        setToday(day);
        const want = await expected(filters, day);
        const got = await getUnconfirmedForecasts(filters);
        expect({ pence: got.pence, arrangements: got.arrangements }).toEqual({
          pence: want.unconfirmed,
          arrangements: want.arrangements,
        });
      });
    }
  }

  it("take in the 2018/19 forecasts the day after 31 March 2019", async () => {
    // Forecasts by year in the register on the day (matching reads APP_TODAY), the lines that
    // count there (an arrangement run within one council keeps its earlier years only).
    const forecasts = async (day: string) => {
      setToday(day);
      const [row] = await sql<{ y2018: string; earlier: string }[]>`
        with m as (${matching(sql, {})})
        select coalesce(sum(s.amount_pence) filter (where s.financial_year = 2018), 0)::text as y2018,
               coalesce(sum(s.amount_pence) filter (where s.financial_year < 2018), 0)::text as earlier
        from revision_savings s join m st on st.revision_id = s.revision_id
        where s.kind = 'forecast'
          and (st.internal_from is null or make_date(s.financial_year, 4, 1) < st.internal_from)`;
      return { y2018: BigInt(row!.y2018), earlier: BigInt(row!.earlier) };
    };
    const before = await forecasts("2019-03-31");
    expect((await getUnconfirmedForecasts()).pence).toBe(before.earlier);
    const after = await forecasts("2019-04-01");
    expect(after.y2018).toBeGreaterThan(0n);
    const unconfirmed = await getUnconfirmedForecasts();
    expect(unconfirmed.pence).toBe(after.earlier + after.y2018);
    expect(unconfirmed.currentYear).toBe(2019);
  });

  it("are the sum of the demo set's unconfirmed lines today, and a small part of the total", async () => {
    const got = await getUnconfirmedForecasts();
    expect(got.pence).toBeGreaterThan(0n);
    expect(got.arrangements).toBeGreaterThan(20);
    const dashboard = await loadDashboard({});
    expect(got.pence * 20n).toBeLessThan(dashboard.headline.totalPence);
  });
});

describe("the totals read with and without them", () => {
  for (const day of DATES) {
    it(`on the home page, ${day ?? "today"}: total less unconfirmed is the SQL sum of the rest`, async () => {
      setToday(day);
      for (const filters of [{}, { region: "north-east" }]) {
        const want = await expected(filters, day);
        const { headline, unconfirmed } = await loadDashboard(filters);
        expect(unconfirmed.pence).toBe(want.unconfirmed);
        expect(headline.totalPence - unconfirmed.pence).toBe(want.without);
      }
    });

    it(`in the explorer, ${day ?? "today"}`, async () => {
      setToday(day);
      for (const filters of FILTERS) {
        const query = parseListQuery(new URLSearchParams(filters as Record<string, string>));
        if (!query.ok) throw new Error(query.message);
        const list = await listPublishedArrangements(query.value);
        // The explorer lists the published records as they are now, every line counted; the
        // home page reads the register on the day (lib/public/register.ts).
        const want = await expected(filters, day, { asListed: true });
        expect(list.unconfirmedPence).toBe(want.unconfirmed);
        expect(list.totalPence - list.unconfirmedPence).toBe(want.without);
      }
    });
  }

  it("on a council page: its total and each arrangement's, against SQL", async () => {
    const page = await getCouncilPage(partner.code);
    if (page.kind !== "found") throw new Error(`No page for ${partner.code}`);
    const rows = await sql<{ slug: string; pence: string }[]>`
      select a.slug, coalesce(sum(s.amount_pence) filter (
               where s.kind = 'forecast' and make_date(s.financial_year + 1, 3, 31) < (now() at time zone 'Europe/London')::date
             ), 0)::text as pence
      from arrangements a
      join arrangement_revisions r on r.id = a.published_revision_id and r.state = 'approved'
      join revision_partners me on me.revision_id = r.id and me.organisation_id = ${partner.id}
      left join revision_savings s on s.revision_id = r.id
      group by a.slug`;
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, BigInt(r.pence)]));
    expect(
      Object.fromEntries(page.page.arrangements.map((a) => [a.slug, a.unconfirmedPence])),
    ).toEqual(bySlug);
    expect(bySlug[slug]).toBe(234_567n);
    expect(page.page.totals.unconfirmedPence).toBe(
      Object.values(bySlug).reduce((sum, pence) => sum + pence, 0n),
    );
  });
});

describe("an arrangement's page", () => {
  it("counts only its published forecasts for years that have ended", async () => {
    const now = await getPublishedArrangement(slug);
    expect(now?.unconfirmedPence).toBe(234_567n);
    expect(now?.forecastPence).toBe(734_567n);
    setToday("2019-03-31");
    expect((await getPublishedArrangement(slug))?.unconfirmedPence).toBe(0n);
    expect((await getPublishedArrangement(`${prefix}pending`))?.unconfirmedPence).toBe(0n);
  });
});
