import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit-log/actions";
import {
  auditActionLabel,
  auditSentence,
  sentenceText,
  type NamedAuditEvent,
  type SentenceLink,
} from "@/lib/audit-log/sentences";

/*
 * Every kind of audit event reads as a sentence. The kinds come from the code (AUDIT_ACTIONS,
 * which recordAudit's type requires), so a kind added there without a sentence and a case here
 * fails; and a scan of the source finds every action the code writes, so a kind written around
 * recordAudit (raw SQL, the seed) cannot escape the list.
 */

const JO = { id: 7, name: "Jo Bloggs" };
const DEVON = { id: 3, name: "Devon County Council" };
const SAM = { id: 9, name: "Sam Smith" };
const LEGAL = {
  id: 518,
  title: "Shared legal service (now)",
  slug: "shared-legal-service",
  published: true,
  reviewRevisionId: null,
};

function event(overrides: Partial<NamedAuditEvent>): NamedAuditEvent {
  return {
    action: "auth.sign_in",
    entityType: "user",
    entityId: null,
    before: null,
    after: null,
    actor: JO,
    organisation: DEVON,
    user: null,
    arrangement: null,
    ...overrides,
  };
}

const onUser = (overrides: Partial<NamedAuditEvent> = {}) =>
  event({ entityType: "user", entityId: String(SAM.id), user: SAM, ...overrides });
const onSelf = (overrides: Partial<NamedAuditEvent> = {}) =>
  event({ entityType: "user", entityId: String(JO.id), user: JO, ...overrides });
const onArrangement = (overrides: Partial<NamedAuditEvent> = {}) =>
  event({
    entityType: "arrangement",
    entityId: String(LEGAL.id),
    arrangement: LEGAL,
    after: { title: "Shared legal service" },
    ...overrides,
  });
const onOrganisation = (overrides: Partial<NamedAuditEvent> = {}) =>
  event({ entityType: "organisation", entityId: String(DEVON.id), ...overrides });

