import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable, type Column } from "@/components/data-table";
import { HeadlineFigures } from "@/components/headline-figures";
import { LinkedNames } from "@/components/name-list";
import type { CouncilPage } from "@/lib/councils/council-page";
import { councilTypeLabel, organisationKindLabel } from "@/lib/councils/labels";
import { perResidentText, POPULATION_ESTIMATE } from "@/lib/councils/population";
import { TIER_COUNCILS } from "@/lib/councils/similar";
import { UnconfirmedNote } from "@/components/unconfirmed-note";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import { formatLongDate } from "@/lib/format/dates";
import { today } from "@/lib/clock";
import { FigureTableView } from "@/components/charts/figure-table";
import { SavingsByYearFigure } from "@/components/charts/savings-by-year-chart";
import { savingsByYearSummary, yearBars } from "@/lib/stats/charts";
import { savingsByYearTable } from "@/lib/stats/tables";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-semibold">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Type, region, population, code and county, in a row of short facts. */
export function AboutSection({ page }: { page: CouncilPage }) {
  const { council } = page;
  return (
    <section aria-labelledby="about-heading" className="mt-8">
      <h2 id="about-heading" className="sr-only">
        About the council
      </h2>
      <dl
        className="grid gap-x-8 gap-y-3 sm:grid-cols-2 lg:grid-cols-4"
        data-testid="council-facts"
      >
        <Fact term="Type">{councilTypeLabel(council.councilType)}</Fact>
        <Fact term="Region">{council.region ?? "Not recorded"}</Fact>
        <Fact term="Population">
          {council.population !== null
            ? `${council.population.toLocaleString("en-GB")} (${POPULATION_ESTIMATE})`
            : "Not recorded"}
        </Fact>
        <Fact term="GSS code">
          <span className="font-mono">{council.gssCode ?? council.code}</span>
        </Fact>
        {page.parent ? (
          <Fact term="County">
            <Link href={`/councils/${page.parent.code}`}>{page.parent.name}</Link>
          </Fact>
        ) : null}
      </dl>
    </section>
  );
}

const count = (n: number) => n.toLocaleString("en-GB");

/** "3 as lead, 9 as partner, 4 through councils it replaced; 1 now run within it alone". */
function rolesText(totals: CouncilPage["totals"]): string {
  const parts = [`${count(totals.asLead)} as lead`, `${count(totals.asPartner)} as partner`];
  if (totals.via > 0) parts.push(`${count(totals.via)} through councils it replaced`);
  const internal = totals.internal > 0 ? `; ${count(totals.internal)} now run within it alone` : "";
  return `${parts.join(", ")}${internal}`;
}

/**
 * Its share of its arrangements' savings (each split equally among the organisations taking
 * part), and that share per resident: figures that do not overlap between councils.
 */
function shareFigure({ council, totals }: CouncilPage) {
  const perResident = perResidentText(totals.sharePence, council.population);
  return {
    label: "Its share of these savings",
    value: formatHeadlinePounds(totals.sharePence),
    detail: (
      <>
        {formatWholePounds(totals.sharePence)}: each arrangement’s savings split equally among the
        organisations taking part (the register does not record how partners divide them).{" "}
        <span data-testid="council-per-resident">
          {perResident
            ? `${perResident} (its share over its population, ${POPULATION_ESTIMATE}, ${council.population!.toLocaleString("en-GB")}; to the penny).`
            : "No population is recorded, so there is no figure per resident."}
        </span>
      </>
    ),
    testId: "council-share",
  };
}

/** How many arrangements, what they save, and how many organisations it shares with. */
export function FiguresSection({ page }: { page: CouncilPage }) {
  const { totals } = page;
  return (
    <section aria-labelledby="figures-heading" className="mt-10">
      <h2 id="figures-heading" className="text-2xl font-bold">
        Shared services in the register
      </h2>
      <p className="mt-2 text-ink-muted" data-testid="council-day">
        {page.ceased
          ? `The arrangements recorded with it, as the register stands on ${formatLongDate(page.day)}.`
          : `The shared arrangements it takes part in on ${formatLongDate(page.day)}, for itself or for the councils it replaced.`}
      </p>
      <HeadlineFigures
        figures={[
          {
            label: "Arrangements",
            value: totals.arrangements.toLocaleString("en-GB"),
            detail: rolesText(totals),
            testId: "council-arrangements",
          },
          {
            label: "Savings of these arrangements",
            value: formatHeadlinePounds(totals.totalPence),
            detail: (
              <>
                {formatWholePounds(totals.totalPence)}: savings of the whole partnership; these
                overlap between councils, so they must not be added up across councils
                <UnconfirmedNote
                  pence={totals.unconfirmedPence}
                  totalPence={totals.totalPence}
                  testId="council-unconfirmed"
                />
              </>
            ),
            testId: "council-savings",
          },
          ...(page.ceased ? [] : [shareFigure(page)]),
          {
            label: "Organisations it shares with",
            value: page.network.length.toLocaleString("en-GB"),
            detail: "councils and other public bodies",
            testId: "council-partners",
          },
        ]}
      />
    </section>
  );
}

