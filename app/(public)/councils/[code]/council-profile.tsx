import Link from "next/link";
import { DataTable, type Column } from "@/components/data-table";
import {
  ProfileLegend,
  ProfileRangeFigure,
  ProfileYearsFigure,
} from "@/components/charts/profile-figures";
import type { ProfileRangeDatum } from "@/components/charts/profile-charts";
import type { CouncilPage } from "@/lib/councils/council-page";
import { perResidentPenceText, POPULATION_ESTIMATE } from "@/lib/councils/population";
import {
  standingText,
  type CouncilProfile,
  type Measure,
  type ProfileMember,
  type ProfileYear,
} from "@/lib/councils/profile";
import { financialYearLabel } from "@/lib/financial-year";
import { formatHeadlinePounds, formatWholePounds, penceToChartPounds } from "@/lib/money";
import { partnerFinderHref } from "@/lib/partners/query";

/*
 * The council's profile against its similar councils (lib/councils/profile.ts): its figures
 * beside the group's quartiles, as small charts with the table beside them; its share by
 * financial year beside the group's; the services most of the group share that it does not,
 * each to the partner finder; and every similar council's own figures.
 */

/** A count that may fall between two (a quartile): "7.5". */
const count = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 2 });

type MeasureRow = {
  key: string;
  label: string;
  /** As the table shows it, and as a headline. */
  table: (value: number | bigint) => string;
  headline: (value: number | bigint) => string;
  measure: Measure<number | bigint>;
  datum: ProfileRangeDatum;
};

const inPounds = (m: Measure<bigint>) => ({
  council: penceToChartPounds(m.council),
  lowerQuartile: penceToChartPounds(m.lowerQuartile),
  median: penceToChartPounds(m.median),
  upperQuartile: penceToChartPounds(m.upperQuartile),
});

function measureRows(profile: CouncilProfile): MeasureRow[] {
  const pounds = (v: number | bigint) => formatWholePounds(v as bigint);
  // The one public figure with pence, so always said per resident (as perResidentText does).
  const perResident = (v: number | bigint) => perResidentPenceText(v as bigint);
  return [
    {
      key: "arrangements",
      label: "Shared arrangements",
      table: (v) => count(v as number),
      headline: (v) => count(v as number),
      measure: profile.arrangements,
      datum: { unit: "count", ...profile.arrangements },
    },
    {
      key: "share",
      label: "Share of their savings",
      table: pounds,
      headline: (v) => formatHeadlinePounds(v as bigint),
      measure: profile.share,
      datum: { unit: "pounds", ...inPounds(profile.share) },
    },
    {
      key: "per-resident",
      label: "Share per resident",
      table: perResident,
      headline: perResident,
      measure: profile.perResident,
      datum: { unit: "per-resident", ...inPounds(profile.perResident) },
    },
  ];
}

/** "Harrow's share of their savings, £23.1m, is above the upper quartile of its 15 …". */
function measureSummary(row: MeasureRow, name: string, size: number): string {
  const m = row.measure;
  const f = row.headline;
  return (
    `${name}: ${row.label.toLowerCase()}, ${f(m.council)}, ${standingText(m)} of its ${size} ` +
    `similar councils (lower quartile ${f(m.lowerQuartile)}, median ${f(m.median)}, upper ` +
    `quartile ${f(m.upperQuartile)}).`
  );
}

function measureColumns(name: string): Column<MeasureRow>[] {
  const value = (pick: (m: MeasureRow["measure"]) => number | bigint) => (r: MeasureRow) =>
    r.table(pick(r.measure));
  return [
    {
      label: "Measure",
      rowHeader: true,
      cell: (r) => (
        <>
          {r.label}
          <span className="block text-xs font-normal text-ink-muted">
            {name}: {standingText(r.measure)}
          </span>
        </>
      ),
    },
    { label: name, numeric: true, cell: value((m) => m.council) },
    { label: "Lower quartile", numeric: true, cell: value((m) => m.lowerQuartile) },
    { label: "Median", numeric: true, cell: value((m) => m.median) },
    { label: "Upper quartile", numeric: true, cell: value((m) => m.upperQuartile) },
  ];
}

function MeasuresFigure({ profile, name }: { profile: CouncilProfile; name: string }) {
  const rows = measureRows(profile);
  const size = profile.group.length;
  const [arrangements, share, perResident] = rows.map((r) => ({
    council: r.headline(r.measure.council),
    median: r.headline(r.measure.median),
  }));
  return (
    <>
      <p className="mt-2 max-w-3xl" data-testid="profile-headline">
        {name} takes part in {arrangements!.council} shared arrangements (the median of its similar
        councils: {arrangements!.median}); its share of their savings is {share!.council} (median{" "}
        {share!.median}), or {perResident!.council} (median {perResident!.median}).
      </p>
      <div className="mt-4 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start print:block">
        <figure className="min-w-0 break-inside-avoid">
          <ProfileLegend council={name} />
          {rows.map((r) => (
            <ProfileRangeFigure
              key={r.key}
              label={r.label}
              datum={r.datum}
              summary={measureSummary(r, name, size)}
            />
          ))}
          <figcaption className="mt-2 text-sm text-ink-muted">
            Chart of the figures in the table, each measure on its own scale from zero.
          </figcaption>
        </figure>
        <DataTable
          id="profile-measures"
          dense
          regionClassName="min-w-0"
          testId="profile-measures"
          caption={`${name} beside its ${size} similar councils: shared arrangements, its share of their savings (rounded to the nearest pound) and that share per resident (${POPULATION_ESTIMATE}, to the penny), with the group's quartiles`}
          columns={measureColumns(name)}
          rows={rows}
          rowKey={(r) => r.key}
        />
      </div>
    </>
  );
}

