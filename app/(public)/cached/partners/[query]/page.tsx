import type { Metadata } from "next";
import Link from "next/link";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { stageLabel } from "@/lib/councils/labels";
import { formatLongDate } from "@/lib/format/dates";
import {
  findPartners,
  formatDistance,
  partnerFinderCouncils,
  type PartnerArrangement,
  type PartnerResults,
} from "@/lib/partners/finder";
import { parsePartnerQuery } from "@/lib/partners/query";
import { queryFromSegment } from "@/lib/public-routes";
import { PartnerForm } from "./partner-form";

export const metadata: Metadata = {
  title: "Find councils to share a service with – Council Shared Services Map",
  description:
    "Choose your council and a service: see the councils already sharing that service, " +
    "nearest first, with their arrangements and who to contact.",
};

// Cached whole per query (proxy.ts rewrites "/partners?…" here; lib/public-routes.ts).
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

/** Councils shown with their arrangements and contacts; the rest are listed in a table. */
const SHOWN_IN_FULL = 20;

export default async function PartnersPage({ params }: { params: Promise<{ query: string }> }) {
  const { query } = await params;
  const question = parsePartnerQuery(queryFromSegment(query));
  const errors = { ...question.errors };

  let results: PartnerResults | null = null;
  if (question.council && question.category && Object.keys(errors).length === 0) {
    const found = await findPartners(question.council, question.category);
    if (found.kind === "found") results = found.results;
    else if (found.kind === "unknown-council") errors.council = "Choose a council from the list";
    else errors.category = "Choose a service from the list";
  }

  const groups = await partnerFinderCouncils(results?.council.code);
  return (
    <>
      <h1 className="text-3xl font-bold text-brand sm:text-4xl">
        Find councils to share a service with
      </h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Choose your council and the service you would like to share. You will see the councils
        already sharing that service in a published arrangement, nearest to you first, with the
        arrangements and who to contact about them.
      </p>

      <PartnerForm
        councils={groups.map((g) => ({
          label: g.region,
          options: g.councils.map((c) => ({ value: c.code, label: c.name })),
        }))}
        categories={SERVICE_CATEGORIES.map((c) => ({ value: c.slug, label: c.name }))}
        council={question.council}
        category={question.category}
        errors={errors}
      />

      {results ? <Results results={results} /> : null}
    </>
  );
}

function Results({ results }: { results: PartnerResults }) {
  const { council, category, own, partners } = results;
  return (
    <section aria-labelledby="results-heading" className="mt-10" data-testid="partner-results">
      <h2 id="results-heading" className="text-2xl font-bold">
        Councils sharing {category.name.toLowerCase()}, nearest to {council.shortName} first
      </h2>

      <IllustrativeBanner
        illustrativeCount={results.illustrative}
        totalCount={results.arrangements}
      />

      {council.endDate ? (
        <p className="mt-4 border-l-8 border-rule-strong bg-surface p-4">
          {council.name} was abolished on {formatLongDate(council.endDate)}
          {council.replacedByCode && council.replacedByName ? (
            <>
              {" "}
              and is now part of{" "}
              <Link href={`/partners?council=${council.replacedByCode}&category=${category.slug}`}>
                {council.replacedByName}
              </Link>
            </>
          ) : null}
          .
        </p>
      ) : null}

      {own.length > 0 ? (
        <div className="mt-4">
          <p>
            {council.shortName} already shares {category.name.toLowerCase()} in:
          </p>
          <ul className="mt-1 list-disc pl-6">
            {own.map((a) => (
              <li key={a.slug}>
                <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {partners.length === 0 ? (
        <div className="mt-4" data-testid="partner-none">
          <p>No other council has a published arrangement for {category.name.toLowerCase()} yet.</p>
          <p className="mt-2">
            <Link href={`/arrangements?category=${category.slug}`}>
              See all published arrangements for {category.name.toLowerCase()}
            </Link>
            , including those with fire, police and health bodies, or choose another service.
          </p>
        </div>
      ) : (
        <>
          <p className="mt-4" data-testid="partner-count">
            {partners.length.toLocaleString("en-GB")} council
            {partners.length === 1 ? "" : "s"} found. Distances are in a straight line between the
            centres of the councils&rsquo; areas.
          </p>
          <ol className="mt-4 space-y-6" data-testid="partner-list">
            {partners.slice(0, SHOWN_IN_FULL).map((p) => (
              <li key={p.code} className="border-t border-rule pt-4" data-code={p.code}>
                <h3 className="text-xl font-bold">
                  <Link href={`/councils/${p.code}`}>{p.name}</Link>
                </h3>
                <p className="text-ink-muted">
                  <span data-testid="partner-distance">{formatDistance(p.distanceKm)}</span> away ·{" "}
                  {p.typeLabel}
                  {p.region ? ` · ${p.region}` : ""}
                </p>
                {p.endDate ? (
                  <p className="mt-1">
                    Abolished on {formatLongDate(p.endDate)}
                    {p.replacedBy ? (
                      <>
                        {" "}
                        — now part of{" "}
                        <Link href={`/councils/${p.replacedBy.code}`}>{p.replacedBy.name}</Link>
                      </>
                    ) : null}
                    .
                  </p>
                ) : null}
                <ul className="mt-2 space-y-2">
                  {p.arrangements.map((a) => (
                    <ArrangementItem key={a.slug} arrangement={a} />
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {partners.length > SHOWN_IN_FULL ? (
            <FurtherAway partners={partners.slice(SHOWN_IN_FULL)} />
          ) : null}
        </>
      )}
    </section>
  );
}

function FurtherAway({ partners }: { partners: PartnerResults["partners"] }) {
  return (
    <div
      className="relative mt-8 overflow-x-auto"
      role="region"
      aria-labelledby="further-caption"
      tabIndex={0}
    >
      <table className="w-full border-collapse text-sm" data-testid="partner-further">
        <caption id="further-caption" className="mb-2 text-left text-lg font-bold">
          {partners.length.toLocaleString("en-GB")} more council{partners.length === 1 ? "" : "s"}{" "}
          further away
        </caption>
        <thead>
          <tr className="border-b-2 border-rule-strong text-left">
            <th scope="col" className="py-2 pr-3">
              Council
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Distance
            </th>
            <th scope="col" className="py-2">
              Arrangements
            </th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={p.code} className="border-b border-rule align-top" data-code={p.code}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <Link href={`/councils/${p.code}`}>{p.name}</Link>
                {p.endDate ? <span className="text-ink-muted"> (former council)</span> : null}
              </th>
              <td className="py-2 pr-3 text-right whitespace-nowrap" data-testid="partner-distance">
                {formatDistance(p.distanceKm)}
              </td>
              <td className="py-2">
                <ul className="space-y-1 leading-6">
                  {p.arrangements.map((a) => (
                    <li key={a.slug}>
                      <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ArrangementItem({ arrangement: a }: { arrangement: PartnerArrangement }) {
  return (
    <li>
      <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>{" "}
      <span className="text-ink-muted">
        ({a.role === "lead" ? "leads it" : "a partner"}, {stageLabel(a.stage).toLowerCase()}
        {a.isIllustrative ? ", illustrative" : ""})
      </span>
      {a.contactEmail ? (
        <p className="text-sm [overflow-wrap:anywhere]">
          Contact: {a.contactName ? `${a.contactName}, ` : ""}
          <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a>
        </p>
      ) : (
        <p className="text-sm text-ink-muted">No public contact recorded.</p>
      )}
    </li>
  );
}