/** The years' sums for the table's total row: the same arrangements as the headline figure. */
function yearTotals(years: CouncilPage["years"]) {
  let actualPence = 0n;
  let forecastPence = 0n;
  for (const y of years) {
    actualPence += y.actualPence;
    forecastPence += y.forecastPence;
  }
  return { actualPence, forecastPence, totalPence: actualPence + forecastPence };
}

/**
 * The savings of its arrangements by financial year: the dashboard's chart of years, small,
 * with its table beside it (the same figures, exact), read by the same rule as the figures
 * above, so the table's total is the headline's.
 */
export function SavingsOverTimeSection({ page }: { page: CouncilPage }) {
  const { years, council } = page;
  const totals = yearTotals(years);
  const table = {
    ...savingsByYearTable(years, totals),
    caption: `Savings of ${council.shortName}'s arrangements by financial year, in pounds (rounded to the nearest pound)`,
  };
  return (
    <section aria-labelledby="years-heading" className="mt-10" data-testid="council-years">
      <h2 id="years-heading" className="text-2xl font-bold">
        Savings over time
      </h2>
      <p className="mt-2 max-w-3xl text-ink-muted">
        The savings of the arrangements counted above, by financial year (1 April to 31 March), each
        arrangement&rsquo;s in full. Actual savings have been achieved; forecast savings are what
        the councils expect.
      </p>
      {years.length === 0 ? (
        <p className="mt-4">No savings have been published for these arrangements.</p>
      ) : (
        <div className="mt-6 grid gap-8 lg:grid-cols-2 lg:items-start print:block">
          <figure className="min-w-0 break-inside-avoid">
            <SavingsByYearFigure
              data={yearBars(years)}
              summary={savingsByYearSummary(years, totals.totalPence)}
            />
            <figcaption className="mt-2 text-sm text-ink-muted">
              Chart of the figures in the table, which also gives the running total of actual
              savings.
            </figcaption>
          </figure>
          <FigureTableView table={table} />
        </div>
      )}
    </section>
  );
}

type PartnerLink = CouncilPage["network"][number];

const NETWORK_COLUMNS: Column<PartnerLink>[] = [
  {
    label: "Organisation",
    rowHeader: true,
    cell: (partner) =>
      partner.kind === "council" ? (
        <Link href={`/councils/${partner.code}`}>{partner.name}</Link>
      ) : (
        partner.name
      ),
  },
  { label: "Kind", cell: (partner) => organisationKindLabel(partner.kind) },
  {
    label: "Shared arrangements",
    numeric: true,
    cell: (partner) => partner.arrangements.toLocaleString("en-GB"),
  },
];

/** The organisations it shares with, and in how many published arrangements. */
export function NetworkSection({ page }: { page: CouncilPage }) {
  return (
    <section aria-labelledby="network-heading" className="mt-10">
      <h2 id="network-heading" className="text-2xl font-bold">
        Partner network
      </h2>
      {page.network.length === 0 ? (
        <p className="mt-2">No published arrangements link it to other organisations yet.</p>
      ) : (
        <DataTable
          id="network"
          dense
          regionClassName="mt-4"
          testId="council-network"
          captionClassName="mb-2 text-left text-ink-muted"
          caption={`The organisations ${page.council.shortName} shares services with, and in how many published arrangements`}
          columns={NETWORK_COLUMNS}
          rows={page.network}
          rowKey={(partner) => partner.code}
        />
      )}
    </section>
  );
}

const councilHref = (code: string) => `/councils/${code}`;

/** Successions grouped by their first day, earliest first (a reorganisation is one day). */
function byDay(successions: CouncilPage["successors"]) {
  const days = new Map<string, CouncilPage["successors"]>();
  for (const s of successions) days.set(s.effectiveDate, [...(days.get(s.effectiveDate) ?? []), s]);
  return [...days].sort(([a], [b]) => a.localeCompare(b));
}