function yearColumns(name: string): Column<ProfileYear>[] {
  return [
    {
      label: "Financial year",
      rowHeader: true,
      cell: (y) => financialYearLabel(y.financialYear),
    },
    { label: name, numeric: true, cell: (y) => formatWholePounds(y.councilPence) },
    { label: "Lower quartile", numeric: true, cell: (y) => formatWholePounds(y.lowerQuartile) },
    { label: "Median", numeric: true, cell: (y) => formatWholePounds(y.median) },
    { label: "Upper quartile", numeric: true, cell: (y) => formatWholePounds(y.upperQuartile) },
  ];
}

function YearsFigure({ profile, name }: { profile: CouncilProfile; name: string }) {
  const { years } = profile;
  if (years.length === 0) {
    return <p className="mt-2">Neither it nor its similar councils have savings published.</p>;
  }
  const data = years.map((y) => ({
    label: financialYearLabel(y.financialYear),
    council: penceToChartPounds(y.councilPence),
    median: penceToChartPounds(y.median),
    range: [penceToChartPounds(y.lowerQuartile), penceToChartPounds(y.upperQuartile)] as [
      number,
      number,
    ],
  }));
  const first = financialYearLabel(years[0]!.financialYear);
  const last = financialYearLabel(years.at(-1)!.financialYear);
  return (
    <div className="mt-4 grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start print:block">
      <figure className="min-w-0 break-inside-avoid">
        <ProfileYearsFigure
          council={name}
          data={data}
          summary={`${name}'s share of savings by financial year, ${first} to ${last}, beside the median and middle half of its ${profile.group.length} similar councils. The figures are in the table that follows.`}
        />
        <figcaption className="mt-2 text-sm text-ink-muted">
          Chart of the figures in the table.
        </figcaption>
      </figure>
      <DataTable
        id="profile-years"
        dense
        regionClassName="min-w-0"
        testId="profile-years"
        caption={`${name}'s share of savings by financial year beside its similar councils' quartiles, in pounds (rounded to the nearest pound)`}
        columns={yearColumns(name)}
        rows={years}
        rowKey={(y) => y.financialYear}
      />
    </div>
  );
}

function NotYetShared({
  profile,
  code,
  name,
}: {
  profile: CouncilProfile;
  code: string;
  name: string;
}) {
  const size = profile.group.length;
  if (profile.notYetShared.length === 0) {
    return (
      <p className="mt-2">
        Every service that at least half of its similar councils share, {name} shares too.
      </p>
    );
  }
  return (
    <ul className="mt-2 list-disc space-y-1 pl-6" data-testid="profile-not-yet-shared">
      {profile.notYetShared.map((c) => (
        <li key={c.slug}>
          <strong>{c.name}</strong>: {c.councils} of its {size} similar councils share it; {name}{" "}
          does not. <Link href={partnerFinderHref(code, c.slug)}>Find partners for {c.name}</Link>
        </li>
      ))}
    </ul>
  );
}

const GROUP_COLUMNS: Column<ProfileMember>[] = [
  {
    label: "Council",
    rowHeader: true,
    cell: (m) => <Link href={`/councils/${m.code}`}>{m.name}</Link>,
  },
  { label: "Shared arrangements", numeric: true, cell: (m) => count(m.arrangements) },
  { label: "Share of their savings", numeric: true, cell: (m) => formatWholePounds(m.sharePence) },
  {
    label: "Share per resident",
    numeric: true,
    cell: (m) => perResidentPenceText(m.perResidentPence),
  },
];

/** Its figures beside its similar councils', and what most of them share that it does not. */
export function ProfileSection({ page }: { page: CouncilPage }) {
  const { profile, council } = page;
  if (!profile) return null;
  const name = council.shortName;
  const size = profile.group.length;
  return (
    <section aria-labelledby="profile-heading" className="mt-10" data-testid="council-profile">
      <h2 id="profile-heading" className="text-2xl font-bold">
        Compared with its similar councils
      </h2>
      <p className="mt-2 max-w-3xl">
        {name}&rsquo;s figures today, by the same rule as those above, beside those of its {size}{" "}
        similar councils: the median, and the lower and upper quartiles between which the middle
        half of them lie.{" "}
        <Link href="/about#profile">How the comparison is made, and its limits</Link>
      </p>

      <h3 className="mt-6 text-xl font-bold">Arrangements and savings</h3>
      <MeasuresFigure profile={profile} name={name} />

      <h3 className="mt-8 text-xl font-bold">Its share by financial year</h3>
      <p className="mt-2 max-w-3xl text-ink-muted">
        Each arrangement&rsquo;s savings in a year, actual and forecast, split equally among the
        organisations taking part today, so the years add up to the share above give or take a few
        pence.
      </p>
      <YearsFigure profile={profile} name={name} />

      <h3 className="mt-8 text-xl font-bold">Not yet shared</h3>
      <p className="mt-2 max-w-3xl text-ink-muted">
        Services that at least half of its similar councils share today, in a shared arrangement of
        that main or further service, and {name} does not; most shared first.
      </p>
      <NotYetShared profile={profile} code={council.code} name={name} />

      <details className="mt-8">
        <summary className="cursor-pointer font-semibold">
          The figures of each similar council
        </summary>
        <DataTable
          id="profile-group"
          dense
          regionClassName="mt-4"
          testId="profile-group"
          captionClassName="mb-2 text-left text-ink-muted"
          caption={`${name}'s ${size} similar councils, nearest first: shared arrangements, share of their savings (rounded to the nearest pound) and per resident`}
          columns={GROUP_COLUMNS}
          rows={profile.group}
          rowKey={(m) => m.code}
        />
      </details>
    </section>
  );
}
