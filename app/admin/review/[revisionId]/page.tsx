import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionDiffView } from "@/components/review/revision-diff";
import { requireAdmin } from "@/lib/auth/access";
import { getReview } from "@/lib/review/queries";
import { formatDateTime } from "@/lib/format/dates";
import { ApproveForm, RejectForm } from "./decision-forms";

export const metadata: Metadata = { title: "Review a submission" };

const OUTCOME: Record<string, string> = {
  approved: "Approved and published",
  superseded: "Approved; since replaced by a later version",
  rejected: "Returned to the council",
};

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
      <p className="mb-4">
        <Link href="/admin/review">Back to the review queue</Link>
      </p>
      <p className="text-ink-muted">
        {diff.isNew ? "New arrangement" : `Change to a published arrangement`}
      </p>
      <h1 className="text-3xl font-bold wrap-anywhere">{submission.title}</h1>

      <dl className="mt-6 grid grid-cols-1 gap-x-6 gap-y-2 border-t border-rule pt-4 sm:grid-cols-[14rem_1fr]">
        <dt className="font-semibold">Lead organisation</dt>
        <dd>
          {review.lead.name}
          {review.lead.replacedByName ? (
            <span className="text-ink-muted"> (now part of {review.lead.replacedByName})</span>
          ) : null}
        </dd>
        <dt className="font-semibold">Region</dt>
        <dd>{review.lead.region ?? "None"}</dd>
        <dt className="font-semibold">Submitted by</dt>
        <dd>
          {review.submittedByName ?? "Unknown"}
          {review.submittedAt ? ` on ${formatDateTime(review.submittedAt)}` : ""}
        </dd>
        <dt className="font-semibold">Last edited by</dt>
        <dd>{review.authorName ?? "Unknown"}</dd>
        <dt className="font-semibold">Version</dt>
        <dd>
          {review.version}
          {review.base ? ` (published now: version ${review.base.version})` : " (never published)"}
        </dd>
        {review.isIllustrative ? (
          <>
            <dt className="font-semibold">Demo data</dt>
            <dd>This is an illustrative demo record, not a real arrangement.</dd>
          </>
        ) : null}
      </dl>

      {review.state === "submitted" ? (
        <section
          aria-labelledby="decision-heading"
          className="mt-10 border border-rule bg-surface p-4"
        >
          <h2 id="decision-heading" className="text-2xl font-bold">
            Your decision
          </h2>
          {review.ownSubmission ? (
            <p className="mt-3 border-l-8 border-notice bg-notice-bg p-3 font-semibold" role="note">
              You wrote or submitted this revision, so another administrator must review it (four
              eyes).
            </p>
          ) : (
            <div className="mt-4 grid gap-10 md:grid-cols-2">
              <section aria-labelledby="approve-heading">
                <h3 id="approve-heading" className="mb-2 text-xl font-bold">
                  Approve
                </h3>
                <ApproveForm revisionId={review.revisionId} baseVersion={review.baseVersion} />
              </section>
              <section aria-labelledby="reject-heading">
                <h3 id="reject-heading" className="mb-2 text-xl font-bold">
                  Return with a reason
                </h3>
                <RejectForm revisionId={review.revisionId} baseVersion={review.baseVersion} />
              </section>
            </div>
          )}
        </section>
      ) : (
        <section
          aria-labelledby="outcome-heading"
          className="mt-10 border-l-8 border-rule-strong bg-surface p-4"
        >
          <h2 id="outcome-heading" className="text-2xl font-bold">
            {OUTCOME[review.state] ?? review.state}
          </h2>
          <p className="mt-1">
            By {review.reviewedByName ?? "an administrator"}
            {review.reviewedAt ? ` on ${formatDateTime(review.reviewedAt)}` : ""}.
          </p>
          {review.reviewNote ? (
            <>
              <p className="mt-3 font-semibold">Reason given to the council</p>
              <p className="whitespace-pre-line">{review.reviewNote}</p>
            </>
          ) : null}
        </section>
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