/** Councils that merged into it, or that it took a part of: "Formed on … from A, B and C". */
function Formed({ page, day }: { page: CouncilPage; day: string }) {
  return byDay(page.predecessors).map(([vesting, predecessors]) => (
    <p className="mt-2" key={vesting}>
      {vesting > day ? "To be formed" : "Formed"} on {formatLongDate(vesting)} from{" "}
      <LinkedNames items={predecessors} href={councilHref} />.
    </p>
  ));
}

/** "Replaced on 1 April 2021 by North Northamptonshire Council and West Northamptonshire Council." */
function ReplacedBy({ page }: { page: CouncilPage }) {
  return byDay(page.successors).map(([vesting, successors]) => (
    <p className="mt-2" key={vesting} data-testid="council-successors">
      Replaced on {formatLongDate(vesting)} by <LinkedNames items={successors} href={councilHref} />
      .
    </p>
  ));
}

/** A reorganisation recorded but not yet vested: "Becomes part of X and Y on 1 April 2028." */
function Becomes({ page }: { page: CouncilPage }) {
  const { endDate } = page.council;
  if (page.successors.length === 0)
    return endDate ? <p className="mt-2">Ends on {formatLongDate(endDate)}.</p> : null;
  return byDay(page.successors).map(([vesting, successors]) => (
    <p className="mt-2" key={vesting} data-testid="council-successors">
      Becomes part of <LinkedNames items={successors} href={councilHref} /> on{" "}
      {formatLongDate(vesting)}.
    </p>
  ));
}

/**
 * Current (or not formed yet), or abolished and which councils replaced it; and what it was
 * formed from. A reorganisation recorded for a future vesting day is said as one to come: the
 * page changes by itself on the day (today() in England, lib/clock.ts).
 */
export function CouncilStatus({ page }: { page: CouncilPage }) {
  const { council } = page;
  const day = today();
  if (!council.endDate || council.endDate >= day) {
    const future = council.startDate !== null && council.startDate > day;
    return (
      <div className="mt-3" data-testid="council-status">
        <p>
          <strong>Status:</strong> {future ? "Not formed yet" : "Current"}
        </p>
        <Formed page={page} day={day} />
        <Becomes page={page} />
      </div>
    );
  }
  return (
    <div className="mt-4 border-l-8 border-rule-strong bg-surface p-4" data-testid="council-status">
      <p>
        <strong>Status:</strong> Abolished on {formatLongDate(council.endDate)}.
      </p>
      <ReplacedBy page={page} />
      <Formed page={page} day={day} />
      <p className="mt-2 text-ink-muted">
        Its arrangements stay in the register as they were recorded.
      </p>
    </div>
  );
}

const NO_GROUP: Readonly<Record<string, string>> = {
  "not-current": "It does not exist today, so it has no comparison group of today's councils.",
  "no-tier":
    "Its type is not a county, district or unitary council, so it has no comparison group.",
  "no-population": "The register has no population for it, so it has no comparison group.",
  "no-boundary":
    "The map's boundaries (2014 to 2025) do not include it, so its population density is unknown and it has no comparison group.",
};

/** Its 15 most similar councils today, and one sentence on how they were chosen. */
export function SimilarSection({ page }: { page: CouncilPage }) {
  const { similar, council } = page;
  return (
    <section aria-labelledby="similar-heading" className="mt-10" data-testid="council-similar">
      <h2 id="similar-heading" className="text-2xl font-bold">
        Similar councils
      </h2>
      {similar.kind === "none" ? (
        <p className="mt-2">{NO_GROUP[similar.reason]}</p>
      ) : (
        <>
          <p className="mt-2">
            The {similar.councils.length} {TIER_COUNCILS[similar.tier]} existing today nearest to{" "}
            {council.shortName} in population and population density (both on a log scale, measured
            in standard deviations among the councils of that tier), a council in another region
            counting as one standard deviation further away; nearest first.{" "}
            <Link href="/about#similar-councils">How similar councils are chosen</Link>
          </p>
          {similar.leftOut > 0 ? (
            <p className="mt-2 text-ink-muted">
              {count(similar.leftOut)} of today&apos;s {TIER_COUNCILS[similar.tier].split(" (")[0]}{" "}
              {similar.leftOut === 1 ? "is" : "are"} left out: the register has no population or
              boundary for {similar.leftOut === 1 ? "it" : "them"}.
            </p>
          ) : null}
          <ol className="mt-3 list-decimal pl-6 sm:columns-2 lg:columns-3">
            {similar.councils.map((c) => (
              <li key={c.code}>
                <Link href={councilHref(c.code)}>{c.name}</Link>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
