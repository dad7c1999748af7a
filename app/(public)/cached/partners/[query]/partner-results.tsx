import Link from "next/link";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { LinkedNames } from "@/components/name-list";
import { listHref, Pagination, showing } from "@/components/pagination";
import { stageLabel } from "@/lib/councils/labels";
import { formatLongDate } from "@/lib/format/dates";
import { namesText } from "@/lib/format/names";
import {
  formatDistance,
  PARTNERS_PAGE_SIZE,
  partnersPage,
  type FindPartnersResult,
  type PartnerArrangement,
  type PartnerResults,
} from "@/lib/partners/finder";
import { partnerFinderHref } from "@/lib/partners/query";

type Partner = PartnerResults["partners"][number];
type FormerCouncil = Extract<FindPartnersResult, { kind: "former" }>;

const searchHref = (category: string) => (code: string) => partnerFinderHref(code, category);

/** An old link to a former council, answered for the council it is part of today. */
function AskedForNotice({ results }: { results: PartnerResults }) {
  const { askedFor, council } = results;
  if (!askedFor) return null;
  return (
    <p
      className="mt-4 border-l-8 border-rule-strong bg-surface p-4"
      data-testid="partner-asked-for"
    >
      {askedFor.name} has been part of {council.name} since {formatLongDate(askedFor.since)}, so
      these are the councils nearest to {council.shortName}.
    </p>
  );
}

/**
 * An old link to a former council that is part of several councils today (or of none
 * recorded): which they are, each with its own search.
 */
export function FormerCouncilNotice({ former }: { former: FormerCouncil }) {
  const { council, successors, category } = former;
  return (
    <section aria-labelledby="former-heading" className="mt-10" data-testid="partner-former">
      <h2 id="former-heading" className="text-2xl font-bold">
        {council.name} no longer exists
      </h2>
      <p className="mt-2">
        {council.name} was abolished
        {council.endDate ? ` on ${formatLongDate(council.endDate)}` : ""}
        {successors.length > 0 ? (
          <>
            . Its area is now part of{" "}
            <LinkedNames items={successors} href={searchHref(category.slug)} />: choose one to see
            the councils sharing {category.name.toLowerCase()} nearest to it
          </>
        ) : (
          ": choose the council that serves its area today"
        )}
        .
      </p>
    </section>
  );
}

/** What the council asked about already shares in this service. */
function OwnArrangements({ results }: { results: PartnerResults }) {
  const { council, category, own } = results;
  if (own.length === 0) return null;
  return (
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
  );
}

function NoPartners({ category }: { category: PartnerResults["category"] }) {
  const service = category.name.toLowerCase();
  return (
    <div className="mt-4" data-testid="partner-none">
      <p>No other council has a published arrangement for {service} yet.</p>
      <p className="mt-2">
        <Link href={`/arrangements?category=${category.slug}`}>
          See all published arrangements for {service}
        </Link>
        , including those with fire, police and health bodies, or choose another service.
      </p>
    </div>
  );
}

/** "leads it", "a partner", or "for Allerdale Borough Council" (a council it replaced). */
function roleText(a: PartnerArrangement): string {
  if (a.role === "lead") return "leads it";
  if (a.role === "partner") return "a partner";
  return `for ${namesText(a.via)}`;
}

function ArrangementItem({ arrangement: a }: { arrangement: PartnerArrangement }) {
  return (
    <li>
      <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>{" "}
      <span className="text-ink-muted">
        ({roleText(a)}, {stageLabel(a.stage).toLowerCase()}
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

/** One nearby council in full: where it is, what became of it, its arrangements and contacts. */
function PartnerCard({ partner: p }: { partner: Partner }) {
  return (
    <li className="border-t border-rule pt-4" data-code={p.code}>
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
          {p.replacedBy.length > 0 ? (
            <>
              {" "}
              — replaced by{" "}
              <LinkedNames items={p.replacedBy} href={(code) => `/councils/${code}`} />
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
  );
}

/** A page past the end: said plainly, with a way back. */
function NoSuchPage({ page, pages, href }: { page: number; pages: number; href: string }) {
  return (
    <p className="mt-4 border-l-8 border-rule-strong bg-surface p-4" data-testid="partner-empty">
      There is no page {page}: these results fill {pages} page{pages === 1 ? "" : "s"}.{" "}
      <Link href={href}>Go to the last page</Link>.
    </p>
  );
}

/** One page of the councils found, nearest first, and the links to the other pages. */
function PartnerList({ results, page }: { results: PartnerResults; page: number }) {
  const { partners, council, category } = results;
  const shown = partnersPage(partners, page);
  const href = (n: number) =>
    listHref("/partners", { council: council.code, category: category.slug, page: n });
  return (
    <>
      <p className="mt-4" data-testid="partner-count">
        {partners.length.toLocaleString("en-GB")} council
        {partners.length === 1 ? "" : "s"} found
        {shown.pages > 1 && shown.rows.length > 0
          ? ` (${showing({ page, pageSize: PARTNERS_PAGE_SIZE, total: partners.length }).toLowerCase()})`
          : ""}
        . Distances are in a straight line between the centres of the councils&rsquo; areas.
      </p>
      {shown.rows.length === 0 ? (
        <NoSuchPage page={page} pages={shown.pages} href={href(shown.pages)} />
      ) : (
        <ol className="mt-4 space-y-6" start={shown.first} data-testid="partner-list">
          {shown.rows.map((p) => (
            <PartnerCard key={p.code} partner={p} />
          ))}
        </ol>
      )}
      <Pagination
        page={Math.min(page, shown.pages)}
        pages={shown.pages}
        href={href}
        label="Pages of councils found"
      />
    </>
  );
}

/** The councils already sharing the service, nearest first. */
export function Results({ results, page }: { results: PartnerResults; page: number }) {
  const { council, category, partners } = results;
  return (
    <section aria-labelledby="results-heading" className="mt-10" data-testid="partner-results">
      <h2 id="results-heading" className="text-2xl font-bold">
        Councils sharing {category.name.toLowerCase()}, nearest to {council.shortName} first
      </h2>
      <IllustrativeBanner
        illustrativeCount={results.illustrative}
        totalCount={results.arrangements}
      />
      <AskedForNotice results={results} />
      <OwnArrangements results={results} />
      {partners.length === 0 ? (
        <NoPartners category={category} />
      ) : (
        <PartnerList results={results} page={page} />
      )}
    </section>
  );
}
