import Link from "next/link";
import type { Column } from "@/components/data-table";
import { listHref } from "@/components/pagination";
import type { listAuditEvents } from "@/lib/audit-log/queries";
import { formatDateTime } from "@/lib/format/dates";

export type AuditEvent = Awaited<ReturnType<typeof listAuditEvents>>["events"][number];

/** A value before or after a change; "none" in words when there was none. */
function ChangeValue({ value, as: Tag }: { value: string | null; as: "del" | "ins" }) {
  if (value === null) return <span className="text-ink-muted italic">none</span>;
  return Tag === "del" ? (
    <del className="decoration-1">{value}</del>
  ) : (
    <ins className="font-semibold no-underline">{value}</ins>
  );
}

/** "field: old → new", one line per field the event changed. */
function Changes({ changes }: { changes: AuditEvent["changes"] }) {
  if (changes.length === 0) return <span className="text-ink-muted">No details</span>;
  return (
    <dl className="space-y-1">
      {changes.map((change) => (
        <div key={change.label}>
          <dt className="inline font-semibold">{change.label}: </dt>
          <dd className="inline whitespace-pre-line wrap-anywhere">
            <ChangeValue value={change.before} as="del" />
            <span aria-label="changed to"> → </span>
            <ChangeValue value={change.after} as="ins" />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A link to the log filtered to one person or organisation. */
function FilterLink({ filter, children }: { filter: Record<string, number>; children: string }) {
  return (
    <Link prefetch={false} href={listHref("/admin/audit", filter)}>
      {children}
    </Link>
  );
}

/** The audit log's columns: when, what, who, where, which record, and what changed. */
export const AUDIT_COLUMNS: Column<AuditEvent>[] = [
  { label: "When", cellClassName: "whitespace-nowrap", cell: (event) => formatDateTime(event.at) },
  { label: "Action", rowHeader: true, cellClassName: "font-mono", cell: (event) => event.action },
  {
    label: "Who",
    cell: (event) =>
      event.actorUserId ? (
        <FilterLink filter={{ user: event.actorUserId }}>
          {event.actorName ?? `User ${event.actorUserId}`}
        </FilterLink>
      ) : (
        "System"
      ),
  },
  {
    label: "Organisation",
    cell: (event) =>
      event.organisationId ? (
        <FilterLink filter={{ organisation: event.organisationId }}>
          {event.organisationName ?? ""}
        </FilterLink>
      ) : (
        "None"
      ),
  },
  {
    label: "Record",
    cellClassName: "break-all",
    cell: (event) => `${event.entityType}${event.entityId ? ` ${event.entityId}` : ""}`,
  },
  { label: "Before → after", cell: (event) => <Changes changes={event.changes} /> },
];
