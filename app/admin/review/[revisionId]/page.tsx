import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/page-header";
import { RevisionDiffView } from "@/components/review/revision-diff";
import { requireAdmin } from "@/lib/auth/access";
import { getReview } from "@/lib/review/queries";
import { DecisionSection, OutcomeSection, PartnersSection, ReviewFacts } from "./review-sections";

export const metadata: Metadata = { title: "Review a submission" };

export default async function ReviewPage({ params }: { params: Promise<{ revisionId: string }> }) {
  const admin = await requireAdmin();
  const { revisionId } = await params;
  const review = /^\d{1,10}$/.test(revisionId) ? await getReview(admin, Number(revisionId)) : null;
  if (!review) notFound();
  const { submission, diff } = review;
  const before = review.base ? `Published (version ${review.base.version})` : "Published";
  const after = `${review.state === "submitted" ? "Submitted" : "This revision"} (version ${review.version})`;

  return (
    <div className="max-w-5xl">
      <BackLink href="/admin/review">Back to the review queue</BackLink>
      <p className="text-ink-muted">
        {diff.isNew ? "New arrangement" : `Change to a published arrangement`}
      </p>
      <h1 className="text-3xl font-bold wrap-anywhere">{submission.title}</h1>
      <ReviewFacts review={review} />
      <PartnersSection review={review} />
      {review.state === "submitted" ? (
        <DecisionSection review={review} />
      ) : (
        <OutcomeSection review={review} />
      )}
      <section aria-labelledby="changes-heading" className="mt-10">
        <h2 id="changes-heading" className="mb-4 text-2xl font-bold">
          {diff.isNew ? "What was submitted" : "What changed"}
        </h2>
        <RevisionDiffView diff={diff} beforeLabel={before} afterLabel={after} />
      </section>
    </div>
  );
}
