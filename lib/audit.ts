import "server-only";
import { auditEvents } from "@/db/schema";
import type { DbOrTx } from "@/db/client";

export type AuditInput = {
  actorUserId: number | null;
  organisationId?: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
};

/**
 * Appends an audit event. Pass the transaction that makes the change, so the event exists if
 * and only if the change does. Callers never put passwords or tokens in before/after.
 */
export async function recordAudit(writer: DbOrTx, event: AuditInput): Promise<void> {
  await writer.insert(auditEvents).values({
    actorUserId: event.actorUserId,
    organisationId: event.organisationId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId == null ? null : String(event.entityId),
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId ?? null,
  });
}
