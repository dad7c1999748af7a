import type { Metadata } from "next";
import { RoundingNote } from "@/components/rounding-note";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { notFound, permanentRedirect } from "next/navigation";
import { IllustrativeBanner } from "@/components/illustrative-banner";
import { compareHref } from "@/lib/councils/compare-query";
import { getCouncilPage, type CouncilPage } from "@/lib/councils/council-page";
import { arrangementsText } from "@/lib/councils/labels";
import { ArrangementsSection } from "./council-arrangements";
import { ProfileSection } from "./council-profile";
import {
  AboutSection,
  CouncilStatus,
  FiguresSection,
  NetworkSection,
  SavingsOverTimeSection,
  SimilarSection,
} from "./council-sections";

// An ordinary dynamic route, cached per council on first request (ISR) and dropped when the
// register changes; nothing here reads the request.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ code: string }> };

/** Not abolished and already formed: a council the compare page can compare. */
function existsToday(page: CouncilPage): boolean {
  const { startDate } = page.council;
  return !page.ceased && (startDate === null || startDate <= page.day);
}

/** The council and its three most similar councils, for the compare page. */
function compareWith(page: CouncilPage): string[] {
  const similar = page.similar.kind === "none" ? [] : page.similar.councils.slice(0, 3);
  return [page.council.code, ...similar.map((c) => c.code)];
}

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

  return (
    <>
      <Breadcrumbs
        trail={[
          { href: "/", label: "National picture" },
          { href: "/map", label: "Map" },
        ]}
        current={council.shortName}
      />
      <h1 className="mt-2 text-3xl font-bold text-brand sm:text-4xl">{council.name}</h1>

      <CouncilStatus page={page} />
      <IllustrativeBanner
        illustrativeCount={totals.illustrative}
        totalCount={totals.arrangements}
      />
      <AboutSection page={page} />
      <FiguresSection page={page} />
      <SavingsOverTimeSection page={page} />

      <ArrangementsSection
        id="led"
        caption="Arrangements it leads"
        empty={`${council.shortName} leads no published arrangements.`}
        rows={page.arrangements.filter((a) => a.role === "lead")}
        showLead={false}
      />
      <ArrangementsSection
        id="partner"
        caption="Arrangements it is a partner in"
        empty={`${council.shortName} is a partner in no published arrangements.`}
        rows={page.arrangements.filter((a) => a.role === "partner")}
        showLead
      />
      {page.arrangements.some((a) => a.role === "via") ? (
        <ArrangementsSection
          id="via"
          caption="Arrangements it carries on for the councils it replaced"
          empty=""
          rows={page.arrangements.filter((a) => a.role === "via")}
          showLead
          showVia
        />
      ) : null}
      {page.arrangements.length > 0 ? <RoundingNote /> : null}
      <NetworkSection page={page} />
      <SimilarSection page={page} />
      <ProfileSection page={page} />

      <p className="no-print mt-10">
        <Link href={`/partners?council=${council.code}`}>
          Find councils near {council.shortName} to share a service with
        </Link>
      </p>
      {!existsToday(page) ? null : (
        <p className="no-print mt-2">
          <Link href={compareHref(compareWith(page))} data-testid="council-compare">
            {page.similar.kind === "none"
              ? `Compare ${council.shortName} with other councils`
              : `Compare ${council.shortName} with similar councils`}
          </Link>
        </p>
      )}
    </>
  );
}
