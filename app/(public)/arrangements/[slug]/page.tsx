import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { IllustrativeNotice, IllustrativeTag } from "@/components/arrangement/illustrative-notice";
import { ArrangementHistoryView } from "@/components/arrangement-history";
import { OrganisationLink } from "@/components/arrangement/organisation-link";
import { SavingsChartIsland } from "@/components/arrangement/savings-chart-island";
import { SavingsTable } from "@/components/arrangement/savings-table";
import { benefitLabel } from "@/lib/categories";
import { financialYearLabel } from "@/lib/financial-year";
import { formatLongDate, formatUkDate } from "@/lib/format/dates";
import { formatPence, penceToChartPounds } from "@/lib/money";
import { nowPartOf, type Successor } from "@/lib/organisations/successors";
import { getPublishedArrangement, type ArrangementDetail } from "@/lib/public/arrangements";
import { getArrangementHistory } from "@/lib/public/history";
import { STAGE_LABELS } from "@/lib/public/filters";

// Cached whole per arrangement, rendered on first request (the build has no database), and
// dropped when the register changes (lib/cache/public-cache.ts).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

// One read per request for the page and its metadata.
const load = cache((slug: string) => getPublishedArrangement(slug));

function firstSentences(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const arrangement = await load((await params).slug);
  if (!arrangement) return { title: "Arrangement not found" };
  return {
    title: arrangement.title,
    description: firstSentences(arrangement.description),
  };
}

function chartSummary(a: ArrangementDetail): string {
  const first = a.savings[0]!;
  const last = a.savings[a.savings.length - 1]!;
  const span =
    first === last
      ? financialYearLabel(first.financialYear)
      : `${financialYearLabel(first.financialYear)} to ${financialYearLabel(last.financialYear)}`;
  return (
    `Savings by financial year, ${span}: ${formatPence(a.totalPence, "short")} in total, ` +
    `${formatPence(a.actualPence, "short")} actual and ${formatPence(a.forecastPence, "short")} forecast. ` +
    "Exact figures are in the table that follows."
  );
}

/** A former council's successor, after its name: "(now part of Cumberland Council)". */
function NowPartOf({ successor }: { successor: Successor | undefined }) {
  if (!successor) return null;
  return <span className="text-ink-muted"> (now part of {successor.name})</span>;
}

