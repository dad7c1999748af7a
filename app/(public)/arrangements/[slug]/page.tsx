import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrangementHistoryView } from "@/components/arrangement-history";
import { BenefitsSection, ContactSection } from "@/components/arrangement/benefits-and-contact";
import { IllustrativeNotice, IllustrativeTag } from "@/components/arrangement/illustrative-notice";
import { nowPartOf } from "@/lib/organisations/successors";
import { getPublishedArrangement } from "@/lib/public/arrangements";
import { getArrangementHistory } from "@/lib/public/history";
import { ArrangementFacts } from "./arrangement-facts";
import { SavingsSection } from "./savings-section";

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

export default async function ArrangementPage({ params }: Props) {
  const slug = (await params).slug;
  const [a, history] = await Promise.all([load(slug), getArrangementHistory(slug)]);
  if (!a) notFound();
  const successors = await nowPartOf(a.organisations.map((o) => o.code));

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

      <ArrangementFacts arrangement={a} successors={successors} />
      <SavingsSection arrangement={a} />
      <BenefitsSection benefits={a.benefits} />
      <ContactSection name={a.contactName} email={a.contactEmail} />
      {history ? <ArrangementHistoryView history={history} /> : null}

      <p className="no-print mt-10 text-sm text-ink-muted">
        This arrangement as open data: <a href={`/api/v1/arrangements/${a.slug}`}>JSON</a> (
        <Link href="/data/api">how the API works</Link>).
      </p>
    </article>
  );
}
