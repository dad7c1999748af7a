import { financialYearLabel } from "@/lib/financial-year";
import { formatDateTime, formatLongDate } from "@/lib/format/dates";
import { formatPence } from "@/lib/money";
import { isAuditAction, type AuditAction } from "./actions";
import { humanise } from "./diff";

/*
 * Each audit event as a sentence an administrator reads without knowing the codes: "Jo Bloggs
 * (Devon County Council) submitted ‘Shared legal service’ for review". People, organisations and
 * arrangements are links: a person to their user record, an organisation to its record, an
 * arrangement to the review page of the revision the event concerns (the administrators' page
 * for it) or, when there is none, to its public page while it is published. One sentence per
 * kind in AUDIT_ACTIONS (a Record, so the type-check fails when a kind has none); a kind this
 * version does not know reads as a generic sentence, never as its bare code.
 *
 * Pure module: the page renders the parts, the CSV export joins them into text.
 */

export type SentenceLink = { text: string; href: string };
export type SentencePart = string | SentenceLink;

type Named = { id: number; name: string };

/** An event with the names its ids stand for today (lib/audit-log/queries.ts looks them up). */
export type NamedAuditEvent = {
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** Who acted; null when nobody was signed in (a failed sign-in) or for the seed. */
  actor: Named | null;
  organisation: Named | null;
  /** The account the event is about, when it is about one (entity type "user"). */
  user: Named | null;
  /** The arrangement the event is about, as it stands now; null when it no longer exists. */
  arrangement: {
    id: number;
    /**
     * The title of the revision the event names, else its newest (a title the event recorded
     * itself is preferred: it was the title then).
     */
    title: string | null;
    slug: string;
    published: boolean;
    /** The revision the event names, when an administrator can open it on the review page. */
    reviewRevisionId: number | null;
  } | null;
};

type Describe = (event: NamedAuditEvent) => SentencePart[];

/* Reading the stored JSON, which any version of a command may have written. ----------------- */

