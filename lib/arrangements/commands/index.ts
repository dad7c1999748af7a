/*
 * The council editor's commands on arrangements. Each one
 *   1. checks who is asking: only a council editor, and only on an arrangement whose lead
 *      organisation is their own. Anything else answers `not-found` — the same answer as an
 *      arrangement that does not exist, so ids reveal nothing — and leaves an
 *      `arrangement.access_refused` audit event (./access.ts). Administrators are not editors:
 *      they approve or reject (lib/review) and get `not-found` here too;
 *   2. validates its input;
 *   3. locks the arrangement row, re-checks ownership and the state machine (../state.ts)
 *      under the lock, compares the caller's baseVersion with the arrangement's lock_version,
 *      makes the change and its audit event in one transaction (lib/commands/transact.ts), and
 *      raises lock_version (../lock-version.ts).
 *
 * Concurrency: every form carries `baseVersion` (arrangements.lock_version when it was
 * loaded). Every change to an arrangement or its revisions raises it, so a save from an older
 * form is told who changed it and when, and is given the stored values; nothing is written
 * (./failures.ts).
 *
 * Idempotency: saveDraft takes the rendered form's token; the same form sent twice writes
 * once (./replay.ts).
 */

export type { ArrangementCommandInput } from "./access";
export type { ArrangementFailure, ConflictDetails } from "./failures";
export {
  confirmForecast,
  OUTCOMES,
  type ConfirmForecastInput,
  type ForecastConfirmed,
  type Outcome,
} from "./confirm-forecast";
export { saveDraft, type SaveDraftInput, type SavedDraft } from "./save-draft";
export {
  deleteDraft,
  discardChanges,
  DECLARATION,
  DECLARATION_REQUIRED,
  submitForReview,
  withdrawSubmission,
  type StateChanged,
  type SubmitInput,
} from "./state-changes";
export { submitAllForReview, SUBMIT_ALL_MAX, type SubmitAllResult } from "./submit-all";
