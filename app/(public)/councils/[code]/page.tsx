import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import {
  getCouncilPage,
  type CouncilArrangement,
  type CouncilPage,
} from "@/lib/councils/council-page";
import {
  arrangementsText,
  councilTypeLabel,
  organisationKindLabel,
  stageLabel,
} from "@/lib/councils/labels";
import { formatLongDate } from "@/lib/format/dates";
import { formatPence } from "@/lib/money";

// An ordinary dynamic route, cached per council on first request (ISR) and dropped when the
// register changes; nothing here reads the request.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  const result = await getCouncilPage(code);
  if (result.kind !== "found") return { title: "Council not found" };
  const { council, totals } = result.page;
  return {
    title: council.name,
    description:
      `${council.name}: ${arrangementsText(totals.arrangements)} in the national register of ` +
      `shared services, its partners and what they save.`,
  };
}

export default async function CouncilPageRoute({ params }: Props) {
  const { code } = await params;
  const result = await getCouncilPage(code);
  if (result.kind === "missing") notFound();
  if (result.kind === "moved") permanentRedirect(`/councils/${result.code}`);
  const page = result.page;
  const { council, totals } = page;
  const led = page.arrangements.filter((a) => a.role === "lead");
  const partnered = page.arrangements.filter((a) => a.role === "partner");

  return (
    <>
      <nav aria-label="Breadcrumb" className="no-print text-sm">
        <ol className="flex flex-wrap gap-x-2">
          <li>
            <Link href="/">National picture</Link> <span aria-hidden="true">›</span>
          </li>
          <li>
            <Link href="/map">Map</Link> <span aria-hidden="true">›</span>
          </li>
          <li aria-current="page">{council.shortName}</li>
        </ol>
      </nav>
      <h1 className="mt-2 text-3xl font-bold text-brand sm:text-4xl">{council.name}</h1>

      <CouncilStatus page={page} />

      <IllustrativeBanner
        illustrativeCount={totals.illustrative}
        totalCount={totals.arrangements}
      />

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
              ? `${council.population.toLocaleString("en-GB")} (2020 estimate)`
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

      <section aria-labelledby="figures-heading" className="mt-10">
        <h2 id="figures-heading" className="text-2xl font-bold">
          Shared services in the register
        </h2>
        <dl className="mt-4 grid gap-4 md:grid-cols-3">
          <div
            className="border-t-4 border-brand bg-surface p-5"
            data-testid="council-arrangements"
          >
            <dt className="font-semibold">Arrangements</dt>
            <dd className="mt-1 text-4xl font-bold text-brand">
              {totals.arrangements.toLocaleString("en-GB")}
            </dd>
            <dd className="mt-2 text-ink-muted">
              {totals.asLead.toLocaleString("en-GB")} as lead,{" "}
              {totals.asPartner.toLocaleString("en-GB")} as partner
            </dd>
          </div>
          <div className="border-t-4 border-brand bg-surface p-5" data-testid="council-savings">
            <dt className="font-semibold">Savings of these arrangements</dt>
            <dd className="mt-1 text-4xl font-bold text-brand">
              {formatPence(totals.totalPence, "short")}
            </dd>
            <dd className="mt-2 text-ink-muted">
              {formatPence(totals.totalPence, "full")}, each arrangement&rsquo;s savings counted in
              full (they are recorded for the whole partnership, not shared out)
            </dd>
          </div>
          <div className="border-t-4 border-brand bg-surface p-5" data-testid="council-partners">
            <dt className="font-semibold">Organisations it shares with</dt>
            <dd className="mt-1 text-4xl font-bold text-brand">
              {page.network.length.toLocaleString("en-GB")}
            </dd>
            <dd className="mt-2 text-ink-muted">councils and other public bodies</dd>
          </div>
        </dl>
      </section>

      <ArrangementTable
        id="led"
        caption="Arrangements it leads"
        empty={`${council.shortName} leads no published arrangements.`}
        rows={led}
        showLead={false}
      />
      <ArrangementTable
        id="partner"
        caption="Arrangements it is a partner in"
        empty={`${council.shortName} is a partner in no published arrangements.`}
        rows={partnered}
        showLead
      />

      <section aria-labelledby="network-heading" className="mt-10">
        <h2 id="network-heading" className="text-2xl font-bold">
          Partner network
        </h2>
        {page.network.length === 0 ? (
          <p className="mt-2">No published arrangements link it to other organisations yet.</p>
        ) : (
          <DataTable
            id="network"
            testId="council-network"
            caption={`The organisations ${council.shortName} shares services with, and in how many published arrangements`}
            head={
              <>
                <th scope="col" className="py-2 pr-3">
                  Organisation
                </th>
                <th scope="col" className="py-2 pr-3">
                  Kind
                </th>
                <th scope="col" className="py-2 text-right">
                  Shared arrangements
                </th>
              </>
            }
          >
            {page.network.map((partner) => (
              <tr key={partner.code} className="border-b border-rule">
                <th scope="row" className="py-2 pr-3 text-left font-normal">
                  {partner.kind === "council" ? (
                    <Link href={`/councils/${partner.code}`}>{partner.name}</Link>
                  ) : (
                    partner.name
                  )}
                </th>
                <td className="py-2 pr-3">{organisationKindLabel(partner.kind)}</td>
                <td className="py-2 text-right">{partner.arrangements.toLocaleString("en-GB")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <p className="no-print mt-10">
        <Link href={`/partners?council=${council.code}`}>
          Find councils near {council.shortName} to share a service with
        </Link>
      </p>
    </>
  );
}

/** A table in a scrolling region keyboard users can reach, with its caption and column heads. */
function DataTable({
  id,
  testId,
  caption,
  head,
  children,
}: {
  id: string;
  testId: string;
  caption: string;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      className="relative mt-4 overflow-x-auto"
      role="region"
      aria-labelledby={`${id}-caption`}
      tabIndex={0}
    >
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <caption id={`${id}-caption`} className="mb-2 text-left text-ink-muted">
          {caption}
        </caption>
        <thead>
          <tr className="border-b-2 border-rule-strong text-left">{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-semibold">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CouncilStatus({ page }: { page: CouncilPage }) {
  const { council, replacedBy, predecessors } = page;
  const formed =
    predecessors.length > 0 && council.startDate ? (
      <p className="mt-2">
        Formed on {formatLongDate(council.startDate)} from{" "}
        {predecessors.map((p, i) => (
          <span key={p.code}>
            {i > 0 ? (i === predecessors.length - 1 ? " and " : ", ") : ""}
            <Link href={`/councils/${p.code}`}>{p.name}</Link>
          </span>
        ))}
        .
      </p>
    ) : null;
  if (!council.endDate) {
    return (
      <div className="mt-3" data-testid="council-status">
        <p>
          <strong>Status:</strong> Current
        </p>
        {formed}
      </div>
    );
  }
  return (
    <div className="mt-4 border-l-8 border-rule-strong bg-surface p-4" data-testid="council-status">
      <p>
        <strong>Status:</strong> Abolished on {formatLongDate(council.endDate)}
        {replacedBy ? (
          <>
            {" "}
            — now part of <Link href={`/councils/${replacedBy.code}`}>{replacedBy.name}</Link>
          </>
        ) : null}
        .
      </p>
      {formed}
      <p className="mt-2 text-ink-muted">
        Its arrangements stay in the register as they were recorded.
      </p>
    </div>
  );
}

function ArrangementTable({
  id,
  caption,
  empty,
  rows,
  showLead,
}: {
  id: string;
  caption: string;
  empty: string;
  rows: CouncilArrangement[];
  showLead: boolean;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {caption} ({rows.length.toLocaleString("en-GB")})
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2">{empty}</p>
      ) : (
        <DataTable
          id={id}
          testId={`council-${id}`}
          caption={`${caption}, with each arrangement’s total recorded savings`}
          head={
            <>
              <th scope="col" className="py-2 pr-3">
                Arrangement
              </th>
              <th scope="col" className="py-2 pr-3">
                Service
              </th>
              {showLead ? (
                <th scope="col" className="py-2 pr-3">
                  Led by
                </th>
              ) : null}
              <th scope="col" className="py-2 pr-3">
                Stage
              </th>
              <th scope="col" className="py-2 pr-3 text-right">
                Organisations
              </th>
              <th scope="col" className="py-2 text-right">
                Savings
              </th>
            </>
          }
        >
          {rows.map((a) => (
            <tr key={a.slug} className="border-b border-rule">
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <Link href={`/arrangements/${a.slug}`}>{a.title}</Link>
                {a.isIllustrative ? (
                  <span className="ml-2 text-xs text-ink-muted">(illustrative)</span>
                ) : null}
              </th>
              <td className="py-2 pr-3">{a.category}</td>
              {showLead ? (
                <td className="py-2 pr-3">
                  {a.lead.kind === "council" ? (
                    <Link href={`/councils/${a.lead.code}`}>{a.lead.name}</Link>
                  ) : (
                    a.lead.name
                  )}
                </td>
              ) : null}
              <td className="py-2 pr-3">{stageLabel(a.stage)}</td>
              <td className="py-2 pr-3 text-right">{a.organisations}</td>
              <td className="py-2 text-right whitespace-nowrap">
                {formatPence(a.totalPence, "full")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
