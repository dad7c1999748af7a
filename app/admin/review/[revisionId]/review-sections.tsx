import { DataTable, type Column } from "@/components/data-table";
import { SummaryList } from "@/components/summary-list";
import { DECLARATION } from "@/lib/arrangements/declaration";
import { CONFIRMATION_LABELS } from "@/lib/confirmations/labels";
import type { PartnerAnswer } from "@/lib/confirmations/queries";
import type { ReviewDetail } from "@/lib/review/queries";
import { ApproveForm, RejectForm } from "./decision-forms";
import { formatDateTime } from "@/lib/format/dates";
import { describeKinds } from "@/lib/review/contributors";

const OUTCOME: Record<string, string> = {
  approved: "Approved and published",
  superseded: "Approved; since replaced by a later version",
  rejected: "Returned to the council",
};

/** Who leads it, who submitted and edited it, which version, and whether it is demo data. */
export function ReviewFacts({ review }: { review: ReviewDetail }) {
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="mb-2 text-2xl font-bold">
        About this submission
      </h2>
      <SummaryList
        rows={[
          {
            term: "Lead organisation",
            value: (
              <>
                {review.lead.name}
                {review.lead.replacedByName ? (
                  <span className="text-ink-muted">
                    {" "}
                    (now part of {review.lead.replacedByName})
                  </span>
                ) : null}
              </>
            ),
          },
          { term: "Region", value: review.lead.region ?? "None" },
          {
            term: "Submitted by",
            value: `${review.submittedByName ?? "Unknown"}${review.submittedAt ? ` on ${formatDateTime(review.submittedAt)}` : ""}`,
          },
          {
            term: "Declaration",
            testId: "review-declaration",
            value: review.declaredAt
              ? `${review.declaredByName ?? "Unknown"} confirmed “${DECLARATION}” on ${formatDateTime(review.declaredAt)}`
              : "None recorded (submitted before a declaration was asked for)",
          },
          { term: "Last edited by", value: review.authorName ?? "Unknown" },
          review.contributors.length > 0 && {
            term: "Worked on since last published",
            value: (
              <ul>
                {review.contributors.map((c) => (
                  <li key={c.userId}>
                    {c.name} ({describeKinds(c.kinds)})
                  </li>
                ))}
              </ul>
            ),
          },
          {
            term: "Version",
            value: `${review.version}${review.base ? ` (published now: version ${review.base.version})` : " (never published)"}`,
          },
          review.isIllustrative && {
            term: "Demo data",
            value: "This is an illustrative demo record, not a real arrangement.",
          },
        ]}
      />
    </section>
  );
}

/** Approve, or return with a reason; not for an administrator who worked on it (four eyes). */
export function DecisionSection({ review }: { review: ReviewDetail }) {
  const ids = { revisionId: review.revisionId, baseVersion: review.baseVersion };
  const disputed = review.partners.filter((p) => p.state === "disputed");
  return (
    <section aria-labelledby="decision-heading" className="border border-rule bg-surface p-4">
      <h2 id="decision-heading" className="text-2xl font-bold">
        Your decision
      </h2>
      {disputed.length > 0 ? (
        <p className="mt-3 border-l-8 border-error bg-paper p-3 font-semibold" role="note">
          {disputed.map((p) => p.name).join(", ")} {disputed.length === 1 ? "disputes" : "dispute"}{" "}
          taking part: see <a href="#partners-heading">the partners&rsquo; confirmation</a>.
        </p>
      ) : null}
      {review.fourEyes ? (
        <p className="mt-3 border-l-8 border-notice bg-notice-bg p-3 font-semibold" role="note">
          {review.fourEyes}
        </p>
      ) : (
        <div className="mt-4 grid gap-8 md:grid-cols-2 lg:grid-cols-1">
          <section aria-labelledby="approve-heading">
            <h3 id="approve-heading" className="mb-2 text-xl font-bold">
              Approve
            </h3>
            <ApproveForm {...ids} />
          </section>
          <section aria-labelledby="reject-heading">
            <h3 id="reject-heading" className="mb-2 text-xl font-bold">
              Return with a reason
            </h3>
            <RejectForm {...ids} />
          </section>
        </div>
      )}
    </section>
  );
}

/** What was decided, by whom and when, and the reason the council was given. */
export function OutcomeSection({ review }: { review: ReviewDetail }) {
  return (
    <section
      aria-labelledby="outcome-heading"
      className="border-l-8 border-rule-strong bg-surface p-4"
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
  );
}

const PARTNER_COLUMNS: Column<PartnerAnswer>[] = [
  { label: "Partner", rowHeader: true, cell: (p) => p.name },
  {
    label: "Answer",
    cell: (p) =>
      p.state === "disputed" ? (
        <strong className="text-error">{CONFIRMATION_LABELS.disputed}</strong>
      ) : (
        CONFIRMATION_LABELS[p.state]
      ),
  },
  {
    label: "By",
    cell: (p) =>
      p.answeredAt
        ? `${p.answeredByName ?? "Unknown"} on ${formatDateTime(p.answeredAt)}${p.answeredOnVersion ? ` (on version ${p.answeredOnVersion})` : ""}`
        : "—",
  },
  {
    label: "Reason",
    cellClassName: "whitespace-pre-line",
    cell: (p) => p.reason ?? "—",
  },
];

/** Each partner's confirmation; a dispute is said in words at the top as well as in the table. */
export function PartnersSection({ review }: { review: ReviewDetail }) {
  const disputed = review.partners.filter((p) => p.state === "disputed");
  return (
    <section aria-labelledby="partners-heading">
      <h2 id="partners-heading" className="text-2xl font-bold">
        Partners&rsquo; confirmation
      </h2>
      {disputed.length > 0 ? (
        <p
          className="mt-3 border-l-8 border-error bg-surface p-3 font-semibold"
          role="note"
          data-testid="partner-dispute-warning"
        >
          {disputed.map((p) => p.name).join(", ")} {disputed.length === 1 ? "disputes" : "dispute"}{" "}
          taking part. If you approve it anyway, the public page shows{" "}
          {disputed.length === 1 ? "it" : "them"} as not confirmed.
        </p>
      ) : null}
      <DataTable
        id="partner-answers"
        caption="Each partner organisation’s answer"
        captionClassName="sr-only"
        columns={PARTNER_COLUMNS}
        rows={review.partners}
        rowKey={(p) => p.organisationId}
        className="mt-4"
      />
    </section>
  );
}
