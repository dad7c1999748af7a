import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/page-header";
import { RevisionDiffView } from "@/components/review/revision-diff";
import { SummaryList } from "@/components/summary-list";
import { requireUser } from "@/lib/auth/access";
import { CONFIRMATION_LABELS } from "@/lib/confirmations/labels";
import { getPartnerRequest, type PartnerRequestDetail } from "@/lib/confirmations/queries";
import { formatDateTime } from "@/lib/format/dates";
import { arrangementIdParam } from "../../[id]/arrangement-id";
import { ConfirmForm, DisputeForm } from "./answer-forms";

export const metadata: Metadata = { title: "Confirm or dispute an arrangement" };

/** Who asks, which version, and the organisation's answer so far. */
function RequestFacts({ request: r }: { request: PartnerRequestDetail }) {
  return (
    <SummaryList
      testId="partner-request-facts"
      rows={[
        { term: "Lead organisation", value: r.leadName },
        {
          term: "Version",
          value:
            r.revisionState === "submitted"
              ? `${r.version}, submitted and waiting for review`
              : `${r.version}, published`,
        },
        {
          term: `${r.organisationName}’s answer`,
          value: (
            <>
              <strong>{CONFIRMATION_LABELS[r.state]}</strong>
              {r.answeredAt
                ? ` by ${r.answeredByName ?? "a colleague"} on ${formatDateTime(r.answeredAt)}`
                : null}
            </>
          ),
        },
        !!r.reason && {
          term: "Reason given",
          value: <span className="whitespace-pre-line">{r.reason}</span>,
        },
      ]}
    />
  );
}

/** What the partner is asked about: the submission beside what is published, or the public page. */
function WhatIsAsked({ request: r }: { request: PartnerRequestDetail }) {
  if (r.revisionState === "approved")
    return (
      <p className="mt-8 max-w-3xl">
        It is published: read it on <Link href={`/arrangements/${r.slug}`}>its public page</Link>.
        If you dispute it, that page shows {r.organisationName} as not confirmed.
      </p>
    );
  return (
    <section aria-labelledby="asked-heading" className="mt-10">
      <h2 id="asked-heading" className="mb-4 text-2xl font-bold">
        What {r.leadName} submitted
      </h2>
      <RevisionDiffView
        diff={r.diff}
        beforeLabel={r.publishedVersion ? `Published (version ${r.publishedVersion})` : "Published"}
        afterLabel={`Submitted (version ${r.version})`}
      />
    </section>
  );
}

export default async function PartnerRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = arrangementIdParam((await params).id);
  const request = await getPartnerRequest(user, id);
  if (!request) notFound();
  const props = { arrangementId: id, organisationName: request.organisationName };

  return (
    <div className="max-w-5xl">
      <BackLink href="/workspace/partners">Back to arrangements naming your organisation</BackLink>
      <p className="text-ink-muted">
        {request.leadName} names {request.organisationName} as a partner
      </p>
      <h1 className="text-3xl font-bold wrap-anywhere">{request.title}</h1>
      <RequestFacts request={request} />

      <section aria-labelledby="answer-heading" className="mt-10 border border-rule bg-surface p-4">
        <h2 id="answer-heading" className="text-2xl font-bold">
          Does {request.organisationName} take part?
        </h2>
        <p className="mt-2 max-w-3xl">
          You can change your answer later. A dispute stays until your organisation confirms, even
          if {request.leadName} submits the arrangement again.
        </p>
        <div className="mt-4 grid gap-10 md:grid-cols-2">
          <section aria-labelledby="confirm-heading">
            <h3 id="confirm-heading" className="mb-2 text-xl font-bold">
              Confirm
            </h3>
            <ConfirmForm {...props} />
          </section>
          <section aria-labelledby="dispute-heading">
            <h3 id="dispute-heading" className="mb-2 text-xl font-bold">
              Dispute
            </h3>
            <DisputeForm {...props} />
          </section>
        </div>
      </section>

      <WhatIsAsked request={request} />
    </div>
  );
}
