import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { LinkedNames } from "@/components/name-list";
import { stageLabel } from "@/lib/councils/labels";
import { formatLongDate } from "@/lib/format/dates";
import { namesText } from "@/lib/format/names";
import {
  formatDistance,
  type PartnerArrangement,
  type PartnerResults,
} from "@/lib/partners/finder";

/** Councils shown with their arrangements and contacts; the rest are listed in a table. */
const SHOWN_IN_FULL = 20;

type Partner = PartnerResults["partners"][number];

/** The council asked about was abolished: say so, and offer its successor's search. */
function AbolishedNotice({ results }: { results: PartnerResults }) {
  const { council, category, replacedBy } = results;
  if (!council.endDate) return null;
  return (
    <p className="mt-4 border-l-8 border-rule-strong bg-surface p-4">
      {council.name} was abolished on {formatLongDate(council.endDate)}
      {replacedBy.length > 0 ? (
        <>
          {" "}
          and was replaced by{" "}
          <LinkedNames
            items={replacedBy}
            href={(code) => `/partners?council=${code}&category=${category.slug}`}
          />
        </>
      ) : null}
      .
    </p>
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

const FURTHER_COLUMNS = [
  { label: "Council" },
  { label: "Distance", numeric: true },
  { label: "Arrangements" },
];

function FurtherAway({ partners }: { partners: Partner[] }) {
  return (
    <DataTable
      id="further"
      dense
      regionClassName="mt-8"
      testId="partner-further"
      captionClassName="mb-2 text-left text-lg font-bold"
      caption={`${partners.length.toLocaleString("en-GB")} more council${partners.length === 1 ? "" : "s"} further away`}
      columns={FURTHER_COLUMNS}
    >
      {partners.map((p) => (
        <tr key={p.code} data-code={p.code}>
          <th scope="row">
            <Link href={`/councils/${p.code}`}>{p.name}</Link>
            {p.endDate ? <span className="text-ink-muted"> (former council)</span> : null}
          </th>
          <td className="num whitespace-nowrap" data-testid="partner-distance">
            {formatDistance(p.distanceKm)}
          </td>
          <td>
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
    </DataTable>
  );
}

function PartnerList({ partners }: { partners: Partner[] }) {
  return (
    <>
      <p className="mt-4" data-testid="partner-count">
        {partners.length.toLocaleString("en-GB")} council
        {partners.length === 1 ? "" : "s"} found. Distances are in a straight line between the
        centres of the councils&rsquo; areas.
      </p>
      <ol className="mt-4 space-y-6" data-testid="partner-list">
        {partners.slice(0, SHOWN_IN_FULL).map((p) => (
          <PartnerCard key={p.code} partner={p} />
        ))}
      </ol>
      {partners.length > SHOWN_IN_FULL ? (
        <FurtherAway partners={partners.slice(SHOWN_IN_FULL)} />
      ) : null}
    </>
  );
}

/** The councils already sharing the service, nearest first. */
export function Results({ results }: { results: PartnerResults }) {
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
      <AbolishedNotice results={results} />
      <OwnArrangements results={results} />
      {partners.length === 0 ? (
        <NoPartners category={category} />
      ) : (
        <PartnerList partners={partners} />
      )}
    </section>
  );
}
