import Link from "next/link";
import { OrganisationLink } from "@/components/arrangement/organisation-link";
import { SummaryList } from "@/components/summary-list";
import type { PreviewGaps } from "@/lib/arrangements/preview";
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

/** Said in words beside a partner that disputes taking part, published anyway (issue 13). */
function NotConfirmed() {
  return (
    <>
      {" "}
      <strong className="inline-block border-2 border-notice bg-notice-bg px-1.5 text-sm text-notice">
        not confirmed
      </strong>
      <span className="sr-only">: this organisation disputes taking part</span>
    </>
  );
}

type Partner = ArrangementDetail["organisations"][number];

function Partners({
  partners,
  successors,
}: {
  partners: Partner[];
  successors: Record<string, Successor[]>;
}) {
  const disputed = partners.some((o) => o.notConfirmed);
  return (
    <>
      <ul data-testid="arrangement-partners">
        {partners.map((o) => (
          <li key={o.code}>
            <Participant organisation={o} successors={successors[o.code]} />
            {o.notConfirmed ? <NotConfirmed /> : null}
          </li>
        ))}
      </ul>
      {disputed ? (
        <p className="mt-1 text-sm text-ink-muted" data-testid="not-confirmed-note">
          A partner marked not confirmed disputes taking part in this arrangement; it was published
          after review all the same.
        </p>
      ) : null}
    </>
  );
}

const NOT_YET = "Not chosen yet";
const NOT_PUBLISHED = "Not yet published";

/**
 * Who takes part, what it covers, its stage and dates, and when it was published. A draft's
 * preview (`preview`) says what is not chosen or not published yet.
 */
export function ArrangementFacts({
  arrangement: a,
  successors,
  preview,
}: {
  arrangement: ArrangementDetail;
  successors: Record<string, Successor[]>;
  preview?: PreviewGaps;
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
        {
          term: "Service",
          value: preview?.mainCategory ? NOT_YET : <CategoryLink category={a.mainCategory} />,
        },
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
        { term: "Stage", value: preview?.stage ? NOT_YET : STAGE_LABELS[a.stage] },
        { term: "Started", value: a.startDate ? formatLongDate(a.startDate) : "Not given" },
        a.endDate ? { term: "Ended", value: formatLongDate(a.endDate) } : null,
        {
          term: "First published",
          value: preview ? NOT_PUBLISHED : formatUkDate(a.firstPublishedAt),
        },
        {
          term: "Last approved",
          value: preview ? NOT_PUBLISHED : formatUkDate(a.publishedAt),
          testId: "arrangement-last-approved",
        },
      ]}
    />
  );
}