/** One realistic event of each kind (as its command writes it) and the sentence it reads as. */
const CASES: Record<AuditAction, [NamedAuditEvent, string]> = {
  "auth.sign_in": [
    onSelf({ after: { provider: "password" } }),
    "Jo Bloggs (Devon County Council) signed in",
  ],
  "auth.sign_in_failed": [
    event({
      actor: null,
      entityId: String(SAM.id),
      user: SAM,
      after: { email: "sam@example.org", reason: "wrong-password" },
    }),
    "A sign-in as Sam Smith was refused: the password was wrong",
  ],
  "auth.sign_in_throttled": [
    event({
      actor: null,
      organisation: null,
      after: { email: "sam@example.org", ip: "192.0.2.1" },
    }),
    "A sign-in as sam@example.org was refused: too many failed attempts, so it must wait",
  ],
  "auth.sign_out": [onSelf(), "Jo Bloggs (Devon County Council) signed out"],
  "auth.password_reset_requested": [
    onUser({ actor: null, after: { email: "sam@example.org", outcome: "sent" } }),
    "A password reset was asked for Sam Smith: a link was emailed",
  ],
  "auth.password_reset_sent": [
    onUser({ after: { email: "sam@example.org" } }),
    "Jo Bloggs emailed Sam Smith a link to reset their password",
  ],
  "auth.password_reset": [
    onSelf({ before: { status: "active" }, after: { status: "active" } }),
    "Jo Bloggs (Devon County Council) chose a new password with an emailed link",
  ],
  "user.invited": [
    onUser({
      after: {
        email: "sam@example.org",
        name: "Sam Smith",
        role: "council_editor",
        status: "invited",
      },
    }),
    "Jo Bloggs invited Sam Smith (sam@example.org) as a council editor of Devon County Council",
  ],
  "user.invitation_resent": [onUser(), "Jo Bloggs sent Sam Smith a new invitation"],
  "user.invitation_accepted": [
    onSelf(),
    "Jo Bloggs (Devon County Council) accepted their invitation and chose a password",
  ],
  "user.name_changed": [
    onSelf({ before: { name: "Jo Blogs" }, after: { name: "Jo Bloggs" } }),
    "Jo Bloggs (Devon County Council) changed their name from “Jo Blogs” to “Jo Bloggs”",
  ],
  "user.password_changed": [
    onSelf({ after: { otherSessionsEnded: true } }),
    "Jo Bloggs (Devon County Council) changed their password and was signed out everywhere else",
  ],
  "user.password_change_failed": [
    onSelf({ after: { reason: "wrong-current-password" } }),
    "Jo Bloggs (Devon County Council) tried to change their password but gave the wrong current password",
  ],
  "user.role_changed": [
    onUser({ before: { role: "council_editor" }, after: { role: "admin", organisationId: null } }),
    "Jo Bloggs made Sam Smith an administrator",
  ],
  "user.organisation_changed": [
    onUser({ after: { organisationId: DEVON.id, reason: "reorganisation" } }),
    "Jo Bloggs moved Sam Smith to Devon County Council after a reorganisation",
  ],
  "user.disabled": [onUser(), "Jo Bloggs disabled the account of Sam Smith"],
  "user.enabled": [onUser(), "Jo Bloggs enabled the account of Sam Smith"],
  "arrangement.created": [
    onArrangement({
      after: { title: "Shared legal service", source: "csv-import", importId: "x", rowNumber: 4 },
    }),
    "Jo Bloggs (Devon County Council) created ‘Shared legal service’ as a draft, from an imported file (row 4)",
  ],
  "arrangement.imported": [
    event({
      entityType: "arrangement_import",
      entityId: "f3a1",
      after: { fileName: "devon.csv", imported: 3, rowsInFile: 4 },
    }),
    "Jo Bloggs (Devon County Council) imported 3 arrangements as drafts from devon.csv",
  ],
  "arrangement.draft_started": [
    onArrangement(),
    "Jo Bloggs (Devon County Council) started a draft of changes to ‘Shared legal service’",
  ],
  "arrangement.draft_saved": [
    onArrangement(),
    "Jo Bloggs (Devon County Council) saved the draft of ‘Shared legal service’",
  ],
  "arrangement.forecast_confirmed": [
    onArrangement({
      after: {
        title: "Shared legal service",
        confirmed: {
          financialYear: 2019,
          forecastPence: "100000",
          outcome: "actual",
          actualPence: "25000050",
        },
      },
    }),
    "Jo Bloggs (Devon County Council) confirmed the 2019/20 forecast for ‘Shared legal service’ as an actual of £250,000.50",
  ],
  "arrangement.submitted": [
    onArrangement({ before: { status: "draft", revisionId: 600 }, after: { state: "submitted" } }),
    "Jo Bloggs (Devon County Council) submitted ‘Shared legal service (now)’ for review",
  ],
  "arrangement.withdrawn": [
    onArrangement(),
    "Jo Bloggs (Devon County Council) withdrew ‘Shared legal service’ from review",
  ],
  "arrangement.deleted": [
    onArrangement({
      arrangement: null,
      before: { slug: "x", content: { title: "Shared legal service" } },
      after: null,
    }),
    "Jo Bloggs (Devon County Council) deleted the draft ‘Shared legal service’",
  ],
  "arrangement.draft_deleted": [
    onArrangement(),
    "Jo Bloggs (Devon County Council) deleted the draft changes to ‘Shared legal service’",
  ],
  "arrangement.changes_discarded": [
    onArrangement(),
    "Jo Bloggs (Devon County Council) discarded the changes waiting on ‘Shared legal service’",
  ],
  "arrangement.access_refused": [
    onArrangement({ after: { command: "submit", role: "council_editor" } }),
    "Jo Bloggs (Devon County Council) tried to submit ‘Shared legal service (now)’ and was refused: it is not theirs to change",
  ],
  "arrangement.partner_confirmed": [
    onArrangement(),
    "Jo Bloggs (Devon County Council) confirmed taking part in ‘Shared legal service’",
  ],
  "arrangement.partner_disputed": [
    onArrangement({ after: { state: "disputed", reason: "We left in 2020." } }),
    "Jo Bloggs (Devon County Council) disputed taking part in ‘Shared legal service (now)’: “We left in 2020.”",
  ],
  "arrangement.approved": [
    onArrangement({
      actor: SAM,
      after: { status: "published", content: { title: "Shared legal service" } },
    }),
    "Sam Smith approved and published ‘Shared legal service’ for Devon County Council",
  ],
  "arrangement.rejected": [
    onArrangement({ actor: SAM, after: { status: "rejected", reason: "Add the 2019/20 figure." } }),
    "Sam Smith returned ‘Shared legal service (now)’ to Devon County Council: “Add the 2019/20 figure.”",
  ],
  "organisation.created": [
    onOrganisation({
      after: {
        name: "Devon County Council",
        startDate: "2028-04-01",
        formedFrom: [{ name: "East Devon" }, { name: "Exeter" }, { name: "Mid Devon" }],
      },
    }),
    "Jo Bloggs added Devon County Council, formed from East Devon, Exeter and Mid Devon on 1 April 2028",
  ],
  "organisation.updated": [onOrganisation(), "Jo Bloggs edited the record of Devon County Council"],
  "organisation.replaced": [
    onOrganisation({
      after: { endDate: "2030-03-31", replacedById: 44, replacedByName: "Devon Unitary" },
    }),
    "Jo Bloggs recorded that Devon County Council was replaced by Devon Unitary (its last day: 31 March 2030)",
  ],
  "organisation.shares_changed": [
    onOrganisation(),
    "Jo Bloggs changed how the arrangements of Devon County Council are shared among its successors",
  ],
  "feedback.received": [
    event({
      entityType: "feedback",
      entityId: "12",
      actor: null,
      organisation: null,
      after: { page: "/map", length: 140, gaveName: false, gaveEmail: true },
    }),
    "Someone sent feedback from the contact page (message 12) about ‘/map’",
  ],
  "feedback.handled": [
    event({
      entityType: "feedback",
      entityId: "12",
      organisation: null,
      before: { handledAt: null },
      after: { handledAt: "2026-12-03T10:00:00.000Z" },
    }),
    "Jo Bloggs marked message 12 handled",
  ],
  "feedback.expired": [
    event({
      entityType: "feedback",
      actor: null,
      organisation: null,
      after: { count: 3, retentionMonths: 12 },
    }),
    "3 feedback messages older than 12 months were deleted",
  ],
  "edition.created": [
    event({
      entityType: "edition",
      entityId: "8",
      organisation: null,
      // 23:30 UTC on 31 March is 00:30 on 1 April in UK summer time.
      after: { name: "Spring 2026", asOf: "2026-03-31T23:30:00.000Z" },
    }),
    "Jo Bloggs published the edition ‘Spring 2026’: the register as it stood at 1 April 2026 at 00:30",
  ],
  "audit.exported": [
    event({ entityType: "audit_log", organisation: null, after: { filters: { user: 9 } } }),
    "Jo Bloggs downloaded part of the audit log (CSV)",
  ],
  seed: [
    event({ entityType: "database", actor: null, organisation: null, after: { demo: true } }),
    "The reference data and the demo data were loaded into the register",
  ],
};