export default async function ArrangementPage({ params }: Props) {
  const slug = (await params).slug;
  const [arrangement, history] = await Promise.all([load(slug), getArrangementHistory(slug)]);
  if (!arrangement) notFound();
  const a = arrangement;
  const partners = a.organisations.filter((o) => o.role === "partner");
  const successors = await nowPartOf(a.organisations.map((o) => o.code));
  const chartData = a.savings.map((s) => ({
    label: financialYearLabel(s.financialYear),
    kind: s.kind,
    actualPounds: s.kind === "actual" ? penceToChartPounds(s.amountPence) : 0,
    forecastPounds: s.kind === "forecast" ? penceToChartPounds(s.amountPence) : 0,
  }));

  return (
    <article aria-labelledby="arrangement-title" className="max-w-4xl">
      <p className="no-print mb-4">
        <Link href="/arrangements">All arrangements</Link>
      </p>
      {a.isIllustrative ? <IllustrativeNotice /> : null}

      <p className="font-semibold text-ink-muted">
        {a.mainCategory.name}
        {a.isIllustrative ? (
          <>
            {" "}
            <IllustrativeTag />
          </>
        ) : null}
      </p>
      <h1 id="arrangement-title" className="mt-1 text-3xl font-bold text-brand sm:text-4xl">
        {a.title}
      </h1>
      <div className="mt-4 max-w-3xl text-lg whitespace-pre-line">{a.description}</div>

      <dl
        className="mt-8 grid grid-cols-1 gap-x-6 gap-y-1 border-t border-rule pt-4 sm:grid-cols-[14rem_minmax(0,1fr)] sm:gap-y-3"
        data-testid="arrangement-facts"
      >
        <dt className="font-semibold">Lead organisation</dt>
        <dd className="mb-3 sm:mb-0">
          <OrganisationLink organisation={a.lead} />
          <NowPartOf successor={successors[a.lead.code]} />
          {a.lead.regionName ? (
            <span className="text-ink-muted"> ({a.lead.regionName})</span>
          ) : null}
        </dd>
        <dt className="font-semibold">
          {partners.length === 1 ? "Partner" : `Partners (${partners.length})`}
        </dt>
        <dd className="mb-3 sm:mb-0">
          <ul data-testid="arrangement-partners">
            {partners.map((o) => (
              <li key={o.code}>
                <OrganisationLink organisation={o} />
                <NowPartOf successor={successors[o.code]} />
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-semibold">Service</dt>
        <dd className="mb-3 sm:mb-0">
          <Link href={`/arrangements?category=${a.mainCategory.slug}`}>{a.mainCategory.name}</Link>
        </dd>
        {a.furtherCategories.length ? (
          <>
            <dt className="font-semibold">Also covers</dt>
            <dd className="mb-3 sm:mb-0">
              <ul>
                {a.furtherCategories.map((c) => (
                  <li key={c.slug}>
                    <Link href={`/arrangements?category=${c.slug}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold">Stage</dt>
        <dd className="mb-3 sm:mb-0">{STAGE_LABELS[a.stage]}</dd>
        <dt className="font-semibold">Started</dt>
        <dd className="mb-3 sm:mb-0">{a.startDate ? formatLongDate(a.startDate) : "Not given"}</dd>
        {a.endDate ? (
          <>
            <dt className="font-semibold">Ended</dt>
            <dd className="mb-3 sm:mb-0">{formatLongDate(a.endDate)}</dd>
          </>
        ) : null}
        <dt className="font-semibold">First published</dt>
        <dd className="mb-3 sm:mb-0">{formatUkDate(a.firstPublishedAt)}</dd>
        <dt className="font-semibold">Last approved</dt>
        <dd data-testid="arrangement-last-approved">{formatUkDate(a.publishedAt)}</dd>
      </dl>

      <section aria-labelledby="savings-heading" className="mt-10">
        <h2 id="savings-heading" className="text-2xl font-bold">
          Savings
        </h2>
        {a.savings.length ? (
          <>
            <p className="mt-2 text-lg" data-testid="arrangement-savings-summary">
              <span className="font-bold">{formatPence(a.totalPence)}</span> in total
              {a.forecastPence === 0n
                ? ", all actual savings."
                : a.actualPence === 0n
                  ? ", all forecast."
                  : `: ${formatPence(a.actualPence)} actual and ${formatPence(a.forecastPence)} forecast.`}
            </p>
            <p className="mt-1 max-w-3xl text-ink-muted">
              Financial years run from 1 April to 31 March. Actual savings have been achieved;
              forecast savings are what the councils expect.
            </p>
            <div className="mt-6 grid gap-8 md:grid-cols-2 md:items-start">
              <SavingsTable
                savings={a.savings}
                actualPence={a.actualPence}
                forecastPence={a.forecastPence}
                totalPence={a.totalPence}
              />
              <figure className="min-w-0 break-inside-avoid">
                <SavingsChartIsland data={chartData} summary={chartSummary(a)} />
                <figcaption className="mt-2 text-sm text-ink-muted">
                  Chart of the figures in the table.
                </figcaption>
              </figure>
            </div>
          </>
        ) : (
          <div className="mt-2 max-w-3xl">
            <p className="text-lg">No savings figure has been published for this arrangement.</p>
            {a.noSavingsReason ? (
              <p className="mt-2 whitespace-pre-line" data-testid="no-savings-reason">
                <span className="font-semibold">Why: </span>
                {a.noSavingsReason}
              </p>
            ) : null}
          </div>
        )}
      </section>

      {a.benefits.length ? (
        <section aria-labelledby="benefits-heading" className="mt-10">
          <h2 id="benefits-heading" className="text-2xl font-bold">
            Other benefits
          </h2>
          <ul className="mt-2 list-disc pl-6" data-testid="arrangement-benefits">
            {a.benefits.map((b) => (
              <li key={b}>{benefitLabel(b) ?? b}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {a.contactName || a.contactEmail ? (
        <section aria-labelledby="contact-heading" className="mt-10">
          <h2 id="contact-heading" className="text-2xl font-bold">
            Contact
          </h2>
          <p className="mt-2">
            {a.contactName}
            {a.contactEmail ? (
              <>
                {a.contactName ? <br /> : null}
                <a href={`mailto:${a.contactEmail}`} className="wrap-anywhere">
                  {a.contactEmail}
                </a>
              </>
            ) : null}
          </p>
        </section>
      ) : null}

      {history ? <ArrangementHistoryView history={history} /> : null}

      <p className="no-print mt-10 text-sm text-ink-muted">
        This arrangement as open data: <a href={`/api/v1/arrangements/${a.slug}`}>JSON</a> (
        <a href="/api/v1/openapi.json">how the API works</a>).
      </p>
    </article>
  );
}
