import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/page-header";
import { RevisionDiffView } from "@/components/review/revision-diff";
import { requireAdmin } from "@/lib/auth/access";
import { getReview } from "@/lib/review/queries";
import { DecisionSection, OutcomeSection, PartnersSection, ReviewFacts } from "./review-sections";

export const metadata: Metadata = { title: "Review a submission" };

/*
 * The evidence first — what changed, the partners' answers, who worked on it — and the decision
 * after it. On a wide screen the decision sits in a column beside the evidence and stays in view
 * while the reviewer scrolls (position: sticky); on a narrow one it follows the evidence, in the
 * same order as the page's source, which is also the order of reading and of the Tab key.
 */
export default async function ReviewPage({ params }: { params: Promise<{ revisionId: string }> }) {
  const admin = await requireAdmin();
  const { revisionId } = await params;
  const review = /^\d{1,10}$/.test(revisionId) ? await getReview(admin, Number(revisionId)) : null;
  if (!review) notFound();
  const { submission, diff } = review;
  const before = review.base ? `Published (version ${review.base.version})` : "Published";
  const after = `${review.state === "submitted" ? "Submitted" : "This revision"} (version ${review.version})`;

  return (
    <div>
      <BackLink href="/admin/review">Back to the review queue</BackLink>
      <p className="text-ink-muted">
        {diff.isNew ? "New arrangement" : `Change to a published arrangement`}
      </p>
      <h1 className="text-3xl font-bold wrap-anywhere">{submission.title}</h1>
      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="min-w-0 space-y-10" data-testid="review-evidence">
          <section aria-labelledby="changes-heading">
            <h2 id="changes-heading" className="mb-4 text-2xl font-bold">
              {diff.isNew ? "What was submitted" : "What changed"}
            </h2>
            <RevisionDiffView diff={diff} beforeLabel={before} afterLabel={after} />
          </section>
          <PartnersSection review={review} />
          <ReviewFacts review={review} />
        </div>
        <div
          className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto"
          data-testid="review-decision"
        >
          {review.state === "submitted" ? (
            <DecisionSection review={review} />
          ) : (
            <OutcomeSection review={review} />
          )}
        </div>
      </div>
    </div>
  );
}
