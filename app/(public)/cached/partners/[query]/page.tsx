import type { Metadata } from "next";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import { findPartners, partnerFinderCouncils, type PartnerResults } from "@/lib/partners/finder";
import { parsePartnerQuery } from "@/lib/partners/query";
import { queryFromSegment } from "@/lib/public-routes";
import { PartnerForm } from "./partner-form";
import { Results } from "./partner-results";

export const metadata: Metadata = {
  title: "Find councils to share a service with",
  description:
    "Choose your council and a service: see the councils already sharing that service, " +
    "nearest first, with their arrangements and who to contact.",
};

// The public "/partners" (proxy.ts rewrites "/partners?…" here: ../../README.md). Cached whole
// per query, rendered on first request and dropped when the register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

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
