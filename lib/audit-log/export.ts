import "server-only";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/access";
import { csvStream, type CsvRow } from "@/lib/csv/writer";
import { changesText } from "./diff";
import { auditEventBatches, type AuditRow } from "./queries";
import { sentenceText } from "./sentences";
import type { AuditFilters } from "./schemas";

/*
 * The filtered audit trail as CSV, streamed a thousand events at a time through the one CSV
 * writer (lib/csv/writer.ts), whose formula guard matters most here: names and before/after text
 * come from users and land in administrators' spreadsheets. Each row keeps the machine codes
 * (action, entity type and id, the JSON) and ends with the event as the page words it
 * (`description`). The export is itself an audited act: who took a copy of the trail, with
 * which filters.
 */

const HEADER = [
  "id",
  "at_utc",
  "action",
  "actor_name",
  "actor_email",
  "organisation_code",
  "organisation_name",
  "entity_type",
  "entity_id",
  "request_id",
  "changes",
  "before_json",
  "after_json",
  // Added last, so consumers that read the columns by position still find the others.
  "description",
];

function line(row: AuditRow): CsvRow {
  return [
    row.id,
    row.at.toISOString(),
    row.action,
    row.actorName,
    row.actorEmail,
    row.organisationCode,
    row.organisationName,
    row.entityType,
    row.entityId,
    row.requestId,
    changesText(row.changes),
    row.before === null ? null : JSON.stringify(row.before),
    row.after === null ? null : JSON.stringify(row.after),
    sentenceText(row.sentence),
  ];
}

export async function auditCsvStream(
  actor: CurrentUser,
  filters: AuditFilters,
  request: { requestId: string | null },
): Promise<ReadableStream<Uint8Array>> {
  if (actor.role !== "admin") throw new Error("Only administrators may export the audit log");
  const { page: _page, ...used } = filters;
  await recordAudit(db(), {
    actorUserId: actor.id,
    action: "audit.exported",
    entityType: "audit_log",
    after: { filters: used },
    requestId: request.requestId,
  });
  return csvStream(HEADER, auditEventBatches(actor, filters), line);
}
