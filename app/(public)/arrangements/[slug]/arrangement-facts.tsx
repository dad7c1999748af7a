import Link from "next/link";
import { OrganisationLink } from "@/components/arrangement/organisation-link";
import { SummaryList } from "@/components/summary-list";
import type { Successor } from "@/lib/organisations/successors";
import type { ArrangementDetail, OrganisationRef } from "@/lib/public/arrangements";
import { STAGE_LABELS } from "@/lib/public/filters";
import { formatLongDate, formatUkDate } from "@/lib/format/dates";
import { namesText } from "@/lib/format/names";

/** A former council's successors, after its name: "(now part of Cumberland Council)". */
function NowPartOf({ successors }: { successors: Successor[] | undefined }) {
  if (!successors?.length) return null;
  return (
    <span className="text-ink-muted">
      {" "}
      (now part of {namesText(successors.map((s) => s.name))})
    </span>
  );
}

function CategoryLink({ category }: { category: ArrangementDetail["mainCategory"] }) {
  return <Link href={`/arrangements?category=${category.slug}`}>{category.name}</Link>;
}

/** An organisation taking part, with what it is now part of (and, for the lead, its region). */
function Participant({
  organisation,
  successors,
  region,
}: {
  organisation: OrganisationRef;
  successors: Successor[] | undefined;
  region?: string | null;
}) {
  return (
    <>
      <OrganisationLink organisation={organisation} />
      <NowPartOf successors={successors} />
      {region ? <span className="text-ink-muted"> ({region})</span> : null}
    </>
  );
}

function Partners({
  partners,
  successors,
}: {
  partners: OrganisationRef[];
  successors: Record<string, Successor[]>;
}) {
  return (
    <ul data-testid="arrangement-partners">
      {partners.map((o) => (
        <li key={o.code}>
          <Participant organisation={o} successors={successors[o.code]} />
        </li>
      ))}
    </ul>
  );
}

/** Who takes part, what it covers, its stage and dates, and when it was published. */
export function ArrangementFacts({
  arrangement: a,
  successors,
}: {
  arrangement: ArrangementDetail;
  successors: Record<string, Successor[]>;
}) {
  const partners = a.organisations.filter((o) => o.role === "partner");
  return (
    <SummaryList
      className="mt-8"
      testId="arrangement-facts"
      rows={[
        {
          term: "Lead organisation",
          value: (
            <Participant
              organisation={a.lead}
              successors={successors[a.lead.code]}
              region={a.lead.regionName}
            />
          ),
        },
        {
          term: partners.length === 1 ? "Partner" : `Partners (${partners.length})`,
          value: <Partners partners={partners} successors={successors} />,
        },
        { term: "Service", value: <CategoryLink category={a.mainCategory} /> },
        a.furtherCategories.length > 0 && {
          term: "Also covers",
          value: (
            <ul>
              {a.furtherCategories.map((c) => (
                <li key={c.slug}>
                  <CategoryLink category={c} />
                </li>
              ))}
            </ul>
          ),
        },
        { term: "Stage", value: STAGE_LABELS[a.stage] },
        { term: "Started", value: a.startDate ? formatLongDate(a.startDate) : "Not given" },
        a.endDate ? { term: "Ended", value: formatLongDate(a.endDate) } : null,
        { term: "First published", value: formatUkDate(a.firstPublishedAt) },
        {
          term: "Last approved",
          value: formatUkDate(a.publishedAt),
          testId: "arrangement-last-approved",
        },
      ]}
    />
  );
}
