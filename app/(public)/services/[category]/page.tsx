import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { notFound } from "next/navigation";
import { RankedBarFigure } from "@/components/charts/ranked-bar-chart";
import { DataTable } from "@/components/data-table";
import { SelectField } from "@/components/forms/select-field";
import { HeadlineFigures } from "@/components/headline-figures";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { formatLongDate } from "@/lib/format/dates";
import { formatHeadlinePounds, formatWholePounds } from "@/lib/money";
import { filtersToParams } from "@/lib/public/filters";
import { publicHref } from "@/lib/public-routes";
import { TIER_COUNCILS } from "@/lib/councils/similar";
import { MIN_COMPARABLES } from "@/lib/services/estimate";
import {
  estimateCouncils,
  estimateFor,
  getServicePage,
  type EstimateFor,
  type ServicePage,
} from "@/lib/services/service-page";
import { dashboardTables } from "@/lib/stats/dashboard";
import { ChartSection } from "../../cached/home/[query]/chart-section";
import { DASHBOARD_SECTIONS } from "../../cached/home/[query]/dashboard-sections";

// Rendered per request (it reads ?council=), from figures cached under the public tag and
// dropped when the register changes (lib/cache/public-cache.ts).

type Props = {
  params: Promise<{ category: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getServicePage((await params).category);
  if (!page) return { title: "Service not found" };
  return {
    title: `${page.category.name}: shared services`,
    description:
      `${page.category.name} shared by English councils: how many arrangements and councils, ` +
      `what they save year by year, how savings are spread, typical partners and the largest ` +
      `and newest arrangements.`,
  };
}

const count = (n: number) => n.toLocaleString("en-GB");

function Figures({ page }: { page: ServicePage }) {
  const { headline } = page.dashboard;
  return (
    <HeadlineFigures
      figures={[
        {
          label: "Shared arrangements",
          value: count(headline.arrangements),
          detail: `running or ended, published, on ${formatLongDate(page.day)}`,
          testId: "service-arrangements",
        },
        {
          label: "Councils taking part",
          value: count(headline.councilsInvolved),
          detail: `of the ${count(headline.councilsExisting)} councils in England, in one running on ${formatLongDate(page.day)}`,
          testId: "service-councils",
        },
        {
          label: "Savings",
          value: formatHeadlinePounds(headline.totalPence),
          detail: `actual and forecast, all years (${formatWholePounds(headline.totalPence)})`,
          testId: "service-savings",
        },
      ]}
    />
  );
}

/** Dashboard sections this page shows too, for the category (lib/stats, by the rule). */
function DashboardSections({ page }: { page: ServicePage }) {
  const d = page.dashboard;
  const tables = dashboardTables(d);
  return DASHBOARD_SECTIONS.filter((s) =>
    ["savings-by-year", "savings-by-partner-type", "top-arrangements"].includes(s.chart),
  ).map((section) => (
    <ChartSection
      key={section.chart}
      title={section.title(d)}
      description={section.description(d.filters)}
      chart={section.figure(d)}
      table={tables[section.chart]}
      csvHref={publicHref(`/data/dashboard/${section.chart}.csv`, filtersToParams(d.filters))}
      captionSuffix={page.category.name}
      layout={section.layout}
      rowHeader={section.rowHeader}
      note={section.note}
    />
  ));
}

function Spread({ page }: { page: ServicePage }) {
  const { spread } = page;
  const quartiles =
    spread.medianPence === null ? null : (
      <p data-testid="service-quartiles">
        Of the {count(spread.arrangements)} shared arrangements, {count(spread.withSavings)} have
        recorded savings. Half of those saved between{" "}
        {formatHeadlinePounds(spread.lowerQuartilePence!)} and{" "}
        {formatHeadlinePounds(spread.upperQuartilePence!)} in all, and the median is{" "}
        {formatHeadlinePounds(spread.medianPence)}.
      </p>
    );
  const bars = spread.bands.map((b) => ({
    name: b.label,
    value: b.arrangements,
    valueLabel: `${count(b.arrangements)} arrangement${b.arrangements === 1 ? "" : "s"}`,
  }));
  return (
    <section aria-labelledby="spread-heading" className="mt-12" data-section="spread">
      <h2 id="spread-heading" className="text-2xl font-bold">
        How much each arrangement saves
      </h2>
      <div className="mt-2 max-w-3xl space-y-2 text-ink-muted">
        <p>
          Each arrangement&rsquo;s savings over all its years, actual and forecast, counted once for
          the whole partnership. Arrangements with no savings recorded are left out of the spread.
        </p>
        {quartiles}
      </div>
      {spread.withSavings === 0 ? (
        <p className="mt-4">No arrangement of this service has recorded savings yet.</p>
      ) : (
        <div className="mt-6 space-y-8 lg:grid lg:grid-cols-2 lg:items-start lg:gap-8 lg:space-y-0">
          <figure className="min-w-0">
            <RankedBarFigure
              chart="savings-spread"
              data={bars}
              summary={
                `Arrangements by what they saved, in ${bars.length} bands from under £100k to ` +
                `£5m or more. Exact counts are in the table that follows.`
              }
            />
            <figcaption className="mt-2 text-sm text-ink-muted">
              Chart of the figures in the table.
            </figcaption>
          </figure>
          <div className="min-w-0">
            <DataTable
              id="spread"
              dense
              testId="service-spread"
              caption={`${page.category.name}: arrangements by savings, and the quartiles`}
              columns={[
                { label: "Savings over all years", rowHeader: true, cell: (r) => r.label },
                { label: "Arrangements", numeric: true, cell: (r) => r.value },
              ]}
              rows={[
                ...spread.bands.map((b) => ({ label: b.label, value: count(b.arrangements) })),
                {
                  label: "Lower quartile",
                  value: formatWholePounds(spread.lowerQuartilePence!),
                },
                { label: "Median", value: formatWholePounds(spread.medianPence!) },
                {
                  label: "Upper quartile",
                  value: formatWholePounds(spread.upperQuartilePence!),
                },
              ]}
              rowKey={(r) => r.label}
            />
          </div>
        </div>
      )}
    </section>
  );
}

function Newest({ page }: { page: ServicePage }) {
  return (
    <section aria-labelledby="newest-heading" className="mt-12">
      <h2 id="newest-heading" className="text-2xl font-bold">
        Newest arrangements
      </h2>
      {page.newest.length === 0 ? (
        <p className="mt-2">None have been published yet.</p>
      ) : (
        <DataTable
          id="newest"
          dense
          regionClassName="mt-4"
          testId="service-newest"
          caption={`The ${count(page.newest.length)} ${page.category.name} arrangements published most recently`}
          columns={[
            {
              label: "Arrangement",
              rowHeader: true,
              cell: (a) => <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>,
            },
            {
              label: "Lead",
              cell: (a) => <Link href={`/councils/${a.leadCode}`}>{a.leadName}</Link>,
            },
            { label: "First published", cell: (a) => formatLongDate(a.firstPublished) },
          ]}
          rows={page.newest}
          rowKey={(a) => a.slug}
        />
      )}
    </section>
  );
}

function EstimateAnswer({ page, answer }: { page: ServicePage; answer: EstimateFor }) {
  const { estimate, council, tier } = answer;
  const among = `${page.category.name} arrangements involving ${TIER_COUNCILS[tier]}`;
  const partners = (
    <Link
      href={publicHref(
        "/partners",
        new URLSearchParams({ council: council.code, category: page.category.slug }),
      )}
    >
      Find councils near {council.name} that already share {page.category.name}
    </Link>
  );
  if (estimate.kind === "too-few") {
    return (
      <div className="mt-4 border-l-8 border-rule-strong p-4" data-testid="estimate">
        <p>
          There {estimate.count === 1 ? "is" : "are"} only {count(estimate.count)} published {among}{" "}
          with savings recorded: too few to estimate (at least {count(MIN_COMPARABLES)} are needed).
        </p>
        <p className="mt-2">{partners}</p>
      </div>
    );
  }
  const r =
    estimate.correlation === null ? "" : ` (correlation ${estimate.correlation.toFixed(2)})`;
  return (
    <div className="mt-4 border-l-8 border-brand bg-surface p-4" data-testid="estimate">
      <p className="text-lg">
        For {council.name}, comparable arrangements saved each partner council a median of{" "}
        <strong>{formatHeadlinePounds(estimate.medianPence)} a year</strong>; the middle half saved
        between {formatHeadlinePounds(estimate.lowerQuartilePence)} and{" "}
        {formatHeadlinePounds(estimate.upperQuartilePence)} a year.
      </p>
      <p className="mt-2">
        This rests on {count(estimate.count)} published {among} with savings recorded: each
        one&rsquo;s savings a year (over the years it has figures for), shared equally between its
        councils.{" "}
        {estimate.scaled
          ? `Scaled to ${council.name}'s population (${council.population?.toLocaleString("en-GB")}): in these arrangements savings grow with the councils' population${r}.`
          : `Not scaled by population: in these arrangements savings do not grow clearly enough with the councils' population${r} to scale them.`}{" "}
        It is a range of what others saved, not a forecast.
      </p>
      <p className="mt-2">{partners}</p>
    </div>
  );
}

async function Estimate({ page, code }: { page: ServicePage; code: string | undefined }) {
  const councils = await estimateCouncils();
  const answer = code ? await estimateFor(page.category.slug, code) : null;
  const error = code && !answer ? "Choose a council that exists today from the list" : undefined;
  return (
    <section aria-labelledby="estimate-heading" className="mt-12">
      <h2 id="estimate-heading" className="text-2xl font-bold">
        What could sharing {page.category.name} save us?
      </h2>
      <p className="mt-2 max-w-3xl text-ink-muted">
        Choose your council to see what published arrangements of this service among councils of
        your tier saved, per partner council and per year: a range and how many arrangements it
        rests on, never one number alone.
      </p>
      <form method="get" className="no-print mt-4 flex flex-wrap items-end gap-3">
        <div className="min-w-0 grow sm:max-w-md">
          <SelectField
            name="council"
            label="Your council"
            placeholder="Choose a council"
            defaultValue={code ?? ""}
            error={error}
            options={councils.map((c) => ({ value: c.code, label: c.name }))}
          />
        </div>
        <button type="submit" className="button">
          Show the estimate
        </button>
      </form>
      {answer ? <EstimateAnswer page={page} answer={answer} /> : null}
    </section>
  );
}

export default async function ServicePageRoute({ params, searchParams }: Props) {
  const page = await getServicePage((await params).category);
  if (!page) notFound();
  const asked = (await searchParams).council;
  const code = typeof asked === "string" && asked.trim() ? asked.trim().slice(0, 20) : undefined;
  const { category, dashboard } = page;
  const slug = category.slug;
  return (
    <>
      <Breadcrumbs
        trail={[
          { href: "/", label: "National picture" },
          { href: "/services", label: "Services" },
        ]}
        current={category.name}
      />
      <h1 className="mt-2 text-3xl font-bold text-brand sm:text-4xl">{category.name}</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">{category.description}</p>
      <IllustrativeBanner
        illustrativeCount={dashboard.headline.illustrativeCount}
        totalCount={dashboard.headline.arrangements}
      />
      <Figures page={page} />
      <ul className="no-print mt-6 space-y-2">
        <li>
          <Link href={publicHref("/map", new URLSearchParams({ category: slug }))}>
            Map of the councils sharing {category.name}
          </Link>
        </li>
        <li>
          <Link href={publicHref("/partners", new URLSearchParams({ category: slug }))}>
            Find partners for {category.name}
          </Link>
        </li>
        <li>
          <Link href={publicHref("/arrangements", new URLSearchParams({ category: slug }))}>
            Every {category.name} arrangement
          </Link>
        </li>
      </ul>
      <p className="mt-4 max-w-3xl text-ink-muted">
        An arrangement counts here when {category.name} is its main service or one of its further
        services, so one can appear on several service pages.
      </p>
      <DashboardSections page={page} />
      <Estimate page={page} code={code} />
      <Spread page={page} />
      <Newest page={page} />
    </>
  );
}
