import Link from "next/link";
import { completenessOfValues, describeCompleteness } from "@/lib/arrangements/completeness";
import type { ArrangementForEdit } from "@/lib/arrangements/queries";
import { canDo, STATUS_LABELS } from "@/lib/arrangements/state";
import {
  deleteDraftAction,
  discardChangesAction,
  submitForReviewAction,
  withdrawSubmissionAction,
} from "../../actions";
import { CommandButton } from "../../command-button";
import { fieldOrder } from "../../field-order";
import { formatDateTime } from "@/lib/format/dates";

const COMMANDS = [
  {
    command: "submit",
    action: submitForReviewAction,
    label: "Submit for review",
    declaration: true,
  },
  {
    command: "withdraw",
    action: withdrawSubmissionAction,
    label: "Withdraw from review",
    variant: "secondary",
  },
  {
    command: "discard-changes",
    action: discardChangesAction,
    label: "Discard pending changes",
    variant: "warning",
  },
  { command: "delete-draft", action: deleteDraftAction, label: "Delete draft", variant: "warning" },
] as const;

/** The commands its status allows; with a published version, dropping the draft is "discard". */
function commandsFor(status: ArrangementForEdit["status"]) {
  const allowed = COMMANDS.filter((c) => canDo(c.command, status));
  const discard = allowed.some((c) => c.command === "discard-changes");
  return discard ? allowed.filter((c) => c.command !== "delete-draft") : allowed;
}

/** What the editor can do with it now: edit, submit, withdraw, discard or delete. */
function Commands({ arrangement }: { arrangement: ArrangementForEdit }) {
  const { arrangementId, baseVersion } = arrangement;
  return (
    <div className="mt-4 flex flex-wrap items-start gap-4">
      {arrangement.editable ? (
        <Link href={`/workspace/${arrangementId}/edit`} className="button button-secondary">
          Edit
        </Link>
      ) : null}
      {commandsFor(arrangement.status).map(({ command, ...button }) => (
        <CommandButton
          key={command}
          {...button}
          arrangementId={arrangementId}
          baseVersion={baseVersion}
          fieldsPage={`/workspace/${arrangementId}/edit`}
          fieldOrder={fieldOrder(arrangement.values)}
        />
      ))}
    </div>
  );
}

/** An open draft: how far it meets the submission rules, and which parts are still to do. */
function DraftProgress({ arrangement }: { arrangement: ArrangementForEdit }) {
  if (arrangement.revision.state !== "draft") return null;
  const completeness = completenessOfValues(arrangement.values);
  return (
    <p className="mt-2" data-testid="draft-progress">
      <strong>{describeCompleteness(completeness)}.</strong>{" "}
      {completeness.ready
        ? "Submit it for review when you are ready."
        : `Still to do before you can submit it: ${completeness.toDo.join(", ")}.`}
    </p>
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
      <DraftProgress arrangement={arrangement} />
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
