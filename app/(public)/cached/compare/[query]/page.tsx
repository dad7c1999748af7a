import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/breadcrumbs";
import {
  comparable,
  compareCouncils,
  selectCouncils,
  type CompareProblem,
  type CompareSelection,
} from "@/lib/councils/compare";
import { problemText, replacementText } from "@/lib/councils/compare-messages";
import { compareHref, MIN_COMPARED, parseCompareQuery } from "@/lib/councils/compare-query";
import { partnerFinderCouncils } from "@/lib/partners/finder";
import { queryFromSegment } from "@/lib/public-routes";
import { CompareForm } from "./compare-form";
import { ComparisonSections } from "./compare-sections";

// The public "/compare" (proxy.ts rewrites "/compare?…" here: ../../README.md). Cached whole per
// query, rendered on first request and dropped when the register changes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ query: string }> };

async function selectionOf({ params }: Props): Promise<CompareSelection> {
  const { query } = await params;
  return selectCouncils(parseCompareQuery(queryFromSegment(query)));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const selection = await selectionOf(props);
  const names = selection.councils.map((c) => c.shortName);
  const comparing = comparable(selection) && names.length >= MIN_COMPARED;
  return {
    title: comparing ? `Compare councils: ${names.join(", ")}` : "Compare councils",
    description:
      "Up to six councils side by side: the shared arrangements each takes part in, its share " +
      "of their savings (per resident and year by year) and the services it shares.",
    alternates: { canonical: compareHref(selection.councils.map((c) => c.code)) },
  };
}

/** The form's messages by field: the list chosen, or the council to add. */
function formErrors(problems: CompareProblem[]): Record<string, string> {
  const about = (kinds: CompareProblem["kind"][]) =>
    problems
      .filter((p) => kinds.includes(p.kind))
      .map(problemText)
      .join(" ");
  const errors: Record<string, string> = {};
  const list = about(["too-many"]);
  const add = about(["malformed", "unknown", "not-formed", "no-successor"]);
  if (list) errors.councils = list;
  if (add) errors.add = add;
  return errors;
}

export default async function ComparePage(props: Props) {
  const selection = await selectionOf(props);
  const { councils, replaced, problems } = selection;
  const comparing = comparable(selection) && councils.length >= MIN_COMPARED;
  const [comparison, groups] = await Promise.all([
    comparing ? compareCouncils(councils) : null,
    partnerFinderCouncils(),
  ]);
  const tooFew = problems.find((p) => p.kind === "too-few");

  return (
    <>
      <Breadcrumbs trail={[{ href: "/", label: "National picture" }]} current="Compare councils" />
      <h1 className="mt-2 text-3xl font-bold text-brand sm:text-4xl">Compare councils</h1>
      <p className="mt-3 max-w-3xl text-lg text-ink-muted">
        Put two to six councils of any type side by side: the shared arrangements each takes part in
        today, its share of what they save (in all, per resident and year by year), the savings of
        its partnerships as a whole, and the services it shares.
      </p>

      <CompareForm
        chosen={councils.map((c) => ({ code: c.code, name: c.name }))}
        councils={groups.map((g) => ({
          label: g.region,
          options: g.councils.map((c) => ({ value: c.code, label: c.name })),
        }))}
        errors={formErrors(problems)}
      />

      {replaced.length > 0 ? (
        <div
          className="mt-6 border-l-8 border-rule-strong bg-surface p-4"
          data-testid="compare-replaced"
        >
          {replaced.map((r) => (
            <p key={r.code}>{replacementText(r)}</p>
          ))}
        </div>
      ) : null}
      {tooFew ? (
        <p className="mt-6 font-semibold" data-testid="compare-too-few">
          {problemText(tooFew)}
        </p>
      ) : null}

      {comparison ? (
        <>
          <p className="no-print mt-6">
            Link to this comparison:{" "}
            <Link href={compareHref(councils.map((c) => c.code))} data-testid="compare-link">
              {compareHref(councils.map((c) => c.code))}
            </Link>
          </p>
          <ComparisonSections comparison={comparison} />
        </>
      ) : null}
    </>
  );
}