function links(e: NamedAuditEvent): SentenceLink[] {
  return auditSentence(e).filter((p): p is SentenceLink => typeof p !== "string");
}

describe("every kind of audit event reads as a sentence", () => {
  it.each([...AUDIT_ACTIONS])("%s", (action) => {
    const found = CASES[action];
    expect(found, `no sentence case for ${action}`).toBeDefined();
    const [e, expected] = found;
    const words = sentenceText(auditSentence({ ...e, action }));
    expect(words).toBe(expected);
    // Never the code, never the generic sentence of an unknown kind, never a stray value.
    expect(words).not.toContain(action);
    expect(words).not.toMatch(/recorded “|undefined|null|\[object|NaN/);
    expect(auditActionLabel(action)).not.toContain(action);
  });

  it("has a distinct label for each kind, for the action filter", () => {
    const labels = AUDIT_ACTIONS.map(auditActionLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it("links the person, the organisation and the arrangement to their pages", () => {
    const submitted = onArrangement({
      action: "arrangement.submitted",
      arrangement: { ...LEGAL, published: false, reviewRevisionId: 600 },
    });
    expect(links(submitted)).toEqual([
      { text: "Jo Bloggs", href: "/admin/users/7" },
      { text: "Devon County Council", href: "/admin/organisations/3" },
      // The revision the event names opens on the review page, published or not.
      { text: "Shared legal service", href: "/admin/review/600" },
    ]);
    // No revision to review: the public page while it is published, else no link at all.
    expect(links({ ...submitted, arrangement: LEGAL }).at(-1)).toEqual({
      text: "Shared legal service",
      href: "/arrangements/shared-legal-service",
    });
    const unpublished = { ...submitted, arrangement: { ...LEGAL, published: false } };
    expect(links(unpublished)).toHaveLength(2);
    expect(sentenceText(auditSentence(unpublished))).toContain("‘Shared legal service’");

    const reset = CASES["auth.password_reset_sent"][0];
    expect(links({ ...reset, action: "auth.password_reset_sent" })).toEqual([
      { text: "Jo Bloggs", href: "/admin/users/7" },
      { text: "Sam Smith", href: "/admin/users/9" },
    ]);
    const replaced = CASES["organisation.replaced"][0];
    expect(links({ ...replaced, action: "organisation.replaced" }).slice(1)).toEqual([
      { text: "Devon County Council", href: "/admin/organisations/3" },
      { text: "Devon Unitary", href: "/admin/organisations/44" },
    ]);
  });

  it("names a draft saved without a title as untitled, linked where it can be read", () => {
    const untitled = { ...LEGAL, title: "", published: false };
    expect(
      sentenceText(
        auditSentence(
          onArrangement({
            action: "arrangement.draft_saved",
            after: { title: "" },
            arrangement: untitled,
          }),
        ),
      ),
    ).toBe("Jo Bloggs (Devon County Council) saved the draft of an untitled arrangement");
    const inReview = onArrangement({
      action: "arrangement.draft_saved",
      after: {},
      arrangement: { ...untitled, reviewRevisionId: 601 },
    });
    expect(links(inReview).at(-1)).toEqual({
      text: "an untitled arrangement",
      href: "/admin/review/601",
    });
  });

  it("names an arrangement that no longer exists without a link", () => {
    const gone = event({
      action: "arrangement.withdrawn",
      entityType: "arrangement",
      entityId: "77",
    });
    expect(sentenceText(auditSentence(gone))).toBe(
      "Jo Bloggs (Devon County Council) withdrew an arrangement that no longer exists from review",
    );
  });

  it("reads a kind it does not know as a generic sentence, never the bare code", () => {
    const unknown = onArrangement({ action: "arrangement.archived_for_ever" });
    expect(sentenceText(auditSentence(unknown))).toBe(
      "Jo Bloggs (Devon County Council) recorded “Arrangement: archived for ever” about ‘Shared legal service’",
    );
    const system = event({
      action: "csv-guard.x1",
      entityType: "user",
      actor: null,
      organisation: null,
    });
    expect(sentenceText(auditSentence(system))).toBe(
      "The system recorded “Csv guard: x1” about an account",
    );
    expect(auditActionLabel("reports.rebuilt")).toBe("Reports: rebuilt");
  });
});

/*
 * The kinds the source writes: every quoted "area.kind" literal in lib, app, db and scripts
 * (commands, ternaries, the seed's insert, the bench's raw SQL), and templates such as
 * `arrangement.partner_${answer.state}`. The list and its sentences are left out, of course.
 */

const ROOT = path.resolve(__dirname, "../..");
const AREAS = "auth|user|arrangement|organisation|feedback|edition|audit";
const LITERAL = new RegExp(`["'\`]((?:${AREAS})\\.[a-z_]+(?:\\$\\{[\\w.]+\\})?)["'\`]`, "g");

const VOCABULARY = ["actions.ts", "sentences.ts"].map((f) => path.join(ROOT, "lib/audit-log", f));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sources(full);
    return /\.(ts|tsx|mjs)$/.test(name) && !VOCABULARY.includes(full) ? [full] : [];
  });
}

describe("the list of kinds is the code's", () => {
  it("holds every action the code writes", () => {
    const written = new Set<string>();
    for (const file of ["lib", "app", "db", "scripts"].flatMap((d) => sources(path.join(ROOT, d))))
      for (const match of readFileSync(file, "utf8").matchAll(LITERAL)) written.add(match[1]!);
    // The seed's own kind has no area.
    expect(readFileSync(path.join(ROOT, "db/seed/index.ts"), "utf8")).toContain(
      'action: "seed" satisfies AuditAction',
    );
    expect(written.size).toBeGreaterThan(35);
    const known = new Set<string>(AUDIT_ACTIONS);
    for (const action of written) {
      // A template: the kinds it can make must be listed (its type is checked by recordAudit).
      const prefix = action.split("${")[0]!;
      const ok = action.includes("${")
        ? AUDIT_ACTIONS.some((a) => a.startsWith(prefix))
        : known.has(action);
      expect(ok, `${action} is written but not in AUDIT_ACTIONS`).toBe(true);
    }
    // And every listed kind is still written somewhere (a kind no code writes is a stale entry).
    for (const action of AUDIT_ACTIONS) {
      if (action === "seed") continue;
      const made =
        written.has(action) ||
        [...written].some((w) => w.includes("${") && action.startsWith(w.split("${")[0]!));
      expect(made, `${action} is listed but nothing writes it`).toBe(true);
    }
  });
});
