import { expect, test } from "@playwright/test";
import { standingText } from "@/lib/councils/profile";
import { financialYearLabel } from "@/lib/financial-year";
import { perResidentPenceText } from "@/lib/councils/population";
import { formatWholePounds } from "@/lib/money";
import { axeViolations } from "./a11y";

/*
 * A council's profile against its similar councils on its page, in Chromium: the figures of the
 * API's answer (held to SQL in tests/integration/council-profile.test.ts) in the tables, a chart
 * beside each, the "not yet shared" list leading to the partner finder, and no axe violations.
 * One page load for the page, one for the finder.
 */

const HARROW = "E09000015";

type Quartiles = {
  council: string;
  lower_quartile: string;
  median: string;
  upper_quartile: string;
};
type ProfileBody = {
  profile: {
    arrangements: {
      council: number;
      lower_quartile: number;
      median: number;
      upper_quartile: number;
    };
    share_pence: Quartiles;
    share_per_resident_pence: Quartiles;
    share_by_year: {
      financial_year_start: number;
      council_pence: string;
      lower_quartile_pence: string;
      median_pence: string;
      upper_quartile_pence: string;
    }[];
    not_yet_shared: { name: string; councils_sharing: number; partner_finder: string }[];
    group: { code: string }[];
  };
};

const pence = (q: Quartiles) => ({
  council: BigInt(q.council),
  lowerQuartile: BigInt(q.lower_quartile),
  median: BigInt(q.median),
  upperQuartile: BigInt(q.upper_quartile),
});

const cells = (q: Quartiles, format: (pence: bigint) => string) =>
  [q.council, q.lower_quartile, q.median, q.upper_quartile].map((v) => format(BigInt(v)));

test("a council's profile: its figures beside its similar councils', with tables, charts and what it does not yet share", async ({
  page,
  request,
}) => {
  // Two page loads, charts and axe over a long page: more than the default on a loaded machine.
  test.setTimeout(60_000);
  const api = (await (
    await request.get(`/api/v1/councils/${HARROW}/profile`)
  ).json()) as ProfileBody;
  const profile = api.profile;
  expect(profile.not_yet_shared.length).toBeGreaterThan(0);

  await page.goto(`/councils/${HARROW}`);
  const section = page.getByTestId("council-profile");
  await expect(section.getByRole("heading", { level: 2 })).toHaveText(
    "Compared with its similar councils",
  );

  // The measures: the API's figures, in whole pounds and pence per resident.
  const rows = (testId: string) =>
    section
      .getByTestId(testId)
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("th, td"), (c) => c.textContent!.trim())),
      );
  const a = profile.arrangements;
  const measures = await rows("profile-measures");
  expect(measures.map((r) => r.slice(1))).toEqual([
    [a.council, a.lower_quartile, a.median, a.upper_quartile].map((n) =>
      n.toLocaleString("en-GB", { maximumFractionDigits: 2 }),
    ),
    cells(profile.share_pence, formatWholePounds),
    cells(profile.share_per_resident_pence, perResidentPenceText),
  ]);
  // Each row says where Harrow stands among them.
  const standings = [
    {
      council: a.council,
      lowerQuartile: a.lower_quartile,
      median: a.median,
      upperQuartile: a.upper_quartile,
    },
    pence(profile.share_pence),
    pence(profile.share_per_resident_pence),
  ].map(standingText);
  expect(measures.map((r) => r[0])).toEqual([
    `Shared arrangementsHarrow: ${standings[0]}`,
    `Share of their savingsHarrow: ${standings[1]}`,
    `Share per residentHarrow: ${standings[2]}`,
  ]);

  // The years, each beside the group's quartiles.
  expect(await rows("profile-years")).toEqual(
    profile.share_by_year.map((y) => [
      financialYearLabel(y.financial_year_start),
      ...[y.council_pence, y.lower_quartile_pence, y.median_pence, y.upper_quartile_pence].map(
        (v) => formatWholePounds(BigInt(v)),
      ),
    ]),
  );

  // Each chart is named for assistive technology and drawn beside its table.
  const ranges = section.locator('[data-chart="profile-range"]');
  await expect(ranges).toHaveCount(3);
  await expect(ranges.first()).toHaveAttribute("aria-label", /^Harrow: shared arrangements, \d/);
  const years = section.getByRole("img", { name: /^Harrow's share of savings by financial year/ });
  await expect(years.locator("svg[data-layout]:visible")).toHaveCount(1);
  await expect(ranges.last().locator("svg[data-layout]:visible")).toHaveCount(1);

  // Every similar council's figures, behind a disclosure.
  await section.getByText("The figures of each similar council").click();
  await expect(section.getByTestId("profile-group").locator("tbody tr")).toHaveCount(
    profile.group.length,
  );

  expect(await axeViolations(page)).toEqual([]);

  // Not yet shared: most shared first, each to the partner finder for it.
  const items = section.getByTestId("profile-not-yet-shared").getByRole("listitem");
  await expect(items).toHaveCount(profile.not_yet_shared.length);
  for (const [i, s] of profile.not_yet_shared.entries()) {
    await expect(items.nth(i)).toContainText(
      `${s.name}: ${s.councils_sharing} of its ${profile.group.length} similar councils share it; Harrow does not.`,
    );
    await expect(items.nth(i).getByRole("link")).toHaveAttribute("href", s.partner_finder);
  }
  await items.first().getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/partners\\?council=${HARROW}&category=`));
  await expect(page.getByRole("main")).toContainText(profile.not_yet_shared[0]!.name);
});
