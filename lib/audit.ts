import "server-only";
import { auditEvents } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { AuditAction } from "@/lib/audit-log/actions";

export type AuditInput = {
  actorUserId: number | null;
  organisationId?: number | null;
  /** One of the kinds listed in lib/audit-log/actions.ts. */
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
};

/** Events per INSERT: one statement is limited to 65,535 parameters. */
const BATCH = 500;

function row(event: AuditInput): typeof auditEvents.$inferInsert {
  return {
    actorUserId: event.actorUserId,
    organisationId: event.organisationId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId == null ? null : String(event.entityId),
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId ?? null,
  };
}

/**
 * Appends an audit event. Pass the transaction that makes the change, so the event exists if
 * and only if the change does. Callers never put passwords or tokens in before/after.
 */
export async function recordAudit(writer: DbOrTx, event: AuditInput): Promise<void> {
  await writer.insert(auditEvents).values(row(event));
}

/** Appends many audit events (a bulk import's), in batches, with the same rules. */
export async function recordAudits(writer: DbOrTx, events: AuditInput[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH)
    await writer.insert(auditEvents).values(events.slice(i, i + BATCH).map(row));
}