function field(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null || Array.isArray(at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function whole(value: unknown): number | null {
  const n = typeof value === "string" && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** The revision an arrangement event concerns: the one saved, submitted, decided or answered. */
export function namedRevisionId(before: unknown, after: unknown): number | null {
  return (
    whole(field(after, "revisionId")) ??
    whole(field(after, "publishedRevisionId")) ??
    whole(field(before, "revisionId"))
  );
}

/* The parts of a sentence. ------------------------------------------------------------------ */

function quoted(part: SentencePart): SentencePart[] {
  return ["‘", part, "’"];
}

/** "A, B and C". */
function listed(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function longDate(value: unknown): string | null {
  const iso = text(value);
  if (!iso) return null;
  try {
    return formatLongDate(iso.slice(0, 10));
  } catch {
    return iso;
  }
}

function userLink(user: Named): SentenceLink {
  return { text: user.name, href: `/admin/users/${user.id}` };
}

function organisationLink(organisation: Named): SentenceLink {
  return { text: organisation.name, href: `/admin/organisations/${organisation.id}` };
}

/** Who acted: their name, linked; "Someone" when nobody was signed in. */
function actor(event: NamedAuditEvent): SentencePart[] {
  return [event.actor ? userLink(event.actor) : "Someone who was not signed in"];
}

/** Who acted and for which organisation: "Jo Bloggs (Devon County Council)". */
function actorFor(event: NamedAuditEvent): SentencePart[] {
  if (!event.organisation) return actor(event);
  return [...actor(event), " (", organisationLink(event.organisation), ")"];
}

function organisation(event: NamedAuditEvent): SentencePart[] {
  return [event.organisation ? organisationLink(event.organisation) : "an organisation"];
}

/** The account an event is about: its holder's name, linked, or the email address typed. */
function account(event: NamedAuditEvent): SentencePart[] {
  if (event.user) return [userLink(event.user)];
  const email = text(field(event.after, "email"));
  return email ? [email] : ["an account"];
}

/** The title the event itself recorded (the title at the time), wherever its command put it. */
function recordedTitle(event: NamedAuditEvent): string | null {
  return (
    text(field(event.after, "title")) ??
    text(field(event.after, "content", "title")) ??
    text(field(event.before, "content", "title")) ??
    text(field(event.before, "title"))
  );
}

/** Where an administrator reads the arrangement: its review page, else its public page. */
function arrangementHref(arrangement: NonNullable<NamedAuditEvent["arrangement"]>): string | null {
  if (arrangement.reviewRevisionId) return `/admin/review/${arrangement.reviewRevisionId}`;
  if (arrangement.published) return `/arrangements/${arrangement.slug}`;
  return null;
}

/** "‘Shared legal service’", linked where there is a page for it. */
function arrangement(event: NamedAuditEvent): SentencePart[] {
  const title = recordedTitle(event) ?? event.arrangement?.title ?? null;
  const href = event.arrangement ? arrangementHref(event.arrangement) : null;
  if (!title) {
    // A draft may be saved without a title (drafts save as they are); it still exists.
    if (event.arrangement)
      return [href ? { text: "an untitled arrangement", href } : "an untitled arrangement"];
    return [event.entityId ? "an arrangement that no longer exists" : "an arrangement"];
  }
  return quoted(href ? { text: title, href } : title);
}

/* What each kind says. ---------------------------------------------------------------------- */

const SIGN_IN_REFUSALS: Record<string, string> = {
  "unknown-email": "no account has that email address",
  "wrong-password": "the password was wrong",
  disabled: "the account is disabled",
  invited: "the invitation has not been accepted yet",
  "email-not-verified": "the single sign-on provider had not verified the email address",
};

const RESET_OUTCOMES: Record<string, string> = {
  sent: "a link was emailed",
  "too-many-requests": "nothing was sent: too many requests",
  "unknown-email": "nothing was sent: no account has that email address",
  disabled: "nothing was sent: the account is disabled",
  invited: "nothing was sent: the invitation has not been accepted yet",
};

/** What an editor tried to do when access was refused (lib/arrangements/commands/access.ts). */
const REFUSED_COMMANDS: Record<string, string> = {
  save: "save",
  submit: "submit",
  withdraw: "withdraw",
  "delete-draft": "delete the draft of",
  "discard-changes": "discard the changes to",
  create: "create",
  "confirm-partner": "confirm taking part in",
  "dispute-partner": "dispute taking part in",
};

/** A code a person might see anyway (a reason, an outcome), in words. */
function worded(table: Record<string, string>, code: unknown): string | null {
  const value = text(code);
  if (!value) return null;
  return table[value] ?? humanise(value).toLowerCase();
}

function roleWithArticle(role: unknown): string {
  return role === "admin"
    ? "an administrator"
    : role === "council_editor"
      ? "a council editor"
      : "";
}

function withReason(parts: SentencePart[], reason: unknown): SentencePart[] {
  const said = text(reason);
  return said ? [...parts, ": “", said, "”"] : parts;
}

function signIn(event: NamedAuditEvent): SentencePart[] {
  const sso = field(event.after, "provider") === "oidc";
  return [...actorFor(event), sso ? " signed in with single sign-on" : " signed in"];
}

function signInFailed(event: NamedAuditEvent): SentencePart[] {
  const how = field(event.after, "provider") === "oidc" ? "single sign-on " : "";
  const reason = worded(SIGN_IN_REFUSALS, field(event.after, "reason"));
  return [
    `A ${how}sign-in as `,
    ...account(event),
    " was refused",
    ...(reason ? [`: ${reason}`] : []),
  ];
}

function passwordResetRequested(event: NamedAuditEvent): SentencePart[] {
  const outcome = worded(RESET_OUTCOMES, field(event.after, "outcome"));
  return [
    "A password reset was asked for ",
    ...account(event),
    ...(outcome ? [`: ${outcome}`] : []),
  ];
}

function roleChanged(event: NamedAuditEvent): SentencePart[] {
  const role = field(event.after, "role");
  const of =
    role === "council_editor" && event.organisation ? [" of ", ...organisation(event)] : [];
  return [
    ...actor(event),
    " made ",
    ...account(event),
    ` ${roleWithArticle(role) || "a new role"}`,
    ...of,
  ];
}

function invited(event: NamedAuditEvent): SentencePart[] {
  const role = field(event.after, "role");
  const email = text(field(event.after, "email"));
  const of =
    role === "council_editor" && event.organisation ? [" of ", ...organisation(event)] : [];
  return [
    ...actor(event),
    " invited ",
    ...account(event),
    ...(email && event.user ? [` (${email})`] : []),
    ...(roleWithArticle(role) ? [` as ${roleWithArticle(role)}`] : []),
    ...of,
  ];
}

function organisationChanged(event: NamedAuditEvent): SentencePart[] {
  const reorganised = field(event.after, "reason") === "reorganisation";
  return [
    ...actor(event),
    " moved ",
    ...account(event),
    " to ",
    ...organisation(event),
    ...(reorganised ? [" after a reorganisation"] : []),
  ];
}

function nameChanged(event: NamedAuditEvent): SentencePart[] {
  const from = text(field(event.before, "name"));
  const to = text(field(event.after, "name"));
  return [
    ...actorFor(event),
    " changed their name",
    ...(from ? [` from “${from}”`] : []),
    ...(to ? [` to “${to}”`] : []),
  ];
}

function imported(event: NamedAuditEvent): SentencePart[] {
  const n = whole(field(event.after, "imported")) ?? 0;
  const file = text(field(event.after, "fileName"));
  return [
    ...actorFor(event),
    ` imported ${n === 1 ? "1 arrangement" : `${n} arrangements`} as drafts`,
    ...(file ? [` from ${file}`] : []),
  ];
}

function created(event: NamedAuditEvent): SentencePart[] {
  const fromImport = field(event.after, "source") === "csv-import";
  const row = whole(field(event.after, "rowNumber"));
  return [
    ...actorFor(event),
    " created ",
    ...arrangement(event),
    fromImport ? ` as a draft, from an imported file${row ? ` (row ${row})` : ""}` : " as a draft",
  ];
}

function forecastConfirmed(event: NamedAuditEvent): SentencePart[] {
  const confirmed = field(event.after, "confirmed");
  const year = whole(field(confirmed, "financialYear"));
  const actual = text(field(confirmed, "actualPence"));
  const notAchieved = field(confirmed, "outcome") === "not-achieved";
  const what = notAchieved
    ? " was not achieved"
    : actual && /^\d+$/.test(actual)
      ? ` as an actual of ${formatPence(BigInt(actual))}`
      : " as an actual";
  return [
    ...actorFor(event),
    notAchieved ? " recorded that the " : " confirmed the ",
    year ? `${financialYearLabel(year)} ` : "",
    "forecast for ",
    ...arrangement(event),
    what,
  ];
}

function accessRefused(event: NamedAuditEvent): SentencePart[] {
  const command = text(field(event.after, "command"));
  const verb = worded(REFUSED_COMMANDS, command) ?? "change";
  const target = command === "create" ? ["an arrangement"] : arrangement(event);
  return [
    ...actorFor(event),
    ` tried to ${verb} `,
    ...target,
    command === "create" ? " and was refused" : " and was refused: it is not theirs to change",
  ];
}

function approved(event: NamedAuditEvent): SentencePart[] {
  return [
    ...actor(event),
    " approved and published ",
    ...arrangement(event),
    ...(event.organisation ? [" for ", ...organisation(event)] : []),
  ];
}

function rejected(event: NamedAuditEvent): SentencePart[] {
  return withReason(
    [...actor(event), " returned ", ...arrangement(event), " to ", ...organisation(event)],
    field(event.after, "reason"),
  );
}

function organisationCreated(event: NamedAuditEvent): SentencePart[] {
  const parts = field(event.after, "formedFrom");
  const names = Array.isArray(parts)
    ? parts.map((p) => text(field(p, "name"))).filter((n): n is string => n !== null)
    : [];
  const from = longDate(field(event.after, "startDate"));
  return [
    ...actor(event),
    " added ",
    ...organisation(event),
    ...(names.length ? [`, formed from ${listed(names)}`] : []),
    ...(names.length && from ? [` on ${from}`] : []),
  ];
}

function organisationReplaced(event: NamedAuditEvent): SentencePart[] {
  const after = event.after;
  const successors = field(after, "successors");
  const names = Array.isArray(successors)
    ? successors.map((s) => text(field(s, "name"))).filter((n): n is string => n !== null)
    : [text(field(after, "replacedByName"))].filter((n): n is string => n !== null);
  const successorId = whole(field(after, "replacedById"));
  const by: SentencePart[] =
    names.length === 1 && successorId && !Array.isArray(successors)
      ? [{ text: names[0]!, href: `/admin/organisations/${successorId}` }]
      : [names.length ? listed(names) : "its successor"];
  const lastDay = longDate(field(after, "endDate"));
  return [
    ...actor(event),
    " recorded that ",
    ...organisation(event),
    " was replaced by ",
    ...by,
    ...(lastDay ? [` (its last day: ${lastDay})`] : []),
  ];
}

function seeded(event: NamedAuditEvent): SentencePart[] {
  return [
    field(event.after, "demo") === true
      ? "The reference data and the demo data were loaded into the register"
      : "The reference data was loaded into the register",
  ];
}

function editionCreated(event: NamedAuditEvent): SentencePart[] {
  const name = text(field(event.after, "name"));
  // A moment, not a day: shown in UK time, as the edition's own page shows it.
  const asOf = text(field(event.after, "asOf"));
  const moment = asOf && !Number.isNaN(Date.parse(asOf)) ? formatDateTime(asOf) : null;
  return [
    ...actor(event),
    " published the edition ",
    ...(name ? quoted(name) : ["(no name recorded)"]),
    ...(moment ? [`: the register as it stood at ${moment}`] : []),
  ];
}

function exported(event: NamedAuditEvent): SentencePart[] {
  const filters = field(event.after, "filters");
  const filtered =
    typeof filters === "object" && filters !== null && Object.keys(filters).length > 0;
  return [
    ...actor(event),
    filtered ? " downloaded part of the audit log (CSV)" : " downloaded the whole audit log (CSV)",
  ];
}

/** "message 12", linked to the feedback page, where administrators read it. */
function feedbackMessage(event: NamedAuditEvent): SentencePart[] {
  const id = whole(event.entityId);
  return id ? [{ text: `message ${id}`, href: "/admin/feedback" }] : ["a message"];
}

function feedbackReceived(event: NamedAuditEvent): SentencePart[] {
  const page = text(field(event.after, "page"));
  return [
    "Someone sent feedback from the contact page (",
    ...feedbackMessage(event),
    ")",
    ...(page ? [" about ", ...quoted(page)] : []),
  ];
}

function feedbackExpired(event: NamedAuditEvent): SentencePart[] {
  const n = whole(field(event.after, "count"));
  const months = whole(field(event.after, "retentionMonths"));
  const what = n === 1 ? "1 feedback message" : `${n ?? "Some"} feedback messages`;
  return [`${what} older than ${months ?? 12} months ${n === 1 ? "was" : "were"} deleted`];
}

/** The sentence of every kind the application writes. */
export const AUDIT_SENTENCES: Record<AuditAction, Describe> = {
  "auth.sign_in": signIn,
  "auth.sign_in_failed": signInFailed,
  "auth.sign_in_throttled": (e) => [
    "A sign-in as ",
    ...account(e),
    " was refused: too many failed attempts, so it must wait",
  ],
  "auth.sign_out": (e) => [...actorFor(e), " signed out"],
  "auth.password_reset_requested": passwordResetRequested,
  "auth.password_reset_sent": (e) => [
    ...actor(e),
    " emailed ",
    ...account(e),
    " a link to reset their password",
  ],
  "auth.password_reset": (e) => [...actorFor(e), " chose a new password with an emailed link"],

  "user.invited": invited,
  "user.invitation_resent": (e) => [...actor(e), " sent ", ...account(e), " a new invitation"],
  "user.invitation_accepted": (e) => [
    ...actorFor(e),
    " accepted their invitation and chose a password",
  ],
  "user.name_changed": nameChanged,
  "user.password_changed": (e) => [
    ...actorFor(e),
    " changed their password and was signed out everywhere else",
  ],
  "user.password_change_failed": (e) => [
    ...actorFor(e),
    " tried to change their password but gave the wrong current password",
  ],
  "user.role_changed": roleChanged,
  "user.organisation_changed": organisationChanged,
  "user.disabled": (e) => [...actor(e), " disabled the account of ", ...account(e)],
  "user.enabled": (e) => [...actor(e), " enabled the account of ", ...account(e)],

  "arrangement.created": created,
  "arrangement.imported": imported,
  "arrangement.draft_started": (e) => [
    ...actorFor(e),
    " started a draft of changes to ",
    ...arrangement(e),
  ],
  "arrangement.draft_saved": (e) => [...actorFor(e), " saved the draft of ", ...arrangement(e)],
  "arrangement.forecast_confirmed": forecastConfirmed,
  "arrangement.submitted": (e) => [...actorFor(e), " submitted ", ...arrangement(e), " for review"],
  "arrangement.withdrawn": (e) => [...actorFor(e), " withdrew ", ...arrangement(e), " from review"],
  "arrangement.deleted": (e) => [...actorFor(e), " deleted the draft ", ...arrangement(e)],
  "arrangement.draft_deleted": (e) => [
    ...actorFor(e),
    " deleted the draft changes to ",
    ...arrangement(e),
  ],
  "arrangement.changes_discarded": (e) => [
    ...actorFor(e),
    " discarded the changes waiting on ",
    ...arrangement(e),
  ],
  "arrangement.access_refused": accessRefused,
  "arrangement.partner_confirmed": (e) => [
    ...actorFor(e),
    " confirmed taking part in ",
    ...arrangement(e),
  ],
  "arrangement.partner_disputed": (e) =>
    withReason(
      [...actorFor(e), " disputed taking part in ", ...arrangement(e)],
      field(e.after, "reason"),
    ),
  "arrangement.approved": approved,
  "arrangement.rejected": rejected,

  "organisation.created": organisationCreated,
  "organisation.updated": (e) => [...actor(e), " edited the record of ", ...organisation(e)],
  "organisation.replaced": organisationReplaced,
  "organisation.shares_changed": (e) => [
    ...actor(e),
    " changed how the arrangements of ",
    ...organisation(e),
    " are shared among its successors",
  ],

  "feedback.received": feedbackReceived,
  "feedback.handled": (e) => [...actor(e), " marked ", ...feedbackMessage(e), " handled"],
  "feedback.expired": feedbackExpired,

  "edition.created": editionCreated,
  "audit.exported": exported,
  seed: seeded,
};

/** "reports.rebuilt" → "Reports: rebuilt": a kind this version has no sentence for. */
export function actionLabelFallback(action: string): string {
  const [area, ...rest] = action.split(".");
  const what = rest.length ? humanise(rest.join(" ")).toLowerCase() : "";
  return what ? `${humanise(area ?? "")}: ${what}` : humanise(action);
}

/** A kind this version does not know, in words all the same, with what it concerns. */
function generic(event: NamedAuditEvent): SentencePart[] {
  const concerns: SentencePart[] =
    event.entityType === "arrangement"
      ? arrangement(event)
      : event.entityType === "user"
        ? account(event)
        : event.entityType === "organisation"
          ? organisation(event)
          : [humanise(event.entityType).toLowerCase(), event.entityId ? ` ${event.entityId}` : ""];
  return [
    ...(event.actor ? actorFor(event) : ["The system"]),
    ` recorded “${actionLabelFallback(event.action)}” about `,
    ...concerns,
  ];
}

/** The event as a sentence: text and links, ending without a full stop (the page adds none). */
export function auditSentence(event: NamedAuditEvent): SentencePart[] {
  const describe = isAuditAction(event.action) ? AUDIT_SENTENCES[event.action] : generic;
  return describe(event).filter((part) => part !== "");
}

/** The sentence as plain text, for the CSV export. */
export function sentenceText(parts: SentencePart[]): string {
  return parts.map((part) => (typeof part === "string" ? part : part.text)).join("");
}

/** Short names of the kinds, for the log's "Action" filter. */
const LABELS: Record<AuditAction, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in refused",
  "auth.sign_in_throttled": "Sign-in refused: too many attempts",
  "auth.sign_out": "Signed out",
  "auth.password_reset_requested": "Password reset asked for",
  "auth.password_reset_sent": "Password reset link sent by an administrator",
  "auth.password_reset": "Password reset with an emailed link",
  "user.invited": "User invited",
  "user.invitation_resent": "Invitation sent again",
  "user.invitation_accepted": "Invitation accepted",
  "user.name_changed": "Own name changed",
  "user.password_changed": "Own password changed",
  "user.password_change_failed": "Password change refused",
  "user.role_changed": "Role changed",
  "user.organisation_changed": "User moved to another organisation",
  "user.disabled": "Account disabled",
  "user.enabled": "Account enabled",
  "arrangement.created": "Arrangement created",
  "arrangement.imported": "Arrangements imported",
  "arrangement.draft_started": "Draft of changes started",
  "arrangement.draft_saved": "Draft saved",
  "arrangement.forecast_confirmed": "Past forecast confirmed",
  "arrangement.submitted": "Submitted for review",
  "arrangement.withdrawn": "Withdrawn from review",
  "arrangement.deleted": "Draft arrangement deleted",
  "arrangement.draft_deleted": "Draft changes deleted",
  "arrangement.changes_discarded": "Changes discarded",
  "arrangement.access_refused": "Access refused",
  "arrangement.partner_confirmed": "Partner confirmed taking part",
  "arrangement.partner_disputed": "Partner disputed taking part",
  "arrangement.approved": "Approved and published",
  "arrangement.rejected": "Returned to the council",
  "organisation.created": "Organisation added",
  "organisation.updated": "Organisation edited",
  "organisation.replaced": "Organisation replaced",
  "organisation.shares_changed": "Successors' shares changed",
  "feedback.received": "Feedback received",
  "feedback.handled": "Feedback marked handled",
  "feedback.expired": "Old feedback deleted",
  "edition.created": "Edition published",
  "audit.exported": "Audit log downloaded",
  seed: "Reference and demo data loaded",
};

/** A kind's short name ("Signed in"); a kind this version does not know, in words. */
export function auditActionLabel(action: string): string {
  return isAuditAction(action) ? LABELS[action] : actionLabelFallback(action);
}
