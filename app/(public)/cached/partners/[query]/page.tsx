import type { Metadata } from "next";
import { SERVICE_CATEGORIES } from "@/lib/categories";
import {
  findPartners,
  partnerFinderCouncils,
  type FindPartnersResult,
  type PartnerResults,
} from "@/lib/partners/finder";
import { parsePartnerQuery } from "@/lib/partners/query";
import { queryFromSegment } from "@/lib/public-routes";
import { PartnerForm } from "./partner-form";
import { FormerCouncilNotice, Results } from "./partner-results";

type FormerCouncil = Extract<FindPartnersResult, { kind: "former" }>;

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

type Answer = { results: PartnerResults | null; former: FormerCouncil | null };

/** The finder's answer to a question with no mistakes in it, or the mistake it finds. */
async function answer(
  council: string,
  category: string,
  errors: Record<string, string>,
): Promise<Answer> {
  const found = await findPartners(council, category);
  if (found.kind === "found") return { results: found.results, former: null };
  if (found.kind === "former") return { results: null, former: found };
  if (found.kind === "unknown-council") errors.council = "Choose a council from the list";
  else errors.category = "Choose a service from the list";
  return { results: null, former: null };
}

export default async function PartnersPage({ params }: { params: Promise<{ query: string }> }) {
  const { query } = await params;
  const question = parsePartnerQuery(queryFromSegment(query));
  // The page number has no field of its own: its message stands alone in the summary.
  const { page: pageError, ...errors } = question.errors;

  const { results, former } =
    question.council && question.category && Object.keys(question.errors).length === 0
      ? await answer(question.council, question.category, errors)
      : { results: null, former: null };

  const groups = await partnerFinderCouncils();
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
        // A former council is not offered: the form shows the council answered for instead.
        council={former ? undefined : (results?.council.code ?? question.council)}
        category={question.category}
        errors={errors}
        message={pageError}
      />

      {former ? <FormerCouncilNotice former={former} /> : null}
      {results ? <Results results={results} page={question.page} /> : null}
    </>
  );
}
