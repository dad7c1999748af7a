import Link from "next/link";
import { CompareYearsFigure } from "@/components/charts/compare-years-chart";
import { RankedBarFigure } from "@/components/charts/ranked-bar-chart";
import { FigureTableView } from "@/components/charts/figure-table";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { RoundingNote } from "@/components/rounding-note";
import type { Comparison } from "@/lib/councils/compare";
import {
  councilsTable,
  servicesTable,
  shareByYearTable,
  type CompareTable,
} from "@/lib/councils/compare-tables";
import { perResidentText, POPULATION_ESTIMATE } from "@/lib/councils/population";
import { financialYearLabel } from "@/lib/financial-year";
import { formatHeadlinePounds, penceToChartPounds } from "@/lib/money";
import type { ReactNode } from "react";

/** The CSV of one of the page's tables: the same rows and columns, to the penny. */
function csvHref(comparison: Comparison, table: CompareTable): string {
  const codes = comparison.councils.map((c) => c.council.code).join(",");
  return `/compare.csv?councils=${codes}&table=${table}`;
}

function Download({ comparison, table }: { comparison: Comparison; table: CompareTable }) {
  return (
    <p className="no-print mt-2 text-sm">
      <a href={csvHref(comparison, table)} data-testid={`compare-${table}-csv`}>
        Download this table as CSV
      </a>{" "}
      (amounts to the penny, in pounds and in pence)
    </p>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-12" data-section={id}>
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Who each council is and its figures, a row each; a chart of its share per resident. */
function CouncilsSection({ comparison }: { comparison: Comparison }) {
  const bars = comparison.councils.map((c) => ({
    name: c.council.shortName,
    value: c.sharePerResidentPence === null ? 0 : penceToChartPounds(c.sharePerResidentPence),
    valueLabel: perResidentText(c.sharePence, c.council.population) ?? "Not known",
  }));
  const summary = `Bar chart of each council's share of its arrangements' savings per resident: ${comparison.councils
    .map((c, i) => `${c.council.shortName} ${bars[i]!.valueLabel}`)
    .join(", ")}.`;
  return (
    <Section id="councils" title="The councils side by side">
      <p className="mt-2 max-w-3xl">
        A council&rsquo;s <strong>share</strong> is each of its arrangements&rsquo; savings split
        equally among the organisations taking part today (the register does not record how partners
        divide them): shares do not overlap, so they can be set side by side and per resident
        (population {POPULATION_ESTIMATE}). The <strong>savings of the whole partnerships</strong>{" "}
        count each arrangement in full for every council in it, so they overlap between councils and
        must not be added up.
      </p>
      <div className="mt-4">
        <FigureTableView table={councilsTable(comparison)} />
      </div>
      <Download comparison={comparison} table="councils" />
      <figure className="mt-8 max-w-3xl break-inside-avoid">
        <figcaption className="mb-2 text-lg font-semibold">Its share per resident</figcaption>
        <RankedBarFigure chart="compare-per-resident" data={bars} summary={summary} />
        <p className="mt-2 text-sm text-ink-muted">
          Chart of the &ldquo;Its share per resident&rdquo; column of the table above.
        </p>
      </figure>
    </Section>
  );
}

/** Each council's share by financial year: a line each, and the table beside. */
function YearsSection({ comparison }: { comparison: Comparison }) {
  const table = shareByYearTable(comparison);
  const names = comparison.councils.map((c) => c.council.shortName);
  if (table.rows.length === 0) {
    return (
      <Section id="share-by-year" title="Its share of savings by financial year">
        <p className="mt-2">
          No savings have been published for these councils&rsquo; arrangements.
        </p>
      </Section>
    );
  }
  const data = table.rows.map((row) => ({
    label: financialYearLabel(row[0] as number),
    ...Object.fromEntries(
      row.slice(1).map((pence, i) => [`s${i}`, penceToChartPounds(pence as bigint)]),
    ),
  }));
  const first = financialYearLabel(table.rows[0]![0] as number);
  const last = financialYearLabel(table.rows.at(-1)![0] as number);
  const totals = table.footer!.cells as bigint[];
  const summary = `Line chart of each council's share of its arrangements' savings by financial year, ${first} to ${last}; in all: ${names
    .map((n, i) => `${n} ${formatHeadlinePounds(totals[i]!)}`)
    .join(", ")}.`;
  return (
    <Section id="share-by-year" title="Its share of savings by financial year">
      <p className="mt-2 max-w-3xl text-ink-muted">
        Each council&rsquo;s share of its arrangements&rsquo; savings, actual and forecast, year by
        year (1 April to 31 March). Each year&rsquo;s savings are split on their own, so a
        council&rsquo;s years can add up to a few pence more or less than its share above.
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-2 lg:items-start print:block">
        <figure className="min-w-0 break-inside-avoid">
          <CompareYearsFigure data={data} names={names} summary={summary} />
          <figcaption className="mt-2 text-sm text-ink-muted">
            Chart of the figures in the table.
          </figcaption>
        </figure>
        <div className="min-w-0">
          <FigureTableView table={table} />
          <Download comparison={comparison} table="share-by-year" />
        </div>
      </div>
    </Section>
  );
}

function ServicesSection({ comparison }: { comparison: Comparison }) {
  const table = servicesTable(comparison);
  return (
    <Section id="services" title="The services they share">
      <p className="mt-2 max-w-3xl text-ink-muted">
        How many of each council&rsquo;s shared arrangements have each service as their main one.
        Each service&rsquo;s page says who else shares it and what it saves.
      </p>
      {table.rows.length === 0 ? (
        <p className="mt-4">None of these councils shares a service in a published arrangement.</p>
      ) : (
        <>
          <div className="mt-4">
            <FigureTableView table={table} />
          </div>
          <Download comparison={comparison} table="services" />
        </>
      )}
    </Section>
  );
}

/** Everything the page compares, for councils it can compare. */
export function ComparisonSections({ comparison }: { comparison: Comparison }) {
  return (
    <>
      <IllustrativeBanner
        illustrativeCount={comparison.illustrative}
        totalCount={comparison.arrangements}
      />
      <CouncilsSection comparison={comparison} />
      <YearsSection comparison={comparison} />
      <ServicesSection comparison={comparison} />
      <RoundingNote />
      <p className="no-print mt-8">
        Each council&rsquo;s own page has its arrangements and partners:{" "}
        {comparison.councils.map((c, i) => (
          <span key={c.council.code}>
            {i > 0 ? (i === comparison.councils.length - 1 ? " and " : ", ") : null}
            <Link href={`/councils/${c.council.code}`}>{c.council.shortName}</Link>
          </span>
        ))}
        .
      </p>
    </>
  );
}
