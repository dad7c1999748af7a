import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/page-header";
import { getForEdit, type ArrangementForEdit } from "@/lib/arrangements/queries";
import { STATUS_LABELS } from "@/lib/arrangements/state";
import { requireUser } from "@/lib/auth/access";
import { formatDateTime } from "@/lib/format/dates";
import { partnerChoices, currentSavingsYear } from "@/lib/workspace/form-options";
import { withdrawSubmissionAction } from "../../actions";
import { ArrangementForm } from "../../arrangement-form";
import { CommandButton } from "../../command-button";
import { arrangementIdParam } from "../arrangement-id";

export const metadata: Metadata = { title: "Edit an arrangement" };

/** Submitted and waiting for review: read-only until withdrawn. */
function ReadOnly({ arrangement }: { arrangement: ArrangementForEdit }) {
  return (
    <div className="max-w-2xl">
      <BackLink href="/workspace">Back to your workspace</BackLink>
      <h1 className="text-3xl font-bold">{arrangement.values.title}</h1>
      <p className="mt-2 text-ink-muted">{STATUS_LABELS[arrangement.status]}</p>
      <div className="mt-6 border-l-8 border-brand bg-surface p-4">
        <h2 className="text-xl font-bold">This arrangement cannot be edited now</h2>
        <p className="mt-2">
          It is waiting for an administrator to review it, so it is read-only. To change it,
          withdraw it from review: it becomes a draft again, and you submit it again when you are
          ready.
        </p>
        <div className="mt-4 flex flex-wrap items-start gap-4">
          <CommandButton
            action={withdrawSubmissionAction}
            arrangementId={arrangement.arrangementId}
            baseVersion={arrangement.baseVersion}
            label="Withdraw from review"
            variant="secondary"
          />
          <Link href={`/workspace/${arrangement.arrangementId}/preview`} className="py-2">
            Preview it
          </Link>
        </div>
      </div>
    </div>
  );
}

/** The reviewer's reason, above the form, when it was returned. */
function ReviewNote({ arrangement }: { arrangement: ArrangementForEdit }) {
  if (arrangement.reviewNote === null) return null;
  return (
    <div className="mt-4 border-l-8 border-error bg-surface p-4">
      <h2 className="text-xl font-bold">
        Returned with comments
        {arrangement.reviewedAt ? ` on ${formatDateTime(arrangement.reviewedAt)}` : ""}
      </h2>
      <p className="mt-2 whitespace-pre-line">{arrangement.reviewNote}</p>
    </div>
  );
}

export default async function EditArrangementPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = arrangementIdParam((await params).id);
  const arrangement = await getForEdit(user, id);
  if (!arrangement) notFound();
  if (!arrangement.editable) return <ReadOnly arrangement={arrangement} />;

  return (
    <div className="max-w-4xl">
      <BackLink href="/workspace">Back to your workspace</BackLink>
      <h1 className="text-3xl font-bold">
        {arrangement.values.title.trim()
          ? `Edit “${arrangement.values.title}”`
          : "Edit an untitled draft"}
      </h1>
      <p className="mt-2 text-ink-muted">
        {STATUS_LABELS[arrangement.status]}
        {arrangement.publishedRevisionId !== null
          ? ". The published version stays public until your changes are approved."
          : ""}
      </p>
      <ReviewNote arrangement={arrangement} />
      <div className="mt-6">
        <ArrangementForm
          arrangementId={arrangement.arrangementId}
          baseVersion={arrangement.baseVersion}
          idempotencyKey={randomUUID()}
          lead={arrangement.lead}
          initial={arrangement.values}
          partnerOptions={await partnerChoices(arrangement.values.startDate || null)}
          currentYear={currentSavingsYear()}
          cancelHref={`/workspace/${arrangement.arrangementId}/preview`}
        />
      </div>
    </div>
  );
}
