import Link from "next/link";
import type { ArrangementForEdit } from "@/lib/arrangements/queries";
import { canDo, STATUS_LABELS } from "@/lib/arrangements/state";
import { formatDateTime } from "@/lib/users/labels";
import {
  deleteDraftAction,
  discardChangesAction,
  submitForReviewAction,
  withdrawSubmissionAction,
} from "../../actions";
import { CommandButton } from "../../command-button";

/** What the editor can do with it now: edit, submit, withdraw, discard or delete. */
function Commands({ arrangement }: { arrangement: ArrangementForEdit }) {
  const { status, arrangementId, baseVersion } = arrangement;
  const command = { arrangementId, baseVersion };
  return (
    <div className="mt-4 flex flex-wrap items-start gap-4">
      {arrangement.editable ? (
        <Link href={`/workspace/${arrangementId}/edit`} className="button button-secondary">
          Edit
        </Link>
      ) : null}
      {canDo("submit", status) ? (
        <CommandButton action={submitForReviewAction} {...command} label="Submit for review" />
      ) : null}
      {canDo("withdraw", status) ? (
        <CommandButton
          action={withdrawSubmissionAction}
          {...command}
          label="Withdraw from review"
          variant="secondary"
        />
      ) : null}
      {canDo("discard-changes", status) ? (
        <CommandButton
          action={discardChangesAction}
          {...command}
          label="Discard pending changes"
          variant="warning"
        />
      ) : canDo("delete-draft", status) ? (
        <CommandButton
          action={deleteDraftAction}
          {...command}
          label="Delete draft"
          variant="warning"
        />
      ) : null}
    </div>
  );
}

/** Where the arrangement stands (and the reviewer's reason, if returned), with its commands. */
export function StatusPanel({ arrangement }: { arrangement: ArrangementForEdit }) {
  return (
    <section aria-labelledby="status-heading" className="mb-8 border border-rule bg-surface p-4">
      <h2 id="status-heading" className="text-xl font-bold">
        Status: {STATUS_LABELS[arrangement.status]}
      </h2>
      <p className="mt-1 text-ink-muted">
        Version {arrangement.revision.version}.{" "}
        {arrangement.editable
          ? "Below is how the public will see it once it is approved."
          : "It is waiting for review and cannot be changed unless you withdraw it."}
      </p>
      {arrangement.reviewNote !== null ? (
        <div className="mt-3 border-l-8 border-error bg-paper p-3">
          <p className="font-semibold">
            Returned with comments
            {arrangement.reviewedAt ? ` on ${formatDateTime(arrangement.reviewedAt)}` : ""}
          </p>
          <p className="whitespace-pre-line">{arrangement.reviewNote}</p>
        </div>
      ) : null}
      <Commands arrangement={arrangement} />
    </section>
  );
}
