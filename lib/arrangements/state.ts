/*
 * The workspace state machine, in one place. An arrangement's workspace status follows from
 * whether it has a published revision and from its newest revision; each editor command may
 * start only from the statuses listed for it in TRANSITIONS. Pure module: safe anywhere.
 *
 *   status               published?  newest revision
 *   draft                no          draft
 *   submitted            no          submitted
 *   rejected             no          rejected
 *   published            yes         approved (or a discarded rejection / superseded)
 *   published-draft      yes         draft          ("published with changes pending")
 *   published-submitted  yes         submitted      ("published with changes pending")
 *   published-rejected   yes         rejected, not discarded
 *
 * Approving and rejecting are administrators' commands (lib/review), not the editor's.
 */

export type WorkspaceStatus =
  | "draft"
  | "submitted"
  | "rejected"
  | "published"
  | "published-draft"
  | "published-submitted"
  | "published-rejected";

export type EditorCommand = "save" | "submit" | "withdraw" | "delete-draft" | "discard-changes";

/** Which statuses each editor command may start from ("new" is an arrangement not yet made). */
export const TRANSITIONS: Record<EditorCommand, readonly (WorkspaceStatus | "new")[]> = {
  // Creates the arrangement, updates the open draft in place, or starts a new draft.
  save: ["new", "draft", "rejected", "published", "published-draft", "published-rejected"],
  // draft → submitted.
  submit: ["draft", "published-draft"],
  // submitted → draft.
  withdraw: ["submitted", "published-submitted"],
  // Never published: the arrangement goes entirely. Published: only its open draft goes.
  "delete-draft": ["draft", "rejected", "published-draft"],
  // Published: drop the open draft, or set the rejected revision aside (kept, marked discarded).
  "discard-changes": ["published-draft", "published-rejected"],
};

export function canDo(command: EditorCommand, status: WorkspaceStatus | "new"): boolean {
  return TRANSITIONS[command].includes(status);
}

export type StatusFacts = {
  published: boolean;
  /** State of the newest revision (highest version), or null if there is none. */
  latestState: "draft" | "submitted" | "approved" | "rejected" | "superseded" | null;
  latestDiscarded: boolean;
};

export function workspaceStatus(facts: StatusFacts): WorkspaceStatus {
  const { published, latestState } = facts;
  if (latestState === "draft") return published ? "published-draft" : "draft";
  if (latestState === "submitted") return published ? "published-submitted" : "submitted";
  if (latestState === "rejected" && !(published && facts.latestDiscarded))
    return published ? "published-rejected" : "rejected";
  return published ? "published" : "rejected";
}

/** What the status means to an editor, for messages and badges. */
export const STATUS_LABELS: Record<WorkspaceStatus, string> = {
  draft: "Draft",
  submitted: "Submitted for review",
  rejected: "Returned with comments",
  published: "Published",
  "published-draft": "Published, changes in draft",
  "published-submitted": "Published, changes submitted for review",
  "published-rejected": "Published, changes returned with comments",
};

const REFUSALS: Record<EditorCommand, string> = {
  save: "This arrangement is waiting for review, so it cannot be changed. Withdraw it from review first.",
  submit: "Only a draft can be submitted for review.",
  withdraw: "Only an arrangement waiting for review can be withdrawn.",
  "delete-draft": "There is no draft to delete.",
  "discard-changes": "There are no pending changes to discard.",
};

export function refusalMessage(command: EditorCommand): string {
  return REFUSALS[command];
}
