import { pgEnum } from "drizzle-orm/pg-core";

/* The enum types of the register's tables. */

export const organisationKind = pgEnum("organisation_kind", [
  "council",
  "fire",
  "police",
  "health",
  "other",
]);

export const userRole = pgEnum("user_role", ["council_editor", "admin"]);
export const userStatus = pgEnum("user_status", ["invited", "active", "disabled"]);

export const arrangementStage = pgEnum("arrangement_stage", ["planned", "operational", "ended"]);

export const revisionState = pgEnum("revision_state", [
  "draft",
  "submitted",
  "approved",
  "rejected",
  "superseded",
]);

export const authTokenPurpose = pgEnum("auth_token_purpose", ["reset", "invite"]);

export const partnerRole = pgEnum("partner_role", ["lead", "partner"]);
export const savingsKind = pgEnum("savings_kind", ["actual", "forecast"]);

/** How a user worked on a revision (four eyes counts every one of them). */
export const contributionKind = pgEnum("contribution_kind", [
  "created",
  "saved",
  "submitted",
  "imported",
]);

/** A partner organisation's answer to being named on an arrangement (issue 13, item 6). */
export const confirmationState = pgEnum("confirmation_state", ["pending", "confirmed", "disputed"]);
