/*
 * Every kind of audit event the application writes, in one list. `recordAudit` accepts only
 * these (lib/audit.ts types its `action` with AuditAction), so a new kind must be added here
 * first, and the audit log's sentences (./sentences.ts) are a Record over this list, so the
 * type-check fails until the new kind has its sentence. Pure module.
 */

export const AUDIT_ACTIONS = [
  // Signing in and out, passwords.
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_throttled",
  "auth.sign_out",
  "auth.password_reset_requested",
  "auth.password_reset_sent",
  "auth.password_reset",
  // People's accounts.
  "user.invited",
  "user.invitation_resent",
  "user.invitation_accepted",
  "user.name_changed",
  "user.password_changed",
  "user.password_change_failed",
  "user.role_changed",
  "user.organisation_changed",
  "user.disabled",
  "user.enabled",
  // Arrangements: the council's work, partners' answers and the administrators' decisions.
  "arrangement.created",
  "arrangement.imported",
  "arrangement.draft_started",
  "arrangement.draft_saved",
  "arrangement.forecast_confirmed",
  "arrangement.submitted",
  "arrangement.withdrawn",
  "arrangement.deleted",
  "arrangement.draft_deleted",
  "arrangement.changes_discarded",
  "arrangement.access_refused",
  "arrangement.partner_confirmed",
  "arrangement.partner_disputed",
  "arrangement.approved",
  "arrangement.rejected",
  // Organisations and reorganisations.
  "organisation.created",
  "organisation.updated",
  "organisation.replaced",
  "organisation.shares_changed",
  // Feedback from the contact page.
  "feedback.received",
  "feedback.handled",
  "feedback.expired",
  // The register as a whole.
  "edition.created",
  "audit.exported",
  "seed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}
